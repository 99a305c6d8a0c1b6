using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Crisis.Domain.Incidents;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Incidents;

/// <summary>
/// Forwards log entries from the bus to this node's hub groups and Blazor circuits, per incident in sequence
/// order and each exactly once. The bus may deliver late, twice, out of order or not at all (several publishers,
/// a broker restart): an entry already forwarded is dropped, a gap is filled from the database, which is the
/// truth, and every few seconds the watched incidents are checked against the database so that even an entry
/// whose event was lost reaches them. Only incidents somebody here watches (a hub connection that joined, a page
/// that follows it) have a cursor; when the last watcher leaves, the cursor is released.
/// </summary>
public sealed class LiveLogRelay(
    IServiceScopeFactory scopes,
    IHubContext<CrisisHub, ICrisisClient> hub,
    IncidentNotifier notifier,
    ILogger<LiveLogRelay> logger) : BackgroundService
{
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(3);

    private readonly Lock _watchLock = new();
    private readonly ConcurrentDictionary<Guid, IncidentCursor> _cursors = new();

    // The lock is never disposed: a released cursor is only dropped, and a forward still holding it finishes
    // harmlessly (it sees Released and stops). SemaphoreSlim holds nothing that needs disposing unless its
    // wait handle is asked for.
    [SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
        Justification = "The lock is deliberately never disposed; see the comment above.")]
    private sealed class IncidentCursor(int forwarded)
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Forwarded = forwarded;
        public int Watchers;
        public volatile bool Released;
    }

    /// <summary>The incidents this node watches (for tests and diagnostics).</summary>
    internal IReadOnlyCollection<Guid> Watched => _cursors.Keys.ToList();

    /// <summary>
    /// Watches an incident for a client that has everything up to <paramref name="lastSeq"/> or will read it: from
    /// here on nothing after it is skipped. Dispose the lease when the client leaves.
    /// </summary>
    public IDisposable Watch(Guid incidentId, int lastSeq)
    {
        lock (_watchLock)
        {
            var cursor = _cursors.GetOrAdd(incidentId, _ => new IncidentCursor(lastSeq));
            cursor.Watchers++;
        }
        return new Lease(() => Unwatch(incidentId));
    }

    /// <summary>
    /// Follows an incident's log for a page: <paramref name="onEntry"/> gets every entry after
    /// <paramref name="lastSeq"/> that the relay forwards, in order, and <paramref name="onChanged"/> every change
    /// of the incident. The page reads what it lacks once, after subscribing, and drops what it already has.
    /// </summary>
    public IDisposable Follow(Guid incidentId, int lastSeq, Func<LogEntry, Task> onEntry, Func<IncidentInfo, Task> onChanged)
    {
        var subscription = notifier.Subscribe(incidentId, onEntry, onChanged);
        var lease = Watch(incidentId, lastSeq);
        return new Lease(() =>
        {
            lease.Dispose();
            subscription.Dispose();
        });
    }

    private void Unwatch(Guid incidentId)
    {
        lock (_watchLock)
        {
            if (_cursors.TryGetValue(incidentId, out var cursor) && --cursor.Watchers <= 0)
            {
                cursor.Released = true;
                _cursors.TryRemove(incidentId, out _);
            }
        }
    }

    public async Task OnAppendedAsync(LogEntry entry, CancellationToken ct)
    {
        await notifier.PublishProgressAsync(entry.IncidentId, entry.Seq);
        await ForwardUpToAsync(entry.IncidentId, entry.Seq, entry, ct);
    }

    /// <summary>Forwards, in order, every entry after the last one forwarded up to <paramref name="seq"/>.</summary>
    private async Task ForwardUpToAsync(Guid incidentId, int seq, LogEntry? known, CancellationToken ct)
    {
        if (!_cursors.TryGetValue(incidentId, out var cursor))
        {
            return; // nobody here watches this incident
        }
        await cursor.Lock.WaitAsync(ct);
        try
        {
            var forwarded = Volatile.Read(ref cursor.Forwarded);
            if (cursor.Released || seq <= forwarded)
            {
                return;
            }
            IReadOnlyList<LogEntry> toSend;
            if (known is not null && seq == forwarded + 1)
            {
                toSend = [known];
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                toSend = await IncidentService.ReadEntriesAsync(db, incidentId, forwarded, seq, int.MaxValue, ct);
            }
            var group = hub.Clients.Group(CrisisHub.GroupOf(incidentId));
            foreach (var e in toSend)
            {
                await group.LogEntryAdded(LogEntryDto.From(e));
                await notifier.PublishEntryAsync(e);
                Volatile.Write(ref cursor.Forwarded, e.Seq);
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

    /// <summary>Forwards what the database has beyond what this node forwarded, for the incidents watched here.</summary>
    internal async Task ResyncAsync(CancellationToken ct)
    {
        var watched = _cursors.Keys.ToList();
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
            if (_cursors.TryGetValue(incidentId, out var cursor) && Volatile.Read(ref cursor.Forwarded) < lastSeq)
            {
                await ForwardUpToAsync(incidentId, lastSeq, null, ct);
            }
        }
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
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
        relay.OnAppendedAsync(context.Message.ToEntry(), context.CancellationToken);
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
        var incident = context.Message.ToInfo();
        await hub.Clients.Group(CrisisHub.GroupOf(incident.Id)).IncidentChanged(IncidentDto.From(incident));
        await notifier.PublishIncidentAsync(incident);
    }
}
