using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain;

/// <summary>
/// The dates Crisis accepts from anyone: 1900-01-01 to 2200-12-31. Far enough for every real roster, paspoort and
/// incident, and far from NodaTime's ends (years 1 and 9999), so that no computation on an accepted value (a
/// rotation's weeks, a month's hours, the on-call at an instant) can overflow. Checked where wire values are parsed
/// (<c>RosterWire</c>, the JSON converters) and by the rules that take a date from a page.
/// </summary>
public static class TimeRange
{
    public static readonly LocalDate MinDate = new(1900, 1, 1);
    public static readonly LocalDate MaxDate = new(2200, 12, 31);

    public static readonly Instant MinInstant = Instant.FromUtc(1900, 1, 1, 0, 0);
    public static readonly Instant MaxInstant = Instant.FromUtc(2201, 1, 1, 0, 0) - Duration.Epsilon;

    public static bool Contains(LocalDate date) => date >= MinDate && date <= MaxDate;

    public static bool Contains(Instant instant) => instant >= MinInstant && instant <= MaxInstant;

    public static LocalDate Check(LocalDate date, string field) =>
        Contains(date) ? date : throw Refusal(field, LocalDatePattern.Iso.Format(date));

    public static LocalDateTime Check(LocalDateTime local, string field) =>
        Contains(local.Date) ? local : throw Refusal(field, LocalDateTimePattern.ExtendedIso.Format(local));

    public static Instant Check(Instant instant, string field) =>
        Contains(instant) ? instant : throw Refusal(field, InstantPattern.ExtendedIso.Format(instant));

    public static YearMonth Check(YearMonth month, string field) =>
        Contains(month.OnDayOfMonth(1)) ? month : throw Refusal(field, YearMonthPattern.Iso.Format(month));

    public static LocalDate? Check(LocalDate? date, string field) => date is { } d ? Check(d, field) : null;

    public static RuleViolationException Refusal(string field, string value) =>
        InputRefusals.DateOutOfRange.RaiseFor(field, ("field", field), ("value", Texts.Shorten(value)), ("min", MinDate), ("max", MaxDate));
}
