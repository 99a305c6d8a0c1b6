using Crisis.Domain;
using Crisis.Domain.Roster;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Roster;

/// <summary>
/// How the roster reads and writes times and names at the edge: local date-times of the region in ISO form
/// (<c>2026-03-23T08:00:00</c>, seconds optional), dates (<c>2026-03-23</c>), instants (<c>2026-03-23T07:00:00Z</c>).
/// Parsed here rather than by the JSON converter so that a malformed value gets a message naming the field; a value
/// outside <see cref="TimeRange"/> (1900 to 2200) is refused here too, so that no service computes with year 1 or 9999.
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
        if (TextRules.IsBlank(text))
        {
            throw RosterWireRefusals.LocalTimeRequired.RaiseFor(field, ("field", field));
        }
        var trimmed = text.Trim();
        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return TimeRange.Check(result.Value, field);
            }
        }
        var code = trimmed.EndsWith('Z') || trimmed.LastIndexOfAny(['+']) > 10 ? RosterWireRefusals.LocalTimeWithOffset : RosterWireRefusals.LocalTimeInvalid;
        throw code.RaiseFor(field, ("field", field), ("value", Texts.Shorten(trimmed)));
    }

    public static LocalDate ParseDate(string? text, string field)
    {
        if (TextRules.IsBlank(text))
        {
            throw RosterWireRefusals.DateRequired.RaiseFor(field, ("field", field));
        }
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? TimeRange.Check(result.Value, field)
            : throw RosterWireRefusals.DateInvalid.RaiseFor(field, ("field", field), ("value", Texts.Shorten(text.Trim())));
    }

    public static Instant ParseInstant(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = InstantPattern.ExtendedIso.Parse(text.Trim());
        return result.Success ? TimeRange.Check(result.Value, field)
            : throw RosterWireRefusals.InstantInvalid.RaiseFor(field, ("field", field), ("value", Texts.Shorten(text.Trim())));
    }

    public static LocalTime ParseTime(string? text, string field)
    {
        if (TextRules.IsBlank(text))
        {
            throw RosterWireRefusals.TimeRequired.RaiseFor(field, ("field", field));
        }
        foreach (var pattern in TimePatterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                return result.Value;
            }
        }
        throw RosterWireRefusals.TimeInvalid.RaiseFor(field, ("field", field), ("value", Texts.Shorten(text.Trim())));
    }

    public static YearMonth ParseMonth(string? text, string field)
    {
        var result = YearMonthPattern.Iso.Parse(text?.Trim() ?? "");
        return result.Success ? TimeRange.Check(result.Value, field)
            : throw RosterWireRefusals.MonthInvalid.RaiseFor(field, ("field", field), ("value", Texts.Shorten(text ?? "")));
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
            _ => throw RosterWireRefusals.WeekdayInvalid.RaiseFor(field, ("field", field), ("value", Texts.Shorten(text ?? ""))),
        };
    }

    /// <summary>A function the request must name, as given (trimmed); the catalogue lookup matches it in upper case.</summary>
    public static string FunctionText(string? text, string field = "function") =>
        TextRules.IsBlank(text)
            ? throw RosterWireRefusals.FunctionRequired.RaiseFor(field, ("field", field))
            : text.Trim();

    /// <summary>A function code as the catalogue spells it (upper case).</summary>
    public static string FunctionCode(string? text, string field = "function") => FunctionText(text, field).ToUpperInvariant();

    /// <summary>A person's id that the body must give (<c>personId</c>, <c>askedPersonId</c>).</summary>
    public static Guid PersonId(Guid? id, string field) =>
        id is { } pid && pid != Guid.Empty ? pid : throw RosterWireRefusals.PersonRequired.RaiseFor(field, ("field", field));

    /// <summary>An optional local date-time: blank is null.</summary>
    public static LocalDateTime? ParseLocalOrNull(string? text, string field) =>
        TextRules.IsBlank(text) ? null : ParseLocal(text, field);

    /// <summary>An optional date: blank is null.</summary>
    public static LocalDate? ParseDateOrNull(string? text, string field) =>
        TextRules.IsBlank(text) ? null : ParseDate(text, field);

    public static string Format(LocalDateTime local) => LocalOut.Format(local);

}
