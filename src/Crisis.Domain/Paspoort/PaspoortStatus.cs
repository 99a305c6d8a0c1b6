namespace Crisis.Domain.Paspoort;

/// <summary>
/// Whether a person meets a requirement (or all requirements of a function) on a given day. The members are
/// declared from best to worst, and that order is what <see cref="PaspoortStatuses.Worst"/> uses.
/// </summary>
public enum PaspoortStatus
{
    /// <summary>Met, and stays met for more than <see cref="Qualification.ExpiringWindowDays"/> days.</summary>
    Current,
    /// <summary>Met today, but runs out within <see cref="Qualification.ExpiringWindowDays"/> days.</summary>
    Expiring,
    /// <summary>Was met once and has lapsed: a refresher brings the person back.</summary>
    Expired,
    /// <summary>
    /// Never met. Ranked worse than <see cref="Expired"/> because the whole track (often a course) is still
    /// ahead, whereas a lapsed person needs one activity. For the roster both mean "not qualified".
    /// </summary>
    Missing,
}

/// <summary>Wire names (API), Dutch labels (UI) and ordering of <see cref="PaspoortStatus"/>.</summary>
public static class PaspoortStatuses
{
    private static readonly WireNames<PaspoortStatus> Names = new(
        (PaspoortStatus.Current, "current", "Actueel"),
        (PaspoortStatus.Expiring, "expiring", "Verloopt binnenkort"),
        (PaspoortStatus.Expired, "expired", "Verlopen"),
        (PaspoortStatus.Missing, "missing", "Ontbreekt"));

    public static IReadOnlyList<string> WireNames => Names.All;

    public static string ToWire(this PaspoortStatus status) => Names.Wire(status);

    public static string ToDutch(this PaspoortStatus status) => Names.Dutch(status);

    public static bool TryParse(string? wire, out PaspoortStatus status) => Names.TryParse(wire, out status);

    /// <summary>Qualified means current or expiring: an expiring person may still stand their shift.</summary>
    public static bool IsQualified(this PaspoortStatus status) => status is PaspoortStatus.Current or PaspoortStatus.Expiring;

    /// <summary>
    /// The worst of some statuses (missing, then expired, then expiring, then current); <see cref="PaspoortStatus.Current"/>
    /// when there are none, since nothing required is nothing lacking.
    /// </summary>
    public static PaspoortStatus Worst(IEnumerable<PaspoortStatus> statuses) =>
        statuses.DefaultIfEmpty(PaspoortStatus.Current).Max();
}
