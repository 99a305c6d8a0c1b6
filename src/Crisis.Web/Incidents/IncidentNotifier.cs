using Crisis.Domain.Incidents;
using Crisis.Web.Messaging;

namespace Crisis.Web.Incidents;

/// <summary>
/// Hands what the relay forwards to the Blazor circuits of this node, keyed by incident: a circuit subscribes to
/// the incident it shows and wakes only for that one. Entries arrive as the relay forwards them (in order, each
/// once); handlers run on the relay's thread, so components marshal with InvokeAsync. Pages subscribe through
/// <see cref="LiveLogRelay.Follow"/>, which also makes the relay watch the incident.
/// </summary>
public sealed class IncidentNotifier(ILogger<IncidentNotifier> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Func<LogEntry, Task>?> _entries = [];
    private readonly Dictionary<Guid, Func<IncidentInfo, Task>?> _changes = [];
    private readonly Dictionary<Guid, Func<LogProgress, Task>?> _progress = [];
    private Func<IncidentInfo, Task>? _anyChange;

    /// <summary>The entries and changes of one incident, until the subscription is disposed.</summary>
    internal IDisposable Subscribe(Guid incidentId, Func<LogEntry, Task> onEntry, Func<IncidentInfo, Task> onChanged)
    {
        lock (_lock)
        {
            Add(_entries, incidentId, onEntry);
            Add(_changes, incidentId, onChanged);
        }
        return new Subscription(() =>
        {
            lock (_lock)
            {
                Remove(_entries, incidentId, onEntry);
                Remove(_changes, incidentId, onChanged);
            }
        });
    }

    /// <summary>
    /// For the list of incidents: every change of any incident (a new one must appear) and, for the incidents
    /// <paramref name="shown"/>, the sequence number each entry reaches, without the entries themselves.
    /// </summary>
    public IDisposable SubscribeToList(IReadOnlyCollection<Guid> shown, Func<IncidentInfo, Task> onChanged, Func<LogProgress, Task> onProgress)
    {
        lock (_lock)
        {
            _anyChange += onChanged;
            foreach (var id in shown)
            {
                Add(_progress, id, onProgress);
            }
        }
        return new Subscription(() =>
        {
            lock (_lock)
            {
                _anyChange -= onChanged;
                foreach (var id in shown)
                {
                    Remove(_progress, id, onProgress);
                }
            }
        });
    }

    internal Task PublishEntryAsync(LogEntry entry) => CircuitEvents.RaiseAsync(Get(_entries, entry.IncidentId), entry, logger);

    /// <summary>An entry was appended, whether or not anyone here watches its incident's log.</summary>
    internal Task PublishProgressAsync(Guid incidentId, int seq) =>
        CircuitEvents.RaiseAsync(Get(_progress, incidentId), new LogProgress(incidentId, seq), logger);

    internal async Task PublishIncidentAsync(IncidentInfo incident)
    {
        Func<IncidentInfo, Task>? any;
        lock (_lock)
        {
            any = _anyChange;
        }
        await CircuitEvents.RaiseAsync(Get(_changes, incident.Id), incident, logger);
        await CircuitEvents.RaiseAsync(any, incident, logger);
    }

    private T? Get<T>(Dictionary<Guid, T?> handlers, Guid incidentId) where T : Delegate
    {
        lock (_lock)
        {
            return handlers.GetValueOrDefault(incidentId);
        }
    }

    private static void Add<T>(Dictionary<Guid, T?> handlers, Guid incidentId, T handler) where T : Delegate =>
        handlers[incidentId] = (T?)Delegate.Combine(handlers.GetValueOrDefault(incidentId), handler);

    private static void Remove<T>(Dictionary<Guid, T?> handlers, Guid incidentId, T handler) where T : Delegate
    {
        var left = (T?)Delegate.Remove(handlers.GetValueOrDefault(incidentId), handler);
        if (left is null)
        {
            handlers.Remove(incidentId);
        }
        else
        {
            handlers[incidentId] = left;
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

/// <summary>How far an incident's log has come: the sequence number of its newest entry.</summary>
public readonly record struct LogProgress(Guid IncidentId, int Seq);
