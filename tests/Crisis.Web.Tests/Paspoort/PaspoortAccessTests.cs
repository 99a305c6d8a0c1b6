using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>Who reads and writes paspoorts: nobody writes their own records; others read only their own.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortAccessTests(PaspoortHost host)
{
    private static readonly LocalDate Day = new(2028, 2, 1);

    [Theory]
    [InlineData(CrisisRole.Member)]
    [InlineData(CrisisRole.Viewer)]
    [InlineData(CrisisRole.Officer)]
    public async Task Dossier_OthersReadOnlyTheirOwn_AndADeniedReadIsAudited(CrisisRole role)
    {
        var user = await host.CreateUserAsync(role);
        var own = await host.PersonAsync(user, "OVD-BZ");
        var other = await host.PersonAsync(null, "OVD-BZ");
        var client = host.ClientFor(user);

        var mine = await client.GetAsync($"/api/paspoort/{own.Id}");
        var me = await client.GetAsync("/api/paspoort/me");
        var theirs = await client.GetAsync($"/api/paspoort/{other.Id}");
        var export = await client.GetAsync($"/api/paspoort/{other.Id}/export?format=csv");

        await mine.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var dossier = (await mine.Content.ReadFromJsonAsync<DossierDto>(Json.Options))!;
        dossier.Person.Id.ShouldBe(own.Id);
        dossier.Functions.Single().Function.ShouldBe("OVD-BZ");
        dossier.Functions.Single().Requirements.Select(r => r.Code).ShouldBe(["OVD-BASIS", "LCMS-TRAINING", "OVD-OEFENING"], ignoreOrder: true);
        (await me.Content.ReadFromJsonAsync<DossierDto>(Json.Options))!.Person.Id.ShouldBe(own.Id);
        await theirs.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "only your own");
        await export.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var denied = await AuditAsync(a => a.UserId == user.Id && a.Outcome == AuditOutcome.Denied);
        denied.Select(a => a.Action).ShouldBe(["paspoort.read", "paspoort.read"]);
        denied.ShouldAllBe(a => a.Target == $"person/{other.Id}");
    }

    [Theory]
    [InlineData(CrisisRole.Coordinator)]
    [InlineData(CrisisRole.ExerciseLead)]
    public async Task Dossier_CoordinatorsAndExerciseLeadsReadEveryone_UnknownPersonIs404(CrisisRole role)
    {
        var user = await host.CreateUserAsync(role);
        var other = await host.PersonAsync(null, "HIN");
        var client = host.ClientFor(user);

        await (await client.GetAsync($"/api/paspoort/{other.Id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync($"/api/paspoort/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "no person");
        await (await client.GetAsync("/api/paspoort/me")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not registered");
    }

    [Theory]
    [InlineData(CrisisRole.Member)]
    [InlineData(CrisisRole.Viewer)]
    [InlineData(CrisisRole.Officer)]
    public async Task Record_OnlyCoordinatorsAndExerciseLeadsWrite_OthersAre403AndNothingIsStored(CrisisRole role)
    {
        var user = await host.CreateUserAsync(role);
        var own = await host.PersonAsync(user, "HIN");
        var other = await host.PersonAsync(null, "HIN");
        var client = host.ClientFor(user);

        foreach (var personId in new[] { own.Id, other.Id })
        {
            var response = await client.PostAsJsonAsync("/api/paspoort/records",
                new { personId, kind = "training", activity = "LCMS-training", date = Day, requirement = "LCMS-TRAINING" }, Json.Options);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only coordinators and exercise leads");
        }
        var attendance = await client.PostAsJsonAsync("/api/paspoort/attendance",
            new { kind = "training", activity = "LCMS", date = Day, people = new[] { new { personId = other.Id } } }, Json.Options);

        await attendance.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.DossierAsync(own.Id)).Records.ShouldBeEmpty();
        (await host.DossierAsync(other.Id)).Records.ShouldBeEmpty();
        (await AuditAsync(a => a.UserId == user.Id && a.Outcome == AuditOutcome.Denied && a.Action.StartsWith("paspoort."))).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(CrisisRole.Coordinator)]
    [InlineData(CrisisRole.ExerciseLead)]
    public async Task Record_NobodyWritesTheirOwnRecords_ButOthersCan(CrisisRole role)
    {
        var user = await host.CreateUserAsync(role);
        var own = await host.PersonAsync(user, "HIN");
        var other = await host.PersonAsync(null, "HIN");
        var client = host.ClientFor(user);

        var forSelf = await client.PostAsJsonAsync("/api/paspoort/records",
            new { personId = own.Id, kind = "training", activity = "LCMS-training", date = Day, requirement = "LCMS-TRAINING" }, Json.Options);
        var inList = await client.PostAsJsonAsync("/api/paspoort/attendance",
            new { kind = "training", activity = "LCMS", date = Day, requirement = "LCMS-TRAINING", people = new[] { new { personId = other.Id }, new { personId = own.Id } } }, Json.Options);
        var forOther = await client.PostAsJsonAsync("/api/paspoort/records",
            new { personId = other.Id, kind = "training", activity = "LCMS-training", date = Day, requirement = "LCMS-TRAINING" }, Json.Options);

        await forSelf.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Nobody writes their own");
        await inList.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Nobody writes their own");
        await forOther.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = (await forOther.Content.ReadFromJsonAsync<RecordDto>(Json.Options))!;
        created.RecordedBy.ShouldBe(new PersonRefDto(user.Id, user.Name));
        created.RecordedAt.ShouldBe(host.Clock.GetCurrentInstant());
        (await host.DossierAsync(own.Id)).Records.ShouldBeEmpty();
        (await host.DossierAsync(other.Id)).Records.ShouldHaveSingleItem().Id.ShouldBe(created.Id, "the refused list stored nothing");
        var written = await AuditAsync(a => a.UserId == user.Id && a.Action == "paspoort.record.create" && a.Outcome == AuditOutcome.Succeeded);
        written.ShouldHaveSingleItem().Target.ShouldBe($"person/{other.Id}");
    }

    [Theory]
    [InlineData(CrisisRole.Member)]
    [InlineData(CrisisRole.Officer)]
    [InlineData(CrisisRole.Viewer)]
    public async Task Overviews_AreForCoordinatorsAndExerciseLeads(CrisisRole role)
    {
        var client = host.ClientFor(await host.CreateUserAsync(role));

        await (await client.GetAsync("/api/paspoort/matrix?function=OVD-BZ")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/paspoort/expiries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/paspoort/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/paspoort/drafts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Requirements are no secret: everyone may see what a function asks.
        await (await client.GetAsync("/api/paspoort/requirements?function=OVD-BZ")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(CrisisRole.ExerciseLead)]
    [InlineData(CrisisRole.Officer)]
    public async Task Requirements_OnlyCoordinatorsChangeThem(CrisisRole role)
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var user = await host.CreateUserAsync(role);
        var client = host.ClientFor(user);

        var create = await client.PostAsJsonAsync("/api/paspoort/requirements", new { function, code = "NIEUW", name = "x", kind = "course" }, Json.Options);
        var change = await client.PutAsJsonAsync($"/api/paspoort/requirements/{function}/JAAR", new { name = "x", validForMonths = 6 }, Json.Options);
        var remove = await client.DeleteAsync($"/api/paspoort/requirements/{function}/JAAR");

        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only coordinators");
        await change.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await remove.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var requirements = await client.GetFromJsonAsync<List<RequirementDto>>($"/api/paspoort/requirements?function={function}", Json.Options);
        requirements!.ShouldHaveSingleItem().ShouldBe(new RequirementDto(function, "JAAR", "Jaarlijkse oefening", "exercise", 12, 1));
        (await AuditAsync(a => a.UserId == user.Id && a.Outcome == AuditOutcome.Denied)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task EveryPaspoortCall_WithoutTokenIs401()
    {
        var anonymous = host.ClientFor(null);
        var id = Guid.NewGuid();

        foreach (var response in new[]
                 {
                     await anonymous.GetAsync($"/api/paspoort/{id}"),
                     await anonymous.GetAsync("/api/paspoort/me"),
                     await anonymous.GetAsync($"/api/paspoort/{id}/export"),
                     await anonymous.GetAsync("/api/paspoort/requirements"),
                     await anonymous.GetAsync("/api/paspoort/matrix?function=OVD-BZ"),
                     await anonymous.GetAsync("/api/paspoort/expiries"),
                     await anonymous.GetAsync("/api/paspoort/attendance"),
                     await anonymous.PostAsJsonAsync("/api/paspoort/records", new { personId = id }, Json.Options),
                     await anonymous.PostAsJsonAsync("/api/paspoort/requirements", new { function = "OVD-BZ" }, Json.Options),
                 })
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private async Task<List<AuditRecord>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditRecord, bool>> filter)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().AuditTrail.AsNoTracking().Where(filter).ToListAsync();
    }
}
