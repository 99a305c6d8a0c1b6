using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>Evidence from real work: closed incidents give draft records, which a coordinator confirms.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortEvidenceTests(PaspoortHost host)
{
    [Fact]
    public async Task ClosingAnIncident_GivesEachParticipantInAFunctionADraftDeployment()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var officer = await host.CreateUserAsync(CrisisRole.Officer, "Olga Officier");
        var person = await host.PersonAsync(officer, function);

        var incident = await host.CloseIncidentWithAsync(officer, function, title: "Brand Haven 4");
        var draft = await DraftOfAsync(person.Id, incident.Id);

        draft.Status.ShouldBe("draft");
        draft.Kind.ShouldBe("deployment");
        draft.Activity.ShouldBe("Inzet: Brand Haven 4");
        draft.Function.ShouldBe(function);
        draft.Date.ShouldBe(PaspoortHost.Today, "the day the incident was closed, in the region's zone");
        draft.RecordedBy.Name.ShouldBe("Crisis");
        var dossier = await host.DossierAsync(person.Id);
        dossier.Function(function).Status.ShouldBe("missing", "a draft does not count until it is confirmed");
    }

    [Fact]
    public async Task ClosingAnExercise_GivesAnExerciseDraftMarkedOefening()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var lead = await host.CreateUserAsync(CrisisRole.Member);
        var person = await host.PersonAsync(lead, function);

        var incident = await host.CloseIncidentWithAsync(lead, function, exercise: true, title: "Opvangoefening");
        var draft = await DraftOfAsync(person.Id, incident.Id);

        draft.Kind.ShouldBe("exercise");
        draft.Activity.ShouldBe("OEFENING: Opvangoefening");
    }

    [Fact]
    public async Task Drafts_AreNotDuplicated_ByAnotherNodeOrARedelivery()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var officer = await host.CreateUserAsync(CrisisRole.Officer);
        var person = await host.PersonAsync(officer, function);
        var incident = await host.CloseIncidentWithAsync(officer, function);
        await DraftOfAsync(person.Id, incident.Id);

        // What every node's consumer does for the same event, at the same moment, each with its own database context.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaspoortDraftService>().CreateDraftsAsync(incident.Id);
        }));
        var viaApi = await (await host.CoordinatorAsync()).PostAsync($"/api/paspoort/drafts/incidents/{incident.Id}", null);

        runs.ShouldAllBe(n => n == 0);
        await viaApi.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await viaApi.Content.ReadFromJsonAsync<List<RecordDto>>(Json.Options))!.ShouldHaveSingleItem().PersonId.ShouldBe(person.Id);
        (await host.DossierAsync(person.Id)).Records.Count(r => r.IncidentId == incident.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Drafts_ConcurrentFirstRuns_StoreEachDraftOnce()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var people = new List<Guid>();
        var client = await host.CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/incidents", new { title = "Wateroverlast", grip = 1 }, Json.Options);
        var incident = (await response.Content.ReadFromJsonAsync<Crisis.Web.Incidents.IncidentDto>(Json.Options))!;
        for (var i = 0; i < 4; i++)
        {
            var user = await host.CreateUserAsync(CrisisRole.Officer);
            people.Add((await host.PersonAsync(user, function)).Id);
            (await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = user.Email, function }, Json.Options)).EnsureSuccessStatusCode();
        }
        (await client.PostAsync($"/api/incidents/{incident.Id}/close", null)).EnsureSuccessStatusCode();

        // Races the bus consumer of this node as well: whoever comes first stores a draft, the others add nothing.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaspoortDraftService>().CreateDraftsAsync(incident.Id);
        }));

        runs.Sum().ShouldBeLessThanOrEqualTo(4);
        foreach (var personId in people)
        {
            await DraftOfAsync(personId, incident.Id);
            (await host.DossierAsync(personId)).Records.Count(r => r.IncidentId == incident.Id).ShouldBe(1);
        }
    }

    [Fact]
    public async Task ConfirmingADraft_MakesItCount_WithResultAndNotes()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var officer = await host.CreateUserAsync(CrisisRole.Officer);
        var person = await host.PersonAsync(officer, function);
        var incident = await host.CloseIncidentWithAsync(officer, function);
        var draft = await DraftOfAsync(person.Id, incident.Id);
        var client = await host.CoordinatorAsync();

        var pending = await client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/paspoort/drafts", Json.Options);
        var noResult = await client.PostAsJsonAsync($"/api/paspoort/records/{draft.Id}/confirm", new { notes = "x" }, Json.Options);
        var byThemself = await host.ClientFor(officer).PostAsJsonAsync($"/api/paspoort/records/{draft.Id}/confirm", new { result = "passed" }, Json.Options);
        var confirm = await client.PostAsJsonAsync($"/api/paspoort/records/{draft.Id}/confirm",
            new { result = "attended", notes = "Goed overzicht in het COPI." }, Json.Options);
        var again = await client.PostAsJsonAsync($"/api/paspoort/records/{draft.Id}/confirm", new { result = "passed" }, Json.Options);

        pending!.ShouldContain(p => p.GetProperty("record").GetProperty("id").GetGuid() == draft.Id);
        await noResult.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "result");
        await byThemself.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await confirm.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var confirmed = (await confirm.Content.ReadFromJsonAsync<RecordDto>(Json.Options))!;
        confirmed.Status.ShouldBe("confirmed");
        confirmed.Result.ShouldBe("attended");
        confirmed.Notes.ShouldBe("Goed overzicht in het COPI.");
        confirmed.VoidsRecordId.ShouldBe(draft.Id);
        confirmed.IncidentId.ShouldBe(incident.Id);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var dossier = await host.DossierAsync(person.Id);
        dossier.Function(function).Status.ShouldBe("current");
        dossier.Records.Single(r => r.Id == draft.Id).VoidedBy.ShouldBe(confirmed.Id);
        (await client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/paspoort/drafts", Json.Options))!
            .ShouldNotContain(p => p.GetProperty("record").GetProperty("id").GetGuid() == draft.Id);
    }

    [Fact]
    public async Task DraftsFromIncident_RefusesAnOpenIncident()
    {
        var client = await host.CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/incidents", new { title = "Nog bezig", exercise = true }, Json.Options);
        var incident = (await response.Content.ReadFromJsonAsync<Crisis.Web.Incidents.IncidentDto>(Json.Options))!;

        await (await client.PostAsync($"/api/paspoort/drafts/incidents/{incident.Id}", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Close the exercise first");
        await (await client.PostAsync($"/api/paspoort/drafts/incidents/{Guid.NewGuid()}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Waits for the bus consumer to store the draft (it runs after the close is acknowledged).</summary>
    private async Task<RecordDto> DraftOfAsync(Guid personId, Guid incidentId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var draft = (await host.DossierAsync(personId)).Records.FirstOrDefault(r => r.IncidentId == incidentId && r.Status == "draft");
            if (draft is not null)
            {
                return draft;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"No draft for person {personId} from incident {incidentId} appeared within 10 s.");
    }
}
