using System.Text.Json;
using System.Threading.Channels;
using Crisis.Web.Data;
using Crisis.Web.Platform;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Messaging;

/// <summary>
/// Publishes outbox rows on the bus in the order they were written, and marks them published. Rows this node
/// wrote are published at once (it is told their ids after commit); rows left behind by a node that died are
/// swept up after a grace period by whichever node sees them first. That can publish an event twice, which is
/// why consumers are idempotent; it never loses one.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBus bus, IClock clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly Duration OrphanGrace = Duration.FromSeconds(5);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);

    // Published rows are only transport (the log itself is the record): kept a week for diagnosis, then removed.
    private static readonly Duration KeepPublished = Duration.FromDays(7);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private const int BatchSize = 200;

    private readonly Channel<long> _written = Channel.CreateUnbounded<long>(new() { SingleReader = true });

    // The loop's set of rows this node wrote and has not published yet: what a graceful shutdown still publishes.
    private HashSet<long>? _mine;

    /// <summary>Called after a transaction with outbox rows has committed.</summary>
    public void Notify(IEnumerable<long> outboxIds)
    {
        foreach (var id in outboxIds)
        {
            _written.Writer.TryWrite(id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mine = _mine = new HashSet<long>();
        long nextSweepAt = 0;
        long nextCleanupAt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    wait.CancelAfter(SweepInterval);
                    try
                    {
                        await _written.Reader.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Timed out: time for a sweep.
                    }
                }
                while (_written.Reader.TryRead(out var id))
                {
                    mine.Add(id);
                }
                var sweep = Environment.TickCount64 >= nextSweepAt;
                if (mine.Count > 0 || sweep)
                {
                    await PublishPendingAsync(mine, sweep, stoppingToken);
                    if (sweep)
                    {
                        nextSweepAt = Environment.TickCount64 + (long)SweepInterval.TotalMilliseconds;
                    }
                }
                if (Environment.TickCount64 >= nextCleanupAt)
                {
                    nextCleanupAt = Environment.TickCount64 + (long)CleanupInterval.TotalMilliseconds;
                    await RemoveOldPublishedAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OutboxLog.PublishFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Graceful shutdown: stops the loop (a publish it was in may be cut short), then publishes every row this node wrote
    /// and has not published yet, while the bus is still running. Returns how many rows were still to publish.
    /// </summary>
    public async Task<int> StopAndDrainAsync(CancellationToken ct)
    {
        await StopAsync(ct);
        var left = _mine ?? [];
        while (_written.Reader.TryRead(out var id))
        {
            left.Add(id);
        }
        var count = left.Count;
        if (count > 0)
        {
            try
            {
                await PublishPendingAsync(left, sweep: false, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left in the outbox: another node's sweep (or this one's next start) publishes them.
                OutboxLog.PublishFailed(logger, ex);
            }
        }
        return count;
    }

    private async Task PublishPendingAsync(HashSet<long> mine, bool sweep, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        while (true)
        {
            var orphanBefore = clock.GetCurrentInstant() - OrphanGrace;
            var mineNow = mine.ToList();
            var query = db.Outbox.AsNoTracking().Where(o => o.PublishedAt == null);
            query = sweep
                ? query.Where(o => mineNow.Contains(o.Id) || o.CreatedAt < orphanBefore)
                : query.Where(o => mineNow.Contains(o.Id));
            var rows = await query.OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
            if (rows.Count == 0)
            {
                mine.Clear();
                return;
            }
            var published = new List<long>(rows.Count);
            try
            {
                foreach (var row in rows)
                {
                    if (await PublishAsync(row, ct))
                    {
                        published.Add(row.Id);
                    }
                }
            }
            finally
            {
                if (published.Count > 0)
                {
                    var now = clock.GetCurrentInstant();
                    await db.Outbox.Where(o => published.Contains(o.Id))
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.PublishedAt, now), CancellationToken.None);
                    mine.ExceptWith(published);
                }
            }
            if (rows.Count < BatchSize)
            {
                mine.Clear();
                return;
            }
        }
    }

    internal async Task<int> RemoveOldPublishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var before = clock.GetCurrentInstant() - KeepPublished;
        return await db.Outbox.Where(o => o.PublishedAt != null && o.PublishedAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = EventTypes.Resolve(row.Type);
        if (type is null)
        {
            // An event from a newer version of Crisis: leave it for a node that knows it.
            OutboxLog.UnknownType(logger, row.Type, row.Id);
            return false;
        }
        var message = JsonSerializer.Deserialize(row.Payload, type, CrisisJson.Options)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        await bus.Publish(message, type, ctx => ctx.MessageId = row.EventId, timeout.Token);
        return true;
    }
}

internal static partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox events failed; they stay in the outbox and are retried")]
    public static partial void PublishFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} has unknown event type {Type}; left unpublished")]
    public static partial void UnknownType(ILogger logger, string type, long id);
}
