using System.Text.Json;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Messaging;

/// <summary>The events that travel through the outbox, by a stable name (not the assembly-qualified one).</summary>
public static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.Ordinal)
    {
        [nameof(LogEntryAppended)] = typeof(LogEntryAppended),
        [nameof(IncidentChanged)] = typeof(IncidentChanged),
    };

    public static Type? Resolve(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Adds an event to the unit of work; it is published once the transaction commits.</summary>
    public static OutboxMessage Stage<TEvent>(CrisisDbContext db, TEvent @event, Instant now) where TEvent : class
    {
        if (!ByName.ContainsKey(typeof(TEvent).Name))
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} is not registered in EventTypes.");
        }
        var message = new OutboxMessage
        {
            EventId = Guid.NewGuid(),
            Type = typeof(TEvent).Name,
            Payload = JsonSerializer.Serialize(@event, CrisisJson.Options),
            CreatedAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }
}
