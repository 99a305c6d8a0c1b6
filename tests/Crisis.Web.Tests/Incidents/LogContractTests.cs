using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Web.Tests.Incidents;

/// <summary>The incidents-and-log part of the HTTP contract, on every topology.</summary>
[Collection(HostsCollection.Name)]
public sealed class LogContractTests(HostsFixture hosts)
{
    public static TheoryData<string> Topologies => Infrastructure.Topologies.All;

    [Theory, MemberData(nameof(Topologies))]
    public async Task CreateIncident_ReturnsCreatedOpenIncident(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);

        var response = await app.ClientFor(officer).PostAsJsonAsync("/api/incidents",
            new { title = "  Gaslek Stationsplein  ", municipality = "Elsveen", grip = 1 }, Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var incident = (await response.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!;
        incident.Title.ShouldBe("Gaslek Stationsplein");
        incident.Exercise.ShouldBeFalse();
        incident.Grip.ShouldBe(1);
        incident.Status.ShouldBe("open");
        incident.Municipality.ShouldBe("Elsveen");
        response.Headers.Location!.ToString().ShouldBe($"/api/incidents/{incident.Id}");
        var raw = await response.Content.ReadAsStringAsync();
        raw.ShouldContain("\"openedAt\":\"");
        raw.ShouldMatch("\"openedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task ListIncidents_HidesExercisesUnlessAskedAndClosedIncidents(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var real = await app.OpenIncidentAsync(coordinator);
        var drill = await app.OpenIncidentAsync(coordinator, exercise: true);
        var closed = await app.OpenIncidentAsync(coordinator);
        var client = app.ClientFor(coordinator);
        (await client.PostAsync($"/api/incidents/{closed.Id}/close", null)).EnsureSuccessStatusCode();

        var live = (await client.GetFromJsonAsync<List<IncidentDto>>("/api/incidents", Json.Options))!.Select(i => i.Id).ToList();
        var all = (await client.GetFromJsonAsync<List<IncidentDto>>("/api/incidents?includeExercises=true", Json.Options))!.Select(i => i.Id).ToList();

        live.ShouldContain(real.Id);
        live.ShouldNotContain(drill.Id);
        live.ShouldNotContain(closed.Id);
        all.ShouldContain(real.Id);
        all.ShouldContain(drill.Id);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task ListIncidents_ShowsOthersOnlyTheIncidentsTheyTakePartIn(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var withMember = await app.OpenIncidentAsync(officer, false, member);
        var without = await app.OpenIncidentAsync(officer);

        var seen = (await app.ClientFor(member).GetFromJsonAsync<List<IncidentDto>>("/api/incidents", Json.Options))!.Select(i => i.Id).ToList();

        seen.ShouldContain(withMember.Id);
        seen.ShouldNotContain(without.Id);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task GetIncident_KnownAndUnknown(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var found = await client.GetFromJsonAsync<IncidentDto>($"/api/incidents/{incident.Id}", Json.Options);
        var missing = await client.GetAsync($"/api/incidents/{Guid.NewGuid()}");

        found!.Id.ShouldBe(incident.Id);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "no incident");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task ChangeGrip_SetsLevelAndLogsIt(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var response = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/grip", new { level = 3 }, Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!.Grip.ShouldBe(3);
        var log = await client.LogAsync(incident.Id);
        log.ShouldHaveSingleItem().Kind.ShouldBe("system");
        log[0].Text.ShouldContain("GRIP 3");
        (await client.GetFromJsonAsync<IncidentDto>($"/api/incidents/{incident.Id}", Json.Options))!.Grip.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task CloseIncident_RefusesNewEntriesAndASecondClose(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Laatste melding");

        var close = await client.PostAsync($"/api/incidents/{incident.Id}/close", null);
        var append = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "Te laat" }, Json.Options);
        var again = await client.PostAsync($"/api/incidents/{incident.Id}/close", null);

        await close.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await close.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!.Status.ShouldBe("closed");
        await append.ShouldBeProblemAsync(HttpStatusCode.Conflict, "closed");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already closed");
        var log = await client.LogAsync(incident.Id);
        log.Select(e => e.Text).ShouldNotContain("Te laat");
        log.Select(e => e.Seq).ShouldBe([1, 2]);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task AddParticipant_GivesAccess(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer);

        var before = await app.ClientFor(member).GetAsync($"/api/incidents/{incident.Id}");
        var add = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = member.Email.ToUpperInvariant() }, Json.Options);
        var after = await app.ClientFor(member).GetAsync($"/api/incidents/{incident.Id}");
        var unknown = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = "niemand@test.example" }, Json.Options);

