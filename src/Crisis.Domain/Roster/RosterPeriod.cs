using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// A period of whole local days in the region: from 00:00 of <see cref="From"/> up to 00:00 of
/// <see cref="To"/>. How many hours that is depends on the DST changes inside it.
/// </summary>
public sealed record RosterPeriod
{
    /// <summary>Two years: enough for a year plan with margin; a longer range is almost always a typo.</summary>
    public const int MaxDays = 731;

    private RosterPeriod(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        From = from;
        To = to;
        Zone = zone;
        // AtStartOfDay, not At(Midnight): in a zone that skips midnight the day starts at the first
        // instant that exists.
        Start = zone.AtStartOfDay(from).ToInstant();
        End = zone.AtStartOfDay(to).ToInstant();
    }

    public LocalDate From { get; }
    public LocalDate To { get; }
    public DateTimeZone Zone { get; }
    public Instant Start { get; }
    public Instant End { get; }

    public Interval Interval => new(Start, End);

    public decimal Hours => ShiftTimes.Hours(End - Start);

    /// <summary>
    /// The period from 00:00 of <paramref name="from"/> to 00:00 of <paramref name="to"/> in
    /// <paramref name="zone"/>. Invalid when <paramref name="to"/> is not after <paramref name="from"/> or
    /// the period is longer than <see cref="MaxDays"/>.
    /// </summary>
    public static RosterPeriod Of(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            throw RosterRefusals.PeriodEndsBeforeStart.RaiseFor("to", ("from", from), ("to", to));
        }
        if (Period.DaysBetween(from, to) > MaxDays)
        {
            throw RosterRefusals.PeriodTooLong.RaiseFor("to", ("max", MaxDays));
        }
        return new RosterPeriod(from, to, zone);
    }
}
