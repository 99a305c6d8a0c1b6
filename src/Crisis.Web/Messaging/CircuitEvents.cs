namespace Crisis.Web.Messaging;

/// <summary>How a feature's notifier hands a bus event to the Blazor circuits that subscribed to it.</summary>
public static partial class CircuitEvents
{
    /// <summary>
    /// Calls every subscriber in turn; one broken circuit is logged and must not keep the others from hearing
    /// about the event.
    /// </summary>
    public static async Task RaiseAsync<T>(Func<T, Task>? handlers, T value, ILogger logger)
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
                SubscriberFailed(logger, typeof(T).Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Blazor subscriber failed to take a {Event}")]
    private static partial void SubscriberFailed(ILogger logger, string @event, Exception ex);
}
