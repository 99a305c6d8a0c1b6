using Crisis.Domain.Exercises;
using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Tests.Exercises;

public class ExerciseRunTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 17, 7, 0);

    private static Scenario WithContingency() => new(
        "c", "C", ScenarioType.Tabletop, null, null, null, null, 120, [], new ScenarioParticipants([], []), [],
        [
            new ScenarioInject("I01", Duration.FromMinutes(10), "Servicedesk", Addressee.ToFunction("OVD-BZ"), InjectMethod.Phone, "Storing", "Alles zwart",
                [new ExpectedAction("E1", "Beeld", "OVD-BZ", 20, null)], "Niet verklappen", new Contingency("E1", "C01")),
            new ScenarioInject("I02", Duration.FromMinutes(40), null, Addressee.ToTeam("PIM"), null, "Pers", "Bellen", [], null, null),
            new ScenarioInject("C01", null, null, Addressee.ToFunction("OVD-BZ"), null, "Nogmaals", "Waar blijft het beeld?", [], null, null),
        ]);

    [Fact]
    public void MissedDeadline_DeliversTheContingency_AtTheDeadline()
    {
        var run = ExerciseRun.Create(WithContingency()).Start(T0, 1).Run;
        var change = run.CatchUp(T0 + Duration.FromMinutes(35));
        change.Delivered.Select(d => (d.InjectId, d.ExerciseTime, d.Reason)).ShouldBe(
            [("I01", Duration.FromMinutes(10), DeliveryReason.Scheduled), ("C01", Duration.FromMinutes(30), DeliveryReason.Contingency)]);
        change.Missed.ShouldBe(["E1"]);
        change.Run.NextDueAt().ShouldBe(T0 + Duration.FromMinutes(40));
    }

    [Fact]
    public void MetInTime_NoContingency_AndMinutesToActionOnTheExerciseClock()
    {
        var run = ExerciseRun.Create(WithContingency()).Start(T0, 10).Run;
        run = run.CatchUp(T0 + Duration.FromMinutes(1)).Run; // 10 exercise minutes: I01
        // The entry written at 1:30 real is 15 exercise minutes: 5 after the inject.
        run = run.MarkMet("E1", 7, T0 + Duration.FromSeconds(90), T0 + Duration.FromMinutes(2)).Run;
        var action = run.Actions.Single();
        (action.Status, action.MetBySeq, action.MinutesToAction).ShouldBe((ActionStatus.Met, (int?)7, (int?)5));
        run.CatchUp(T0 + Duration.FromMinutes(5)).Delivered.Select(d => d.InjectId).ShouldBe(["I02"]);
        run.Inject("C01")!.Status.ShouldBe(InjectStatus.Pending);
    }

    [Fact]
    public void Refusals_NameTheStateProblem()
    {
        var ready = ExerciseRun.Create(WithContingency());
        Should.Throw<RuleViolationException>(() => ready.Pause(T0)).Code.ShouldBe("exercises.not-started");
        var running = ready.Start(T0, 1).Run;
        Should.Throw<RuleViolationException>(() => running.Start(T0, 1)).Code.ShouldBe("exercises.already-started");
        Should.Throw<RuleViolationException>(() => running.Resume(T0)).Code.ShouldBe("exercises.not-paused");
        Should.Throw<RuleViolationException>(() => running.ChangeSpeed(T0, 0)).Code.ShouldBe("exercises.speed-out-of-range");
        Should.Throw<RuleViolationException>(() => running.ChangeSpeed(T0, -2)).Kind.ShouldBe(ViolationKind.Invalid);
        Should.Throw<RuleViolationException>(() => ready.Start(T0, 0)).Field.ShouldBe("speed");
        Should.Throw<RuleViolationException>(() => running.Advance(T0, 0)).Code.ShouldBe("exercises.advance-out-of-range");
        Should.Throw<RuleViolationException>(() => running.MarkMet("E1", 1, T0, T0)).Code.ShouldBe("exercises.action-not-asked");
        Should.Throw<RuleViolationException>(() => running.Deliver("X", T0)).Code.ShouldBe("exercises.inject-unknown");
        var skipped = running.Skip("I02", T0).Run;
        Should.Throw<RuleViolationException>(() => skipped.Deliver("I02", T0)).Code.ShouldBe("exercises.inject-not-pending");
        var ended = running.End(T0).Run;
        Should.Throw<RuleViolationException>(() => ended.End(T0)).Code.ShouldBe("exercises.ended");
        ended.CatchUp(T0 + Duration.FromHours(5)).Delivered.ShouldBeEmpty();
    }

    [Fact]
    public void AdHocAndManualDeliveries_HappenNow_AndAreNotDeliveredAgain()
    {
        var run = ExerciseRun.Create(WithContingency()).Start(T0, 1).Run;
        var change = run.Deliver("I02", T0 + Duration.FromMinutes(5));
        change.Delivered.ShouldHaveSingleItem().ShouldBe(new Delivery("I02", Duration.FromMinutes(5), DeliveryReason.Manual));
        change = change.Run.AddAdHoc("T01", new AdHocInject(Addressee.ToTeam("PIM"), "Tegenspel", null), T0 + Duration.FromMinutes(6));
        change.Delivered.ShouldHaveSingleItem().InjectId.ShouldBe("T01");
        var later = change.Run.CatchUp(T0 + Duration.FromMinutes(60));
        later.Delivered.Select(d => d.InjectId).ShouldBe(["I01", "C01"]);
    }

    [Fact]
    public void PausedClock_StandsStill_AndAdvanceDeliversWhatItJumpsOver()
    {
        var run = ExerciseRun.Create(WithContingency()).Start(T0, 1).Run.Pause(T0 + Duration.FromMinutes(5)).Run;
        run.CatchUp(T0 + Duration.FromHours(3)).Delivered.ShouldBeEmpty();
        run.NextDueAt().ShouldBeNull();
        var advanced = run.Advance(T0 + Duration.FromHours(3), 40);
        advanced.Delivered.Select(d => d.InjectId).ShouldBe(["I01", "C01", "I02"]);
        advanced.Run.Clock.ExerciseTimeAt(T0 + Duration.FromHours(4)).ShouldBe(Duration.FromMinutes(45));
    }
}
