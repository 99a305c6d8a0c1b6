using NodaTime;

namespace Crisis.Domain.Incidents;

/// <summary>The person who wrote an entry, as they were named when they wrote it.</summary>
public sealed record AuthorRef(Guid Id, string Name);

/// <summary>
/// One entry of an incident log. Entries are immutable: a mistake is corrected by a later entry whose
/// <see cref="CorrectsSeq"/> names it (rectificatie); an action is reported done by a later entry whose
/// <see cref="CompletesSeq"/> names it.
/// </summary>
public sealed record LogEntry(
    Guid Id,
    Guid IncidentId,
    int Seq,
    Instant At,
    AuthorRef Author,
    LogEntryKind Kind,
    string? Team,
    string Text,
    int? CorrectsSeq,
    int? CompletesSeq,
    bool Exercise,
    Addressee? AddressedTo = null,
    string? InjectId = null);

/// <summary>
/// Whom an exercise inject is addressed to: a function (<c>OVD-BZ</c>) or a team (<c>PIM</c>), exactly one of them.
/// Only inject entries carry one, with the <see cref="LogEntry.InjectId"/> of the scenario's inject.
/// </summary>
public sealed record Addressee(string? Function, string? Team)
{
    public static Addressee ToFunction(string function) => new(function, null);

    public static Addressee ToTeam(string team) => new(null, team);

    /// <summary>The function or team code.</summary>
    public string Code => Function ?? Team ?? "";

    public override string ToString() => Code;
}

/// <summary>A new entry as the writer asked for it, before it has a place in the log.</summary>
public sealed record LogEntryDraft(LogEntryKind Kind, string Text, string? Team, int? CorrectsSeq, int? CompletesSeq);

/// <summary>
/// A request to write an entry, typed (the adapters parse the wire names): what kind, what text, for which team, and
/// which earlier entry it corrects or which action it completes. Not yet checked against the log.
/// </summary>
/// <remarks><see cref="AddressedTo"/> and <see cref="InjectId"/> are for exercise injects, written by Crisis itself only.</remarks>
public sealed record AppendEntry(
    LogEntryKind Kind, string? Text, string? Team = null, int? CorrectsSeq = null, int? CompletesSeq = null,
    Addressee? AddressedTo = null, string? InjectId = null);
