using Crisis.Domain;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Tests.Platform;

/// <summary>
/// Rules across both assemblies: every refusal, warning and notice Crisis can say has an English and a Dutch text with
/// the same placeholders, so no English sentence can reach a Dutch page and no code reaches the API without a text.
/// </summary>
public class PhraseTableTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in Phrasebook.DeclaredCodes().Select(c => c.Code).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(code);
        }
        return data;
    }

    private static readonly Dictionary<string, (string English, string Dutch)> Rows = Phrasebook.Discover()
        .SelectMany(t => t.Rows).ToDictionary(r => r.Code.Code, r => (r.English, r.Dutch));

    [Theory]
    [MemberData(nameof(Codes))]
    public void DeclaredCode_HasAnEnglishAndADutchText(string code)
    {
        Rows.ShouldContainKey(code, $"{code} has no row in any phrase table");
        Rows[code].English.Trim().ShouldNotBeEmpty(code);
        Rows[code].Dutch.Trim().ShouldNotBeEmpty(code);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DeclaredCode_NamesTheSamePlaceholdersInBothLanguages(string code)
    {
        var (english, dutch) = Rows[code];
        Phrasebook.Placeholders(dutch).ShouldBe(Phrasebook.Placeholders(english), ignoreOrder: true, code);
    }

    [Fact]
    public void Codes_AreStableLowerCaseFeatureNames()
    {
        foreach (var code in Phrasebook.DeclaredCodes())
        {
            code.Code.ShouldMatch("^[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", code.Code);
        }
    }

    [Fact]
    public void EveryRow_IsADeclaredCode() =>
        Rows.Keys.Except(Phrasebook.DeclaredCodes().Select(c => c.Code)).ShouldBeEmpty();

    private static readonly NoticeCode Sample = new("test.sample");

    private sealed class SampleTexts : PhraseTable
    {
        public SampleTexts() => Add(Sample, "{who} is on call from {start} ({hours} h, {label}) until {end}.",
            "{who} heeft piket vanaf {start} ({hours} u, {label}) tot {end}.");
    }

    [Fact]
    public void Render_FormatsEachArgumentInTheLanguageOfTheText()
    {
        var book = new Phrasebook(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], [new SampleTexts()]);
        var phrase = Sample.With(("who", "Linda Mulder"), ("start", new LocalDateTime(2026, 12, 14, 8, 0)), ("hours", 37.5m),
            ("label", new Bilingual("declined", "afgewezen")), ("end", Instant.FromUtc(2026, 7, 1, 6, 0)));

        book.English(phrase).ShouldBe("Linda Mulder is on call from 2026-12-14 08:00 (37.5 h, declined) until 2026-07-01T06:00:00Z.");
        book.Dutch(phrase).ShouldBe("Linda Mulder heeft piket vanaf 14-12-2026 08:00 (37,5 u, afgewezen) tot 01-07-2026 08:00.");
    }

    [Theory]
    [InlineData(37.5, "37,5 u")]
    [InlineData(168, "168 u")]
    [InlineData(37.03125, "37,03 u")]
    public void DutchHours_UseADecimalCommaAndAtMostTwoDecimals(decimal hours, string expected) =>
        DutchFormat.Hours(hours).ShouldBe(expected);

    [Fact]
    public void Render_RefusalOfNotSignedIn_IsEnglishForTheApiAndDutchForThePages()
    {
        var book = new Phrasebook(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]);
        var refusal = PlatformPhrases.NotSignedIn.Raise();

        book.English(refusal.Phrase).ShouldBe("You are not signed in.");
        book.Dutch(refusal.Phrase).ShouldBe("Je bent niet aangemeld.");
    }
}
