using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>How a shift came to be, which decides whether regenerating a rotation may replace it.</summary>
public enum ShiftOrigin
{
    /// <summary>Generated from a rotation; regenerating the rotation replaces it.</summary>
    Rotation,
    /// <summary>Entered by hand.</summary>
    Manual,
    /// <summary>A piece of a shift changed by an accepted swap.</summary>
    Swap,
    /// <summary>Reassigned or changed by a coordinator.</summary>
    Override,
}

public static class ShiftOrigins
{
    private static readonly WireNames<ShiftOrigin> Names = new(
        (ShiftOrigin.Rotation, "rotation", "rotatie"),
        (ShiftOrigin.Manual, "manual", "handmatig"),
        (ShiftOrigin.Swap, "swap", "ruil"),
        (ShiftOrigin.Override, "override", "overschreven"));

    /// <summary>The name in the HTTP contract: <c>rotation</c>, <c>manual</c>, <c>swap</c>, <c>override</c>.</summary>
    public static string ToWire(this ShiftOrigin origin) => Names.Wire(origin);

    public static string ToDutch(this ShiftOrigin origin) => Names.Dutch(origin);

    /// <summary>Whether a person made or changed this shift, so that regeneration must leave it alone.</summary>
    public static bool IsByHand(this ShiftOrigin origin) => origin != ShiftOrigin.Rotation;
}

/// <summary>
/// One person on call for one function from <see cref="Start"/> up to, not including, <see cref="End"/>.
/// Stored as instants; shown in the region's local time at the edges.
/// </summary>
public sealed record Shift(Guid Id, string Function, Guid PersonId, Instant Start, Instant End, ShiftOrigin Origin = ShiftOrigin.Manual)
{
    // An empty or inverted shift would silently count as nothing in coverage; refuse it where it is made.
    public Instant End { get; init; } = End > Start
        ? End
        : throw RosterRefusals.ShiftEmpty.RaiseFor("end");

    public Interval Interval => new(Start, End);

    public Duration Length => End - Start;

    public decimal Hours => ShiftTimes.Hours(Length);

    /// <summary>Whether the shift is on call at <paramref name="at"/> (start inclusive, end exclusive).</summary>
    public bool Contains(Instant at) => Start <= at && at < End;
}

/// <summary>
/// A shift that a rule has worked out but that is not stored yet, so it has no id: the caller gives it one
/// with <see cref="WithId"/> when it stores it. Keeps the rules free of id generation.
/// </summary>
public sealed record PlannedShift(string Function, Guid PersonId, Instant Start, Instant End, ShiftOrigin Origin)
{
    public Instant End { get; init; } = End > Start
        ? End
        : throw RosterRefusals.ShiftEmpty.RaiseFor("end");

    public Interval Interval => new(Start, End);

    public decimal Hours => ShiftTimes.Hours(End - Start);

    public Shift WithId(Guid id) => new(id, Function, PersonId, Start, End, Origin);
}

/// <summary>A time a person cannot be on call (leave, illness), end exclusive.</summary>
public sealed record Unavailability(Guid PersonId, Instant Start, Instant End, string? Reason = null)
{
    public Instant End { get; init; } = End > Start
        ? End
        : throw RosterRefusals.UnavailabilityEmpty.RaiseFor("end");

    public Interval Interval => new(Start, End);
}
