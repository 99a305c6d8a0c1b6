using Crisis.Domain.Exercises;
using Crisis.Domain.Incidents;
using CsCheck;
using NodaTime;

namespace Crisis.Domain.Tests.Exercises;

/// <summary>
/// The exercise clock over random scenarios and random sequences of start, pause, resume, speed, advance, waits and
/// catch-ups (the scheduler's passes, at arbitrary moments): every inject is delivered exactly once, in order of its
/// time, at the exercise time it is due, and at the first moment the clock shows that time, never before.
/// </summary>
public class ExerciseClockPropertyTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 17, 7, 0);

    private sealed record Op(int Kind, int Seconds, int Value);

    private static readonly Gen<(int[] Ats, Op[] Ops)> Cases =
        Gen.Select(
            Gen.Int[0, 180].Array[1, 12],
            Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1800], Gen.Int[1, 40], (k, s, v) => new Op(k, s, v)).Array[1, 40]);

    [Fact]
    public void AnySequence_DeliversEachInjectOnce_InOrder_AtItsTime()
    {
        Cases.Sample(c =>
        {
            var run = ExerciseRun.Create(ScenarioWith(c.Ats));
            var now = T0;
            var delivered = new List<(Delivery Delivery, Duration ClockShowed, Duration ClockBefore)>();
            var before = Duration.Zero;

            void Take(RunChange change, Duration clockBefore)
            {
                var showed = change.Run.Clock.ExerciseTimeAt(now);
                delivered.AddRange(change.Delivered.Select(d => (d, showed, clockBefore)));
                run = change.Run;
            }

            foreach (var op in c.Ops)
            {
                now += Duration.FromSeconds(op.Seconds);
                before = run.Clock.ExerciseTimeAt(now - Duration.FromSeconds(op.Seconds));
                var clockNow = run.Clock.ExerciseTimeAt(now);
                try
                {
                    switch (op.Kind)
                    {
                        case 0:
                            Take(run.Start(now, op.Value / 4.0), before);
                            break;
                        case 1:
                            Take(run.Pause(now), before);
                            break;
                        case 2:
                            Take(run.Resume(now), before);
                            break;
                        case 3:
                            Take(run.ChangeSpeed(now, op.Value / 4.0), before);
                            break;
                        case 4:
                            Take(run.Advance(now, op.Value), before);
                            break;
                        default:
                            Take(run.CatchUp(now), before);
                            break;
                    }
                }
                catch (RuleViolationException)
                {
                    // An operation the state refuses (pause while paused …) changes nothing; the run stays as it was.
                }
                _ = clockNow;
            }
            var final = run.CatchUp(now);
            Take(final, run.Clock.ExerciseTimeAt(now));

            // Before a start nothing is due, whatever the scenario says.
            var reached = run.Clock.StartedAt is null ? Duration.FromMinutes(-1) : run.Clock.ExerciseTimeAt(now);
            var scheduled = run.Injects.Where(i => i.At is not null).ToList();
            // Exactly once: every inject whose time the clock reached, and no other.
            delivered.Select(d => d.Delivery.InjectId).ShouldBeUnique();
            delivered.Select(d => d.Delivery.InjectId).OrderBy(x => x, StringComparer.Ordinal)
                .ShouldBe(scheduled.Where(i => i.At <= reached).Select(i => i.Id).OrderBy(x => x, StringComparer.Ordinal));
            // At the exercise time it is due, and only once the clock showed it.
            foreach (var (d, showed, _) in delivered)
            {
                d.ExerciseTime.ShouldBe(run.Inject(d.InjectId)!.At!.Value);
                showed.ShouldBeGreaterThanOrEqualTo(d.ExerciseTime);
            }
            // In order of time (ties in the scenario's order).
            var order = delivered.Select(d => run.Inject(d.Delivery.InjectId)!).Select(i => (i.At!.Value, i.Order)).ToList();
            order.ShouldBe(order.OrderBy(x => x.Item1).ThenBy(x => x.Order).ToList());
            // Nothing is left pending that was due.
            run.Injects.Where(i => i.Status == InjectStatus.Pending && i.At <= reached).ShouldBeEmpty();
        }, iter: 2000);
    }

    [Fact]
    public void NextDueAt_IsTheFirstInstantTheClockReachesThePendingInject()
    {
        Gen.Select(Gen.Int[1, 180], Gen.Int[1, 240]).Sample((minute, quarterSpeed) =>
        {
            var run = ExerciseRun.Create(ScenarioWith([minute])).Start(T0, quarterSpeed / 4.0).Run;
            var due = run.NextDueAt()!.Value;
            run.Clock.ExerciseTimeAt(due).ShouldBeGreaterThanOrEqualTo(Duration.FromMinutes(minute));
            run.Clock.ExerciseTimeAt(due - Duration.FromMilliseconds(1)).ShouldBeLessThan(Duration.FromMinutes(minute));
            run.CatchUp(due - Duration.FromMilliseconds(1)).Delivered.ShouldBeEmpty();
            run.CatchUp(due).Delivered.ShouldHaveSingleItem().InjectId.ShouldBe("I00");
        });
    }

    internal static Scenario ScenarioWith(IReadOnlyList<int> minutes) => new(
        "test", "Test", ScenarioType.Tabletop, null, null, null, null, 240, [], new ScenarioParticipants([], []), [],
        minutes.Select((m, n) => new ScenarioInject($"I{n:00}", Duration.FromMinutes(m), null, Addressee.ToFunction("OVD-BZ"), null, $"Inject {n}", "Tekst", [], null, null)).ToList());
}
