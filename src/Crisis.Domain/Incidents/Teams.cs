namespace Crisis.Domain.Incidents;

/// <summary>The task teams of the Bevolkingszorg column that log entries can be filed under.</summary>
public static class Teams
{
    public const string Pim = "PIM";
    public const string Omgevingszorg = "Omgevingszorg";
    public const string Ondersteuning = "Ondersteuning";

    /// <summary>The known teams, in the order a situation report lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Pim, Omgevingszorg, Ondersteuning];

    /// <summary>Dutch label for entries that belong to the column as a whole rather than one team.</summary>
    public const string ColumnLabel = "Algemeen";

    /// <summary>Finds the canonical spelling of a team name, ignoring case; null when it is not a team.</summary>
    public static string? Normalize(string? team) =>
        All.FirstOrDefault(t => string.Equals(t, team?.Trim(), StringComparison.OrdinalIgnoreCase));
}
