using System.Globalization;
using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Domain.Exercises;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Exercises;

public sealed partial class ExerciseService
{
    public const int MaxAdHocText = 3000;

    /// <summary>Starts the clock; the scenario's alerts then go out through the real alerting path, to participants only.</summary>
    public async Task<ExerciseView> StartAsync(Actor actor, Guid id, double speed, CancellationToken ct = default)
    {
        await RequireControlAsync(actor, id, "exercise.start", ct);
        await OperateAsync(actor, id, "exercise.start", $"speed={speed.ToString(CultureInfo.InvariantCulture)}", (run, _, now) => run.Start(now, speed), ct);
        await RaiseStartAlertsAsync(actor, id, ct);
        return await ViewOfAsync(id, ct);
    }

    public Task<ExerciseView> PauseAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.pause", "", (run, _, now) => run.Pause(now), ct);

    public Task<ExerciseView> ResumeAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.resume", "", (run, _, now) => run.Resume(now), ct);

    public Task<ExerciseView> ChangeSpeedAsync(Actor actor, Guid id, double speed, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.speed", $"speed={speed.ToString(CultureInfo.InvariantCulture)}", (run, _, now) => run.ChangeSpeed(now, speed), ct);

    public Task<ExerciseView> AdvanceAsync(Actor actor, Guid id, int minutes, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.advance", $"minutes={minutes}", (run, _, now) => run.Advance(now, minutes), ct);

    /// <summary>Ends the exercise and closes its incident, so the participants' paspoort drafts are made (the incident-closed hook).</summary>
    public Task<ExerciseView> EndAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.end", "", (run, _, now) => run.End(now), ct);

    public Task<ExerciseView> DeliverAsync(Actor actor, Guid id, string injectId, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.inject.deliver", $"inject={injectId}", (run, _, now) => run.Deliver(injectId, now), ct);

    public Task<ExerciseView> SkipAsync(Actor actor, Guid id, string injectId, CancellationToken ct = default) =>
        ControlStepAsync(actor, id, "exercise.inject.skip", $"inject={injectId}", (run, _, now) => run.Skip(injectId, now), ct);

    /// <summary>An inject the control staff write now (tegenspel), delivered at once; its id is T01, T02 ….</summary>
    public async Task<InjectView> AddInjectAsync(Actor actor, Guid id, Addressee to, string? text, InjectMethod? method, CancellationToken ct = default)
    {
        const string action = "exercise.inject.add";
        await RequireControlAsync(actor, id, action, ct);
        var trimmed = await audit.CheckedAsync(actor, action, Target(id), () => TextRules.Optional(text, "text", multiline: true)) ?? "";
        if (trimmed.Length == 0)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.TextMissing.RaiseFor("text"));
        }
        if (trimmed.Length > MaxAdHocText)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.TextTooLong.RaiseFor("text", ("length", trimmed.Length), ("max", MaxAdHocText)));
        }
        string? injectId = null;
        await OperateAsync(actor, id, action, $"to={to.Code}", (run, _, now) =>
        {
            injectId = string.Create(CultureInfo.InvariantCulture, $"T{run.Injects.Count(i => i.AdHoc is not null) + 1:00}");
            return run.AddAdHoc(injectId, new AdHocInject(to, trimmed, method), now);
        }, ct);
        return (await ViewOfAsync(id, ct)).Injects.First(i => i.Id == injectId);
    }

    /// <summary>Marks an expected action met by the log entry <paramref name="seq"/> of the exercise.</summary>
    public async Task<ExerciseView> MarkMetAsync(Actor actor, Guid id, string actionId, int seq, CancellationToken ct = default)
    {
        const string action = "exercise.action.met";
        await RequireControlAsync(actor, id, action, ct);
        var entry = await db.LogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == id && e.Seq == seq, ct)
            ?? throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.SeqUnknown.RaiseFor("seq", ("seq", seq)));
        return await ControlStepAsync(actor, id, action, $"action={actionId} seq={seq}", (run, _, now) => run.MarkMet(actionId, seq, entry.At, now), ct);
    }

    /// <summary>
    /// Puts a finding of the evaluation on a working group's action list, with the exercise as its source (control staff
    /// only). <paramref name="team"/> names the working group or the task team whose working group keeps its processes.
    /// </summary>
    public async Task<ActionDto> AddFindingAsync(Actor actor, Guid id, string? text, string? team, CancellationToken ct = default)
    {
        await RequireControlAsync(actor, id, "exercise.finding", ct);
        return await actionLists.CreateFromFindingAsync(actor, id, team, text, ct);
    }

    /// <summary>An observation of the control staff, on an objective and a log entry when given. Players never see them.</summary>
    public async Task<Observation> ObserveAsync(
        Actor actor, Guid id, string? text, string? objective, int? seq, ObservationRating? rating, CancellationToken ct = default)
    {
        const string action = "exercise.observation";
        await RequireControlAsync(actor, id, action, ct);
        var trimmed = await audit.CheckedAsync(actor, action, Target(id), () => TextRules.Optional(text, "text", multiline: true)) ?? "";
        if (trimmed.Length == 0)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.TextMissing.RaiseFor("text"));
        }
        if (trimmed.Length > LogRules.MaxTextLength)
        {
            throw await audit.RefuseAsync(actor, action, Target(id),
                ExercisesHostRefusals.TextTooLong.RaiseFor("text", ("length", trimmed.Length), ("max", LogRules.MaxTextLength)));
        }
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstAsync(e => e.IncidentId == id, ct);
        var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
        var goal = Texts.TrimToNull(objective);
        if (goal is not null && scenario.Objectives.All(o => o.Id != goal))
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.ObjectiveUnknown.RaiseFor("objective", ("objective", Texts.Shorten(goal))));
        }
        if (seq is { } s && !await db.LogEntries.AnyAsync(e => e.IncidentId == id && e.Seq == s, ct))
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.SeqUnknown.RaiseFor("seq", ("seq", s)));
        }
        var now = clock.GetCurrentInstant();
        var record = new ExerciseObservationRecord
        {
            Id = Guid.NewGuid(), IncidentId = id, Text = trimmed, Objective = goal, Seq = seq, Rating = rating, At = now,
            ExerciseTimeMs = (long)RunDocument.Read(row.Run).Clock.ExerciseTimeAt(now).TotalMilliseconds, AuthorId = actor.UserId, AuthorName = actor.Name,
        };
        db.Set<ExerciseObservationRecord>().Add(record);
        audit.Stage(db, actor, action, Target(id), $"objective={goal ?? "-"} rating={rating?.ToWire() ?? "-"}");
        await db.SaveChangesAsync(ct);
        return record.ToObservation();
    }

    /// <summary>
    /// GEEN OEFENING: a real incident needs the people who are exercising. Pauses every running exercise and says so
    /// in each one's log. Returns the exercises it paused.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RealIncidentAsync(Actor actor, CancellationToken ct = default)
    {
        const string action = "exercise.real-incident";
        if (actor.Role is not (CrisisRole.Coordinator or CrisisRole.Officer or CrisisRole.ExerciseLead))
        {
            throw await audit.RefuseAsync(actor, action, null, ExercisesHostRefusals.RealIncidentForbidden.Raise());
        }
        var running = await db.Set<ExerciseRecord>().AsNoTracking().Where(e => e.State == ExerciseState.Running).Select(e => e.IncidentId).ToListAsync(ct);
        var paused = new List<Guid>();
        foreach (var id in running)
        {
            try
            {
                await OperateAsync(actor, id, action, "paused", (run, _, now) => run.Pause(now), ct, row => row.PausedForRealIncident = true);
            }
            catch (RuleViolationException)
            {
                continue; // paused or ended meanwhile
            }
            await incidents.AppendAsSystemAsync(id, new AppendEntry(LogEntryKind.System,
                $"GEEN OEFENING — de oefening is gepauzeerd vanwege een echt incident (gemeld door {actor.Name}). Wacht op bericht van de oefenleiding."), ct);
            paused.Add(id);
        }
        return paused;
    }

    private async Task<ExerciseView> ControlStepAsync(
        Actor actor, Guid id, string action, string detail, Func<ExerciseRun, Scenario, Instant, RunChange> step, CancellationToken ct)
    {
        await RequireControlAsync(actor, id, action, ct);
        await OperateAsync(actor, id, action, detail, step, ct);
        return await ViewOfAsync(id, ct);
    }

    /// <summary>The scheduler's step for one exercise: deliver what fell due, then finish the log work.</summary>
    internal async Task<bool> RunDueAsync(Guid id, Instant now, CancellationToken ct)
    {
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == id, ct);
        if (row is null)
        {
            return false;
        }
        if (row is { State: ExerciseState.Running, NextDueAt: { } due } && due <= now)
        {
            var change = await OperateAsync(Actor.System("exercise-clock"), id, "exercise.clock", "due", (run, _, at) => run.CatchUp(at), ct);
            return change.Delivered.Count > 0 || change.Missed.Count > 0;
        }
        await FinishAsync(id, null, ct);
        return false;
    }

    /// <summary>
    /// Writes the delivered injects that have no log entry yet, in order (idempotent per inject id), records their
    /// sequence numbers, and closes the incident of an ended exercise. Safe to run on any node at any time.
    /// </summary>
    private async Task FinishAsync(Guid id, Actor? actor, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstAsync(e => e.IncidentId == id, ct);
            if (!row.AwaitingWork)
            {
                return;
            }
            var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
            var run = RunDocument.Read(row.Run);
            var seqs = new Dictionary<string, int>();
            foreach (var inject in run.AwaitingLog)
            {
                var entry = await incidents.AppendAsSystemAsync(id, InjectEntry(scenario, inject), ct);
                seqs[inject.Id] = entry.Seq;
            }
            var closed = row.State == ExerciseState.Ended && await CloseIncidentAsync(id, actor, ct);
            db.ChangeTracker.Clear();
            var tracked = await db.Set<ExerciseRecord>().FirstAsync(e => e.IncidentId == id, ct);
            var now = RunDocument.Read(tracked.Run);
            foreach (var (injectId, seq) in seqs)
            {
                now = now.Logged(injectId, seq);
            }
            tracked.Run = RunDocument.Write(now);
            tracked.AwaitingWork = now.AwaitingLog.Count > 0 || (now.State == ExerciseState.Ended && !closed);
            tracked.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                if (!tracked.AwaitingWork)
                {
                    return;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // A step was taken meanwhile; the entries written stay written, and the next round records them.
            }
        }
    }

    /// <summary>Closes the exercise's incident (true once it is closed, by this call or before).</summary>
    private async Task<bool> CloseIncidentAsync(Guid id, Actor? actor, CancellationToken ct)
    {
        if (await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == id && i.Status == IncidentStatus.Open, ct))
        {
            try
            {
                await writer.SubmitAsync(new LogWrite(LogWriteKind.Close, id, actor ?? Actor.System("exercise")), ct);
            }
            catch (RuleViolationException ex) when (ex.Code == IncidentRefusals.AlreadyClosed.Code)
            {
                // Closed by another node meanwhile.
            }
        }
        return true;
    }

    /// <summary>The log entry of a delivered inject: addressed, marked OEFENING, with the simulated sender and channel.</summary>
    internal static AppendEntry InjectEntry(Scenario scenario, InjectState inject)
    {
        string text;
        Addressee to;
        if (scenario.Inject(inject.Id) is { } s)
        {
            to = s.To;
            var from = s.From is null ? "" : $" · van {s.From}{(s.Method is { } m ? $" ({m.ToDutch()})" : "")}";
            text = $"OEFENING · Inject {s.Id} aan {to.Code}{from}\n{s.Title}\n\n{s.Message}";
        }
        else
        {
            to = inject.AdHoc?.To ?? Addressee.ToFunction("?");
            var method = inject.AdHoc?.Method is { } m ? $" ({m.ToDutch()})" : "";
            text = $"OEFENING · Tegenspel {inject.Id} aan {to.Code}{method}\n{inject.AdHoc?.Text}";
        }
        if (text.Length > LogRules.MaxTextLength)
        {
            text = text[..LogRules.MaxTextLength];
        }
        return new AppendEntry(LogEntryKind.Inject, text, to.Team, AddressedTo: to, InjectId: inject.Id);
    }

    private async Task RaiseStartAlertsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstAsync(e => e.IncidentId == id, ct);
        var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
        // The control staff member who starts raises the alerts when their role may; else Crisis does, for them.
        var raiser = actor.Role is CrisisRole.Coordinator or CrisisRole.Officer or CrisisRole.ExerciseLead ? actor : Actor.System("exercise");
        foreach (var alert in scenario.Alerting)
        {
            try
            {
                await alerts.RaiseAsync(raiser, id, [new FunctionTarget(alert.Function)], alert.Message, null, ct);
            }
            catch (RuleViolationException ex)
            {
                ExerciseLog.StartAlertRefused(logger, id, alert.Function, ex.Code);
                await incidents.AppendAsSystemAsync(id, new AppendEntry(LogEntryKind.System,
                    $"OEFENING · Alarmering {alert.Function} bij de start kon niet worden verstuurd ({ex.Code})."), ct);
            }
        }
    }
}

internal static partial class ExerciseLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise {IncidentId}: the start alert to {Function} was refused ({Code})")]
    public static partial void StartAlertRefused(ILogger logger, Guid incidentId, string function, string code);
}
