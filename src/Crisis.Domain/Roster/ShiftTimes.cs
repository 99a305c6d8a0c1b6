using NodaTime;
using NodaTime.Text;
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

    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalDateTimePattern SecondPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

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
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"A shift must end after it starts; it starts {Format(start)} and ends {Format(end)}.", "end");
        }
        var startInstant = ResolveStrict(start, zone, "start");
        var endInstant = ResolveStrict(end, zone, "end");
        // Taking the earlier offset for repeated times keeps the mapping increasing, so a later local end
        // is never an earlier instant; the check stays because a zone's rules are data, not a promise.
        if (endInstant <= startInstant)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"A shift must end after it starts; in {zone.Id} {Format(end)} is not later than {Format(start)}.", "end");
        }
        if (endInstant - startInstant > MaxLength)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"A shift from {Format(start)} to {Format(end)} is longer than the {MaxLength.Days} days a shift may last.", "end");
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
            0 => throw LegacyRefusals.Of(ViolationKind.Invalid, SkippedMessage(local, zone, mapping), field),
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

    private static string SkippedMessage(LocalDateTime local, DateTimeZone zone, ZoneLocalMapping mapping)
    {
        var before = mapping.EarlyInterval;
        var after = mapping.LateInterval;
        var gapFrom = TimePattern.Format(before.IsoLocalEnd.TimeOfDay);
        var gapTo = TimePattern.Format(after.IsoLocalStart.TimeOfDay);
        var why = after.Savings > before.Savings
            ? "because of the change to summer time"
            : $"because the zone's offset changes from {before.WallOffset} to {after.WallOffset}";
        return $"The local time {Format(local)} does not exist in {zone.Id}: on {LocalDatePattern.Iso.Format(local.Date)} the clocks jump "
            + $"from {gapFrom} to {gapTo} {why}. Choose a time before {gapFrom} or from {gapTo}.";
    }

    private static string Format(LocalDateTime local) =>
        (local.Second == 0 && local.TickOfSecond == 0 ? MinutePattern : SecondPattern).Format(local);
}
