using Crisis.Web.Platform;
using Crisis.Web.Roster;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Components.Pages.Roster;

/// <summary>
/// What the roster pages read from their text fields and how they show times: Dutch (<c>14-12-2026 08:00</c>,
/// ISO accepted too); a value that is neither is refused with a code, so the page says so in Dutch.
/// </summary>
internal static class RosterInput
{
    private static readonly LocalDateTimePattern[] DateTimes =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("d'-'M'-'uuuu' 'H':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
        LocalDateTimePattern.ExtendedIso,
    ];

    private static readonly LocalDatePattern[] Dates =
    [
        LocalDatePattern.CreateWithInvariantCulture("d'-'M'-'uuuu"),
        LocalDatePattern.Iso,
    ];

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("H':'mm");

    public static string Function(string? code) =>
        string.IsNullOrWhiteSpace(code) ? throw RosterWireRefusals.InputFunctionMissing.Raise() : code;

    public static Guid Person(Guid? id) => id is { } pid && pid != Guid.Empty ? pid : throw RosterWireRefusals.InputPersonMissing.Raise();

    public static LocalDateTime DateTime(string? text) =>
        Crisis.Domain.TimeRange.Check(DateTimes.Select(p => p.Parse(text?.Trim() ?? "")).FirstOrDefault(r => r.Success)?.Value
        ?? throw RosterWireRefusals.InputDateTimeInvalid.Raise(("value", text ?? "")), "datum");

    /// <summary>A typed date and time when it reads as one (for the pickers to follow the text); null otherwise.</summary>
    public static LocalDateTime? TryDateTime(string? text) =>
        DateTimes.Select(p => p.Parse(text?.Trim() ?? "")).FirstOrDefault(r => r.Success)?.Value;

    /// <summary>A typed date when it reads as one; null otherwise.</summary>
    public static LocalDate? TryDate(string? text) =>
        Dates.Select(p => p.Parse(text?.Trim() ?? "")).FirstOrDefault(r => r.Success)?.Value;

    public static LocalDateTime? DateTimeOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : DateTime(text);

    public static LocalDate Date(string? text) =>
        Crisis.Domain.TimeRange.Check(Dates.Select(p => p.Parse(text?.Trim() ?? "")).FirstOrDefault(r => r.Success)?.Value
        ?? throw RosterWireRefusals.InputDateInvalid.Raise(("value", text ?? "")), "datum");

    public static LocalTime TimeOfDay(string? text)
    {
        var result = Time.Parse(text?.Trim() ?? "");
        return result.Success ? result.Value : throw RosterWireRefusals.InputTimeInvalid.Raise(("value", text ?? ""));
    }

    /// <summary>A time of day from MudBlazor's time picker; none picked is refused as an empty time.</summary>
    public static LocalTime TimeOfDay(TimeSpan? picked) =>
        picked is { } t && t >= TimeSpan.Zero && t < TimeSpan.FromDays(1)
            ? LocalTime.FromTicksSinceMidnight(t.Ticks)
            : throw RosterWireRefusals.InputTimeInvalid.Raise(("value", picked?.ToString() ?? ""));

    /// <summary>A span of local times as the pages show it: <c>14-12-2026 08:00 – 21-12-2026 08:00</c>.</summary>
    public static string Range(LocalDateTime start, LocalDateTime end) => $"{DutchFormat.DateTime(start)} – {DutchFormat.DateTime(end)}";
}
