using System.Text.Json;
using Crisis.Web.Data;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Messaging;

/// <summary>Marks a record as a domain event that travels through the outbox under its type name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrisisEventAttribute : Attribute;

/// <summary>
/// The events that travel through the outbox, by a stable name (the type name, not the assembly-qualified one):
/// every record marked <see cref="CrisisEventAttribute"/>. Names must be unique; that is checked at start-up.
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(EventTypes).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(CrisisEventAttribute), inherit: false))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every event type, for tests that check rules across all of them.</summary>
    public static IReadOnlyCollection<Type> All => ByName.Values;

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
