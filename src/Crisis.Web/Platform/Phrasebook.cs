using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Crisis.Domain;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Platform;

/// <summary>
/// One feature's sentences: for every <see cref="IPhraseCode"/> it declares, the English text (the API's problem
/// details) and the Dutch text (the pages), with <c>{name}</c> placeholders for the phrase's arguments. A subclass
/// with a parameterless constructor is found by <see cref="Phrasebook"/>; a rule test fails when a code declared
/// anywhere has no row, or when the two texts of a row name different placeholders.
/// </summary>
public abstract class PhraseTable
{
    private readonly List<(IPhraseCode Code, string English, string Dutch)> _rows = [];

    internal IReadOnlyList<(IPhraseCode Code, string English, string Dutch)> Rows => _rows;

    protected void Add(IPhraseCode code, string english, string dutch) => _rows.Add((code, english, dutch));
}

/// <summary>
/// Renders a <see cref="Phrase"/> in English or Dutch from the phrase tables of every feature: the one place where a
/// refusal, warning or notice becomes text. Arguments are formatted per language: English in ISO form
/// (<c>2026-12-14 08:00</c>, <c>37.5</c>), Dutch as the pages show them (<c>14-12-2026 08:00</c>, <c>37,5</c>), an
/// <see cref="Instant"/> in the region's zone.
/// </summary>
public sealed partial class Phrasebook
{
    private readonly Dictionary<string, (string English, string Dutch)> _texts;
    private readonly DateTimeZone _zone;

    public Phrasebook(DateTimeZone zone) : this(zone, Discover())
    {
    }

    /// <summary>A phrasebook of the given tables only (for tests of the rendering).</summary>
    internal Phrasebook(DateTimeZone zone, IEnumerable<PhraseTable> tables)
    {
        _zone = zone;
        _texts = [];
        foreach (var (code, english, dutch) in tables.SelectMany(t => t.Rows))
        {
            if (!_texts.TryAdd(code.Code, (english, dutch)))
            {
                throw new InvalidOperationException($"The phrase {code.Code} has two rows in the phrase tables.");
            }
        }
    }

    /// <summary>Every phrase table of the web assembly.</summary>
    public static IReadOnlyList<PhraseTable> Discover() => typeof(Phrasebook).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(PhraseTable)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (PhraseTable)Activator.CreateInstance(t, nonPublic: true)!)
        .ToList();

    /// <summary>Every phrase code declared as a static field in the domain and web assemblies.</summary>
    public static IReadOnlyList<IPhraseCode> DeclaredCodes() => new[] { typeof(Phrase).Assembly, typeof(Phrasebook).Assembly }
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        .Where(f => typeof(IPhraseCode).IsAssignableFrom(f.FieldType))
        .Select(f => (IPhraseCode)f.GetValue(null)!)
        .ToList();

    /// <summary>The placeholder names of a text, e.g. <c>local</c> and <c>zone</c> of "{local} does not exist in {zone}".</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public bool Knows(IPhraseCode code) => _texts.ContainsKey(code.Code);

    public string English(Phrase phrase) => Render(phrase, dutch: false);

    public string Dutch(Phrase phrase) => Render(phrase, dutch: true);

    private string Render(Phrase phrase, bool dutch)
    {
        if (!_texts.TryGetValue(phrase.Code.Code, out var row))
        {
            // The rule test keeps this from happening; the code is still better than nothing.
            return phrase.ToString();
        }
        var template = dutch ? row.Dutch : row.English;
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var arg = phrase.Args.FirstOrDefault(a => a.Key == name);
            return arg.Key is null ? m.Value : Format(arg.Value, dutch);
        });
    }

    private string Format(object? value, bool dutch) => value switch
    {
        null => "",
        string s => s,
        Phrase p => Render(p, dutch),
        Bilingual b => dutch ? b.Dutch : b.English,
        LocalDateTime l => dutch ? DutchFormat.DateTime(l) : EnglishFormat.DateTime(l),
        LocalDate d => dutch ? DutchFormat.Date(d) : LocalDatePattern.Iso.Format(d),
        LocalTime t => DutchFormat.Time(t),
        Instant i => dutch ? DutchFormat.DateTime(i.InZone(_zone).LocalDateTime) : InstantPattern.ExtendedIso.Format(i),
        YearMonth y => dutch ? DutchFormat.Month(y) : YearMonthPattern.Iso.Format(y),
        decimal n => dutch ? DutchFormat.Number(n) : n.ToString("0.####", CultureInfo.InvariantCulture),
        double n => dutch ? DutchFormat.Number((decimal)n) : n.ToString("0.####", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable f => f.ToString(null, dutch ? DutchFormat.Culture : CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>How the API's English texts write local times: to the minute, with seconds only when there are any.</summary>
public static class EnglishFormat
{
    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");
    private static readonly LocalDateTimePattern Second = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");

    public static string DateTime(LocalDateTime local) =>
        (local.Second == 0 && local.TickOfSecond == 0 ? Minute : Second).Format(local);
}

/// <summary>
/// The one Dutch format of the pages: <c>14-12-2026</c>, <c>14-12-2026 08:00</c>, <c>37,5</c>, <c>37,5 u</c>.
/// Pages format through here, never through the server's culture.
/// </summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("dd'-'MM'-'uuuu");
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("dd'-'MM'-'uuuu' 'HH':'mm");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    public static string Date(LocalDate date) => DatePattern.Format(date);

    public static string DateTime(LocalDateTime local) => DateTimePattern.Format(local);

    public static string Time(LocalTime time) => TimePattern.Format(time);

    /// <summary>An instant as the region's local date and time.</summary>
    public static string DateTime(Instant instant, DateTimeZone zone) => DateTime(instant.InZone(zone).LocalDateTime);

    public static string Month(YearMonth month) => $"{Months[month.Month - 1]} {month.Year}";

    public static string Day(IsoDayOfWeek day) => Days[(int)day - 1];

    /// <summary>A number with a decimal comma and at most two decimals: <c>37,5</c>, <c>168</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Culture);

    /// <summary>Hours as the roster shows them: <c>37,5 u</c>.</summary>
    public static string Hours(decimal hours) => $"{Number(hours)} u";

    /// <summary>An amount of money: <c>€ 1.250,00</c>.</summary>
    public static string Euro(decimal amount) => amount.ToString("€ #,##0.00", Culture);
}
