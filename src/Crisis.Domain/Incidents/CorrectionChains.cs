namespace Crisis.Domain.Incidents;

/// <summary>
/// Works out which entries are still in force. A correction replaces the entry it names; corrections of
/// corrections form a chain, and two corrections of the same entry both belong to its chain. Of each
/// chain the newest entry (highest sequence number) is in force.
/// </summary>
public static class CorrectionChains
{
    /// <summary>The entries in force, in sequence order.</summary>
    public static IReadOnlyList<LogEntry> InForce(IReadOnlyList<LogEntry> entries)
    {
        var bySeq = entries.ToDictionary(e => e.Seq);
        var newestOfChain = new Dictionary<int, LogEntry>();
        foreach (var entry in entries.OrderBy(e => e.Seq))
        {
            var root = RootOf(entry, bySeq);
            newestOfChain[root] = entry;
        }
        return newestOfChain.Values.OrderBy(e => e.Seq).ToList();
    }

    /// <summary>The sequence numbers of entries that a later entry has corrected.</summary>
    public static IReadOnlySet<int> Corrected(IReadOnlyList<LogEntry> entries)
    {
        var inForce = InForce(entries).Select(e => e.Seq).ToHashSet();
        return entries.Select(e => e.Seq).Where(s => !inForce.Contains(s)).ToHashSet();
    }

    private static int RootOf(LogEntry entry, Dictionary<int, LogEntry> bySeq)
    {
        var current = entry;
        // A correction always names an earlier entry, so the walk ends; the guard only protects
        // against a damaged log.
        for (var hops = 0; current.CorrectsSeq is { } target && hops < bySeq.Count; hops++)
        {
            if (!bySeq.TryGetValue(target, out var next) || next.Seq >= current.Seq)
            {
                break;
            }
            current = next;
        }
        return current.Seq;
    }
}
