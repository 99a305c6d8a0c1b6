using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Web.Data;

// Persistence shapes. The domain's records (IncidentInfo, LogEntry) are what the rest of the code uses;
// these classes exist for EF Core and are mapped at the edge of the data layer.

public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public bool Exercise { get; set; }
    public string? Municipality { get; set; }
    public int Grip { get; set; }
    public IncidentStatus Status { get; set; }
    public Instant OpenedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public Guid OpenedById { get; set; }

    /// <summary>The highest sequence number handed out; also the concurrency token that serialises writers across nodes.</summary>
    public int LastSeq { get; set; }

    public IncidentInfo ToInfo() => new(Id, Title, Exercise, Municipality, Grip, Status, OpenedAt, ClosedAt, LastSeq);
}

public sealed class LogEntryRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public int Seq { get; set; }
    public Instant At { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public LogEntryKind Kind { get; set; }
    public string? Team { get; set; }
    public required string Text { get; set; }
    public int? CorrectsSeq { get; set; }
    public int? CompletesSeq { get; set; }
    public bool Exercise { get; set; }

    public LogEntry ToEntry() =>
        new(Id, IncidentId, Seq, At, new AuthorRef(AuthorId, AuthorName), Kind, Team, Text, CorrectsSeq, CompletesSeq, Exercise);
}

public sealed class ParticipantRecord
{
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
    public Instant AddedAt { get; set; }
    public Guid AddedById { get; set; }

    /// <summary>The function the person takes part in (e.g. OVD-BZ), when given: evidence for their paspoort.</summary>
    public string? Function { get; set; }
}
