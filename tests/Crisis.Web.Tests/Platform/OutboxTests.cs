using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Platform;

/// <summary>Every change leaves an outbox row in its own transaction; rows are published, then cleaned up after a week.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task ChangesArePublishedThroughTheOutbox_AndOldPublishedRowsAreCleanedUp()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 28, 12, 0));
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new CrisisApp(database, services: s => s.AddSingleton<IClock>(clock));
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        await app.ClientFor(officer).AppendAsync(incident.Id, "info", "Eerste");

        var rows = await WaitForPublishedAsync(app, expected: 2);
        rows.Select(r => r.Type).ShouldBe(["incident-changed", "log-entry-appended"]);
        rows.ShouldAllBe(r => r.PublishedAt >= r.CreatedAt);

        clock.Advance(Duration.FromDays(6));
        await app.ClientFor(officer).AppendAsync(incident.Id, "info", "Zes dagen later");
        await WaitForPublishedAsync(app, expected: 3);
        clock.Advance(Duration.FromDays(2));
        var removed = await app.Services.GetRequiredService<OutboxDispatcher>().RemoveOldPublishedAsync(CancellationToken.None);

        removed.ShouldBe(2);
        (await OutboxAsync(app)).ShouldHaveSingleItem().Type.ShouldBe("log-entry-appended");
        (await app.ClientFor(officer).LogAsync(incident.Id)).Count.ShouldBe(2);
    }

    private static async Task<List<OutboxMessage>> WaitForPublishedAsync(CrisisApp app, int expected)
    {
        for (var i = 0; i < 100; i++)
        {
            var rows = await OutboxAsync(app);
            if (rows.Count == expected && rows.All(r => r.PublishedAt is not null))
            {
                return rows;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The outbox did not publish {expected} rows.");
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(CrisisApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }
}
