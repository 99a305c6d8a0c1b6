using Crisis.Domain.Alerting;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Audit;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// Stores what one operation did to an alert, in one transaction: the alert row (at the version it was read, so a
/// concurrent change on another node makes this one fail whole), the recipient projection, the notification of every
/// person a step reached on every channel (the hub's <c>sent</c>; e-mail, Web Push and the webhook <c>pending</c>, with
/// one <see cref="AlertNotificationsDue"/> for the delivery), the answer, the event for the hub, the log lines
/// (<see cref="AlertLogDue"/>) and the audit line. After the commit it writes the log lines at once. Used by the service (raise, answer, cancel, resolve) and the scheduler (escalation steps).
/// </summary>
public sealed class AlertStore(
    CrisisDbContext db, AuditTrail audit, OutboxDispatcher outbox, AlertRosterSource source, AlertChannelStaging channels, AlertLog log, IClock clock)
{
    /// <summary>The hub and the UI: delivered with the step itself. The other channels are in <see cref="ChannelNames"/>.</summary>
    public const string HubChannel = "hub";

    public sealed record Saved(AlertDto Dto, AlertChange Change);

    /// <summary>Reads an alert row for an operation (tracked, with its recipients); null when there is none.</summary>
    public Task<AlertRecord?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<AlertRecord>().Include(a => a.Recipients).FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// Persists <paramref name="change"/>: a new alert when <paramref name="row"/> is null. Throws
    /// <see cref="DbUpdateConcurrencyException"/> when another node changed the alert since it was read.
    /// </summary>
    public async Task<Saved> SaveAsync(
        AlertRecord? row, AlertChange change, Actor actor, string action, string raisedByName, string? closedBy, CancellationToken ct)
    {
        var alert = change.Alert;
        var raised = row is null;
        // Reads first: on SQLite a transaction that reads before it writes can be refused outright by a concurrent writer.
        var people = alert.Recipients.Select(r => r.PersonId)
            .Concat(alert.Skips.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value)).Append(alert.RaisedBy);
        var names = await source.DirectoryAsync(people, ct);
        var earlier = raised ? [] : await db.Set<AlertNotificationRecord>().AsNoTracking().Where(n => n.AlertId == alert.Id).ToListAsync(ct);
        var plan = await channels.PlanAsync(change.Fired.SelectMany(f => f.Notified.Select(n => n.PersonId)).Distinct().ToList(), ct);
        var joining = await JoiningAsync(change, names, ct);
        if (row is null)
        {
            row = new AlertRecord
            {
                Id = alert.Id, IncidentId = alert.IncidentId, Exercise = alert.Exercise, Test = alert.Test, Message = alert.Message,
                RaisedBy = alert.RaisedBy, RaisedByName = raisedByName, RaisedAt = alert.RaisedAt, State = "",
            };
            db.Add(row);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!raised)
        {
            await ClaimAsync(row, ct);
        }
        row.Status = alert.Status;
        row.NextDueAt = alert.NextDueAt;
        row.ClosedAt = alert.ClosedAt;
        row.State = AlertState.Write(alert);
        Project(row, alert);

        var now = clock.GetCurrentInstant();
        var fresh = change.Fired
            .SelectMany(f => f.Notified.Select(n => new AlertNotificationRecord
            {
                Id = Guid.NewGuid(), AlertId = alert.Id, PersonId = n.PersonId, Round = f.Round, Step = f.Step, At = f.At,
                Channel = HubChannel, Status = ChannelStatus.Sent,
            }))
            .ToList();
        db.AddRange(fresh);
        var external = plan.Stage(fresh);
        db.AddRange(external);
        if (change.Response is { } answer)
        {
            db.Add(new AlertAnswerRecord
            {
                Id = Guid.NewGuid(), AlertId = alert.Id, PersonId = answer.PersonId, Response = answer.Response,
                EtaMinutes = answer.EtaMinutes, Note = answer.Note, At = answer.At,
            });
        }

        var dto = AlertDto.From(alert, row.RaisedByName, names, [.. earlier, .. fresh, .. external]);

        var newlyReached = fresh.Select(n => n.PersonId).Distinct().ToList();
        var everyone = alert.Recipients.Select(r => r.PersonId).SelectMany(names.UserIdsOf).Distinct().ToList();
        var messages = new List<OutboxMessage>();
        if (raised)
        {
            messages.Add(EventTypes.Stage(db, new AlertRaised(dto, everyone, Broadcast: true), now));
        }
        else
        {
            if (newlyReached.Count > 0)
            {
                // Whoever a later step reaches gets the alert as new; everybody else sees it change.
                messages.Add(EventTypes.Stage(db, new AlertRaised(dto, newlyReached.SelectMany(names.UserIdsOf).Distinct().ToList(), Broadcast: false), now));
            }
            var others = everyone.Except(newlyReached.SelectMany(names.UserIdsOf)).ToList();
            messages.Add(EventTypes.Stage(db, new AlertChanged(dto, others), now));
        }
        if (external.Count > 0)
        {
            messages.Add(EventTypes.Stage(db, new AlertNotificationsDue(alert.Id, external.Select(n => n.Id).ToList()), now));
        }
        var lines = log.Plan(change, row.Version, raised, row.RaisedByName, names, closedBy);
        if (lines is not null)
        {
            messages.Add(EventTypes.Stage(db, lines, now));
        }
        audit.Stage(db, actor, action, $"alert/{alert.Id}", Describe(change));
        await db.SaveChangesAsync(ct);
        await JoinAsync(transaction, joining, actor, now, ct);
        await transaction.CommitAsync(ct);
        outbox.Notify(messages.Select(m => m.Id));
        await log.WriteAsync(lines, ct);
        return new Saved(dto, change);
    }

    /// <summary>
    /// Claims the alert before anything else is written: moves its version on, only if it is still the version that
    /// was read. The first statement of the transaction, so a node that lost the race learns it before it writes a
    /// recipient or a notification (and on PostgreSQL waits on the row lock until the winner commits).
    /// </summary>
    private async Task ClaimAsync(AlertRecord row, CancellationToken ct)
    {
        var read = row.Version;
        var claimed = await db.Set<AlertRecord>().Where(a => a.Id == row.Id && a.Version == read)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Version, read + 1), ct);
        if (claimed == 0)
        {
            throw new DbUpdateConcurrencyException($"Alert {row.Id} changed since version {read} was read.");
        }
        var version = db.Entry(row).Property(a => a.Version);
        version.CurrentValue = read + 1;
        version.OriginalValue = read + 1;
        version.IsModified = false;
    }

    /// <summary>The alert as the API shows it, from a stored row.</summary>
    public async Task<AlertDto> RenderAsync(AlertRecord row, CancellationToken ct)
    {
        var alert = AlertState.Read(row);
        var people = alert.Recipients.Select(r => r.PersonId)
            .Concat(alert.Skips.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value)).Append(alert.RaisedBy);
        var names = await source.DirectoryAsync(people, ct);
        var notifications = await db.Set<AlertNotificationRecord>().AsNoTracking().Where(n => n.AlertId == row.Id).ToListAsync(ct);
        return AlertDto.From(alert, row.RaisedByName, names, notifications);
    }

    /// <summary>
    /// Who this change makes a participant of the alert's incident: every user a step reached now (so they can read
    /// the incident they are called to), and, for an answer "coming", the function they come in (the evidence the
    /// paspoort drafts from at closing). Read before the transaction, with the participant rows that exist.
    /// </summary>
    private async Task<Joining?> JoiningAsync(AlertChange change, OfficialDirectory names, CancellationToken ct)
    {
        if (change.Alert.IncidentId is not { } incidentId)
        {
            return null;
        }
        var reached = change.Fired.SelectMany(f => f.Notified.Select(n => n.PersonId)).SelectMany(names.UserIdsOf).ToHashSet();
        var coming = change.Response is { Response: AlertResponse.Coming } answer
            ? names.UserIdsOf(answer.PersonId).ToDictionary(u => u, _ => answer.Function)
            : [];
        var users = reached.Concat(coming.Keys).Distinct().ToList();
        if (users.Count == 0)
        {
            return null;
        }
        var existing = await db.Participants.Where(p => p.IncidentId == incidentId && users.Contains(p.UserId)).ToListAsync(ct);
        return new Joining(incidentId, users, coming, existing);
    }

    private sealed record Joining(Guid IncidentId, IReadOnlyList<Guid> Users, IReadOnlyDictionary<Guid, string?> Coming, IReadOnlyList<ParticipantRecord> Existing);

    /// <summary>
    /// Adds the participants of <paramref name="joining"/> inside the alert's transaction, behind a savepoint: a user
    /// another request made a participant meanwhile is no reason to refuse the alert, so that case rolls back to the
    /// savepoint and leaves the participant as the other request made it.
    /// </summary>
    private async Task JoinAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Joining? joining, Actor actor, Instant now, CancellationToken ct)
    {
        if (joining is null)
        {
            return;
        }
        var changed = new List<ParticipantRecord>();
        foreach (var user in joining.Users)
        {
            var function = joining.Coming.GetValueOrDefault(user);
            if (joining.Existing.FirstOrDefault(p => p.UserId == user) is { } participant)
            {
                if (function is not null && participant.Function is null)
                {
                    participant.Function = function;
                    changed.Add(participant);
                }
                continue;
            }
            var added = new ParticipantRecord { IncidentId = joining.IncidentId, UserId = user, AddedAt = now, AddedById = actor.UserId, Function = function };
            db.Participants.Add(added);
            changed.Add(added);
        }
        if (changed.Count == 0)
        {
            return;
        }
        await transaction.CreateSavepointAsync(JoinSavepoint, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            await transaction.RollbackToSavepointAsync(JoinSavepoint, ct);
            foreach (var p in changed)
            {
                db.Entry(p).State = EntityState.Detached;
            }
        }
    }

    private const string JoinSavepoint = "alert_participants";

    private static void Project(AlertRecord row, Alert alert)
    {
        foreach (var r in alert.Recipients)
        {
            var record = row.Recipients.FirstOrDefault(x => x.PersonId == r.PersonId);
            if (record is null)
            {
                record = new AlertRecipientRecord { AlertId = alert.Id, PersonId = r.PersonId };
                row.Recipients.Add(record);
            }
            record.Function = r.Function;
            record.Step = r.Step;
            record.Reason = r.Reason;
            record.NotifiedAt = r.NotifiedAt;
            record.Response = r.Response;
            record.RespondedAt = r.RespondedAt;
            record.EtaMinutes = r.EtaMinutes;
            record.ExpectedAt = r.ExpectedAt;
        }
    }

    private static string Describe(AlertChange change)
    {
        var fired = string.Join("; ", change.Fired.Select(f =>
            $"target {f.Target + 1} round {f.Round} step {f.Step}: {f.Notified.Count} notified, {f.Skipped.Count} skipped"));
        var answer = change.Response is { } a ? $" answer {a.PersonId}={a.Response.ToWire()}" : "";
        return $"status {change.Before.ToWire()}->{change.Alert.Status.ToWire()}{answer} {fired}".Trim();
    }
}
