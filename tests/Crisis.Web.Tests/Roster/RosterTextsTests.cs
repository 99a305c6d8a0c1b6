using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Platform;
using Crisis.Web.Roster;
using NodaTime;

namespace Crisis.Web.Tests.Roster;

/// <summary>The roster's sentences as the API (English) and the pages (Dutch) say them.</summary>
public class RosterTextsTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly Phrasebook Book = new(Amsterdam);

    [Fact]
    public void SkippedTime_ExplainsItInFull_InBothLanguages()
    {
        var error = Should.Throw<RuleViolationException>(() => ShiftTimes.ResolveStrict(new LocalDateTime(2026, 3, 29, 2, 30), Amsterdam));

        Book.English(error.Phrase).ShouldBe(
            "The local time 2026-03-29 02:30 does not exist in Europe/Amsterdam: on 2026-03-29 the clocks jump from 02:00 to 03:00 "
            + "because of the change to summer time. Choose a time before 02:00 or from 03:00.");
        Book.Dutch(error.Phrase).ShouldBe(
            "De lokale tijd 29-03-2026 02:30 bestaat niet in Europe/Amsterdam: op 29-03-2026 springt de klok van 02:00 naar 03:00 "
            + "omdat de zomertijd ingaat. Kies een tijd vóór 02:00 of vanaf 03:00.");
    }

    [Fact]
    public void SkippedTime_ByAnotherOffsetChange_SaysWhichInBothLanguages()
    {
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var error = Should.Throw<RuleViolationException>(() => ShiftTimes.ResolveStrict(new LocalDateTime(2011, 12, 30, 12, 0), apia, "start"));

        Book.English(error.Phrase).ShouldContain("because the zone's offset changes from -10 to +14");
        Book.Dutch(error.Phrase).ShouldContain("omdat de tijdzone verspringt van -10 naar +14");
    }

    [Fact]
    public void NotQualified_KeepsTheApiTimeInEnglish_AndIsDutchOnThePage()
    {
        var warning = RosterServiceRefusals.NotQualified.With(
            ("person", "Linda Mulder"), ("function", "OVD-BZ"), ("start", RosterTexts.WireTime(new LocalDateTime(2026, 12, 14, 8, 0))));

        Book.English(warning).ShouldBe("Linda Mulder is not qualified for OVD-BZ at 2026-12-14T08:00:00 (see the Veiligheidspaspoort).");
        ("Let op: " + Book.Dutch(warning)).ShouldStartWith("Let op: Linda Mulder is niet gekwalificeerd voor OVD-BZ op 14-12-2026 08:00");
    }

    [Fact]
    public void AFinishedSwap_SaysItsStatusInEachLanguage()
    {
        var refusal = RosterRefusals.SwapDecided.With(("status", new Bilingual(SwapStatus.Declined.ToWire(), SwapStatus.Declined.ToDutch())));

        Book.English(refusal).ShouldBe("This swap request was already declined; it can no longer change.");
        Book.Dutch(refusal).ShouldBe("Dit ruilverzoek is al geweigerd; het kan niet meer veranderen.");
    }

    [Fact]
    public void ImportRefusal_CountsTheBadRows()
    {
        var ex = new RosterImportException([new ImportRowError(3, RosterServiceRefusals.ImportRowNoPerson.With())]);

        Book.English(ex.Summary).ShouldBe(
            "The import was refused: 1 row(s) are wrong, so nothing was imported. Correct them and import the whole file again.");
        Book.Dutch(ex.Errors[0].Problem).ShouldBe("de regel noemt geen persoon (personEmail of personId).");
    }
}

/// <summary>What the roster pages read from their text fields: Dutch first, ISO too; anything else a Dutch refusal.</summary>
public class RosterInputTests
{
    private static readonly Phrasebook Book = new(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]);

    [Theory]
    [InlineData("14-12-2026 08:00")]
    [InlineData("14-12-2026 8:00")]
    [InlineData("2026-12-14T08:00")]
    [InlineData(" 2026-12-14T08:00:00 ")]
    public void DateTime_ReadsDutchAndIso(string text) =>
        Crisis.Web.Components.Pages.Roster.RosterInput.DateTime(text).ShouldBe(new LocalDateTime(2026, 12, 14, 8, 0));

    [Fact]
    public void DateTime_Unreadable_IsRefusedInDutch()
    {
        var error = Should.Throw<RuleViolationException>(() => Crisis.Web.Components.Pages.Roster.RosterInput.DateTime("morgen"));

        Book.Dutch(error.Phrase).ShouldBe("'morgen' is geen datum en tijd zoals 14-12-2026 08:00.");
    }

    [Fact]
    public void Range_IsDutch() =>
        Crisis.Web.Components.Pages.Roster.RosterInput.Range(new LocalDateTime(2026, 12, 14, 8, 0), new LocalDateTime(2026, 12, 21, 8, 0))
            .ShouldBe("14-12-2026 08:00 – 21-12-2026 08:00");
}
