using Crisis.Web.Data;
using Crisis.Web.Platform;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// The durable escalation timer, run on every node (<see cref="DuePoller"/>). The database is the timer: each open alert stores when its next
/// step is due (<see cref="AlertRecord.NextDueAt"/>). Every <see cref="DuePoller.PollInterval"/> (at once when this node raised
/// or answered an alert) a pass reads the due alerts and advances each in its own transaction, claimed by the row's
/// version: when two nodes advance the same alert, one commit wins and the other rolls back whole, so every step fires
/// once. A restart loses nothing: the next pass fires what fell due meanwhile, each step at the instant it was due.
/// </summary>
/// <remarks>
/// Chosen over Quartz.NET: the due time lives on the alert itself, in the same transaction as the change that sets it,
/// so there is no second store to keep in step (a Quartz trigger per step would have to be rescheduled on every answer,
/// and its tables kept in the migrations of both providers); the claim is the optimistic concurrency EF already does.
/// The cost is one indexed query per node per interval, which is nothing next to the log's traffic.
/// </remarks>
public sealed class AlertScheduler(IServiceScopeFactory scopes, IClock clock, ILogger<AlertScheduler> logger)
    : DuePoller(scopes, clock, logger)
{
    protected override string Name => "alert escalation";

    protected override int MaxPerPass => 200;

    protected override Task<List<Guid>> DueAsync(CrisisDbContext db, Instant now, int max, CancellationToken ct) =>
        db.Set<AlertRecord>().AsNoTracking()
            .Where(a => a.NextDueAt != null && a.NextDueAt <= now)
            .OrderBy(a => a.NextDueAt).Select(a => a.Id).Take(max).ToListAsync(ct);

    protected override Task<bool> RunOneAsync(IServiceProvider services, Guid id, Instant now, CancellationToken ct) =>
        services.GetRequiredService<AlertService>().AdvanceDueAsync(id, now, ct);
}
