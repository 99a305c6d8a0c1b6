using Crisis.Web.Alerting;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Alerting;

/// <summary>
/// Two nodes on one database, with one clock, both running the escalation scheduler: every step fires exactly once,
/// whichever node gets there first. On SQLite here, on PostgreSQL when ops/test provides it (as in CI).
/// </summary>
public sealed class MultiNodeAlertingTests
{
    [Fact]
    public Task TwoNodesOnSqlite_FireEachStepExactlyOnce() => EachStepFiresOnceAsync(DatabaseKind.Sqlite);

    [PostgresFact]
    public Task TwoNodesOnPostgres_FireEachStepExactlyOnce() => EachStepFiresOnceAsync(DatabaseKind.Postgres);

    private static async Task EachStepFiresOnceAsync(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new FakeClock(AlertingHost.Start);
        await using var nodeA = await AlertingHost.StartAsync(database, clock);
        await using var nodeB = await AlertingHost.StartAsync(database, clock);
        var region = await nodeA.RegionAsync();
        var incident = await nodeA.App.OpenIncidentAsync(region.Pool.User);
        var alerts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var host = i % 2 == 0 ? nodeA : nodeB;
            alerts.Add((await host.RaiseAsync(region.Pool.User, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = $"Alarm {i}" })).Id);
        }

        foreach (var minutes in new[] { 5, 10, 10 })
        {
            clock.Advance(Duration.FromMinutes(minutes));
            // Both nodes' passes at once, twice over: they race for every due alert.
            await Task.WhenAll(nodeA.RunDueAsync(), nodeB.RunDueAsync(), nodeA.RunDueAsync(), nodeB.RunDueAsync());
        }

        await using var scope = nodeA.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var notifications = await db.Set<AlertNotificationRecord>().AsNoTracking().Where(n => alerts.Contains(n.AlertId)).ToListAsync();
        notifications.GroupBy(n => (n.AlertId, n.PersonId, n.Round, n.Step)).ShouldAllBe(g => g.Count() == 1);
        foreach (var id in alerts)
        {
            var alert = await nodeB.GetAsync(id);
            alert.Status.ShouldBe("unanswered");
            alert.Recipient(region.Next.Person.Id).Step.ShouldBe(2);
            notifications.Count(n => n.AlertId == id && n.Step == 2).ShouldBe(1);
        }
        var lines = await nodeA.AlertLinesAsync(incident.Id);
        lines.Count(l => l.Contains(", stap 2 (volgende piket): ", StringComparison.Ordinal)).ShouldBe(alerts.Count);
        lines.Count(l => l.StartsWith("Alarmering onbeantwoord", StringComparison.Ordinal)).ShouldBe(alerts.Count);
    }
}
