using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Incidents;

/// <summary>A client never needs the bus to be perfect: what the database has reaches it anyway.</summary>
[Collection(HostsCollection.Name)]
public sealed class LiveRelayTests(HostsFixture hosts)
{
    [Fact]
    public async Task EntryWhoseEventWasLost_StillReachesJoinedClientsFromTheDatabase()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        await app.ClientFor(officer).AppendAsync(incident.Id, "info", "Met event");
        await using var hub = new HubRecorder(app.HubFor(officer));
        await hub.Connection.StartAsync();
        (await hub.JoinAsync(incident.Id, 0)).ShouldHaveSingleItem();

        // Write entry 2 the way a node that died before publishing would leave it: stored, with no outbox row.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            var row = await db.Incidents.SingleAsync(i => i.Id == incident.Id);
            row.LastSeq = 2;
            db.LogEntries.Add(new LogEntryRecord
            {
                Id = Guid.NewGuid(), IncidentId = incident.Id, Seq = 2, At = NodaTime.SystemClock.Instance.GetCurrentInstant(),
                AuthorId = officer.Id, AuthorName = officer.Name, Kind = LogEntryKind.Info, Text = "Event verloren",
            });
            await db.SaveChangesAsync();
        }
        await hub.WaitUntilAsync(h => h.Entries.Any(e => e.Seq == 2), "entry 2 without an event", seconds: 15);

        hub.Entries.ShouldHaveSingleItem().Text.ShouldBe("Event verloren");
    }

    [Fact]
    public async Task LastClientLeaves_TheRelayStopsWatchingTheIncident()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var relay = app.Services.GetRequiredService<LiveLogRelay>();
        await using var hub = new HubRecorder(app.HubFor(officer));
        await hub.Connection.StartAsync();

        await hub.JoinAsync(incident.Id, 0);
        await hub.JoinAsync(incident.Id, 0);
        var page = relay.Follow(incident.Id, 0, _ => Task.CompletedTask, _ => Task.CompletedTask);
        relay.Watched.ShouldContain(incident.Id);
        await hub.Connection.InvokeAsync("LeaveIncident", incident.Id);
        relay.Watched.ShouldContain(incident.Id, "the page still follows it");
        page.Dispose();

        relay.Watched.ShouldNotContain(incident.Id);
    }

    [Fact]
    public async Task ClientDisconnects_TheRelayStopsWatchingAndAPageThatFollowsLaterStillGetsEveryEntry()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var relay = app.Services.GetRequiredService<LiveLogRelay>();
        var api = app.ClientFor(officer);
        await using (var hub = new HubRecorder(app.HubFor(officer)))
        {
            await hub.Connection.StartAsync();
            await hub.JoinAsync(incident.Id, 0);
            relay.Watched.ShouldContain(incident.Id);
        }
        await Eventually(() => !relay.Watched.Contains(incident.Id), "the relay to release the incident");
        await api.AppendAsync(incident.Id, "info", "Niemand kijkt");

        var received = new List<int>();
        var second = new TaskCompletionSource();
        using var follow = relay.Follow(incident.Id, 1, e =>
        {
            lock (received)
            {
                received.Add(e.Seq);
            }
            if (e.Seq == 3)
            {
                second.TrySetResult();
            }
            return Task.CompletedTask;
        }, _ => Task.CompletedTask);
        await api.AppendAsync(incident.Id, "info", "Weer iemand 2");
        await api.AppendAsync(incident.Id, "info", "Weer iemand 3");
        await second.Task.WaitAsync(TimeSpan.FromSeconds(20));

        received.ShouldBe([2, 3]);
    }

    /// <summary>Waits for something the server does after a connection closes, which no client event reports.</summary>
    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 10 s for {what}.");
            }
            await Task.Delay(20);
        }
    }
}
