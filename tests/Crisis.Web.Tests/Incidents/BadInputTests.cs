using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Incidents;

/// <summary>Every bad request gets the right 4xx problem, and nothing is stored.</summary>
[Collection(HostsCollection.Name)]
public sealed class BadInputTests(HostsFixture hosts)
{
    public sealed record BadAppend(string Description, string Body, HttpStatusCode Status, string DetailContains, string ContentType = "application/json")
    {
        public override string ToString() => Description;
    }

    public static TheoryData<BadAppend> BadAppends => new()
    {
        new("empty text", """{"kind":"info","text":""}""", HttpStatusCode.BadRequest, "cannot be empty"),
        new("white space only", """{"kind":"info","text":"   \n\t "}""", HttpStatusCode.BadRequest, "cannot be empty"),
        new("missing text", """{"kind":"info"}""", HttpStatusCode.BadRequest, "cannot be empty"),
        new("4001 characters", $$"""{"kind":"info","text":"{{new string('x', 4001)}}"}""", HttpStatusCode.BadRequest, "4001 characters"),
        new("unknown kind", """{"kind":"rumour","text":"x"}""", HttpStatusCode.BadRequest, "'rumour' is not a kind"),
        new("missing kind", """{"text":"x"}""", HttpStatusCode.BadRequest, "kind of entry"),
        new("inject on a real incident", """{"kind":"inject","text":"x"}""", HttpStatusCode.BadRequest, "exercises"),
        new("system entry by a person", """{"kind":"system","text":"x"}""", HttpStatusCode.BadRequest, "written by Crisis"),
        new("unknown team", """{"kind":"info","text":"x","team":"Brandweer"}""", HttpStatusCode.BadRequest, "not a team"),
        new("correctsSeq of no entry", """{"kind":"info","text":"x","correctsSeq":42}""", HttpStatusCode.BadRequest, "correctsSeq 42"),
        new("completesSeq of a non-action", """{"kind":"info","text":"x","completesSeq":1}""", HttpStatusCode.BadRequest, "only actions"),
        new("malformed JSON", """{"kind":"info","text":""", HttpStatusCode.BadRequest, "not valid JSON"),
        new("wrong JSON type", """{"kind":"info","text":"x","correctsSeq":"one"}""", HttpStatusCode.BadRequest, "not valid JSON"),
        new("JSON array", """[1,2,3]""", HttpStatusCode.BadRequest, "not valid JSON"),
        new("empty body", "", HttpStatusCode.BadRequest, "JSON"),
        new("body over 64 KB", $$"""{"kind":"info","text":"{{new string('x', 70_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, "larger than"),
    };

    [Theory, MemberData(nameof(BadAppends))]
    public async Task AppendLog_BadInputIsRefusedAndNothingIsStored(BadAppend bad)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "situation", "Eerste beeld");

        var response = await client.PostAsync($"/api/incidents/{incident.Id}/log", new StringContent(bad.Body, Encoding.UTF8, bad.ContentType));

        await response.ShouldBeProblemAsync(bad.Status, bad.DetailContains);
        (await client.LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Eerste beeld"]);
    }

    [Fact]
    public async Task AppendLog_PlainTextBodyIsRefused()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var response = await client.PostAsync($"/api/incidents/{incident.Id}/log", new StringContent("""{"kind":"info","text":"x"}""", Encoding.UTF8, "text/plain"));

        ((int)response.StatusCode).ShouldBe(415);
        (await client.LogAsync(incident.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppendLog_AnUnreadableKindIsRefusedAfterWhoMayWriteAndWhetherTheIncidentIsOpen()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var outsider = await app.CreateUserAsync(CrisisRole.Officer);
        var open = await app.OpenIncidentAsync(officer);
        var closed = await app.OpenIncidentAsync(officer);
        await (await app.ClientFor(officer).PostAsync($"/api/incidents/{closed.Id}/close", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var rumour = new { kind = "rumour", text = "x" };

        var byOutsider = await app.ClientFor(outsider).PostAsJsonAsync($"/api/incidents/{open.Id}/log", rumour, Json.Options);
        var onClosed = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{closed.Id}/log", rumour, Json.Options);
        var onNone = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{Guid.NewGuid()}/log", rumour, Json.Options);
        var onOpen = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{open.Id}/log", rumour, Json.Options);

        await byOutsider.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "take part");
        await onClosed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "closed");
        await onNone.ShouldBeProblemAsync(HttpStatusCode.NotFound, "no incident");
        await onOpen.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'rumour' is not a kind");
    }

    [Fact]
    public async Task AppendLog_UnknownIncidentIs404()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);

        var response = await app.ClientFor(coordinator).PostAsJsonAsync($"/api/incidents/{Guid.NewGuid()}/log", new { kind = "info", text = "x" }, Json.Options);
        var notAGuid = await app.ClientFor(coordinator).PostAsJsonAsync("/api/incidents/abc/log", new { kind = "info", text = "x" }, Json.Options);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "no incident");
        notAGuid.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> BadIncidents => new()
    {
        { "no title", """{"grip":1}""", "needs a title" },
        { "blank title", """{"title":"   "}""", "needs a title" },
        { "title too long", $$"""{"title":"{{new string('t', 201)}}"}""", "201 characters" },
        { "GRIP 6", """{"title":"x","grip":6}""", "GRIP level 6" },
        { "GRIP -1", """{"title":"x","grip":-1}""", "GRIP level -1" },
        { "municipality too long", $$"""{"title":"x","municipality":"{{new string('m', 101)}}"}""", "municipality" },
        { "malformed", """{"title":""", "not valid JSON" },
    };

    [Theory, MemberData(nameof(BadIncidents))]
    public async Task CreateIncident_BadInputIsRefusedAndNothingIsStored(string description, string body, string detail)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var before = (await client.GetFromJsonAsync<List<object>>("/api/incidents?includeExercises=true&includeClosed=true", Json.Options))!.Count;

        var response = await client.PostAsync("/api/incidents", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        var after = (await client.GetFromJsonAsync<List<object>>("/api/incidents?includeExercises=true&includeClosed=true", Json.Options))!.Count;
        after.ShouldBe(before, description);
    }

    [Theory]
    [InlineData("""{"level":7}""", "GRIP level 7")]
    [InlineData("""{}""", "new GRIP level")]
    [InlineData("""{"level":"two"}""", "not valid JSON")]
    public async Task ChangeGrip_BadLevelIsRefusedAndNothingChanges(string body, string detail)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var response = await client.PostAsync($"/api/incidents/{incident.Id}/grip", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await client.LogAsync(incident.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddParticipant_MissingEmailIs400()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);

        var response = await app.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = "" }, Json.Options);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Sitrep_UnknownFormatIs400()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);

        var response = await app.ClientFor(officer).GetAsync($"/api/incidents/{incident.Id}/sitrep?format=pdf");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "format");
    }
}
