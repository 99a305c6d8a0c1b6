using Crisis.Domain.Organisation;

namespace Crisis.Domain.Teams;

/// <summary>
/// The teams every region starts with, and finding a team by its code. Codes are upper case; lookups ignore case
/// so that the spellings the log has always accepted ("PIM", "Omgevingszorg", "Ondersteuning") keep working.
/// </summary>
public static class TeamCatalogue
{
    public const string Pim = "PIM";
    public const string Omgevingszorg = "OMGEVINGSZORG";
    public const string Ondersteuning = "ONDERSTEUNING";
    public const string WgPim = "WG-PIM";
    public const string WgOmgevingszorg = "WG-OMGEVINGSZORG";
    public const string WgOndersteuning = "WG-ONDERSTEUNING";
    public const string WgOto = "WG-OTO";

    /// <summary>The teams seeded at start-up, task teams first in the order a situation report lists them; no members.</summary>
    public static IReadOnlyList<Team> Seeded { get; } =
    [
        new(Pim, "Publieke Zorg & Informatie", TeamKind.TaskTeam, FunctionCatalogue.HoofdPubliekeZorg, []),
        new(Omgevingszorg, "Omgevingszorg", TeamKind.TaskTeam, FunctionCatalogue.HoofdOmgevingszorg, []),
        new(Ondersteuning, "Ondersteuning", TeamKind.TaskTeam, FunctionCatalogue.HoofdOndersteuning, []),
        new(WgPim, "Werkgroep PIM", TeamKind.WorkingGroup, null, []),
        new(WgOmgevingszorg, "Werkgroep Omgevingszorg", TeamKind.WorkingGroup, null, []),
        new(WgOndersteuning, "Werkgroep Ondersteuning", TeamKind.WorkingGroup, null, []),
        new(WgOto, "Werkgroep OTO Bevolkingszorg", TeamKind.WorkingGroup, null, []),
    ];

    /// <summary>The team whose code is <paramref name="code"/> ignoring case and surrounding space; null when none is.</summary>
    public static Team? Find(IEnumerable<Team> teams, string? code)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : teams.FirstOrDefault(t => Texts.SameCode(t.Code, trimmed));
    }

    /// <summary>
    /// The canonical code of the task team a log entry names, or null when <paramref name="team"/> names no task team
    /// (working groups do not file log entries).
    /// </summary>
    public static string? TaskTeamCode(IEnumerable<Team> teams, string? team) =>
        Find(teams, team) is { Kind: TeamKind.TaskTeam } found ? found.Code : null;
}
