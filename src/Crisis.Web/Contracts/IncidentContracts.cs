using Crisis.Domain.Incidents;
using Crisis.Web.Messaging;
using NodaTime;

namespace Crisis.Web.Contracts;

// The bus contracts of the Incidents feature: past-tense nouns, flat immutable records of the domain's values, no base
// classes, each with a stable name that is its message type and exchange on every node (MassTransit's guidance).

/// <summary>An entry was appended to an incident's log.</summary>
[CrisisEvent("log-entry-appended")]
public sealed record LogEntryAppended(
    Guid EntryId,
    Guid IncidentId,
    int Seq,
    Instant At,
    Guid AuthorId,
    string AuthorName,
    LogEntryKind Kind,
    string? Team,
    string Text,
    int? CorrectsSeq,
    int? CompletesSeq,
    bool Exercise,
    Addressee? AddressedTo = null,
    string? InjectId = null)
{
    public static LogEntryAppended From(LogEntry e) =>
        new(e.Id, e.IncidentId, e.Seq, e.At, e.Author.Id, e.Author.Name, e.Kind, e.Team, e.Text, e.CorrectsSeq, e.CompletesSeq, e.Exercise,
            e.AddressedTo, e.InjectId);

    public LogEntry ToEntry() =>
        new(EntryId, IncidentId, Seq, At, new AuthorRef(AuthorId, AuthorName), Kind, Team, Text, CorrectsSeq, CompletesSeq, Exercise,
            AddressedTo, InjectId);
}

/// <summary>An incident was opened, or its GRIP level or status changed.</summary>
[CrisisEvent("incident-changed")]
public sealed record IncidentChanged(
    Guid IncidentId,
    string Title,
    bool Exercise,
    string? Municipality,
    int Grip,
    IncidentStatus Status,
    Instant OpenedAt,
    Instant? ClosedAt,
    int LastSeq)
{
    public static IncidentChanged From(IncidentInfo i) =>
        new(i.Id, i.Title, i.Exercise, i.Municipality, i.Grip, i.Status, i.OpenedAt, i.ClosedAt, i.LastSeq);

    public IncidentInfo ToInfo() => new(IncidentId, Title, Exercise, Municipality, Grip, Status, OpenedAt, ClosedAt, LastSeq);
}

/// <summary>An incident was closed: work that follows a closed incident (paspoort drafts) starts from this.</summary>
[CrisisEvent("incident-closed")]
public sealed record IncidentClosed(Guid IncidentId, bool Exercise, Instant ClosedAt);
