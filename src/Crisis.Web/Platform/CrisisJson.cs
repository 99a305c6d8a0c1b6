using System.Text.Json;
using System.Text.Json.Serialization;
using Crisis.Domain;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Crisis.Web.Platform;

/// <summary>The one JSON shape of Crisis: camelCase, NodaTime in ISO form, used by the API, the hub and the outbox.</summary>
public static class CrisisJson
{
    /// <summary>
    /// The shape of the API and the hub: what <see cref="Options"/> reads, and a NodaTime value outside
    /// <see cref="TimeRange"/> (1900 to 2200) refused as it is read (<see cref="OutOfRangeJsonException"/>, a 400
    /// naming the field; see <see cref="ProblemMapping"/>), so that it never reaches a service.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ConfigureShape(options);
        Guard<LocalDate>(options, TimeRange.Contains, LocalDatePattern.Iso.Format);
        Guard<LocalDateTime>(options, v => TimeRange.Contains(v.Date), LocalDateTimePattern.ExtendedIso.Format);
        Guard<Instant>(options, TimeRange.Contains, InstantPattern.ExtendedIso.Format);
        Guard<YearMonth>(options, v => TimeRange.Contains(v.OnDayOfMonth(1)), YearMonthPattern.Iso.Format);
        Guard<OffsetDateTime>(options, v => TimeRange.Contains(v.ToInstant()), OffsetDateTimePattern.ExtendedIso.Format);
        Guard<ZonedDateTime>(options, v => TimeRange.Contains(v.ToInstant()), v => InstantPattern.ExtendedIso.Format(v.ToInstant()));
        return options;
    }

    /// <summary>The shape without the range check: for what Crisis wrote itself (the outbox, stored documents).</summary>
    private static JsonSerializerOptions ConfigureShape(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    public static readonly JsonSerializerOptions Options = ConfigureShape(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static void Guard<T>(JsonSerializerOptions options, Func<T, bool> inRange, Func<T, string> format) where T : struct
    {
        if (options.Converters.OfType<JsonConverter<T>>().FirstOrDefault() is { } inner)
        {
            options.Converters.Insert(0, new RangeCheckedConverter<T>(inner, inRange, format));
        }
    }

    private sealed class RangeCheckedConverter<T>(JsonConverter<T> inner, Func<T, bool> inRange, Func<T, string> format) : JsonConverter<T> where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = inner.Read(ref reader, typeToConvert, options);
            return inRange(value) ? value : throw new OutOfRangeJsonException(format(value));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }
}

/// <summary>
/// A date or time in a JSON body outside <see cref="TimeRange"/>; the serializer adds the path of the field, and
/// <see cref="ProblemMapping"/> answers with <see cref="InputRefusals.DateOutOfRange"/> naming it.
/// </summary>
public sealed class OutOfRangeJsonException(string value) : JsonException($"The value '{value}' is outside the dates Crisis accepts.")
{
    public string Value { get; } = value;

    /// <summary>The refusal, naming the field by its JSON path without the root (<c>$.date</c> is <c>date</c>).</summary>
    public RuleViolationException ToRefusal()
    {
        var path = Path ?? "";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return TimeRange.Refusal(field.Length == 0 ? "body" : field, Value);
    }
}
