using Crisis.Domain.Incidents;

namespace Crisis.Web.Components.Pages.Incidents;

/// <summary>What the officer filters the log by: a kind, a team, an author (null is all).</summary>
public sealed record LogFilterState(LogEntryKind? Kind = null, string? Team = null, Guid? Author = null)
{
    public bool IsEmpty => Kind is null && Team is null && Author is null;

    public bool Matches(LogEntry e) =>
        (Kind is not { } k || e.Kind == k)
        && (Team is null || string.Equals(e.Team, Team, StringComparison.OrdinalIgnoreCase))
        && (Author is not { } a || e.Author.Id == a);
}

/// <summary>An action of the log as the overview shows it: open or done, and by whom and when it was reported done.</summary>
public sealed record LogAction(LogEntry Entry, LogEntry? DoneBy)
{
    public bool Done => DoneBy is not null;

    /// <summary>Who holds it: the team it was filed under, else whoever logged it.</summary>
    public string Owner => Entry.Team ?? Entry.Author.Name;
}

/// <summary>
/// The log's derived views, from the entries alone: which action is done (through corrections: an action corrected
/// after it was reported done is still done, as the sitrep counts it), the actions overview, and what is new.
/// </summary>
public static class LogView
{
    /// <summary>For each action (by sequence number) the entry that reports it done, if any entry in force does.</summary>
    public static IReadOnlyDictionary<int, LogEntry> Completions(IReadOnlyList<LogEntry> entries, IReadOnlySet<int> corrected)
    {
        var rootOf = new Dictionary<int, int>();
        foreach (var e in entries.OrderBy(e => e.Seq))
        {
            rootOf[e.Seq] = e.CorrectsSeq is { } t && rootOf.TryGetValue(t, out var r) ? r : e.Seq;
        }
        var doneByRoot = new Dictionary<int, LogEntry>();
        foreach (var e in entries.OrderBy(e => e.Seq))
        {
            if (e.CompletesSeq is { } target && !corrected.Contains(e.Seq) && rootOf.TryGetValue(target, out var root))
            {
                doneByRoot.TryAdd(root, e);
            }
        }
        return entries.Where(e => e.Kind == LogEntryKind.Action && doneByRoot.ContainsKey(rootOf[e.Seq]))
            .ToDictionary(e => e.Seq, e => doneByRoot[rootOf[e.Seq]]);
    }

    /// <summary>The actions in force (not corrected by a later entry): open ones first, oldest first.</summary>
    public static IReadOnlyList<LogAction> Actions(IReadOnlyList<LogEntry> entries, IReadOnlySet<int> corrected)
    {
        var done = Completions(entries, corrected);
        return entries.Where(e => e.Kind == LogEntryKind.Action && !corrected.Contains(e.Seq))
            .Select(e => new LogAction(e, done.GetValueOrDefault(e.Seq)))
            .OrderBy(a => a.Done).ThenBy(a => a.Entry.Seq).ToList();
    }

    /// <summary>
    /// Whether an entry is new to <paramref name="me"/>: written by someone else after what they last saw here. On a
    /// first visit (nothing seen yet, -1) nothing is marked: the whole log would be.
    /// </summary>
    public static bool IsNew(LogEntry e, int lastSeen, Guid me) => lastSeen >= 0 && e.Seq > lastSeen && e.Author.Id != me;
}
