using System.Collections.Concurrent;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR;
using Crisis.Web.Realtime;

namespace Crisis.Web.Incidents;

/// <summary>
/// Forwards log entries from the bus to this node's hub groups and Blazor circuits, per incident in sequence
/// order and each exactly once. The bus may deliver late, twice, out of order or not at all (several publishers,
/// a broker restart): an entry already forwarded is dropped, a gap is filled from the database, which is the
/// truth, and every few seconds the incidents that have live clients are checked against the database so that
/// even an entry whose event was lost reaches them.
/// </summary>
public sealed class LiveLogRelay(
    IServiceScopeFactory scopes,
    IHubContext<CrisisHub, ICrisisClient> hub,
    IncidentNotifier notifier,
    ILogger<LiveLogRelay> logger) : BackgroundService
{
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<Guid, IncidentCursor> _cursors = new();

    private sealed class IncidentCursor
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int? Forwarded;
    }

    /// <summary>Called when a client joins: from here on, nothing after <paramref name="lastSeq"/> may be skipped.</summary>
    public void EnsureBaseline(Guid incidentId, int lastSeq)
    {
        var cursor = _cursors.GetOrAdd(incidentId, _ => new IncidentCursor());
        lock (cursor)
        {
            cursor.Forwarded ??= lastSeq;
        }
    }

    public Task OnAppendedAsync(LogEntryDto entry, CancellationToken ct) =>
        ForwardUpToAsync(entry.IncidentId, entry.Seq, entry, ct);

    /// <summary>Forwards, in order, every entry after the last one forwarded up to <paramref name="seq"/>.</summary>
    private async Task ForwardUpToAsync(Guid incidentId, int seq, LogEntryDto? known, CancellationToken ct)
    {
        var cursor = _cursors.GetOrAdd(incidentId, _ => new IncidentCursor());
        await cursor.Lock.WaitAsync(ct);
        try
        {
            int forwarded;
            lock (cursor)
            {
                forwarded = cursor.Forwarded ?? seq - 1;
            }
            if (seq <= forwarded)
            {
                return;
            }
            IReadOnlyList<LogEntryDto> toSend;
            if (known is not null && seq == forwarded + 1)
            {
                toSend = [known];
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                var missing = await IncidentService.ReadEntriesAsync(db, incidentId, forwarded, seq, int.MaxValue, ct);
                toSend = missing.Select(LogEntryDto.From).ToList();
            }
            var group = hub.Clients.Group(CrisisHub.GroupOf(incidentId));
            foreach (var e in toSend)
            {
                await group.LogEntryAdded(e);
                await notifier.PublishEntryAsync(e);
                lock (cursor)
                {
                    cursor.Forwarded = e.Seq;
                }
            }
        }
        finally
        {
            cursor.Lock.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ResyncInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ResyncAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    RelayLog.ResyncFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Forwards what the database has beyond what this node forwarded, for incidents with live clients.</summary>
    internal async Task ResyncAsync(CancellationToken ct)
    {
        var watched = _cursors.Where(c => c.Value.Forwarded is not null).Select(c => c.Key).ToList();
        if (watched.Count == 0)
        {
            return;
        }
        Dictionary<Guid, int> lastSeqs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            lastSeqs = await db.Incidents.AsNoTracking().Where(i => watched.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, i => i.LastSeq, ct);
        }
        foreach (var (incidentId, lastSeq) in lastSeqs)
        {
            var cursor = _cursors[incidentId];
            if (cursor.Forwarded < lastSeq)
            {
                await ForwardUpToAsync(incidentId, lastSeq, null, ct);
            }
        }
    }
}

internal static partial class RelayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Resyncing live logs from the database failed; trying again shortly")]
    public static partial void ResyncFailed(ILogger logger, Exception ex);
}

/// <summary>Bus consumer: every node has its own queue, so every node sees every entry.</summary>
public sealed class LogEntryAppendedConsumer(LiveLogRelay relay) : IConsumer<LogEntryAppended>
{
    public Task Consume(ConsumeContext<LogEntryAppended> context) =>
        relay.OnAppendedAsync(context.Message.Entry, context.CancellationToken);
}

public sealed class IncidentChangedConsumer(
    IHubContext<CrisisHub, ICrisisClient> hub, IncidentNotifier notifier, RecentEvents recent) : IConsumer<IncidentChanged>
{
    public async Task Consume(ConsumeContext<IncidentChanged> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        var incident = context.Message.Incident;
        await hub.Clients.Group(CrisisHub.GroupOf(incident.Id)).IncidentChanged(incident);
        await notifier.PublishIncidentAsync(incident);
    }
}
