using Crisis.Domain.Alerting;
using Crisis.Domain.Teams;
using static Crisis.Domain.Tests.Alerting.Alerts;
using static Crisis.Domain.Tests.Alerting.TestRoster;

namespace Crisis.Domain.Tests.Alerting;

public class AlertRaiseTests
{
    private readonly IAlertRoster _roster = new TestRoster().Build();

    [Fact]
    public void Raise_FunctionTarget_NotifiesTheOnCallPersonAtOnceAsStepOne()
    {
        var change = Raise(_roster);

        change.Alert.Status.ShouldBe(AlertStatus.Open);
        change.Fired.Count.ShouldBe(1);
        var fired = change.Fired[0];
        (fired.Step, fired.Round, fired.At, fired.Function, fired.Notify).ShouldBe((1, 0, T0, OvdBz, EscalationNotify.OnCall));
        fired.Notified.ShouldBe([new AlertNotification(Anna, OvdBz, NotifyReason.OnCall)]);
        var recipient = change.Alert.Recipients.ShouldHaveSingleItem();
        (recipient.PersonId, recipient.Step, recipient.NotifiedAt, recipient.Response).ShouldBe((Anna, 1, T0, AlertResponse.Pending));
    }

    [Fact]
    public void Raise_FunctionTarget_NextDueIsFiveMinutesLater() =>
        Raise(_roster).Alert.NextDueAt.ShouldBe(At(5));

    [Fact]
    public void Raise_PolicyWhoseFirstStepWaits_FiresNothingYet()
    {
        var roster = new TestRoster().WithPolicy(OvdBz, (3, EscalationNotify.OnCall)).Build();

        var change = Raise(roster);

        change.Fired.ShouldBeEmpty();
        change.Alert.NextDueAt.ShouldBe(At(3));
    }

    [Fact]
    public void Raise_TeamTarget_ReachesTheOnCallPersonOfItsHeadFunction()
    {
        var change = Raise(_roster, new TeamTarget("pim", false));

        change.Sent().ShouldBe([(1, Gijs)]);
        change.Alert.Targets[0].Function.ShouldBe(HoofdPz);
    }

    [Fact]
    public void Raise_TeamTargetEveryone_ReachesEveryMemberAtOnce()
    {
        var change = Raise(_roster, new TeamTarget(TeamCatalogue.Pim, true));

        change.SentTo().ShouldBe([Gijs, Hanna]);
        change.Fired[0].Notified.ShouldAllBe(n => n.Reason == NotifyReason.TeamMember);
    }

    [Fact]
    public void Raise_PersonTarget_ReachesThatPerson()
    {
        var change = Raise(_roster, new PersonTarget(Cor));

        change.Fired.ShouldHaveSingleItem().Notified.ShouldBe([new AlertNotification(Cor, null, NotifyReason.Named)]);
    }

    [Fact]
    public void Raise_TwoTargetsReachingOnePerson_SendsItOnceAndCountsItForBoth()
    {
        var change = Raise(_roster, new FunctionTarget(OvdBz), new PersonTarget(Anna));

        change.SentTo().ShouldBe([Anna]);
        var anna = change.Alert.Recipient(Anna).ShouldNotBeNull();
        anna.CountsFor(0).ShouldBeTrue();
        anna.CountsFor(1).ShouldBeTrue();
        anna.Notices.Select(n => n.Sent).ShouldBe([true, false]);
    }

    [Fact]
    public void Raise_NobodyOnCall_GoesToTheNextStepAtOnceWithTheReason()
    {
        var roster = new TestRoster().OnLeave(Anna).Build();

        var change = Raise(roster);

        change.Sent().ShouldBe([(2, Bram)]);
        change.Fired.Select(f => (f.Step, f.At)).ShouldBe([(1, T0), (2, T0)]);
        change.Alert.Skips.ShouldHaveSingleItem().ShouldBe(new AlertSkip(0, 0, 1, T0, OvdBz, Anna, SkipReason.OnLeave));
        change.Alert.NextDueAt.ShouldBe(At(10));
    }

    [Fact]
    public void Raise_ExerciseAlert_ReachesOnlyParticipants()
    {
        var change = Alert.Raise(Draft(exercise: true, participants: new HashSet<Guid> { Cor }), _roster);

        change.SentTo().ShouldBe([Cor]);
        change.Alert.Skips.Select(s => (s.Step, s.PersonId, s.Reason)).ShouldBe(
        [
            (1, (Guid?)Anna, SkipReason.NotParticipant),
            (2, Bram, SkipReason.NotParticipant),
            (2, null, SkipReason.NoDeputy),
            (3, Anna, SkipReason.NotParticipant),
            (3, Bram, SkipReason.NotParticipant),
            (4, Frank, SkipReason.NotParticipant),
        ]);
        change.Alert.NextDueAt.ShouldBe(At(10));
    }

