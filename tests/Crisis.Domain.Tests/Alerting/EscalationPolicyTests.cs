using Crisis.Domain.Alerting;
using NodaTime;
using static Crisis.Domain.Tests.Alerting.Alerts;

namespace Crisis.Domain.Tests.Alerting;

public class EscalationPolicyTests
{
    private static EscalationPolicy Create(int? repeat, params (int After, EscalationNotify Notify)[] steps) =>
        EscalationPolicy.Create(steps.Select(s => new EscalationStep(s.After, s.Notify)).ToList(), repeat);

    [Fact]
    public void Default_IsOnCallThenNextAfterFiveThenPoolAndCoordinatorsAfterTenMore()
    {
        var policy = EscalationPolicy.Default;

        policy.Steps.ShouldBe(
        [
            new EscalationStep(0, EscalationNotify.OnCall),
            new EscalationStep(5, EscalationNotify.NextOnCall),
            new EscalationStep(10, EscalationNotify.Pool),
            new EscalationStep(0, EscalationNotify.Coordinators),
        ]);
        policy.Repeat.ShouldBe(0);
    }

    [Fact]
    public void Timeline_OfTheDefault_CountsEachWaitFromThePreviousStep() =>
        EscalationPolicy.Default.Timeline().Select(t => (t.Step, t.After.TotalMinutes)).ShouldBe(
            [(1, 0d), (2, 5d), (3, 15d), (4, 15d)]);

    [Fact]
    public void Timeline_WithRepeat_StartsEachRunAfterTheAnswerWindow()
    {
        var policy = Create(2, (0, EscalationNotify.OnCall), (7, EscalationNotify.Deputy));

        policy.AnswerWindow.ShouldBe(Duration.FromMinutes(7));
        policy.Timeline().Select(t => (t.Round, t.Step, t.After.TotalMinutes)).ShouldBe(
            [(0, 1, 0d), (0, 2, 7d), (1, 1, 14d), (1, 2, 21d), (2, 1, 28d), (2, 2, 35d)]);
    }

    [Theory]
    [InlineData("one step at once gets the minimum", 0, 5)]
    [InlineData("short waits get the minimum", 3, 5)]
    [InlineData("a longer wait is the window", 12, 12)]
    public void AnswerWindow_IsTheLongestWaitButAtLeastFiveMinutes(string description, int after, int expected) =>
        Create(0, (0, EscalationNotify.OnCall), (after, EscalationNotify.Pool)).AnswerWindow
            .ShouldBe(Duration.FromMinutes(expected), description);

    [Fact]
    public void LongestRun_CoversEveryWaitAndWindowOfEveryRun() =>
        Create(1, (0, EscalationNotify.OnCall), (5, EscalationNotify.Pool)).LongestRun.ShouldBe(Duration.FromMinutes(20));

    [Theory]
    [InlineData("repeat absent is 0", null, 0)]
    [InlineData("lowest", 0, 0)]
    [InlineData("highest", 3, 3)]
    public void Create_RepeatInRange_IsKept(string description, int? repeat, int expected) =>
        Create(repeat, (0, EscalationNotify.OnCall)).Repeat.ShouldBe(expected, description);

    [Fact]
    public void Create_NoSteps_IsRefusedOnSteps()
    {
        ShouldRefuse(() => EscalationPolicy.Create([], 0), AlertingRefusals.PolicyNoSteps, "steps");
        ShouldRefuse(() => EscalationPolicy.Create(null, 0), AlertingRefusals.PolicyNoSteps, "steps");
    }

    [Fact]
    public void Create_ElevenSteps_IsTooMany()
    {
        var steps = Enumerable.Range(0, EscalationPolicy.MaxSteps + 1).Select(_ => new EscalationStep(1, EscalationNotify.Pool)).ToList();

        var refusal = ShouldRefuse(() => EscalationPolicy.Create(steps, 0), AlertingRefusals.PolicyTooManySteps, "steps");

        refusal.Phrase["count"].ShouldBe(11);
        refusal.Phrase["max"].ShouldBe(10);
    }

    [Fact]
    public void Create_TenSteps_IsAllowed() =>
        EscalationPolicy.Create(Enumerable.Range(0, 10).Select(_ => new EscalationStep(1, EscalationNotify.Pool)).ToList(), 0)
            .Steps.Count.ShouldBe(10);

    [Fact]
    public void Create_NegativeMinutes_NamesTheStepFromOneAndItsField()
    {
        var refusal = ShouldRefuse(() => Create(0, (0, EscalationNotify.OnCall), (-1, EscalationNotify.Pool)),
            AlertingRefusals.PolicyNegativeMinutes, "steps[1].afterMinutes");

        refusal.Phrase["step"].ShouldBe(2);
        refusal.Phrase["minutes"].ShouldBe(-1);
    }

    [Fact]
    public void Create_MoreThanADay_IsTooLarge()
    {
        ShouldRefuse(() => Create(0, (24 * 60 + 1, EscalationNotify.OnCall)), AlertingRefusals.PolicyMinutesTooLarge, "steps[0].afterMinutes");
        Create(0, (24 * 60, EscalationNotify.OnCall)).Steps[0].AfterMinutes.ShouldBe(24 * 60);
    }

    [Theory]
    [InlineData("negative", -1)]
    [InlineData("one too many", 4)]
    [InlineData("far too many", 100)]
    public void Create_RepeatOutOfRange_IsRefusedOnRepeat(string description, int repeat)
    {
        var refusal = ShouldRefuse(() => Create(repeat, (0, EscalationNotify.OnCall)), AlertingRefusals.PolicyRepeatOutOfRange, "repeat", description);
        refusal.Phrase["repeat"].ShouldBe(repeat, description);
    }

    [Fact]
    public void Create_UndefinedNotify_IsRefusedOnItsField() =>
        ShouldRefuse(() => EscalationPolicy.Create([new EscalationStep(0, (EscalationNotify)42)], 0),
            AlertingRefusals.PolicyUnknownNotify, "steps[0].notify");

    [Fact]
    public void Equals_SameStepsAndRepeat_AreEqual()
    {
        Create(1, (0, EscalationNotify.OnCall)).ShouldBe(Create(1, (0, EscalationNotify.OnCall)));
        Create(1, (0, EscalationNotify.OnCall)).ShouldNotBe(Create(2, (0, EscalationNotify.OnCall)));
        Create(1, (0, EscalationNotify.OnCall)).ShouldNotBe(Create(1, (0, EscalationNotify.Pool)));
    }
}
