using Crisis.Domain.Alerting;
using static Crisis.Domain.Tests.Alerting.Alerts;
using static Crisis.Domain.Tests.Alerting.TestRoster;

namespace Crisis.Domain.Tests.Alerting;

/// <summary>The default policy over the test roster: Anna at 0, Bram at 5, the pool (Cor) and Frank at 15, run out at 25.</summary>
public class AlertEscalationTests
{
    private readonly IAlertRoster _roster = new TestRoster().Build();

    [Fact]
    public void Advance_BeforeTheNextStepIsDue_FiresNothing()
    {
        var alert = Raise(_roster).Alert;

        var change = alert.Advance(At(4), _roster);

        change.Fired.ShouldBeEmpty();
        change.Alert.NextDueAt.ShouldBe(At(5));
        change.Alert.AdvancedTo.ShouldBe(At(4));
    }

    [Fact]
    public void Advance_WithoutAnswers_RunsTheDefaultPolicyToUnanswered()
    {
        var alert = Raise(_roster).Alert;

        var change = alert.Advance(At(60), _roster);

        change.Sent().ShouldBe([(2, Bram), (3, Cor), (4, Frank)]);
        change.Fired.Select(f => (f.Step, f.At)).ShouldBe([(2, At(5)), (3, At(15)), (4, At(15))]);
        change.Alert.Status.ShouldBe(AlertStatus.Unanswered);
        change.Alert.NextDueAt.ShouldBeNull();
        change.Alert.Recipients.ShouldAllBe(r => r.Response == AlertResponse.NoAnswer);
    }

    [Fact]
    public void Advance_TheLastMomentOfTheAnswerWindow_IsStillOpen()
    {
        var alert = Raise(_roster).Alert;

        alert.Advance(At(25) - NodaTime.Duration.Epsilon, _roster).Alert.Status.ShouldBe(AlertStatus.Open);
        alert.Advance(At(25), _roster).Alert.Status.ShouldBe(AlertStatus.Unanswered);
    }

    [Fact]
    public void Advance_PoolStep_DoesNotCallAgainWhoStepsOneAndTwoCalled()
    {
        var change = Raise(_roster).Alert.Advance(At(15), _roster);

        change.Fired.Single(f => f.Step == 3).Notified.Select(n => n.PersonId).ShouldBe([Cor]);
        change.Alert.Recipient(Anna)!.Notices.Count.ShouldBe(1);
    }

    [Fact]
    public void Advance_Late_FiresEachStepAtTheInstantItFellDue()
    {
        var change = Raise(_roster).Alert.Advance(At(17), _roster);

        change.Fired.Select(f => f.At).ShouldBe([At(5), At(15), At(15)]);
        change.Alert.Recipient(Cor)!.NotifiedAt.ShouldBe(At(15));
    }

    [Fact]
    public void Advance_TwiceToTheSameInstant_FiresOnce()
    {
        var first = Raise(_roster).Alert.Advance(At(5), _roster);

        first.Alert.Advance(At(5), _roster).Fired.ShouldBeEmpty();
        first.Alert.Advance(At(3), _roster).Fired.ShouldBeEmpty();
    }

    [Fact]
    public void Advance_AfterComing_StopsEscalating()
    {
        var coming = Raise(_roster).Alert.Respond(Anna, AlertResponse.Coming, 20, null, At(2), _roster);

        coming.Alert.Status.ShouldBe(AlertStatus.Satisfied);
        var later = coming.Alert.Advance(At(120), _roster);
        later.Fired.ShouldBeEmpty();
        later.Alert.Status.ShouldBe(AlertStatus.Satisfied);
        later.Alert.NextDueAt.ShouldBeNull();
    }

    [Fact]
    public void Advance_Repeat_RunsThePolicyAgainAndCallsThePendingAgain()
    {
        var roster = new TestRoster().WithPolicy(OvdBz, 1, (0, EscalationNotify.OnCall), (5, EscalationNotify.NextOnCall)).Build();

        var change = Raise(roster).Alert.Advance(At(100), roster);

        // Run 1: Anna 0, Bram 5, window 5; run 2 from 10: Anna 10, Bram 15, window to 20.
        change.Fired.Select(f => (f.Round, f.Step, f.At)).ShouldBe([(0, 2, At(5)), (1, 1, At(10)), (1, 2, At(15))]);
        change.Sent().ShouldBe([(2, Bram), (1, Anna), (2, Bram)]);
        change.Alert.Status.ShouldBe(AlertStatus.Unanswered);
        Raise(roster).Alert.Advance(At(20) - NodaTime.Duration.Epsilon, roster).Alert.Status.ShouldBe(AlertStatus.Open);
    }

