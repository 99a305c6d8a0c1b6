using System.Text.Json;
using Crisis.Web.Data;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Messaging;

/// <summary>
/// Marks a record as a domain event with its stable name on the wire, e.g. <c>log-entry-appended</c>: the outbox row's
/// type, the message type (<c>urn:message:crisis:log-entry-appended</c>) and the exchange (<c>crisis.log-entry-appended</c>).
/// The name, not the CLR name or namespace, is the contract, so moving or renaming the record never splits old and new
/// nodes onto different exchanges.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrisisEventAttribute(string name) : MassTransit.MessageUrnAttribute($"crisis:{name}")
{
    public string Name { get; } = name;

    /// <summary>The exchange (entity) the event is published to.</summary>
    public string EntityName => $"crisis.{Name}";
}

/// <summary>
/// The events that travel through the outbox, by their stable names (<see cref="CrisisEventAttribute"/>):
/// every record marked <see cref="CrisisEventAttribute"/>. Names must be unique; that is checked at start-up.
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(EventTypes).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(CrisisEventAttribute), inherit: false))
        .ToDictionary(NameOf, StringComparer.Ordinal);

    /// <summary>The stable name of an event type, or null when it is not a Crisis event.</summary>
    public static string? NameOfOrNull(Type type) =>
        (type.GetCustomAttributes(typeof(CrisisEventAttribute), inherit: false).FirstOrDefault() as CrisisEventAttribute)?.Name;

    private static string NameOf(Type type) => NameOfOrNull(type)!;

    /// <summary>Every event type, for tests that check rules across all of them.</summary>
    public static IReadOnlyCollection<Type> All => ByName.Values;

    /// <summary>
    /// The event type of an outbox row. Rows written before events had stable names carry the CLR type name; they are
    /// still understood, so an upgrade publishes what the old version left in the outbox.
    /// </summary>
    public static Type? Resolve(string name) =>
        ByName.GetValueOrDefault(name) ?? ByName.Values.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>Adds an event to the unit of work; it is published once the transaction commits.</summary>
    public static OutboxMessage Stage<TEvent>(CrisisDbContext db, TEvent @event, Instant now) where TEvent : class
    {
        var name = NameOfOrNull(typeof(TEvent))
            ?? throw new InvalidOperationException($"{typeof(TEvent).Name} is not marked [CrisisEvent(name)].");
        var message = new OutboxMessage
        {
            EventId = Guid.NewGuid(),
            Type = name,
            Payload = JsonSerializer.Serialize(@event, CrisisJson.Options),
            CreatedAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }
}
