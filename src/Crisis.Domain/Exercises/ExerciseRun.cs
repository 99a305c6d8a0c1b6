using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Exercises;

public enum InjectStatus
{
    Pending,
    Delivered,
    Skipped,
}

public enum ActionStatus
{
    Open,
    Met,
    Missed,
}

/// <summary>Why an inject was delivered.</summary>
public enum DeliveryReason
{
    /// <summary>Its time on the exercise clock came.</summary>
    Scheduled,
    /// <summary>The expected action it stands in for was missed.</summary>
    Contingency,
    /// <summary>The control staff delivered it by hand.</summary>
    Manual,
    /// <summary>Written by the control staff during the exercise (tegenspel).</summary>
    AdHoc,
}

public static class RunNames
{
    private static readonly WireNames<InjectStatus> Injects = new(
        (InjectStatus.Pending, "pending", "Komt nog"), (InjectStatus.Delivered, "delivered", "Gegeven"), (InjectStatus.Skipped, "skipped", "Overgeslagen"));

    private static readonly WireNames<ActionStatus> Actions = new(
        (ActionStatus.Open, "open", "Open"), (ActionStatus.Met, "met", "Uitgevoerd"), (ActionStatus.Missed, "missed", "Gemist"));

    public static string ToWire(this InjectStatus s) => Injects.Wire(s);

    public static string ToDutch(this InjectStatus s) => Injects.Dutch(s);

    public static string ToWire(this ActionStatus s) => Actions.Wire(s);

    public static string ToDutch(this ActionStatus s) => Actions.Dutch(s);
}

/// <summary>An inject written during the exercise by the control staff: to whom, what, through which channel.</summary>
public sealed record AdHocInject(Addressee To, string Text, InjectMethod? Method);

/// <summary>
/// Where one inject stands. <see cref="DeliveredAt"/> is the exercise time it was delivered at (for a scheduled inject
/// its <see cref="At"/>, however late the clock got there); <see cref="Seq"/> is its log entry once written.
/// </summary>
public sealed record InjectState(
    string Id, int Order, Duration? At, InjectStatus Status, Duration? DeliveredAt, Instant? DeliveredInstant, int? Seq, AdHocInject? AdHoc = null)
{
    public bool Scheduled => At is not null;
}

/// <summary>
/// Where one expected action stands. <see cref="DueAt"/> (exercise time) is set when its inject is delivered: until
/// then nobody has been asked for it.
/// </summary>
public sealed record ActionState(
    string Id, string InjectId, int WithinMinutes, string? ContingencyInject, ActionStatus Status, Duration? DueAt, int? MetBySeq, int? MinutesToAction);

public sealed record Delivery(string InjectId, Duration ExerciseTime, DeliveryReason Reason);

/// <summary>The run after a step, with the injects it delivered (in order) and the expected actions it found missed.</summary>
public sealed record RunChange(ExerciseRun Run, IReadOnlyList<Delivery> Delivered, IReadOnlyList<string> Missed);

/// <summary>
/// One exercise being played: its clock and where every inject and expected action stands. Pure: every operation takes
/// the real instant and returns the next run with what it delivered. Each operation first catches up with the clock
/// (delivers what fell due, in order of exercise time), so a pause, speed change or advance never skips an inject,
/// and an inject once delivered is never pending again, so none is delivered twice.
/// </summary>
public sealed record ExerciseRun(ExerciseClock Clock, IReadOnlyList<InjectState> Injects, IReadOnlyList<ActionState> Actions)
{
    public static ExerciseRun Create(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var contingencies = scenario.Injects.Where(i => i.Contingency is not null).ToDictionary(i => i.Contingency!.IfMissed, i => i.Contingency!.Inject);
        return new ExerciseRun(
            ExerciseClock.New,
            scenario.Injects.Select((i, n) => new InjectState(i.Id, n, i.At, InjectStatus.Pending, null, null, null)).ToList(),
            scenario.ExpectedActions.Select(x => new ActionState(x.Action.Id, x.Inject.Id, x.Action.WithinMinutes,
                contingencies.GetValueOrDefault(x.Action.Id), ActionStatus.Open, null, null, null)).ToList());
    }

    public ExerciseState State => Clock.State;

    public InjectState? Inject(string id) => Injects.FirstOrDefault(i => i.Id == id);

