using System.Text.Json.Serialization;
using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Web.Incidents;

// The shapes of the HTTP API and the hub (serialised camelCase). Kinds, statuses and teams travel as
// their wire names.

public sealed record AuthorDto(Guid Id, string Name);

/// <summary>Whom an exercise inject is addressed to: <c>{function}</c> or <c>{team}</c>.</summary>
public sealed record AddresseeDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Function,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Team)
{
    public static AddresseeDto? From(Addressee? a) => a is null ? null : new(a.Function, a.Team);

    public Addressee ToAddressee() => new(Function, Team);
}

public sealed record LogEntryDto(
    Guid Id,
    Guid IncidentId,
    int Seq,
    Instant At,
    AuthorDto Author,
    string Kind,
    string? Team,
    string Text,
    int? CorrectsSeq,
    int? CompletesSeq,
    bool Exercise,
    AddresseeDto? AddressedTo = null,
    string? InjectId = null)
{
    public static LogEntryDto From(LogEntry e) =>
        new(e.Id, e.IncidentId, e.Seq, e.At, new AuthorDto(e.Author.Id, e.Author.Name), e.Kind.ToWire(), e.Team,
            e.Text, e.CorrectsSeq, e.CompletesSeq, e.Exercise, AddresseeDto.From(e.AddressedTo), e.InjectId);

    public LogEntry ToEntry() =>
        new(Id, IncidentId, Seq, At, new AuthorRef(Author.Id, Author.Name),
            LogEntryKinds.TryParse(Kind, out var k) ? k : LogEntryKind.Info, Team, Text, CorrectsSeq, CompletesSeq, Exercise,
            AddressedTo?.ToAddressee(), InjectId);
}

public sealed record IncidentDto(
    Guid Id,
    string Title,
    bool Exercise,
    int Grip,
    string Status,
    Instant OpenedAt,
    string? Municipality,
    Instant? ClosedAt,
    int LastSeq)
{
    public static IncidentDto From(IncidentInfo i) =>
        new(i.Id, i.Title, i.Exercise, i.Grip, i.Status.ToWire(), i.OpenedAt, i.Municipality, i.ClosedAt, i.LastSeq);

    public IncidentInfo ToInfo() =>
        new(Id, Title, Exercise, Municipality, Grip, Status == IncidentStatus.Closed.ToWire() ? IncidentStatus.Closed : IncidentStatus.Open,
            OpenedAt, ClosedAt, LastSeq);
}

/// <summary>Body of <c>POST /api/incidents</c>.</summary>
public sealed record CreateIncidentRequest(string? Title, bool? Exercise, string? Municipality, int? Grip);

/// <summary>Body of <c>POST /api/incidents/{id}/log</c> and of the hub's <c>AppendLog</c>.</summary>
/// <summary>
/// An entry to append. <paramref name="IdempotencyKey"/>, a key the client made for this entry (the hub's way; the API
/// takes the <c>Idempotency-Key</c> header, and this field when there is no header): the same key again answers the
/// entry it wrote and stores nothing new.
/// </summary>
public sealed record AppendLogRequest(string? Kind, string? Text, string? Team, int? CorrectsSeq, int? CompletesSeq, string? IdempotencyKey = null);

public sealed record GripRequest(int? Level);

public sealed record ParticipantRequest(string? Email, string? Function = null);

public sealed record ParticipantDto(Guid UserId, string Name, string Email, string Role, Instant AddedAt, string? Function);

/// <summary>A page of an incident's log, in seq order, and whether the log goes on past it (after it, or before it when reading back).</summary>
public sealed record LogPage(IReadOnlyList<LogEntry> Entries, bool More);
