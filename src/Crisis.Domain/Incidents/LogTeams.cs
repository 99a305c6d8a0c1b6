using Crisis.Domain.Teams;

namespace Crisis.Domain.Incidents;

/// <summary>
/// The teams a log entry can be filed under: the codes of the region's task teams (kind taskteam, from the team data),
/// in the order a situation report lists them. A team is named by its code ignoring case and surrounding space, so the
/// spellings the log has always accepted ("Omgevingszorg") name the team by its code ("OMGEVINGSZORG").
/// </summary>
public sealed class LogTeams
{
    // An array scanned in order: a region has a handful of task teams, and this is on the log's append path.
    private readonly string[] _codes;

    private LogTeams(string[] codes) => _codes = codes;

    /// <summary>The task teams' codes, in report order.</summary>
    public IReadOnlyList<string> Codes => _codes;

    /// <summary>
    /// The log teams of <paramref name="taskTeamCodes"/> (the task teams the region has, in report order; working
    /// groups file no log entries). Blank codes are ignored, and a code given twice (in any case) counts once.
    /// </summary>
    public static LogTeams Of(IEnumerable<string> taskTeamCodes)
    {
        ArgumentNullException.ThrowIfNull(taskTeamCodes);
        var codes = new List<string>();
        foreach (var code in taskTeamCodes)
        {
            if (Texts.TrimToNull(code) is { } trimmed && !codes.Any(c => Texts.SameCode(c, trimmed)))
            {
                codes.Add(trimmed);
            }
        }
        return new LogTeams([.. codes]);
    }

    /// <summary>The task teams every region starts with (<see cref="TeamCatalogue.Seeded"/>).</summary>
    public static LogTeams Seeded { get; } =
        Of(TeamCatalogue.Seeded.Where(t => t.Kind == TeamKind.TaskTeam).Select(t => t.Code));

    /// <summary>The code of the team <paramref name="team"/> names, ignoring case and surrounding space; null when it names none.</summary>
    public string? Normalize(string? team)
    {
        if (team is null)
        {
            return null;
        }
        var trimmed = team.AsSpan().Trim();
        foreach (var code in _codes)
        {
            if (trimmed.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return null;
    }

    /// <summary>Whether every team named (blank names aside) is one of these.</summary>
    public bool KnowsAll(IEnumerable<string?> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        foreach (var team in teams)
        {
            if (!TextRules.IsBlank(team) && Normalize(team) is null)
            {
                return false;
            }
        }
        return true;
    }
}