        await before.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await add.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await after.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "niemand@test.example");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task AddParticipant_InAFunction_RecordsTheFunction(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var add = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = member.Email, function = "hoofd-publieke-zorg" }, Json.Options);
        var unknown = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = officer.Email, function = "BRANDWEER" }, Json.Options);
        var participants = await client.GetFromJsonAsync<List<ParticipantDto>>($"/api/incidents/{incident.Id}/participants", Json.Options);

        await add.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a function");
        participants!.Single(p => p.UserId == member.Id).Function.ShouldBe("HOOFD-PUBLIEKE-ZORG");
        participants!.Single(p => p.UserId == officer.Id).Function.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task AppendLog_StoresEntryWithSeqAuthorAndTeam(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer, "Jeroen Test");
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var kinds = new[] { "info", "situation", "assessment", "decision", "action" };
        var written = new List<LogEntryDto>();
        foreach (var kind in kinds)
        {
            written.Add(await client.AppendAsync(incident.Id, kind, $"Regel {kind}", team: "omgevingszorg"));
        }

        written.Select(e => e.Seq).ShouldBe([1, 2, 3, 4, 5]);
        written.Select(e => e.Kind).ShouldBe(kinds);
        written.ShouldAllBe(e => e.Team == "OMGEVINGSZORG" && e.Author.Id == officer.Id && e.Author.Name == "Jeroen Test"
            && e.IncidentId == incident.Id && !e.Exercise && e.CorrectsSeq == null);
        (await client.LogAsync(incident.Id)).Select(e => e.Id).ShouldBe(written.Select(e => e.Id));
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task AppendLog_CorrectionPointsAtEntryOfTheSameIncidentOnly(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var one = await app.OpenIncidentAsync(officer);
        var two = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(one.Id, "situation", "Brand in hal 2");
        await client.AppendAsync(one.Id, "info", "Pers ter plaatse");
        await client.AppendAsync(two.Id, "info", "Eerste melding");

        var correction = await client.AppendAsync(one.Id, "situation", "Brand in hal 3", correctsSeq: 1);
        var elsewhere = await client.PostAsJsonAsync($"/api/incidents/{two.Id}/log", new { kind = "info", text = "x", correctsSeq = 2 }, Json.Options);

        correction.CorrectsSeq.ShouldBe(1);
        correction.Seq.ShouldBe(3);
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "correctsSeq 2");
        (await client.LogAsync(two.Id)).Count.ShouldBe(1);
        (await client.LogAsync(one.Id))[0].Text.ShouldBe("Brand in hal 2");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task ReadLog_AfterSeqReturnsOnlyLaterEntriesInOrder(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        for (var i = 1; i <= 6; i++)
        {
            await client.AppendAsync(incident.Id, "info", $"Melding {i}");
        }

        var later = await client.LogAsync(incident.Id, afterSeq: 4);
        var none = await client.LogAsync(incident.Id, afterSeq: 6);
        var negative = await client.GetAsync($"/api/incidents/{incident.Id}/log?afterSeq=-1");

        later.Select(e => e.Seq).ShouldBe([5, 6]);
        later.Select(e => e.Text).ShouldBe(["Melding 5", "Melding 6"]);
        none.ShouldBeEmpty();
        await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "afterSeq");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task AppendLog_FiftyConcurrentWritersGetGaplessUniqueSequenceNumbers(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var writers = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            writers.Add(await app.CreateUserAsync(CrisisRole.Member));
        }
        var incident = await app.OpenIncidentAsync(officer, false, [.. writers]);
        var clients = writers.Select(app.ClientFor).ToList();

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await clients[i % clients.Count].AppendAsync(incident.Id, "info", $"Gelijktijdig {i}");
        })).ToList();
        start.Set();
        var acknowledged = await Task.WhenAll(tasks);

        acknowledged.Select(e => e.Seq).Order().ShouldBe(Enumerable.Range(1, 50));
        var stored = await app.ClientFor(officer).LogAsync(incident.Id);
        stored.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 50));
        stored.Select(e => e.Id).Order().ShouldBe(acknowledged.Select(e => e.Id).Order());
        stored.Select(e => e.Text).Distinct().Count().ShouldBe(50);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task Hub_JoinReturnsMissedEntriesThenDeliversLiveOnesInOrderExactlyOnce(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer, false, member);
        var api = app.ClientFor(officer);
        await api.AppendAsync(incident.Id, "info", "Voor het aanmelden 1");
        await api.AppendAsync(incident.Id, "info", "Voor het aanmelden 2");

        await using var hub = new HubRecorder(app.HubFor(member));
        await hub.Connection.StartAsync();
        var missed = await hub.JoinAsync(incident.Id, afterSeq: 0);
        for (var i = 3; i <= 12; i++)
        {
            await api.AppendAsync(incident.Id, "info", $"Live {i}");
        }
        await hub.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 12), "entry 12");

        missed.Select(e => e.Seq).ShouldBe([1, 2]);
        var live = hub.Entries.Where(e => e.Seq > 2).ToList();
        live.Select(e => e.Seq).ShouldBe(Enumerable.Range(3, 10));
        live.Select(e => e.Text).ShouldBe(Enumerable.Range(3, 10).Select(i => $"Live {i}"));
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task Hub_AppendLogStoresAndBroadcastsToOtherClients(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer, false, member);
        await using var writer = new HubRecorder(app.HubFor(officer));
        await using var reader = new HubRecorder(app.HubFor(member));
        await writer.Connection.StartAsync();
        await reader.Connection.StartAsync();
        await reader.JoinAsync(incident.Id, 0);

        var stored = await writer.Connection.InvokeAsync<LogEntryDto>("AppendLog", incident.Id,
            new AppendLogRequest("decision", "Wegafzetting Dorpsstraat", "PIM", null, null));
        await reader.WaitUntilAsync(h => h.Entries.Count >= 1, "the appended entry");

        stored.Seq.ShouldBe(1);
        stored.Author.Id.ShouldBe(officer.Id);
        reader.Entries.ShouldHaveSingleItem().Id.ShouldBe(stored.Id);
        (await app.ClientFor(officer).LogAsync(incident.Id)).ShouldHaveSingleItem().Text.ShouldBe("Wegafzetting Dorpsstraat");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task Hub_ClientThatDropsAndRejoinsReceivesExactlyWhatItMissed(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer, false, member);
        var api = app.ClientFor(officer);

        var lastSeen = 0;
        await using (var first = new HubRecorder(app.HubFor(member)))
        {
            await first.Connection.StartAsync();
            await first.JoinAsync(incident.Id, 0);
            for (var i = 1; i <= 3; i++)
            {
                await api.AppendAsync(incident.Id, "info", $"Gezien {i}");
            }
            await first.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 3), "entry 3");
            lastSeen = first.Entries.Max(e => e.Seq);
        }
        for (var i = 4; i <= 7; i++)
        {
            await api.AppendAsync(incident.Id, "info", $"Gemist {i}");
        }

        await using var second = new HubRecorder(app.HubFor(member));
        await second.Connection.StartAsync();
        var missed = await second.JoinAsync(incident.Id, lastSeen);
        await api.AppendAsync(incident.Id, "info", "Weer live 8");
        await second.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 8), "entry 8");

        // The contract (README): the join returns every entry after afterSeq, in order; later entries arrive live,
        // in order; around the join an entry may come both ways, and the client drops a seq it already has. So the
        // union of both sources, deduplicated by seq, is exactly what was missed and written since, without a gap.
        var live = second.Entries;
        lastSeen.ShouldBe(3);
        missed.Select(e => e.Seq).ShouldBe([4, 5, 6, 7]);
        missed.Select(e => e.Text).ShouldBe(["Gemist 4", "Gemist 5", "Gemist 6", "Gemist 7"]);
        live.Select(e => e.Seq).ShouldBe(live.Select(e => e.Seq).Order(), "live entries arrive in order");
        var union = missed.Concat(live).Where(e => e.Seq > lastSeen).DistinctBy(e => e.Seq).OrderBy(e => e.Seq).ToList();
        union.Select(e => e.Seq).ShouldBe([4, 5, 6, 7, 8]);
        union.Select(e => e.Text).ShouldBe(["Gemist 4", "Gemist 5", "Gemist 6", "Gemist 7", "Weer live 8"]);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task Sitrep_MarkdownAndPrintableHtmlShowPictureDecisionsAndOpenActionsPerTeam(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "situation", "Oud beeld PIM", team: "PIM");
        await client.AppendAsync(incident.Id, "situation", "Nieuw beeld PIM", team: "PIM");
        await client.AppendAsync(incident.Id, "decision", "Sporthal openen als opvang", team: "PIM");
        var action = await client.AppendAsync(incident.Id, "action", "Dekens regelen", team: "PIM");
        await client.AppendAsync(incident.Id, "action", "Bord <plaatsen> bij de ingang", team: "Omgevingszorg");
        var done = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log",
            new { kind = "info", text = "Dekens zijn er", team = "PIM", completesSeq = action.Seq }, Json.Options);
        await done.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var markdown = await client.GetAsync($"/api/incidents/{incident.Id}/sitrep");
        var html = await client.GetAsync($"/api/incidents/{incident.Id}/sitrep?format=html");
        var md = await markdown.Content.ReadAsStringAsync();
        var page = await html.Content.ReadAsStringAsync();

        markdown.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        md.ShouldContain("# Situatierapport: Brand testlocatie");
        md.ShouldContain("## PIM");
        md.ShouldContain("Nieuw beeld PIM");
        md.ShouldNotContain("Oud beeld PIM");
        md.ShouldContain("Sporthal openen als opvang");
        md.ShouldNotContain("Dekens regelen");
        md.ShouldContain("## OMGEVINGSZORG", Case.Sensitive);
        md.ShouldNotContain("OEFENING");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldStartWith("<!DOCTYPE html>");
        page.ShouldContain("Bord &lt;plaatsen&gt; bij de ingang");
        page.ShouldContain("@media print");
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task Exercise_EntriesAndReportsCarryOefening(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var lead = await app.CreateUserAsync(CrisisRole.ExerciseLead);
        var drill = await app.OpenIncidentAsync(lead, exercise: true);
        var client = app.ClientFor(lead);

        var entry = await client.AppendAsync(drill.Id, "info", "Oefenmelding");
        var md = await client.GetStringAsync($"/api/incidents/{drill.Id}/sitrep");
        var html = await client.GetStringAsync($"/api/incidents/{drill.Id}/sitrep?format=html");

        drill.Exercise.ShouldBeTrue();
        entry.Exercise.ShouldBeTrue();
        md.ShouldContain("OEFENING");
        html.ShouldContain("OEFENING");
    }
}
