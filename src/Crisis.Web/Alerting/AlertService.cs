using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// Raising, answering, cancelling and resolving alerts, and the escalation steps the scheduler fires. The rules are
/// the domain's <see cref="Alert"/>; this class checks access, fills the roster view, and hands the change to
/// <see cref="AlertStore"/>. Speaks the domain: targets, responses and instants, never wire strings.
/// </summary>
public sealed class AlertService(
    CrisisDbContext db, AuditTrail audit, AlertStore store, AlertRosterSource source, AlertScheduler scheduler, IClock clock)
{
    /// <summary>How often an operation that lost a race with another node (or the scheduler) is tried again.</summary>
    private const int Attempts = 4;

    public const string TestMessage = "Proefalarm: antwoord met 'Ik kom' of 'Ik kan niet', zo snel als je kunt.";

    /// <summary>
    /// Raises an alert. Officers and coordinators raise; exercise leads only for exercise incidents; on an incident,
    /// officers and exercise leads must take part in it. In an exercise the alert reaches participants only and its
    /// message starts with OEFENING.
    /// </summary>
    public Task<AlertDto> RaiseAsync(
        Actor actor, Guid? incidentId, IReadOnlyList<AlertTarget> targets, string? message, int? required, CancellationToken ct = default) =>
        RaiseAtAsync(actor, incidentId, targets, message, required, clock.GetCurrentInstant(), ct);

    /// <summary>
    /// For the demo region only: an alert raised <paramref name="ago"/> before now, with the steps that fell due since
    /// fired at once, so that the opkomst board shows an escalation that has happened. Same checks as any raise.
    /// </summary>
    internal async Task<AlertDto> RaiseEarlierAsync(
        Actor actor, Guid incidentId, IReadOnlyList<AlertTarget> targets, string message, Duration ago, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var raised = await RaiseAtAsync(actor, incidentId, targets, message, null, now - ago, ct);
        await AdvanceDueAsync(raised.Id, now, ct);
        return raised;
    }

    private async Task<AlertDto> RaiseAtAsync(
        Actor actor, Guid? incidentId, IReadOnlyList<AlertTarget> targets, string? message, int? required, Instant raisedAt, CancellationToken ct)
    {
        const string action = "alert.raise";
        var target = incidentId is { } i ? $"incident/{i}" : null;
        if (actor.Role is not (CrisisRole.Coordinator or CrisisRole.Officer or CrisisRole.ExerciseLead))
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.RaiseNotAllowed.Raise());
        }
        var exercise = false;
        IReadOnlySet<Guid>? participants = null;
        if (incidentId is { } id)
        {
            var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.IncidentUnknown.Raise(("incidentId", id)));
            exercise = incident.Exercise;
            if (!actor.IsCoordinator)
            {
                if (actor.Role == CrisisRole.ExerciseLead && !exercise)
                {
                    throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.ExerciseLeadRealIncident.Raise());
                }
                if (!await db.Participants.AnyAsync(p => p.IncidentId == id && p.UserId == actor.UserId, ct))
                {
                    throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.NotParticipant.Raise());
                }
            }
            if (incident.Status == IncidentStatus.Closed)
            {
                throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.IncidentClosed.Raise());
            }
            if (exercise)
            {
                participants = await source.ParticipantsAsync(id, ct);
            }
        }
        else if (actor.Role == CrisisRole.ExerciseLead)
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.ExerciseLeadRealIncident.Raise());
        }
        var text = Texts.TrimToNull(message);
        if (exercise && !string.IsNullOrEmpty(text) && !text.StartsWith("OEFENING", StringComparison.OrdinalIgnoreCase))
        {
            text = AlertLogLines.ExercisePrefix + text;
        }
        return await RaiseCheckedAsync(actor, action, target,
            new AlertDraft(Guid.NewGuid(), incidentId, exercise, false, text, await source.OfficialOfAsync(actor, ct),
                raisedAt, targets, required, participants), null, ct);
    }

    /// <summary>A proefalarm to one person (coordinators): outside any incident, <c>test: true</c>.</summary>
    public async Task<AlertDto> TestAsync(Actor actor, Guid personId, string? message, CancellationToken ct = default)
    {
        const string action = "alert.test";
        var target = $"person/{personId}";
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.CoordinatorsOnly.Raise());
        }
        if (!await source.IsPersonAsync(personId, ct))
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingRefusals.UnknownPerson.RaiseFor("personId", ("personId", personId)));
        }
        return await TestOneAsync(actor, action, personId, message, null, ct);
    }

    /// <summary>
    /// A proefalarm to the whole pool of <paramref name="function"/> (coordinators): every person holding it gets a
    /// proefalarm of their own, so each answer and its delay count for that person alone. Each alert is stored as it
    /// is raised; the list comes back once all are.
    /// </summary>
    public async Task<IReadOnlyList<AlertDto>> TestPoolAsync(Actor actor, string function, string? message, CancellationToken ct = default)
    {
        const string action = "alert.test";
        var code = function.Trim().ToUpperInvariant();
        var target = $"function/{Texts.Shorten(code)}";
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.CoordinatorsOnly.Raise());
        }
        if (!await source.IsFunctionAsync(code, ct))
        {
            throw await audit.RefuseAsync(actor, action, target,
                AlertingRefusals.UnknownFunction.RaiseFor("function", ("function", Texts.Shorten(function.Trim()))));
        }
        var pool = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(pf => pf.FunctionCode == code)
            .Select(pf => pf.PersonId).Distinct().ToListAsync(ct);
        if (pool.Count == 0)
        {
            throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.TestPoolEmpty.Raise(("function", code)));
        }
        // A person target needs no function's roster: one view of the people serves the whole pool.
        var now = clock.GetCurrentInstant();
        var roster = await source.LoadAsync(now, now, [], ct);
        var alerts = new List<AlertDto>(pool.Count);
        foreach (var personId in pool.Order())
        {
            alerts.Add(await TestOneAsync(actor, action, personId, message, roster, ct));
        }
        return alerts;
    }

    private async Task<AlertDto> TestOneAsync(
        Actor actor, string action, Guid personId, string? message, IAlertRoster? roster, CancellationToken ct) =>
        await RaiseCheckedAsync(actor, action, $"person/{personId}",
            new AlertDraft(Guid.NewGuid(), null, false, true, Texts.TrimToNull(message) ?? TestMessage, await source.OfficialOfAsync(actor, ct),
                clock.GetCurrentInstant(), [new PersonTarget(personId)]), roster, ct);

    private async Task<AlertDto> RaiseCheckedAsync(
        Actor actor, string action, string? target, AlertDraft draft, IAlertRoster? roster, CancellationToken ct)
    {
        roster ??= await source.LoadAsync(draft.RaisedAt, draft.RaisedAt, null, ct);
        var change = await audit.CheckedAsync(actor, action, target, () => Alert.Raise(draft, roster));
        var saved = await store.SaveAsync(null, change, actor, action, actor.Name, null, ct);
        scheduler.Wake();
        return saved.Dto;
    }

    /// <summary>Records the actor's answer; only a person the alert reached may answer, and not once it is cancelled or resolved.</summary>
    public Task<AlertDto> RespondAsync(Actor actor, Guid alertId, AlertResponse response, int? etaMinutes, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, alertId, "alert.respond", async (alert, now, roster) =>
            alert.Respond(await source.OfficialOfAsync(actor, ct), response, etaMinutes, note, now, roster), null, ct);

    public Task<AlertDto> CancelAsync(Actor actor, Guid alertId, CancellationToken ct = default) =>
        ChangeAsync(actor, alertId, "alert.cancel", (alert, now, roster) => Task.FromResult(alert.Cancel(now, roster)), actor.Name, ct);

    public Task<AlertDto> ResolveAsync(Actor actor, Guid alertId, CancellationToken ct = default) =>
        ChangeAsync(actor, alertId, "alert.resolve", (alert, now, roster) => Task.FromResult(alert.Resolve(now, roster)), actor.Name, ct);

    private async Task<AlertDto> ChangeAsync(
        Actor actor, Guid alertId, string action, Func<Alert, Instant, IAlertRoster, Task<AlertChange>> operation, string? closedBy, CancellationToken ct)
    {
        var target = $"alert/{alertId}";
        for (var attempt = 1; ; attempt++)
        {
            var row = await store.FindAsync(alertId, ct)
                ?? throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.AlertUnknown.Raise(("alertId", alertId)));
            if (closedBy is not null && !await MayCloseAsync(actor, row, ct))
            {
                throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.CloseNotAllowed.Raise());
            }
            var alert = AlertState.Read(row);
            var now = clock.GetCurrentInstant();
            var roster = await source.LoadAsync(alert.AdvancedTo, now, FunctionsOf(alert), ct);
            var change = await audit.CheckedAsync(actor, action, target, () => operation(alert, now, roster));
            try
            {
                var saved = await store.SaveAsync(row, change, actor, action, row.RaisedByName, closedBy, ct);
                scheduler.Wake();
                return saved.Dto;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another node (or the scheduler) changed the alert since it was read: do it again on the new state.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw await audit.RefuseAsync(actor, action, target, AlertingHostRefusals.Busy.Raise());
            }
        }
    }

    /// <summary>
    /// Fires the steps of alert <paramref name="alertId"/> due at <paramref name="now"/> (the scheduler). False when
    /// nothing was due any more or another node got there first.
    /// </summary>
    internal async Task<bool> AdvanceDueAsync(Guid alertId, Instant now, CancellationToken ct)
    {
        var row = await store.FindAsync(alertId, ct);
        if (row is null || row.NextDueAt is not { } due || due > now)
        {
            return false;
        }
        var alert = AlertState.Read(row);
        var change = alert.Advance(now, await source.LoadAsync(alert.AdvancedTo, now, FunctionsOf(alert), ct));
        try
        {
            await store.SaveAsync(row, change, Actor.System("alerting"), "alert.escalate", row.RaisedByName, null, ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static HashSet<string> FunctionsOf(Alert alert) =>
        alert.Targets.Where(t => t.Function is not null).Select(t => t.Function!).ToHashSet();

    /// <summary>Whoever raised it, coordinators, and the officers (exercise leads, for exercises) who manage its incident.</summary>
    private async Task<bool> MayCloseAsync(Actor actor, AlertRecord row, CancellationToken ct)
    {
        if (actor.IsCoordinator || row.RaisedBy == await source.OfficialOfAsync(actor, ct) || row.RaisedBy == actor.UserId)
        {
            return true;
        }
        if (row.IncidentId is not { } incidentId || actor.Role is not (CrisisRole.Officer or CrisisRole.ExerciseLead))
        {
            return false;
        }
        var participant = await db.Participants.AnyAsync(p => p.IncidentId == incidentId && p.UserId == actor.UserId, ct);
        return IncidentAccess.For(actor.Role, participant, row.Exercise).CanManage;
    }
}
