using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Incidents;

/// <summary>The log's <c>team</c> field takes the task-team codes of the teams in the database, including ones added later.</summary>
[Collection(HostsCollection.Name)]
public sealed class LogTeamsTests(HostsFixture hosts)
{
    public static TheoryData<string> Topologies => Infrastructure.Topologies.All;

    [Theory, MemberData(nameof(Topologies))]
    public async Task TaskTeamAddedThroughTheApi_IsAcceptedInTheLogAndReportedAfterTheSeededTeams(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        // The writer has read the teams before the new one exists.
        await client.AppendAsync(incident.Id, "situation", "Opvang loopt", team: "PIM");
        var code = $"NAFASE-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        await (await app.ClientFor(coordinator).PostAsJsonAsync("/api/teams", new { code, name = $"Nafase {code}", kind = "taskteam" }, Json.Options))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        var entry = await client.AppendAsync(incident.Id, "situation", "Herstel van de wijk begint", team: $" {code.ToLowerInvariant()} ");
        var md = await client.GetStringAsync($"/api/incidents/{incident.Id}/sitrep");

        entry.Team.ShouldBe(code);
        md.IndexOf($"## {code}", StringComparison.Ordinal).ShouldBeGreaterThan(md.IndexOf("## PIM", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task WorkingGroupOrUnknownTeam_IsRefusedWithTheDetailTheApiAlwaysGave(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        foreach (var team in new[] { "WG-PIM", "Brandweer" })
        {
            var response = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "x", team }, Json.Options);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest,
                $"'{team}' is not a team; use one of PIM, OMGEVINGSZORG, ONDERSTEUNING");
        }
    }

    [Fact]
    public async Task TaskTeamAddedOnAnotherNode_IsAcceptedByTheWriterOfThisNode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var nodeA = new CrisisApp(database);
        await using var nodeB = new CrisisApp(database);
        var coordinator = await nodeA.CreateUserAsync(CrisisRole.Coordinator);
        var incident = await nodeA.OpenIncidentAsync(coordinator);
        var apiB = nodeB.ClientFor(coordinator);
        await apiB.AppendAsync(incident.Id, "info", "Node B kent de teams", team: "Ondersteuning");

        await (await nodeA.ClientFor(coordinator).PostAsJsonAsync("/api/teams", new { code = "VERWANTEN", name = "Verwanteninformatie", kind = "taskteam" }, Json.Options))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var entry = await apiB.AppendAsync(incident.Id, "info", "Verwantenlijn open", team: "verwanten");

        entry.Team.ShouldBe("VERWANTEN");
    }
}
