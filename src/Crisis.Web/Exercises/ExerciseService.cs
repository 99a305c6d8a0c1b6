using Crisis.Domain;
using Crisis.Domain.Exercises;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Alerting;
using Crisis.Web.Audit;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Crisis.Web.Organisation;
using Crisis.Web.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>
/// Exercises: set up from a scenario, played on the exercise clock into the incident's real log, run by the control
/// staff (oefenstaf), evaluated. Every step goes through <see cref="OperateAsync"/>: the domain's <see cref="ExerciseRun"/>
/// decides, the row's version claims the step (so two nodes or two clicks never deliver an inject twice), and the
/// delivered injects are then written to the log by <see cref="FinishAsync"/>, idempotently (an inject id is written
/// once per log), so a crash between the two loses nothing: the next pass on any node finishes the work.
/// </summary>
public sealed partial class ExerciseService(
    CrisisDbContext db,
    IncidentService incidents,
    LogWriter writer,
    ScenarioCatalog catalog,
    AlertService alerts,
    AlertQueries alertQueries,
    AuditTrail audit,
    OutboxDispatcher outbox,
    ExerciseScheduler scheduler,
    ActionListService actionLists,
    IClock clock,
    DateTimeZone zone,
    ILogger<ExerciseService> logger)
{
    private const int Attempts = 6;

    /// <summary>Who may list scenarios and set up exercises: those who may open an exercise incident.</summary>
    public static bool MaySetUp(Actor actor) => IncidentAccess.CanOpen(actor.Role, exercise: true);

    public async Task<IReadOnlyList<ScenarioFile>> ScenariosAsync(Actor actor)
    {
        if (!MaySetUp(actor))
        {
            throw await audit.RefuseAsync(actor, "exercise.scenarios", null, ExercisesHostRefusals.CreateForbidden.Raise());
        }
        return catalog.List();
    }

    /// <summary>
    /// Sets up an exercise incident from a scenario, with its participants; the creator and the participants marked
    /// control are its control staff. Everything is checked before anything is stored.
    /// </summary>
    public async Task<IncidentInfo> CreateAsync(
        Actor actor, string? scenarioId, string? title, IReadOnlyList<ExerciseParticipant> participants, CancellationToken ct = default)
    {
        const string action = "exercise.create";
        if (!MaySetUp(actor))
        {
            throw await audit.RefuseAsync(actor, action, null, ExercisesHostRefusals.CreateForbidden.Raise());
        }
        if (TextRules.IsBlank(scenarioId))
        {
            throw await audit.RefuseAsync(actor, action, null, ExercisesHostRefusals.ScenarioMissing.RaiseFor("scenario"));
        }
        var id = scenarioId.Trim();
        var found = catalog.Find(id)
            ?? throw await audit.RefuseAsync(actor, action, $"scenario/{Texts.Shorten(id)}", ExercisesHostRefusals.ScenarioUnknown.Raise(("scenario", Texts.Shorten(id))));
        if (found.File.Scenario is not { } scenario)
        {
            throw await audit.RefuseAsync(actor, action, $"scenario/{id}",
                ExercisesHostRefusals.ScenarioInvalid.RaiseFor("scenario", ("scenario", id), ("count", found.File.Problems.Count)));
        }
        var people = await CheckParticipantsAsync(actor, action, participants, ct);

        var incident = await incidents.OpenAsync(actor, new NewIncident(Texts.TrimToNull(title) ?? scenario.Title, Exercise: true), ct);
        foreach (var p in participants)
        {
            await incidents.AddParticipantAsync(actor, incident.Id, p.Email, p.Function, ct);
        }
        var now = clock.GetCurrentInstant();
        var run = ExerciseRun.Create(scenario);
        db.Set<ExerciseRecord>().Add(new ExerciseRecord
        {
            IncidentId = incident.Id, ScenarioId = id, ScenarioSource = found.Source, Run = RunDocument.Write(run), State = run.State,
            CreatedById = actor.UserId, CreatedAt = now,
        });
        foreach (var staff in people.Where(p => p.Control).Select(p => p.UserId).Append(actor.UserId).Where(u => u != Guid.Empty).Distinct())
        {
            db.Set<ExerciseStaffRecord>().Add(new ExerciseStaffRecord { IncidentId = incident.Id, UserId = staff });
        }
        audit.Stage(db, actor, action, Target(incident.Id), $"scenario={id} participants={participants.Count}");
        await db.SaveChangesAsync(ct);
        return incident;
    }

    private async Task<List<(Guid UserId, bool Control)>> CheckParticipantsAsync(
        Actor actor, string action, IReadOnlyList<ExerciseParticipant> participants, CancellationToken ct)
    {
        var result = new List<(Guid, bool)>();
        var functions = await db.Set<FunctionRecord>().AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            if (TextRules.IsBlank(p.Email))
            {
                throw await audit.RefuseAsync(actor, action, null, ExercisesHostRefusals.ParticipantEmailMissing.RaiseFor($"participants[{i}].email"));
            }
            var email = Texts.NormalizeEmail(p.Email);
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
                ?? throw await audit.RefuseAsync(actor, action, null,
                    ExercisesHostRefusals.ParticipantUnknown.RaiseFor($"participants[{i}].email", ("email", Texts.Shorten(p.Email.Trim()))));
            if (Texts.TrimToNull(p.Function) is { } f && !functions.Contains(f.ToUpperInvariant()))
            {
                throw await audit.RefuseAsync(actor, action, null,
                    ExercisesHostRefusals.FunctionUnknown.RaiseFor($"participants[{i}].function", ("function", Texts.Shorten(f))));
            }
            result.Add((user, p.Control));
        }
        return result;
    }

    /// <summary>The clock of an exercise, for anyone who may read its incident.</summary>
    public async Task<ExerciseClockView> ClockAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (row, control) = await ReaderAsync(actor, id, "exercise.clock", ct);
        return ClockOf(row, RunDocument.Read(row.Run), control);
    }

    /// <summary>The control view; players are refused (they see only what a real incident shows them).</summary>
    public async Task<ExerciseView> ViewAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await RequireControlAsync(actor, id, "exercise.read", ct);
        return await ViewOfAsync(id, ct);
    }

    /// <summary>Whether the actor is on the control staff of the exercise (false for players and strangers).</summary>
    public async Task<bool> IsControlAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<ExerciseRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == id, ct) is not { } row)
        {
            return false;
        }
        var (_, access) = await incidents.AccessAsync(actor, id, ct);
        return access.CanRead && await ControlAsync(actor, row, ct);
    }

    private async Task<ExerciseView> ViewOfAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstAsync(e => e.IncidentId == id, ct);
        var run = RunDocument.Read(row.Run);
        var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
        var injects = run.Injects.OrderBy(i => i.At ?? i.DeliveredAt ?? Duration.MaxValue).ThenBy(i => i.Order).Select(i =>
        {
            var s = scenario.Inject(i.Id);
            return s is null
                ? new InjectView(i.Id, i.DeliveredAt, "Tegenspel", i.AdHoc?.To ?? Addressee.ToFunction(""), null, i.AdHoc?.Method, i.AdHoc?.Text ?? "", null,
                    i.Status, i.DeliveredAt, i.Seq, false, true)
                : new InjectView(i.Id, i.At, s.Title, s.To, s.From, s.Method, s.Message, s.ControlNotes, i.Status, i.DeliveredAt, i.Seq, s.ContingencyOnly, false);
        }).ToList();
        var actions = scenario.ExpectedActions.Select(x =>
        {
            var a = run.Actions.First(s => s.Id == x.Action.Id);
            return new ActionView(a.Id, a.InjectId, x.Action.Text, x.Action.By, a.WithinMinutes, x.Action.Objective, a.Status, a.DueAt, a.MetBySeq, a.MinutesToAction);
        }).ToList();
        var observations = (await db.Set<ExerciseObservationRecord>().AsNoTracking().Where(o => o.IncidentId == id).ToListAsync(ct))
            .OrderBy(o => o.At).Select(o => o.ToObservation()).ToList();
        return new ExerciseView(ClockOf(row, run, control: true), scenario, injects, actions, observations);
    }

    private ExerciseClockView ClockOf(ExerciseRecord row, ExerciseRun run, bool control)
    {
        var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
        return new ExerciseClockView(row.IncidentId, scenario.Title, run.Clock, scenario.ScenarioStart, scenario.DurationMinutes, row.PausedForRealIncident, control);
    }

    /// <summary>The exercise row when the actor may read its incident, and whether they are control staff.</summary>
    private async Task<(ExerciseRecord Row, bool Control)> ReaderAsync(Actor actor, Guid id, string action, CancellationToken ct)
    {
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == id, ct)
            ?? throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.ExerciseUnknown.Raise(("id", id)));
        var (_, access) = await incidents.AccessAsync(actor, id, ct);
        if (!access.CanRead)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.NotParticipant.Raise());
        }
        return (row, await ControlAsync(actor, row, ct));
    }

    private async Task RequireControlAsync(Actor actor, Guid id, string action, CancellationToken ct)
    {
        var (_, control) = await ReaderAsync(actor, id, action, ct);
        if (!control)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), ExercisesHostRefusals.ControlOnly.Raise());
        }
    }

    private async Task<bool> ControlAsync(Actor actor, ExerciseRecord row, CancellationToken ct) =>
        actor.Role == CrisisRole.Coordinator
        || row.CreatedById == actor.UserId
        || await db.Set<ExerciseStaffRecord>().AnyAsync(s => s.IncidentId == row.IncidentId && s.UserId == actor.UserId, ct);

    /// <summary>
    /// One step of the run, claimed by the row's version: read, decide (the domain), store with the audit line and the
    /// change event in one transaction; lost races are read again and decided again. Then the log work is finished.
    /// </summary>
    private async Task<RunChange> OperateAsync(
        Actor actor, Guid id, string action, string detail, Func<ExerciseRun, Scenario, Instant, RunChange> step, CancellationToken ct,
        Action<ExerciseRecord>? alsoChange = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<ExerciseRecord>().FirstAsync(e => e.IncidentId == id, ct);
            var scenario = catalog.Snapshot(row.ScenarioId, row.ScenarioSource);
            var now = clock.GetCurrentInstant();
            var change = await audit.CheckedAsync(actor, action, Target(id), () => step(RunDocument.Read(row.Run), scenario, now));
            Store(row, change.Run);
            alsoChange?.Invoke(row);
            audit.Stage(db, actor, action, Target(id), Detail(detail, change));
            var message = EventTypes.Stage(db, new ExerciseChanged(id, change.Run.State, now), now);
            try
            {
                await db.SaveChangesAsync(ct);
                outbox.Notify([message.Id]);
                await FinishAsync(id, actor, ct);
                scheduler.Wake();
                return change;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another node or request took a step first: decide again on what it stored.
            }
        }
    }

    private static void Store(ExerciseRecord row, ExerciseRun run)
    {
        row.Run = RunDocument.Write(run);
        row.State = run.State;
        row.NextDueAt = run.NextDueAt();
        row.AwaitingWork = run.AwaitingLog.Count > 0 || run.State == ExerciseState.Ended;
        if (run.State != ExerciseState.Paused)
        {
            row.PausedForRealIncident = false;
        }
        row.Version++;
    }

    private static string Detail(string detail, RunChange change) =>
        $"{detail}{(change.Delivered.Count == 0 ? "" : $" delivered={string.Join(",", change.Delivered.Select(d => d.InjectId))}")}"
        + $"{(change.Missed.Count == 0 ? "" : $" missed={string.Join(",", change.Missed)}")}";

    private static string Target(Guid id) => $"exercise/{id}";
}
