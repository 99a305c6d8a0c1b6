using Crisis.Web.Messaging;

namespace Crisis.Web.Incidents;

/// <summary>
/// Hands bus events to the Blazor circuits of this node. Components subscribe when they render an incident and
/// unsubscribe when disposed; handlers run on the bus thread, so components marshal with InvokeAsync.
/// </summary>
public sealed class IncidentNotifier(ILogger<IncidentNotifier> logger)
{
    public event Func<LogEntryDto, Task>? EntryAdded;
    public event Func<IncidentDto, Task>? IncidentChanged;

    internal Task PublishEntryAsync(LogEntryDto entry) => CircuitEvents.RaiseAsync(EntryAdded, entry, logger);

    internal Task PublishIncidentAsync(IncidentDto incident) => CircuitEvents.RaiseAsync(IncidentChanged, incident, logger);
}
