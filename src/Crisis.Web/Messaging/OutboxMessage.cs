using NodaTime;

namespace Crisis.Web.Messaging;

/// <summary>
/// A domain event written in the same transaction as the change it describes, and published on the bus
/// from there. MassTransit's own EF outbox is not available here, so this small part is ours.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Becomes the MassTransit MessageId, so consumers can drop duplicates.</summary>
    public Guid EventId { get; set; }

    /// <summary>The event's CLR type name (see <see cref="EventTypes"/>).</summary>
    public required string Type { get; set; }

    public required string Payload { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? PublishedAt { get; set; }
    public int Attempts { get; set; }
}
