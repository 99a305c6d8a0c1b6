namespace Crisis.Web.Incidents;

/// <summary>
/// Hands bus events to the Blazor circuits of this node. Components subscribe when they render an incident and
/// unsubscribe when disposed; handlers run on the bus thread, so components marshal with InvokeAsync.
/// </summary>
public sealed class IncidentNotifier(ILogger<IncidentNotifier> logger)
{
    public event Func<LogEntryDto, Task>? EntryAdded;
    public event Func<IncidentDto, Task>? IncidentChanged;

    internal Task PublishEntryAsync(LogEntryDto entry) => RaiseAsync(EntryAdded, entry);

    internal Task PublishIncidentAsync(IncidentDto incident) => RaiseAsync(IncidentChanged, incident);

    private async Task RaiseAsync<T>(Func<T, Task>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            try
            {
                await handler(value);
            }
            catch (Exception ex)
            {
                // One broken circuit must not keep the others from hearing about the entry.
                NotifierLog.HandlerFailed(logger, ex);
            }
        }
    }
}

internal static partial class NotifierLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A Blazor subscriber failed to take an event")]
    public static partial void HandlerFailed(ILogger logger, Exception ex);
}