    public RunChange Start(Instant now, double speed) => (this with { Clock = Clock.Start(now, speed) }).CatchUp(now);

    public RunChange Pause(Instant now) => Then(CatchUp(now), r => r with { Clock = r.Clock.Pause(now) }, now);

    public RunChange Resume(Instant now) => (this with { Clock = Clock.Resume(now) }).CatchUp(now);

    public RunChange ChangeSpeed(Instant now, double speed)
    {
        ExerciseClock.CheckSpeed(speed);
        return Then(CatchUp(now), r => r with { Clock = r.Clock.ChangeSpeed(now, speed) }, now);
    }

    public RunChange Advance(Instant now, int minutes) => Then(CatchUp(now), r => r with { Clock = r.Clock.Advance(now, minutes) }, now);

    public RunChange End(Instant now) => Then(CatchUp(now), r => r with { Clock = r.Clock.End(now) }, now);

    /// <summary>Delivers a pending inject now, by hand (a contingency-only one too).</summary>
    public RunChange Deliver(string injectId, Instant now) => Then(CatchUp(now), r =>
    {
        r.RequirePlaying();
        var inject = r.Pending(injectId);
        var (next, delivery) = r.Delivering(inject, r.Clock.ExerciseTimeAt(now), now, DeliveryReason.Manual);
        return (next, [delivery]);
    }, now);

    public RunChange Skip(string injectId, Instant now) => Then(CatchUp(now), r =>
    {
        r.RequirePlaying();
        var inject = r.Pending(injectId);
        return r.Replace(inject with { Status = InjectStatus.Skipped });
    }, now);

    /// <summary>Adds and delivers an inject the control staff write now (tegenspel).</summary>
    public RunChange AddAdHoc(string injectId, AdHocInject adHoc, Instant now) => Then(CatchUp(now), r =>
    {
        r.RequirePlaying();
        var time = r.Clock.ExerciseTimeAt(now);
        var inject = new InjectState(injectId, r.Injects.Count, null, InjectStatus.Pending, null, null, null, adHoc);
        var (next, delivery) = (r with { Injects = [.. r.Injects, inject] }).Delivering(inject, time, now, DeliveryReason.AdHoc);
        return (next, [delivery with { Reason = DeliveryReason.AdHoc }]);
    }, now);

    /// <summary>
    /// Records that the log entry <paramref name="seq"/>, written at <paramref name="entryAt"/>, is the expected action:
    /// its minutes to action count on the exercise clock from the inject to the entry. A missed action can still be met
    /// late (its contingency has gone out by then).
    /// </summary>
    public RunChange MarkMet(string actionId, int seq, Instant entryAt, Instant now) => Then(CatchUp(now), r =>
    {
        var action = r.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw ExercisesRefusals.ActionUnknown.Raise(("actionId", actionId));
        if (action.Status == ActionStatus.Met)
        {
            throw ExercisesRefusals.ActionAlreadyMet.Raise(("actionId", actionId), ("seq", action.MetBySeq));
        }
        var asked = r.Inject(action.InjectId)?.DeliveredAt ?? throw ExercisesRefusals.ActionNotAsked.Raise(("actionId", actionId));
        var minutes = (int)Math.Max(0, Math.Floor((r.Clock.ExerciseTimeAt(entryAt) - asked).TotalMinutes));
        return r.Replace(action with { Status = ActionStatus.Met, MetBySeq = seq, MinutesToAction = minutes });
    }, now);

    /// <summary>Records the log entry an inject became.</summary>
    public ExerciseRun Logged(string injectId, int seq) =>
        this with { Injects = Injects.Select(i => i.Id == injectId ? i with { Seq = seq } : i).ToList() };

    /// <summary>The delivered injects whose log entry is not written yet, in the order they were delivered.</summary>
    public IReadOnlyList<InjectState> AwaitingLog =>
        Injects.Where(i => i.Status == InjectStatus.Delivered && i.Seq is null).OrderBy(i => i.DeliveredAt).ThenBy(i => i.DeliveredInstant).ThenBy(i => i.Order).ToList();

