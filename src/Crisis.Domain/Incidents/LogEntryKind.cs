namespace Crisis.Domain.Incidents;

/// <summary>
/// The classification of a log entry, after the BOB cycle of LCMS (Beeld, Oordeel, Besluit) plus
/// reports, actions, exercise injects and system notes.
/// </summary>
public enum LogEntryKind
{
    Info,
    Situation,
    Assessment,
    Decision,
    Action,
    Inject,
    System,
}

public static class LogEntryKinds
{
    private static readonly WireNames<LogEntryKind> Names = new(
        (LogEntryKind.Info, "info", "Melding"),
        (LogEntryKind.Situation, "situation", "Beeld"),
        (LogEntryKind.Assessment, "assessment", "Oordeel"),
        (LogEntryKind.Decision, "decision", "Besluit"),
        (LogEntryKind.Action, "action", "Actie"),
        (LogEntryKind.Inject, "inject", "Inject"),
        (LogEntryKind.System, "system", "Systeem"));

    public static IReadOnlyList<string> WireNames => Names.All;

    /// <summary>The kinds a person may choose when writing; injects and system notes come from Crisis itself.</summary>
    public static IReadOnlyList<LogEntryKind> Writable { get; } =
        [LogEntryKind.Info, LogEntryKind.Situation, LogEntryKind.Assessment, LogEntryKind.Decision, LogEntryKind.Action];

    public static string ToWire(this LogEntryKind kind) => Names.Wire(kind);

    public static string ToDutch(this LogEntryKind kind) => Names.Dutch(kind);

    public static bool TryParse(string? wire, out LogEntryKind kind) => Names.TryParse(wire, out kind);
}
