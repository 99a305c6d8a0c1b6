using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Incidents;

/// <summary>What was acknowledged survives the host going away.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task RestartedHost_OnTheSameDatabaseKeepsEveryAcknowledgedEntry()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        List<Crisis.Web.Incidents.LogEntryDto> acknowledged;
        TestUser officer;
        Guid incidentId;
        await using (var first = new CrisisApp(database))
        {
            officer = await first.CreateUserAsync(CrisisRole.Officer);
            var incident = await first.OpenIncidentAsync(officer);
            incidentId = incident.Id;
            var client = first.ClientFor(officer);
            var writes = Enumerable.Range(1, 30).Select(i => client.AppendAsync(incident.Id, "info", $"Voor herstart {i}"));
            acknowledged = (await Task.WhenAll(writes)).ToList();
        }

        await using var second = new CrisisApp(database);
        var log = await second.ClientFor(officer).LogAsync(incidentId);
        var next = await second.ClientFor(officer).AppendAsync(incidentId, "info", "Na herstart");

        log.Select(e => e.Id).Order().ShouldBe(acknowledged.Select(e => e.Id).Order());
        log.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 30));
        next.Seq.ShouldBe(31);
    }
}
