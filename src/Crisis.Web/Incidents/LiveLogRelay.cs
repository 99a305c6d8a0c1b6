using System.Collections.Concurrent;
using Crisis.Web.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Incidents;

/// <summary>
/// Forwards log entries from the bus to this node's hub groups and Blazor circuits, per incident in sequence
/// order and each exactly once. The bus may deliver late, twice or out of order (several publishers, a broker
/// restart): an entry already forwarded is dropped, and a gap is filled from the database, which is the truth.
/// </summary>
public sealed class LiveLogRelay(
    IServiceScopeFactory scopes,
    IHubContext<CrisisHub, ICrisisClient> hub,
    IncidentNotifier notifier)
{
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

    public async Task OnAppendedAsync(LogEntryDto entry, CancellationToken ct)
    {
        var cursor = _cursors.GetOrAdd(entry.IncidentId, _ => new IncidentCursor());
        await cursor.Lock.WaitAsync(ct);
        try
        {
            int forwarded;
            lock (cursor)
            {
                forwarded = cursor.Forwarded ?? entry.Seq - 1;
            }
            if (entry.Seq <= forwarded)
            {
                return;
            }
            IReadOnlyList<LogEntryDto> toSend = [entry];
            if (entry.Seq > forwarded + 1)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                var missing = await IncidentService.ReadEntriesAsync(db, entry.IncidentId, forwarded, entry.Seq, int.MaxValue, ct);
                toSend = missing.Select(LogEntryDto.From).ToList();
            }
            var group = hub.Clients.Group(CrisisHub.GroupOf(entry.IncidentId));
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

/// <summary>Remembers the ids of recently consumed events, so a redelivered event is handled once.</summary>
public sealed class RecentEvents
{
    private const int Capacity = 10_000;
    private readonly HashSet<Guid> _seen = [];
    private readonly Queue<Guid> _order = new();

    public bool FirstTime(Guid? eventId)
    {
        if (eventId is not { } id)
        {
            return true;
        }
        lock (_seen)
        {
            if (!_seen.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
