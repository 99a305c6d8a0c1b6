using Crisis.Domain.Teams;
using NodaTime;

namespace Crisis.Domain.Tests.Teams;

public class LeerprikkelRulesTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly LocalDate Today = new(2027, 3, 1);
    private static readonly string[] Functions = ["OVD-BZ", "AC-BZ", "HIN"];

    private static void Refused(Action call, RefusalCode code, string? field)
    {
        var refusal = Should.Throw<RuleViolationException>(call);
        (refusal.Code, refusal.Kind, refusal.Field).ShouldBe((code.Code, code.Kind, field));
    }

    private static LeerprikkelInput Input(
        string? question = "Welke processen start je als eerste?", string?[]? audience = null, LocalDate? sendOn = null, int? days = null,
        string? activity = null, string? requirement = null, bool training = false) =>
        new(question, audience ?? ["ovd-bz"], sendOn ?? Today.PlusDays(3), days, activity, requirement, training);

    private static Leerprikkel Valid(LeerprikkelInput input) => LeerprikkelRules.Validate(input, Functions, Today);

    [Fact]
    public void Validate_GoodQuestion_IsTrimmedCanonicalWithTheDefaultReminder()
    {
        var q = Valid(Input("  Wat doe je eerst?\n ", [" ovd-bz ", "HIN", "ovd-bz"]));
        (q.Question, q.SendOn, q.ReminderAfterDays, q.Training).ShouldBe(("Wat doe je eerst?", Today.PlusDays(3), 7, (LeerprikkelTraining?)null));
        q.Audience.ShouldBe(["OVD-BZ", "HIN"]);
    }

    [Fact]
    public void Validate_Training_TakesTheDefaultNameOrTheGivenOneAndARequirement()
    {
        Valid(Input(training: true)).Training.ShouldBe(new LeerprikkelTraining(LeerprikkelRules.DefaultActivity, null, null));
        Valid(Input(training: true, activity: " LP maart ", requirement: "ovd-bz/lcms-training")).Training
            .ShouldBe(new LeerprikkelTraining("LP maart", "OVD-BZ", "LCMS-TRAINING"));
    }

    public static TheoryData<string, LeerprikkelInput, RefusalCode, string> Broken() => new()
    {
        { "empty question", Input(""), LeerprikkelRefusals.QuestionMissing, "question" },
        { "invisible question", Input(" \u200B\n "), LeerprikkelRefusals.QuestionMissing, "question" },
        { "huge question", Input(new string('x', LeerprikkelRules.MaxQuestionLength + 1)), LeerprikkelRefusals.TextTooLong, "question" },
        { "control character", Input("vraag\u0007"), InputRefusals.ControlCharacter, "question" },
        { "no audience", Input(audience: []), LeerprikkelRefusals.AudienceMissing, "audience" },
        { "unknown function", Input(audience: ["OVD-BZ", "BRANDWEER"]), LeerprikkelRefusals.FunctionUnknown, "audience[1]" },
        { "blank function", Input(audience: [" "]), LeerprikkelRefusals.FunctionUnknown, "audience[0]" },
        { "no day", new LeerprikkelInput("Vraag", ["OVD-BZ"], null, null, null, null), LeerprikkelRefusals.SendOnMissing, "sendOn" },
        { "yesterday", Input(sendOn: Today.PlusDays(-1)), LeerprikkelRefusals.SendOnOutOfRange, "sendOn" },
        { "too far ahead", Input(sendOn: Today.PlusDays(LeerprikkelRules.MaxDaysAhead + 1)), LeerprikkelRefusals.SendOnOutOfRange, "sendOn" },
        { "reminder 0 days", Input(days: 0), LeerprikkelRefusals.ReminderOutOfRange, "reminderAfterDays" },
        { "reminder 29 days", Input(days: 29), LeerprikkelRefusals.ReminderOutOfRange, "reminderAfterDays" },
        { "name without training", Input(activity: "LP"), LeerprikkelRefusals.TrainingNotChosen, "training" },
        { "bad requirement", Input(training: true, requirement: "OVD-BZ"), LeerprikkelRefusals.RequirementInvalid, "training.requirement" },
        { "requirement of unknown function", Input(training: true, requirement: "X/Y"), LeerprikkelRefusals.FunctionUnknown, "training.requirement" },
        { "huge name", Input(training: true, activity: new string('n', LeerprikkelRules.MaxActivityLength + 1)), LeerprikkelRefusals.TextTooLong, "training.activity" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenRule_IsRefusedOnItsField(string description, LeerprikkelInput input, RefusalCode code, string field)
    {
        description.ShouldNotBeEmpty();
        Refused(() => Valid(input), code, field);
    }

    [Fact]
    public void Validate_TodayAndAYearAhead_AreAllowed()
    {
        Valid(Input(sendOn: Today)).SendOn.ShouldBe(Today);
        Valid(Input(sendOn: Today.PlusDays(LeerprikkelRules.MaxDaysAhead), days: 28)).ReminderAfterDays.ShouldBe(28);
    }

    [Fact]
    public void ValidateAnswer_RequiredBoundedAndTrimmed()
    {
        LeerprikkelRules.ValidateAnswer("  Opvang starten.\n").ShouldBe("Opvang starten.");
        Refused(() => LeerprikkelRules.ValidateAnswer(" "), LeerprikkelRefusals.AnswerMissing, "text");
        Refused(() => LeerprikkelRules.ValidateAnswer(new string('a', LeerprikkelRules.MaxAnswerLength + 1)), LeerprikkelRefusals.TextTooLong, "text");
    }

    [Fact]
    public void At_IsNineOClockLocal_InWinterAndSummerTime()
    {
        LeerprikkelRules.At(new LocalDate(2027, 1, 4), Zone).ShouldBe(Instant.FromUtc(2027, 1, 4, 8, 0));
        LeerprikkelRules.At(new LocalDate(2027, 7, 1), Zone).ShouldBe(Instant.FromUtc(2027, 7, 1, 7, 0));
        // The day the clocks go forward (28 March 2027) still has a 09:00.
        LeerprikkelRules.At(new LocalDate(2027, 3, 28), Zone).ShouldBe(Instant.FromUtc(2027, 3, 28, 7, 0));
    }

    [Fact]
    public void ReminderAt_IsTheDaysAfterTheSendDay_ButNeverSoonerThanThatAfterItWentOut()
    {
        var sendOn = new LocalDate(2027, 3, 1);
        var onTime = LeerprikkelRules.At(sendOn, Zone);
        LeerprikkelRules.ReminderAt(sendOn, 7, onTime, Zone).ShouldBe(Instant.FromUtc(2027, 3, 8, 8, 0));
        var late = onTime + Duration.FromDays(3);
        LeerprikkelRules.ReminderAt(sendOn, 7, late, Zone).ShouldBe(late + Duration.FromDays(7));
    }

    [Fact]
    public void Rates_CountEachAddresseeInEveryFunctionTheyHeld_InTheAudiencesOrder()
    {
        var rates = LeerprikkelRules.Rates(["OVD-BZ", "HIN", "AC-BZ"],
        [
            new AddresseeState(["OVD-BZ"], true),
            new AddresseeState(["OVD-BZ", "HIN"], false),
            new AddresseeState(["HIN"], true),
        ]);
        rates.ShouldBe([new AnswerRate("OVD-BZ", 2, 1), new AnswerRate("HIN", 2, 1), new AnswerRate("AC-BZ", 0, 0)]);
    }
}
