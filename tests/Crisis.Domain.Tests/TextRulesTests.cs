using Crisis.Domain;
using NodaTime;

namespace Crisis.Domain.Tests;

/// <summary>The one text rule and the one date range every feature uses.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n ")]
    [InlineData("\u200B\u200B")]
    [InlineData("\u200B \uFEFF\u2060\u200E")]
    [InlineData("\u00A0\u3000")]
    public void Invisible_IsBlank(string? text) => TextRules.IsBlank(text).ShouldBeTrue();

    [Theory]
    [InlineData("a")]
    [InlineData("\u200Bx\u200B")]
    [InlineData("\u0000")]
    [InlineData("🚒")]
    public void Visible_OrAControlCharacter_IsNotBlank(string text) => TextRules.IsBlank(text).ShouldBeFalse();

    [Fact]
    public void Optional_TrimsInvisibleEnds_AndKeepsInnerJoiners()
    {
        TextRules.Optional("\u200B Brand loods\uFEFF ", "title").ShouldBe("Brand loods");
        TextRules.Optional("👨\u200D🚒", "title").ShouldBe("👨\u200D🚒");
        TextRules.Optional("\u200B", "title").ShouldBeNull();
    }

    [Theory]
    [InlineData("a\u0000b", "U+0000", 2)]
    [InlineData("\u0007", "U+0007", 1)]
    [InlineData("x\u007F", "U+007F", 2)]
    [InlineData("x\u0085", "U+0085", 2)]
    public void ControlCharacters_AreRefused_NamingTheCharacterAndWhere(string text, string character, int position)
    {
        var refusal = Should.Throw<RuleViolationException>(() => TextRules.Optional(text, "notes", multiline: true));

        refusal.Phrase.Code.ShouldBe(InputRefusals.ControlCharacter);
        refusal.Phrase["character"].ShouldBe(character);
        refusal.Phrase["position"].ShouldBe(position);
        refusal.Field.ShouldBe("notes");
    }

    [Fact]
    public void ALoneSurrogateHalf_IsRefused_AndAPairIsNot()
    {
        var lone = "x" + (char)0xD800;

        Should.Throw<RuleViolationException>(() => TextRules.Optional(lone, "notes")).Phrase["character"].ShouldBe("U+D800");
        TextRules.Optional("x🚒", "notes").ShouldBe("x🚒");
    }

    [Fact]
    public void LineBreaksAndTabs_AreKeptInLongTexts_AndRefusedInOneLineTexts()
    {
        TextRules.Optional("regel 1\r\n\tregel 2", "text", multiline: true).ShouldBe("regel 1\r\n\tregel 2");
        Should.Throw<RuleViolationException>(() => TextRules.Optional("regel 1\nregel 2", "title")).Phrase.Code.ShouldBe(InputRefusals.LineBreak);
    }

    [Fact]
    public void Required_BlankIsTheFeaturesOwnRefusal()
    {
        var missing = new RefusalCode("test.missing", ViolationKind.Invalid);

        Should.Throw<RuleViolationException>(() => TextRules.Required("\u200B", "title", missing.RaiseFor("title"))).Phrase.Code.ShouldBe(missing);
    }

    [Fact]
    public void TimeRange_Refuses1899And2201_AndAcceptsItsEnds()
    {
        TimeRange.Check(new LocalDate(1900, 1, 1), "date").ShouldBe(new LocalDate(1900, 1, 1));
        TimeRange.Check(new LocalDate(2200, 12, 31), "date").ShouldBe(new LocalDate(2200, 12, 31));
        TimeRange.Check(Instant.FromUtc(2200, 12, 31, 23, 59, 59), "at");
        Should.Throw<RuleViolationException>(() => TimeRange.Check(new LocalDate(1899, 12, 31), "from")).Phrase.Code.ShouldBe(InputRefusals.DateOutOfRange);
        Should.Throw<RuleViolationException>(() => TimeRange.Check(Instant.FromUtc(2201, 1, 1, 0, 0), "at")).Field.ShouldBe("at");
        Should.Throw<RuleViolationException>(() => TimeRange.Check(new YearMonth(9999, 12), "month"));
        Should.Throw<RuleViolationException>(() => TimeRange.Check(new LocalDateTime(1, 1, 1, 0, 0), "start"));
    }
}