    [Fact]
    public void Advance_Repeat_DoesNotCallAgainWhoDeclined()
    {
        var roster = new TestRoster().WithPolicy(OvdBz, 1, (0, EscalationNotify.OnCall), (5, EscalationNotify.NextOnCall)).Build();
        var declined = Raise(roster).Alert.Respond(Anna, AlertResponse.Declined, null, null, At(1), roster);

        declined.Alert.Advance(At(100), roster).Sent().ShouldBe([(2, Bram), (2, Bram)]);
    }

    [Fact]
    public void Advance_LastStepReachesNobody_TheOthersStillGetTheWholeWindow()
    {
        var roster = new TestRoster();
        roster.Coordinators.Clear();

        var alert = Raise(roster.Build()).Alert;

        alert.Advance(At(24), roster.Build()).Alert.Status.ShouldBe(AlertStatus.Open);
        var end = alert.Advance(At(25), roster.Build()).Alert;
        end.Status.ShouldBe(AlertStatus.Unanswered);
        end.Skips.ShouldContain(new AlertSkip(0, 0, 4, At(15), OvdBz, null, SkipReason.NoCoordinators));
    }

    [Fact]
    public void Advance_TheRosterIsAskedAtTheInstantTheStepFellDue()
    {
        var roster = new TestRoster();
        // Bram's leave starts at minute 6: step 2 falls due at 5 and reaches him even when the host only advances at 9.
        roster.OnLeave(Bram, 6, 60);

        var change = Raise(roster.Build()).Alert.Advance(At(9), roster.Build());

        change.Sent().ShouldBe([(2, Bram)]);
    }

    [Fact]
    public void Advance_CancelledAlert_FiresNothing()
    {
        var cancelled = Raise(_roster).Alert.Cancel(At(1), _roster).Alert;

        cancelled.Advance(At(60), _roster).Fired.ShouldBeEmpty();
        cancelled.NextDueAt.ShouldBeNull();
    }

    [Fact]
    public void Advance_TargetsEscalateIndependently()
    {
        var change = Raise(_roster, new FunctionTarget(OvdBz), new FunctionTarget(Hin));
        var dewiComing = change.Alert.Respond(Dewi, AlertResponse.Coming, 5, null, At(1), _roster);

        dewiComing.Alert.Status.ShouldBe(AlertStatus.Open);
        dewiComing.Alert.IsSatisfied(1).ShouldBeTrue();
        var later = dewiComing.Alert.Advance(At(5), _roster);
        later.Fired.ShouldHaveSingleItem().Target.ShouldBe(0);
    }

    [Fact]
    public void Advance_OneTargetRanOutTheOtherSatisfied_IsUnanswered()
    {
        var change = Raise(_roster, new FunctionTarget(OvdBz), new FunctionTarget(Hin));

        var after = change.Alert.Respond(Dewi, AlertResponse.Coming, 5, null, At(1), _roster).Alert.Advance(At(60), _roster).Alert;

        after.Status.ShouldBe(AlertStatus.Unanswered);
        after.Recipient(Dewi)!.Response.ShouldBe(AlertResponse.Coming);
        after.Recipient(Anna)!.Response.ShouldBe(AlertResponse.NoAnswer);
    }

    [Fact]
    public void Advance_NamedPersonWithoutAnswer_IsUnansweredAfterTenMinutes()
    {
        var alert = Raise(_roster, new PersonTarget(Cor)).Alert;

        alert.Advance(At(9), _roster).Alert.Status.ShouldBe(AlertStatus.Open);
        alert.Advance(At(10), _roster).Alert.Status.ShouldBe(AlertStatus.Unanswered);
    }

    [Fact]
    public void NextDueAt_IsTheEarliestOfTheTargets()
    {
        var roster = new TestRoster().WithPolicy(Hin, (0, EscalationNotify.OnCall), (2, EscalationNotify.Pool)).Build();

        Raise(roster, new FunctionTarget(OvdBz), new FunctionTarget(Hin)).Alert.NextDueAt.ShouldBe(At(2));
    }
}
