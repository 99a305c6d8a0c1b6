using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
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
}
