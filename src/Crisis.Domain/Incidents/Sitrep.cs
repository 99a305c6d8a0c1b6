using NodaTime;

namespace Crisis.Domain.Incidents;

/// <summary>One team's part of a situation report.</summary>
public sealed record SitrepSection(
    string Team,
    LogEntry? LatestSituation,
    IReadOnlyList<LogEntry> Assessments,
    IReadOnlyList<LogEntry> Decisions,
    IReadOnlyList<LogEntry> OpenActions);

/// <summary>
/// A situation report (situatierapport) drawn from the log at one instant: per team the latest picture,
/// the assessments and decisions in force and the actions still open. Corrected entries are replaced by
/// their correction; completed actions are left out.
/// </summary>
public sealed record Sitrep(
    IncidentInfo Incident,
    Instant DrawnAt,
    DateTimeZone Zone,
    int EntryCount,
    IReadOnlyList<SitrepSection> Sections)
{
    /// <summary>The section for entries without a team: the column as a whole (Dutch, as the report is).</summary>
    public const string ColumnSection = "Algemeen";

    /// <summary>
    /// Draws the report. Sections: the column first (always), then each of <paramref name="teams"/> with entries in
    /// force, in their order, by code (an entry stored under an earlier spelling of a team counts for that team); then
    /// any other team an entry names, by name, so that nothing in force is left out of the report.
    /// </summary>
    public static Sitrep Draw(IncidentInfo incident, IReadOnlyList<LogEntry> log, Instant now, DateTimeZone zone, LogTeams teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var inForce = CorrectionChains.InForce(log);
        var completed = CompletedActionChains(log, inForce);

        string SectionOf(LogEntry e) => e.Team is null ? ColumnSection : teams.Normalize(e.Team) ?? e.Team;
        var teamOrder = new List<string> { ColumnSection };
        teamOrder.AddRange(teams.Codes);
        teamOrder.AddRange(inForce.Select(SectionOf).Distinct().Except(teamOrder).Order(StringComparer.Ordinal));
        var sections = new List<SitrepSection>();
        foreach (var team in teamOrder)
        {
            var mine = inForce.Where(e => SectionOf(e) == team).ToList();
            if (mine.Count == 0 && team != ColumnSection)
            {
                continue;
            }
            sections.Add(new SitrepSection(
                team,
                mine.LastOrDefault(e => e.Kind == LogEntryKind.Situation),
                mine.Where(e => e.Kind == LogEntryKind.Assessment).ToList(),
                mine.Where(e => e.Kind == LogEntryKind.Decision).ToList(),
                mine.Where(e => e.Kind == LogEntryKind.Action && !completed.Contains(e.Seq)).ToList()));
        }
        return new Sitrep(incident, now, zone, log.Count, sections);
    }

    /// <summary>Sequence numbers (of in-force actions) whose chain an in-force entry reports done.</summary>
    private static HashSet<int> CompletedActionChains(IReadOnlyList<LogEntry> log, IReadOnlyList<LogEntry> inForce)
    {
        var bySeq = log.ToDictionary(e => e.Seq);
        var rootOf = new Dictionary<int, int>();
        foreach (var e in log.OrderBy(e => e.Seq))
        {
            rootOf[e.Seq] = e.CorrectsSeq is { } t && rootOf.TryGetValue(t, out var r) && t < e.Seq ? r : e.Seq;
        }
        var doneRoots = inForce
            .Where(e => e.CompletesSeq is { } s && bySeq.ContainsKey(s))
            .Select(e => rootOf[e.CompletesSeq!.Value])
            .ToHashSet();
        return inForce.Where(e => doneRoots.Contains(rootOf[e.Seq])).Select(e => e.Seq).ToHashSet();
    }
}
