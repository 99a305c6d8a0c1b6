using NodaTime;
using NodaTime.TimeZones;

namespace Crisis.Domain.Roster;

/// <summary>
/// A shift's local start and end as entered, and the instants they stand for. The end is exclusive.
/// </summary>
public sealed record ResolvedShiftTimes(LocalDateTime LocalStart, LocalDateTime LocalEnd, Instant Start, Instant End)
{
    /// <summary>The real time between start and end; across a DST change this differs from the local difference.</summary>
    public Duration Length => End - Start;

    /// <summary>The length in hours (167 for a week that loses an hour, 7.5 for half past eight to four).</summary>
    public decimal Hours => ShiftTimes.Hours(Length);

    /// <summary>The interval of instants, end exclusive.</summary>
    public Interval Interval => new(Start, End);
}

/// <summary>
/// Turns local date-times of the region into instants, by the rules every shift obeys: a local time that
/// does not exist (skipped when the clocks move forward) is refused, and a local time that exists twice
/// (when the clocks move back) means the first of the two.
/// </summary>
public static class ShiftTimes
{
    /// <summary>
    /// The longest shift accepted. A piket shift is usually a week; a month is already generous, and a
    /// limit keeps a typo in the year from creating a shift that blocks a pool for decades.
    /// </summary>
    public static readonly Duration MaxLength = Duration.FromDays(31);

    /// <summary>
    /// Resolves a shift given in local time. Throws <see cref="RuleViolationException"/> (Invalid) when
    /// either time does not exist in <paramref name="zone"/>, when the end is not after the start, or when
    /// the shift is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static ResolvedShiftTimes Resolve(LocalDateTime start, LocalDateTime end, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end <= start)
        {
            throw RosterRefusals.ShiftEndsBeforeStart.RaiseFor("end", ("start", start), ("end", end));
        }
        var startInstant = ResolveStrict(start, zone, "start");
        var endInstant = ResolveStrict(end, zone, "end");
        // Taking the earlier offset for repeated times keeps the mapping increasing, so a later local end
        // is never an earlier instant; the check stays because a zone's rules are data, not a promise.
        if (endInstant <= startInstant)
        {
            throw RosterRefusals.ShiftEndsBeforeStartInZone.RaiseFor("end", ("zone", zone.Id), ("start", start), ("end", end));
        }
        if (endInstant - startInstant > MaxLength)
        {
            throw RosterRefusals.ShiftTooLong.RaiseFor("end", ("start", start), ("end", end), ("days", MaxLength.Days));
        }
        return new ResolvedShiftTimes(start, end, startInstant, endInstant);
    }

    /// <summary>
    /// The instant of a local time that a person typed: a skipped time is refused with a message that
    /// says why, a repeated time takes the earlier offset (the first time the clock shows it).
    /// </summary>
    /// <param name="field">The input field to name in the error, e.g. <c>start</c>.</param>
    public static Instant ResolveStrict(LocalDateTime local, DateTimeZone zone, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => throw Skipped(local, zone, mapping, field),
            _ => mapping.First().ToInstant(),
        };
    }

    /// <summary>
    /// The instant of a local time that a rule produced rather than a person, such as a rotation's
    /// handover: a skipped time becomes the first instant after the gap (a 02:30 handover on the night
    /// summer time starts happens at 03:00 summer time), a repeated time takes the earlier offset.
    /// Refusing here would make a whole rotation fail over one night a year.
    /// </summary>
    public static Instant ResolveLenient(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? mapping.LateInterval.Start : mapping.First().ToInstant();
    }

    /// <summary>
    /// Hours as a decimal, rounded to four places: exact for whole and half hours (167, 169, 7.5) and
    /// still telling single minutes apart (one minute is 0.0167).
    /// </summary>
    public static decimal Hours(Duration duration) =>
        Math.Round((decimal)duration.BclCompatibleTicks / NodaConstants.TicksPerHour, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The refusal of a skipped local time, saying why it does not exist: the day, the gap the clocks jump over, and
    /// whether that is the change to summer time or another change of the zone's offset.
    /// </summary>
    private static RuleViolationException Skipped(LocalDateTime local, DateTimeZone zone, ZoneLocalMapping mapping, string? field)
    {
        var before = mapping.EarlyInterval;
        var after = mapping.LateInterval;
        var why = after.Savings > before.Savings
            ? RosterRefusals.SkippedForSummerTime.With()
            : RosterRefusals.SkippedForOffsetChange.With(
                ("before", before.WallOffset.ToString()), ("after", after.WallOffset.ToString()));
        (string, object?)[] args =
        [
            ("local", local), ("zone", zone.Id), ("date", local.Date),
            ("from", before.IsoLocalEnd.TimeOfDay), ("to", after.IsoLocalStart.TimeOfDay), ("why", why),
        ];
        return field is null ? RosterRefusals.LocalTimeSkipped.Raise(args) : RosterRefusals.LocalTimeSkipped.RaiseFor(field, args);
    }
}
