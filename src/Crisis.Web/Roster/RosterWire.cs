using Crisis.Domain;
using Crisis.Domain.Roster;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Roster;

/// <summary>
/// How the roster reads and writes times and names at the edge: local date-times of the region in ISO form
/// (<c>2026-03-23T08:00:00</c>, seconds optional), dates (<c>2026-03-23</c>), instants (<c>2026-03-23T07:00:00Z</c>).
/// Parsed here rather than by the JSON converter so that a malformed value gets a message naming the field.
/// </summary>
public static class RosterWire
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm"),
        LocalTimePattern.ExtendedIso,
    ];

    public static readonly LocalDateTimePattern LocalOut = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public static LocalDateTime ParseLocal(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} is required, as a local date-time like 2026-03-23T08:00:00.", field);
        }
        var trimmed = text.Trim();
        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return result.Value;
            }
        }
        var hint = trimmed.EndsWith('Z') || trimmed.LastIndexOfAny(['+']) > 10
            ? " Give the local time of the region without an offset or Z."
            : "";
        throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(trimmed)}' is not a local date-time like 2026-03-23T08:00:00.{hint}", field);
    }

    public static LocalDate ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} is required, as a date like 2026-03-23.", field);
        }
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value
            : throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(text.Trim())}' is not a date like 2026-03-23.", field);
    }

    public static Instant ParseInstant(string text, string field)
    {
        var result = InstantPattern.ExtendedIso.Parse(text.Trim());
        return result.Success ? result.Value
            : throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(text.Trim())}' is not an instant like 2026-11-22T10:15:00Z.", field);
    }

    public static LocalTime ParseTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} is required, as a time like 08:00.", field);
        }
        foreach (var pattern in TimePatterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                return result.Value;
            }
        }
        throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(text.Trim())}' is not a time like 08:00.", field);
    }

    public static YearMonth ParseMonth(string? text, string field)
    {
        var result = YearMonthPattern.Iso.Parse(text?.Trim() ?? "");
        return result.Success ? result.Value
            : throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(text ?? "")}' is not a month like 2026-03.", field);
    }

    public static IsoDayOfWeek ParseDay(string? text, string field)
    {
        var value = text?.Trim().ToLowerInvariant();
        return value switch
        {
            "monday" or "maandag" or "1" => IsoDayOfWeek.Monday,
            "tuesday" or "dinsdag" or "2" => IsoDayOfWeek.Tuesday,
            "wednesday" or "woensdag" or "3" => IsoDayOfWeek.Wednesday,
            "thursday" or "donderdag" or "4" => IsoDayOfWeek.Thursday,
            "friday" or "vrijdag" or "5" => IsoDayOfWeek.Friday,
            "saturday" or "zaterdag" or "6" => IsoDayOfWeek.Saturday,
            "sunday" or "zondag" or "7" => IsoDayOfWeek.Sunday,
            _ => throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} '{Texts.Shorten(text ?? "")}' is not a weekday; use monday … sunday.", field),
        };
    }

    /// <summary>A function code as the catalogue spells it (upper case).</summary>
    public static string FunctionCode(string? text, string field = "function") =>
        string.IsNullOrWhiteSpace(text)
            ? throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} is required, a function code such as OVD-BZ.", field)
            : text.Trim().ToUpperInvariant();

    public static string ToWire(this ShiftOrigin origin) => origin.ToString().ToLowerInvariant();

    public static string ToWire(this SwapStatus status) => status.ToString().ToLowerInvariant();

    public static string Format(LocalDateTime local) => LocalOut.Format(local);

}
