using System.Diagnostics;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Incidents;

/// <summary>
/// Two web nodes on one PostgreSQL database and one RabbitMQ broker, as in docker-compose.yml: what is written on
/// one node reaches the clients of the other, and survives a broker restart.
/// </summary>
public sealed class MultiNodeTests
{
    [RabbitMqFact]
    public async Task EntryWrittenOnOneNode_ReachesHubClientsOfTheOther_InOrder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = new CrisisApp(database, BusKind.RabbitMq);
        await using var nodeB = new CrisisApp(database, BusKind.RabbitMq);
        var officer = await nodeA.CreateUserAsync(CrisisRole.Officer);
        var member = await nodeA.CreateUserAsync(CrisisRole.Member);
        var incident = await nodeA.OpenIncidentAsync(officer, false, member);
        nodeB.StartServer();

        await using var hubB = new HubRecorder(nodeB.HubFor(member));
        await hubB.Connection.StartAsync();
        await hubB.JoinAsync(incident.Id, 0);
        var apiA = nodeA.ClientFor(officer);
        var apiB = nodeB.ClientFor(officer);
        for (var i = 1; i <= 10; i++)
        {
            // Alternate nodes: both write to the same incident's sequence.
            await (i % 2 == 0 ? apiB : apiA).AppendAsync(incident.Id, "info", $"Bericht {i}");
        }
        await hubB.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 10), "entry 10 on node B");

        hubB.Entries.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 10));
        hubB.Entries.Select(e => e.Text).ShouldBe(Enumerable.Range(1, 10).Select(i => $"Bericht {i}"));
    }

    [RabbitMqFact]
    public async Task ConcurrentWritersOnTwoNodes_ShareOneGaplessSequence()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = new CrisisApp(database, BusKind.RabbitMq);
        await using var nodeB = new CrisisApp(database, BusKind.RabbitMq);
        var officer = await nodeA.CreateUserAsync(CrisisRole.Officer);
        var incident = await nodeA.OpenIncidentAsync(officer);
        nodeB.StartServer();
        var clients = new[] { nodeA.ClientFor(officer), nodeB.ClientFor(officer) };

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => clients[i % 2].AppendAsync(incident.Id, "info", $"Node {i % 2} schrijft {i}"))));

        acknowledged.Select(e => e.Seq).Order().ShouldBe(Enumerable.Range(1, 40));
        (await clients[1].LogAsync(incident.Id)).Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 40));
    }

    [RabbitMqFact]
    public async Task BrokerRestart_LosesNothing_EntriesWrittenWhileItWasDownArriveAfterwards()
    {
        var ctl = ExternalServices.RabbitMqCtl ?? throw new InvalidOperationException("CRISIS_TEST_RABBITMQ_CTL is not set; run ops/test.");
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = new CrisisApp(database, BusKind.RabbitMq);
        await using var nodeB = new CrisisApp(database, BusKind.RabbitMq);
        var officer = await nodeA.CreateUserAsync(CrisisRole.Officer);
        var member = await nodeA.CreateUserAsync(CrisisRole.Member);
        var incident = await nodeA.OpenIncidentAsync(officer, false, member);
        nodeB.StartServer();
        await using var hubB = new HubRecorder(nodeB.HubFor(member));
        await hubB.Connection.StartAsync();
        await hubB.JoinAsync(incident.Id, 0);
        var apiA = nodeA.ClientFor(officer);
        await apiA.AppendAsync(incident.Id, "info", "Voor de storing");
        await hubB.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 1), "entry 1 before the restart");

        await RunAsync(ctl, "stop_app");
        List<Crisis.Web.Incidents.LogEntryDto> duringOutage;
        try
        {
            // The database is the truth: writes are acknowledged while the broker is away.
            duringOutage = [];
            for (var i = 2; i <= 4; i++)
            {
                duringOutage.Add(await apiA.AppendAsync(incident.Id, "info", $"Tijdens de storing {i}"));
            }
        }
        finally
        {
            await RunAsync(ctl, "start_app");
        }
        await apiA.AppendAsync(incident.Id, "info", "Na de storing 5");
        await hubB.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 5), "entry 5 after the broker came back", seconds: 90);

        duringOutage.Select(e => e.Seq).ShouldBe([2, 3, 4]);
        hubB.Entries.Select(e => e.Seq).ShouldBe([1, 2, 3, 4, 5]);
        (await nodeB.ClientFor(officer).LogAsync(incident.Id)).Select(e => e.Seq).ShouldBe([1, 2, 3, 4, 5]);
    }

    private static async Task RunAsync(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, argument)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{command} {argument} failed: {await stderr}");
    }
}
