using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;

namespace Crisis.Web.Tests.Platform;

/// <summary>
/// The roster and the paspoort on PostgreSQL, as the multi-node deployment runs them: their queries and date
/// mappings must translate on that provider too (their detailed tests run on SQLite).
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class PostgresFeatureSmokeTests(HostsFixture hosts)
{
    [PostgresFact]
    public async Task RosterAndPaspoort_WorkEndToEndOnPostgres()
    {
        var app = await hosts.GetAsync(Topologies.Postgres);
        var kit = await RosterTestKit.CreateAsync(app);
        var function = await kit.FunctionAsync();
        var requirement = $"PG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await Created(kit.Coordinator.PostAsJsonAsync("/api/paspoort/requirements",
            new { function, code = requirement, name = "Training", kind = "training", validForMonths = 12 }, Json.Options));
        var (alice, aliceUser) = await kit.PersonAsync(CrisisRole.Member, function);
        var (bob, _) = await kit.PersonAsync(CrisisRole.Member, function);
        var yesterday = NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Created(kit.Coordinator.PostAsJsonAsync("/api/paspoort/records",
            new { personId = alice.Id, kind = "training", activity = "Training", date = yesterday, function, requirement, result = "passed" }, Json.Options));

        // Shifts across the change to summer time, leave, coverage, on call, the feed, export and import.
        await kit.ShiftAsync(function, alice.Id, "2027-03-22T08:00", "2027-03-29T08:00");
        await kit.ShiftAsync(function, bob.Id, "2027-03-29T08:00", "2027-04-05T08:00");
        await Created(kit.Coordinator.PostAsJsonAsync($"/api/people/{alice.Id}/unavailability",
            new { start = "2027-03-24T00:00", end = "2027-03-25T00:00", reason = "verlof" }, Json.Options));
        var coverage = await kit.CoverageAsync(function, "2027-03-22", "2027-04-05");
        var onCall = await kit.Coordinator.GetStringAsync($"/api/roster/oncall?function={function}&at=2027-03-30T12:00:00Z");
        var feed = await kit.Coordinator.GetStringAsync($"/api/roster/calendar/{alice.Id}.ics");
        var export = await kit.Coordinator.GetStringAsync($"/api/roster/export?function={function}&from=2027-03-01&to=2027-05-01");
        var csv = $"function,personEmail,start,end\n{function},{aliceUser.Email},2027-04-05T08:00,2027-04-12T08:00\n";
        var import = await kit.Coordinator.PostAsync("/api/roster/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        coverage.TotalHours.ShouldBe(335m); // 167 + 168
        coverage.Conflicts.Select(c => c.Kind).ShouldBe(["unavailable", "unqualified"], ignoreOrder: true);
        coverage.Conflicts.Single(c => c.Kind == "unqualified").PersonId.ShouldBe(bob.Id);
        onCall.ShouldContain(bob.Id.ToString());
        feed.ShouldContain("BEGIN:VCALENDAR");
        feed.ShouldContain("DTSTART:20270322T070000Z");
        export.ShouldContain(function);
        await import.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The paspoort's dossier and matrix on this provider.
        using var dossier = JsonDocument.Parse(await kit.Coordinator.GetStringAsync($"/api/paspoort/{alice.Id}"));
        var statuses = dossier.RootElement.GetProperty("functions").EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == function).GetProperty("requirements").EnumerateArray()
            .Select(r => r.GetProperty("status").GetString()).ToList();
        statuses.ShouldBe(["current"]);
        var matrix = await kit.Coordinator.GetAsync($"/api/paspoort/matrix?function={function}");
        await matrix.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await matrix.Content.ReadAsStringAsync()).ShouldContain(bob.Id.ToString());
    }

    private static async Task Created(Task<HttpResponseMessage> call) => await (await call).ShouldHaveStatusAsync(HttpStatusCode.Created);
}
