using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Audit;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Messaging;
using Crisis.Web.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Incidents;

/// <summary>
/// Everything that can be done with incidents and their logs, with the authorisation rules applied. The HTTP
/// API, the hub and the Blazor pages all go through here, so they cannot disagree about who may do what.
/// </summary>
public sealed class IncidentService(
    CrisisDbContext db,
    LogWriter writer,
    AuditTrail audit,
    OutboxDispatcher outbox,
    IClock clock,
    DateTimeZone zone,
    TeamService teams,
    IncidentAccessCache accessCache,
    Security.CredentialCheck credentials)
{
    /// <summary>The most log entries one read returns (the API's default and largest <c>limit</c>, a hub join, a page).</summary>
    public const int MaxPage = 500;

    public async Task<IncidentInfo> OpenAsync(Actor actor, NewIncident request, CancellationToken ct = default)
    {
        var exercise = request.Exercise;
        if (!IncidentAccess.CanOpen(actor.Role, exercise))
        {
            throw await audit.RefuseAsync(actor, "incident.open", null, exercise
                ? IncidentServiceRefusals.OpenExerciseForbidden.Raise()
                : IncidentServiceRefusals.OpenIncidentForbidden.Raise());
        }
        var title = LogRules.ValidateTitle(request.Title);
        var municipality = LogRules.ValidateMunicipality(request.Municipality);
        var grip = LogRules.ValidateGrip(request.Grip);

        var now = clock.GetCurrentInstant();
        var incident = new IncidentRecord
        {
            Id = Guid.NewGuid(),
            Title = title,
            Exercise = exercise,
            Municipality = municipality,
            Grip = grip,
            Status = IncidentStatus.Open,
            OpenedAt = now,
            OpenedById = actor.UserId,
        };
        db.Incidents.Add(incident);
        if (actor.UserId != Guid.Empty)
        {
            db.Participants.Add(new ParticipantRecord { IncidentId = incident.Id, UserId = actor.UserId, AddedAt = now, AddedById = actor.UserId });
        }
        var info = incident.ToInfo();
        var message = EventTypes.Stage(db, IncidentChanged.From(info), now);
        audit.Stage(db, actor, "incident.open", $"incident/{incident.Id}", $"exercise={exercise} grip={grip}");
        await db.SaveChangesAsync(ct);
        outbox.Notify([message.Id]);
        return info;
    }

    /// <summary>The incidents the actor may read: open ones, exercises only when asked for.</summary>
    public async Task<IReadOnlyList<IncidentInfo>> ListAsync(
        Actor actor, bool includeExercises, bool includeClosed = false, CancellationToken ct = default)
    {
        var query = db.Incidents.AsNoTracking();
        if (!includeClosed)
        {
            query = query.Where(i => i.Status == IncidentStatus.Open);
        }
        if (!includeExercises)
        {
            query = query.Where(i => !i.Exercise);
        }
        if (!actor.IsCoordinator)
        {
            var userId = actor.UserId;
            query = query.Where(i => db.Participants.Any(p => p.IncidentId == i.Id && p.UserId == userId));
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(i => i.OpenedAt).Select(i => i.ToInfo()).ToList();
    }

    public async Task<(IncidentInfo Incident, IncidentAccess Access)> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (incident, access) = await AccessAsync(actor, id, ct);
        if (!access.CanRead)
        {
            throw await audit.RefuseAsync(actor, "incident.read", Target(id), IncidentServiceRefusals.NotParticipant.Raise());
        }
        return (incident, access);
    }

    /// <summary>Entries with a sequence number above <paramref name="afterSeq"/>, in order.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(Actor actor, Guid id, int afterSeq, int limit = MaxPage, CancellationToken ct = default)
    {
        if (afterSeq < 0)
        {
            throw IncidentServiceRefusals.AfterSeqNegative.RaiseFor("afterSeq");
        }
        await GetAsync(actor, id, ct);
        return await ReadEntriesAsync(db, id, afterSeq, int.MaxValue, Math.Clamp(limit, 1, MaxPage), ct);
    }

    /// <summary>
    /// A page of the log after <paramref name="afterSeq"/> (at most <see cref="MaxPage"/> entries, in seq order) and
    /// whether more follow it: the client asks again after the last seq of the page.
    /// </summary>
    public async Task<LogPage> ReadLogPageAsync(Actor actor, Guid id, int afterSeq, int limit = MaxPage, CancellationToken ct = default)
    {
        if (afterSeq < 0)
        {
            throw IncidentServiceRefusals.AfterSeqNegative.RaiseFor("afterSeq");
        }
        await GetAsync(actor, id, ct);
        var size = Math.Clamp(limit, 1, MaxPage);
        var rows = await ReadEntriesAsync(db, id, afterSeq, int.MaxValue, size + 1, ct);
        return new LogPage(rows.Take(size).ToList(), rows.Count > size);
    }

    /// <summary>
    /// The latest entries before <paramref name="beforeSeq"/> (at most <paramref name="limit"/>, in seq order) and
    /// whether older ones exist: how a page shows the end of a long log and loads earlier entries on request.
    /// </summary>
    public async Task<LogPage> ReadLogBeforeAsync(Actor actor, Guid id, int beforeSeq, int limit = MaxPage, CancellationToken ct = default)
    {
        await GetAsync(actor, id, ct);
        var size = Math.Clamp(limit, 1, MaxPage);
        var rows = await db.LogEntries.AsNoTracking()
            .Where(e => e.IncidentId == id && e.Seq < beforeSeq)
            .OrderByDescending(e => e.Seq)
            .Take(size + 1)
            .ToListAsync(ct);
        var page = rows.Take(size).OrderBy(r => r.Seq).Select(r => r.ToEntry()).ToList();
        return new LogPage(page, rows.Count > size);
    }

    internal static async Task<IReadOnlyList<LogEntry>> ReadEntriesAsync(
        CrisisDbContext db, Guid incidentId, int afterSeq, int upToSeq, int limit, CancellationToken ct)
    {
        var rows = await db.LogEntries.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && e.Seq > afterSeq && e.Seq <= upToSeq)
            .OrderBy(e => e.Seq)
            .Take(limit)
            .ToListAsync(ct);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<LogEntry> AppendAsync(Actor actor, Guid id, AppendEntry request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireWriteAsync(actor, id, ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.Append, id, actor) { Append = request }, ct);
        return result.Entry;
    }

    /// <summary>
    /// Appends once per <paramref name="idempotencyKey"/> (see <see cref="IncidentWire.ClientKey"/>; null: every call
    /// writes): a retry answers the entry the first call wrote, <see cref="LogWriteResult.Replayed"/>, and stores nothing.
    /// </summary>
    public async Task<LogWriteResult> AppendOnceAsync(Actor actor, Guid id, AppendEntry request, string? idempotencyKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireAsync(actor, id, a => a.CanWrite, "log.append", IncidentServiceRefusals.ReadOnly, ct);
        return await writer.SubmitAsync(new LogWrite(LogWriteKind.Append, id, actor) { Append = request, IdempotencyKey = idempotencyKey }, ct);
    }

    /// <summary>
    /// Refuses what <see cref="AppendAsync"/> refuses before it looks at the entry (an unknown incident, a reader who
    /// may not write, a closed incident), so that an adapter which cannot read the entry refuses in the same order.
    /// </summary>
    public async Task RefuseAppendBeforeEntryAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var incident = await RequireAsync(actor, id, a => a.CanWrite, "log.append", IncidentServiceRefusals.ReadOnly, ct);
        if (incident.Status == IncidentStatus.Closed)
        {
            throw IncidentRefusals.Closed.Raise();
        }
    }

    /// <summary>Writes an entry as Crisis itself (system notes, exercise injects).</summary>
    internal Task<LogEntry> AppendAsSystemAsync(Guid id, AppendEntry request, CancellationToken ct = default) =>
        AppendOnceAsSystemAsync(id, request, null, ct);

    /// <summary>
    /// Writes an entry as Crisis itself, once per incident and <paramref name="idempotencyKey"/> however often this is
    /// called: a later call (a retry, a redelivery, another node) answers the entry the first one wrote.
    /// </summary>
    internal async Task<LogEntry> AppendOnceAsSystemAsync(Guid id, AppendEntry request, string? idempotencyKey, CancellationToken ct = default)
    {
        var result = await writer.SubmitAsync(
            new LogWrite(LogWriteKind.Append, id, Actor.System()) { Append = request, SystemWriter = true, IdempotencyKey = idempotencyKey }, ct);
        return result.Entry;
    }

    public async Task<IncidentInfo> ChangeGripAsync(Actor actor, Guid id, int level, CancellationToken ct = default)
    {
        LogRules.ValidateGrip(level, "level");
        await RequireAsync(actor, id, a => a.CanManage, "incident.grip", IncidentServiceRefusals.GripForbidden, ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.ChangeGrip, id, actor) { GripLevel = level }, ct);
        return result.Incident;
    }

    public async Task<IncidentInfo> CloseAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await RequireAsync(actor, id, a => a.CanManage, "incident.close", IncidentServiceRefusals.CloseForbidden, ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.Close, id, actor), ct);
        return result.Incident;
    }

    /// <summary>
    /// Adds a participant, optionally in a function (which must be in the catalogue). Adding someone who already
    /// takes part changes nothing, except that a function given now is recorded.
    /// </summary>
    public async Task AddParticipantAsync(Actor actor, Guid id, string? email, string? function = null, CancellationToken ct = default)
    {
        if (TextRules.IsBlank(email))
        {
            throw IncidentServiceRefusals.EmailMissing.RaiseFor("email");
        }
        await RequireAsync(actor, id, a => a.CanManage, "incident.participant.add", IncidentServiceRefusals.AddParticipantForbidden, ct);
        string? functionCode = null;
        if (!TextRules.IsBlank(function))
        {
            functionCode = function.Trim().ToUpperInvariant();
            var code = functionCode;
            if (!await db.Set<Organisation.FunctionRecord>().AnyAsync(f => f.Code == code, ct))
            {
                throw IncidentServiceRefusals.FunctionUnknown.RaiseFor("function", ("function", Texts.Shorten(function.Trim())));
            }
        }
        var normalized = Texts.NormalizeEmail(email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw IncidentServiceRefusals.UserUnknown.Raise(("email", email.Trim()));
        var existing = await db.Participants.FirstOrDefaultAsync(p => p.IncidentId == id && p.UserId == user.Id, ct);
        if (existing is not null)
        {
            if (functionCode is null || existing.Function == functionCode)
            {
                return;
            }
            existing.Function = functionCode;
        }
        else
        {
            db.Participants.Add(new ParticipantRecord
            {
                IncidentId = id, UserId = user.Id, AddedAt = clock.GetCurrentInstant(), AddedById = actor.UserId, Function = functionCode,
            });
        }
        audit.Stage(db, actor, "incident.participant.add", $"incident/{id}", $"user={user.Email} function={functionCode ?? "-"}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends a user's part in an incident: from now on they may not read or write it (unless they are a coordinator). Every
    /// node forgets what it knew of the user's access through the <c>credentials-revoked</c> event of the same transaction.
    /// Removing someone who does not take part changes nothing.
    /// </summary>
    public async Task RemoveParticipantAsync(Actor actor, Guid id, Guid userId, CancellationToken ct = default)
    {
        await RequireAsync(actor, id, a => a.CanManage, "incident.participant.remove", IncidentServiceRefusals.RemoveParticipantForbidden, ct);
        var existing = await db.Participants.FirstOrDefaultAsync(p => p.IncidentId == id && p.UserId == userId, ct);
        if (existing is null)
        {
            return;
        }
        db.Participants.Remove(existing);
        var message = Security.CredentialEvents.Stage(db, userId, null, $"participant removed from incident/{id}", clock.GetCurrentInstant());
        audit.Stage(db, actor, "incident.participant.remove", $"incident/{id}", $"user={userId}");
        await db.SaveChangesAsync(ct);
        credentials.Forget(userId);
        outbox.Notify([message.Id]);
    }

    public async Task<IReadOnlyList<ParticipantInfo>> ListParticipantsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await GetAsync(actor, id, ct);
        var rows = await (from p in db.Participants.AsNoTracking()
                          join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                          where p.IncidentId == id
                          select new { u.Id, u.DisplayName, u.Email, u.Role, p.AddedAt, p.Function }).ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new ParticipantInfo(r.Id, r.DisplayName, r.Email ?? "", RoleOf(r.Role), r.AddedAt, r.Function)).ToList();
    }

    public async Task<Sitrep> SitrepAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (incident, _) = await GetAsync(actor, id, ct);
        var entries = await ReadEntriesAsync(db, id, 0, int.MaxValue, int.MaxValue, ct);
        return Sitrep.Draw(incident, entries, clock.GetCurrentInstant(), zone, await LogTeamsAsync(ct));
    }

    /// <summary>The task teams a log entry can be filed under now, in report order (from the team data).</summary>
    public async Task<LogTeams> LogTeamsAsync(CancellationToken ct = default) =>
        LogTeams.Of(await teams.TaskTeamCodesAsync(ct));

    /// <summary>The actor's rights on an incident; 404 when it does not exist. One query: the incident and the participation.</summary>
    public async Task<(IncidentInfo Incident, IncidentAccess Access)> AccessAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var userId = actor.UserId;
        var asks = actor.Role != CrisisRole.Coordinator;
        var generation = accessCache.Generation;
        var found = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { Incident = i, Participant = asks && db.Participants.Any(p => p.IncidentId == i.Id && p.UserId == userId) })
            .FirstOrDefaultAsync(ct)
            ?? throw IncidentServiceRefusals.IncidentUnknown.Raise(("id", id));
        Remember(id, userId, found.Incident.Exercise, found.Participant, generation);
        return (found.Incident.ToInfo(), IncidentAccess.For(actor.Role, found.Participant, found.Incident.Exercise));
    }

    /// <summary>
    /// The actor's rights on an incident for a write that needs nothing else of it (the append path): from
    /// <see cref="IncidentAccessCache"/> when this node knows the answer, else one query.
    /// </summary>
    private async Task<IncidentAccess> WriteAccessAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var userId = actor.UserId;
        var coordinator = actor.Role == CrisisRole.Coordinator;
        if (accessCache.ExerciseOf(id) is { } exercise && (coordinator || accessCache.IsKnownParticipant(id, userId)))
        {
            return IncidentAccess.For(actor.Role, !coordinator, exercise);
        }
        var generation = accessCache.Generation;
        var found = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Exercise, Participant = !coordinator && db.Participants.Any(p => p.IncidentId == i.Id && p.UserId == userId) })
            .FirstOrDefaultAsync(ct)
            ?? throw IncidentServiceRefusals.IncidentUnknown.Raise(("id", id));
        Remember(id, userId, found.Exercise, found.Participant, generation);
        return IncidentAccess.For(actor.Role, found.Participant, found.Exercise);
    }

    private void Remember(Guid id, Guid userId, bool exercise, bool participant, long generation)
    {
        accessCache.KeepIncident(id, exercise);
        if (participant)
        {
            accessCache.KeepParticipant(id, userId, generation);
        }
    }

    private async Task RequireWriteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var access = await WriteAccessAsync(actor, id, ct);
        if (!access.CanRead)
        {
            throw await audit.RefuseAsync(actor, "log.append", Target(id), IncidentServiceRefusals.NotParticipant.Raise());
        }
        if (!access.CanWrite)
        {
            throw await audit.RefuseAsync(actor, "log.append", Target(id), IncidentServiceRefusals.ReadOnly.Raise());
        }
    }

    private async Task<IncidentInfo> RequireAsync(Actor actor, Guid id, Func<IncidentAccess, bool> allowed, string action, RefusalCode whyNot, CancellationToken ct)
    {
        var (incident, access) = await AccessAsync(actor, id, ct);
        if (!access.CanRead)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), IncidentServiceRefusals.NotParticipant.Raise());
        }
        if (!allowed(access))
        {
            throw await audit.RefuseAsync(actor, action, Target(id), whyNot.Raise());
        }
        return incident;
    }

    private static string Target(Guid id) => $"incident/{id}";

    // A role the database holds that is no longer known reads as the least privilege, as everywhere.
    private static CrisisRole RoleOf(string? wire) => CrisisRoles.TryParse(wire, out var role) ? role : CrisisRole.Viewer;
}
