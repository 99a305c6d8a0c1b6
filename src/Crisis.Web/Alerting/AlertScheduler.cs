using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// The durable escalation timer, run on every node. The database is the timer: each open alert stores when its next
/// step is due (<see cref="AlertRecord.NextDueAt"/>). Every <see cref="PollInterval"/> (at once when this node raised
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
public sealed partial class AlertScheduler(IServiceScopeFactory scopes, IClock clock, ILogger<AlertScheduler> logger) : BackgroundService
{
    /// <summary>Well inside the contract's 2 s from due time to step.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The most alerts one pass advances; the rest follow in the next pass.</summary>
    public const int MaxPerPass = 200;

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a pass now (an alert was raised or answered on this node).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                PassFailed(logger, ex);
            }
            try
            {
                await _wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One pass: advances every alert due at the clock's now, and returns how many steps' worth of alerts it stored.
    /// Passes on one node never overlap, so a test that calls this after moving a fake clock knows that everything due
    /// has fired (here or, on another node, by the time that node's pass ends) when it returns.
    /// </summary>
    internal async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var now = clock.GetCurrentInstant();
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                due = await db.Set<AlertRecord>().AsNoTracking()
                    .Where(a => a.NextDueAt != null && a.NextDueAt <= now)
                    .OrderBy(a => a.NextDueAt).Select(a => a.Id).Take(MaxPerPass).ToListAsync(ct);
            }
            var advanced = 0;
            foreach (var id in due)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<AlertService>().AdvanceDueAsync(id, now, ct))
                    {
                        advanced++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One broken alert must not hold up the escalation of the others.
                    AdvanceFailed(logger, id, ex);
                }
            }
            return advanced;
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _pass.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An escalation pass failed")]
    private static partial void PassFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not advance alert {AlertId}")]
    private static partial void AdvanceFailed(ILogger logger, Guid alertId, Exception ex);
}
