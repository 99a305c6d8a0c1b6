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
    private static readonly (LogEntryKind Kind, string Wire, string Dutch)[] Table =
    [
        (LogEntryKind.Info, "info", "Melding"),
        (LogEntryKind.Situation, "situation", "Beeld"),
        (LogEntryKind.Assessment, "assessment", "Oordeel"),
        (LogEntryKind.Decision, "decision", "Besluit"),
        (LogEntryKind.Action, "action", "Actie"),
        (LogEntryKind.Inject, "inject", "Inject"),
        (LogEntryKind.System, "system", "Systeem"),
    ];

    public static IReadOnlyList<string> WireNames { get; } = Table.Select(t => t.Wire).ToArray();

    /// <summary>The kinds a person may choose when writing; injects and system notes come from Crisis itself.</summary>
    public static IReadOnlyList<LogEntryKind> Writable { get; } =
        [LogEntryKind.Info, LogEntryKind.Situation, LogEntryKind.Assessment, LogEntryKind.Decision, LogEntryKind.Action];

    public static string ToWire(this LogEntryKind kind) => Table.First(t => t.Kind == kind).Wire;

    public static string ToDutch(this LogEntryKind kind) => Table.First(t => t.Kind == kind).Dutch;

    public static bool TryParse(string? wire, out LogEntryKind kind)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Wire, wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = t.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