    /// <summary>The real instant at which the next inject or deadline falls due; null while the clock stands still.</summary>
    public Instant? NextDueAt()
    {
        if (State != ExerciseState.Running)
        {
            return null;
        }
        var times = Injects.Where(i => i is { Status: InjectStatus.Pending, At: not null }).Select(i => i.At!.Value)
            .Concat(Actions.Where(a => a is { Status: ActionStatus.Open, DueAt: not null }).Select(a => a.DueAt!.Value))
            .ToList();
        return times.Count == 0 ? null : Clock.WhenReaches(times.Min());
    }

    /// <summary>Delivers what fell due by <paramref name="now"/> and marks the deadlines that passed, in order of exercise time.</summary>
    public RunChange CatchUp(Instant now)
    {
        if (State is ExerciseState.Ready or ExerciseState.Ended)
        {
            return new RunChange(this, [], []);
        }
        var time = Clock.ExerciseTimeAt(now);
        var run = this;
        var delivered = new List<Delivery>();
        var missed = new List<string>();
        while (true)
        {
            var inject = run.Injects.Where(i => i is { Status: InjectStatus.Pending, At: not null } && i.At <= time)
                .OrderBy(i => i.At).ThenBy(i => i.Order).FirstOrDefault();
            var action = run.Actions.Where(a => a is { Status: ActionStatus.Open, DueAt: not null } && a.DueAt <= time)
                .OrderBy(a => a.DueAt).FirstOrDefault();
            if (inject is not null && (action is null || inject.At <= action.DueAt))
            {
                var (next, d) = run.Delivering(inject, inject.At!.Value, now, DeliveryReason.Scheduled);
                run = next;
                delivered.Add(d);
            }
            else if (action is not null)
            {
                run = run.Replace(action with { Status = ActionStatus.Missed });
                missed.Add(action.Id);
                if (action.ContingencyInject is { } c && run.Inject(c) is { Status: InjectStatus.Pending } contingency)
                {
                    var (next, d) = run.Delivering(contingency, action.DueAt!.Value, now, DeliveryReason.Contingency);
                    run = next;
                    delivered.Add(d);
                }
            }
            else
            {
                return new RunChange(run, delivered, missed);
            }
        }
    }

    private (ExerciseRun, Delivery) Delivering(InjectState inject, Duration at, Instant now, DeliveryReason reason)
    {
        var next = this with
        {
            Injects = Injects.Select(i => i.Id == inject.Id ? i with { Status = InjectStatus.Delivered, DeliveredAt = at, DeliveredInstant = now } : i).ToList(),
            Actions = Actions.Select(a => a.InjectId == inject.Id && a is { Status: ActionStatus.Open, DueAt: null }
                ? a with { DueAt = at + Duration.FromMinutes(a.WithinMinutes) } : a).ToList(),
        };
        return (next, new Delivery(inject.Id, at, reason));
    }

    private InjectState Pending(string injectId)
    {
        var inject = Inject(injectId) ?? throw ExercisesRefusals.InjectUnknown.Raise(("injectId", injectId));
        return inject.Status == InjectStatus.Pending
            ? inject
            : throw ExercisesRefusals.InjectNotPending.Raise(("injectId", injectId), ("status", new Bilingual(inject.Status.ToWire(), inject.Status.ToDutch())));
    }

    private void RequirePlaying()
    {
        switch (State)
        {
            case ExerciseState.Ready:
                throw ExercisesRefusals.NotStarted.Raise();
            case ExerciseState.Ended:
                throw ExercisesRefusals.Ended.Raise();
        }
    }

    private (ExerciseRun, IReadOnlyList<Delivery>) Replace(InjectState inject) =>
        (this with { Injects = Injects.Select(i => i.Id == inject.Id ? inject : i).ToList() }, []);

    private ExerciseRun Replace(ActionState action) =>
        this with { Actions = Actions.Select(a => a.Id == action.Id ? action : a).ToList() };

    private static RunChange Then(RunChange first, Func<ExerciseRun, ExerciseRun> step, Instant now) =>
        Then(first, r => (step(r), []), now);

    private static RunChange Then(RunChange first, Func<ExerciseRun, (ExerciseRun Run, IReadOnlyList<Delivery> Delivered)> step, Instant now)
    {
        var (run, delivered) = step(first.Run);
        var after = run.CatchUp(now);
        return new RunChange(after.Run, [.. first.Delivered, .. delivered, .. after.Delivered], [.. first.Missed, .. after.Missed]);
    }
}
