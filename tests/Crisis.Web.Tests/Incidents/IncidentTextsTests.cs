using Crisis.Domain;
using Crisis.Domain.Incidents;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Tests.Incidents;

/// <summary>The incident log's refusals read the same in English as the API always said, and as Dutch on the pages.</summary>
public sealed class IncidentTextsTests
{
    private static readonly Phrasebook Phrases = new(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], [new IncidentTexts(), new IdentityTexts()]);

    private static RuleViolationException Refusal(Action call) => Should.Throw<RuleViolationException>(call);

    [Fact]
    public void KindWrittenByCrisis_NamesTheWireKindInEnglishAndTheDutchLabelInDutch()
    {
        var refusal = Refusal(() => LogRules.Validate(new AppendEntry(LogEntryKind.System, "x"), false, false, _ => null, LogTeams.Seeded));

        Phrases.English(refusal.Phrase).ShouldBe("Entries of kind 'system' are written by Crisis itself, not by people.");
        Phrases.Dutch(refusal.Phrase).ShouldBe("Logregels van de soort 'Systeem' schrijft Crisis zelf; een deelnemer legt ze niet vast.");
    }

    [Fact]
    public void UnknownKind_ListsTheWireNames()
    {
        var refusal = Refusal(() => LogRules.ParseKind("rumour"));

        Phrases.English(refusal.Phrase).ShouldBe(
            "'rumour' is not a kind of log entry; use one of info, situation, assessment, decision, action, inject, system.");
    }

    [Fact]
    public void CompletingANonAction_SaysWhichKindItIs()
    {
        var refusal = Refusal(() => LogRules.Validate(
            new AppendEntry(LogEntryKind.Info, "x", CompletesSeq: 3), false, false, _ => LogEntryKind.Decision, LogTeams.Seeded));

        Phrases.English(refusal.Phrase).ShouldBe("completesSeq 3 names an entry of kind 'decision'; only actions can be completed.");
        Phrases.Dutch(refusal.Phrase).ShouldBe("Regel #3 is van de soort 'Besluit'; alleen een actie kan worden afgerond.");
    }

    [Fact]
    public void NotParticipant_IsTheSentenceTheApiAlwaysGave()
    {
        var phrase = IncidentServiceRefusals.NotParticipant.With();

        Phrases.English(phrase).ShouldBe("You do not take part in this incident.");
        Phrases.Dutch(phrase).ShouldBe("Je bent geen deelnemer aan dit incident.");
    }

    [Fact]
    public void GripOutOfRange_NamesTheRangeInBothLanguages()
    {
        var refusal = Refusal(() => LogRules.ValidateGrip(7, "level"));

        Phrases.English(refusal.Phrase).ShouldBe("GRIP level 7 does not exist; use 0 (no GRIP) to 5.");
        Phrases.Dutch(refusal.Phrase).ShouldBe("GRIP 7 bestaat niet; kies 0 (geen GRIP) tot en met 5.");
    }
}
