using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>What is wrong with a shift, as coordinators check it.</summary>
public enum ConflictKind
{
    /// <summary>The person is on call twice at once (for this function or another).</summary>
    DoubleBooked,
    /// <summary>The person is on call while on leave or otherwise unavailable.</summary>
    Unavailable,
    /// <summary>The person is on call in a function they do not hold (or are no longer qualified for).</summary>
    Unqualified,
}

public static class ConflictKinds
{
    private static readonly WireNames<ConflictKind> Names = new(
        (ConflictKind.DoubleBooked, "double-booked", "dubbel ingeroosterd"),
        (ConflictKind.Unavailable, "unavailable", "afwezig"),
        (ConflictKind.Unqualified, "unqualified", "niet gekwalificeerd"));

    public static IReadOnlyList<string> WireNames => Names.All;

    /// <summary>The name in the HTTP contract: <c>double-booked</c>, <c>unavailable</c>, <c>unqualified</c>.</summary>
    public static string ToWire(this ConflictKind kind) => Names.Wire(kind);

    public static string ToDutch(this ConflictKind kind) => Names.Dutch(kind);
}

/// <summary>
/// A conflict on one shift, limited to the period asked about. <see cref="Start"/> and <see cref="End"/> are
/// the part of the shift that is in conflict: the overlap with the other shift or with the unavailability,
/// or the time the person is not qualified.
/// </summary>
/// <param name="OtherShiftId">For <see cref="ConflictKind.DoubleBooked"/>, the other shift of the same person.</param>
public sealed record RosterConflict(
    Guid PersonId, ConflictKind Kind, Instant Start, Instant End, Guid ShiftId, Guid? OtherShiftId = null)
{
    public decimal Hours => ShiftTimes.Hours(End - Start);
}

/// <summary>
/// A maximal stretch of the period with fewer than the minimum number of people on call.
/// <see cref="FewestOnCall"/> is the lowest number on call in it: 0 means nobody at all for part of it.
/// </summary>
public sealed record CoverageGap(Instant Start, Instant End, int FewestOnCall)
{
    public Duration Length => End - Start;

    public decimal Hours => ShiftTimes.Hours(Length);
}

/// <summary>The coverage of one function over one period.</summary>
public sealed record CoverageReport(
    string Function,
    int MinimumOnCall,
    Interval Period,
    Duration Covered,
    IReadOnlyList<CoverageGap> Gaps,
    IReadOnlyList<RosterConflict> Conflicts)
{
    public Duration Total => Period.Duration;

    public decimal TotalHours => ShiftTimes.Hours(Total);

    /// <summary>Hours with at least the minimum number of available, qualified people on call.</summary>
    public decimal CoveredHours => ShiftTimes.Hours(Covered);

    public bool IsFullyCovered => Gaps.Count == 0;
}

/// <summary>
/// Coverage of several functions over the same period: the region's overview. A person double-booked
/// across two functions shows in both functions' reports, so <see cref="ConflictCount"/> counts it twice.
/// </summary>
public sealed record RegionCoverage(Interval Period, IReadOnlyList<CoverageReport> Functions)
{
    public int GapCount => Functions.Sum(f => f.Gaps.Count);

    public int ConflictCount => Functions.Sum(f => f.Conflicts.Count);

    /// <summary>The report of one function, or null when it was not asked for.</summary>
    public CoverageReport? this[string function] => Functions.FirstOrDefault(f => f.Function == function);
}