    [Fact]
    public void Raise_ExerciseAlertWithoutParticipants_ReachesNobodyAndIsUnanswered()
    {
        var change = Alert.Raise(Draft(exercise: true), _roster);

        change.SentTo().ShouldBeEmpty();
        change.Alert.Status.ShouldBe(AlertStatus.Unanswered);
    }

    [Fact]
    public void Raise_PolicyIsTheFunctionsAsItWasWhenRaised()
    {
        var roster = new TestRoster().WithPolicy(OvdBz, 2, (0, EscalationNotify.OnCall));

        var alert = Raise(roster.Build()).Alert;
        roster.WithPolicy(OvdBz, (0, EscalationNotify.Pool));

        alert.Targets[0].Policy!.Repeat.ShouldBe(2);
    }

    public static TheoryData<string, AlertDraft, RefusalCode, string> BadDrafts => new()
    {
        { "no message", Draft(message: "  "), AlertingRefusals.MessageMissing, "message" },
        { "message too long", Draft(message: new string('x', 1001)), AlertingRefusals.MessageTooLong, "message" },
        { "required 0", Draft(required: 0), AlertingRefusals.RequiredOutOfRange, "required" },
        { "required 51", Draft(required: 51), AlertingRefusals.RequiredOutOfRange, "required" },
        { "no targets", Draft(targets: []), AlertingRefusals.NoTargets, "targets" },
        { "21 targets", Draft(targets: Enumerable.Range(0, 21).Select(i => (AlertTarget)new PersonTarget(Anna)).ToList()), AlertingRefusals.TooManyTargets, "targets" },
        { "same target twice", Draft(targets: [new FunctionTarget(OvdBz), new FunctionTarget(Hin), new FunctionTarget(OvdBz)]), AlertingRefusals.TargetTwice, "targets[2]" },
        { "unknown function", Draft(targets: [new FunctionTarget("OVD-XX")]), AlertingRefusals.UnknownFunction, "targets[0].function" },
        { "unknown team", Draft(targets: [new FunctionTarget(OvdBz), new TeamTarget("BRANDWEER", false)]), AlertingRefusals.UnknownTeam, "targets[1].team" },
        { "unknown person", Draft(targets: [new PersonTarget(Stranger)]), AlertingRefusals.UnknownPerson, "targets[0].personId" },
        { "working group has no head function", Draft(targets: [new TeamTarget("WG-OTO", false)]), AlertingRefusals.TeamWithoutHeadFunction, "targets[0].team" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void Raise_BadDraft_IsRefusedOnItsField(string description, AlertDraft draft, RefusalCode code, string field) =>
        ShouldRefuse(() => Alert.Raise(draft, _roster), code, field, description);

    [Theory]
    [InlineData("function", "ovd-bz", null, null, false)]
    [InlineData("team", null, "pim", null, false)]
    [InlineData("team, everyone", null, "PIM", true, false)]
    [InlineData("person", null, null, null, true)]
    public void FromWire_ExactlyOneKind_MakesThatTarget(string description, string? function, string? team, bool? everyone, bool person)
    {
        var target = AlertTarget.FromWire(function, team, everyone, person ? Anna : null, "targets[0]");

        object expected = function is not null ? new FunctionTarget("OVD-BZ")
            : team is not null ? new TeamTarget("PIM", everyone ?? false)
            : new PersonTarget(Anna);
        target.ShouldBe(expected, description);
    }

    [Theory]
    [InlineData("nothing", null, null, null, false)]
    [InlineData("only spaces", " ", null, null, false)]
    [InlineData("function and team", "OVD-BZ", "PIM", null, false)]
    [InlineData("function and person", "OVD-BZ", null, null, true)]
    [InlineData("everyone without a team", "OVD-BZ", null, true, false)]
    public void FromWire_NotExactlyOne_IsUnclear(string description, string? function, string? team, bool? everyone, bool person) =>
        ShouldRefuse(() => AlertTarget.FromWire(function, team, everyone, person ? Anna : null, "targets[3]"),
            AlertingRefusals.TargetUnclear, "targets[3]", description);
}
