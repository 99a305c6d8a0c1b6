using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Messaging;
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
    DateTimeZone zone)
{
    public const int MaxPage = 1000;

    public async Task<IncidentInfo> OpenAsync(Actor actor, CreateIncidentRequest request, CancellationToken ct = default)
    {
        var exercise = request.Exercise ?? false;
        if (!IncidentAccess.CanOpen(actor.Role, exercise))
        {
            await DenyAsync(actor, "incident.open", null, exercise
                ? "Only coordinators, officers and exercise leads can open an exercise."
                : "Only coordinators and officers can open an incident.");
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
        var message = EventTypes.Stage(db, new IncidentChanged(IncidentDto.From(info)), now);
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
            await DenyAsync(actor, "incident.read", id, "You do not take part in this incident.");
        }
        return (incident, access);
    }

    /// <summary>Entries with a sequence number above <paramref name="afterSeq"/>, in order.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(Actor actor, Guid id, int afterSeq, int limit = MaxPage, CancellationToken ct = default)
    {
        if (afterSeq < 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "afterSeq cannot be negative; use 0 to read from the start.", "afterSeq");
        }
        await GetAsync(actor, id, ct);
        return await ReadEntriesAsync(db, id, afterSeq, int.MaxValue, Math.Clamp(limit, 1, 100_000), ct);
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

    public async Task<LogEntry> AppendAsync(Actor actor, Guid id, AppendLogRequest? request, CancellationToken ct = default)
    {
        if (request is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Send the entry as JSON: {\"kind\": \"info\", \"text\": \"…\"}.");
        }
        await RequireAsync(actor, id, a => a.CanWrite, "log.append",
            "You may read this incident but not write in its log.", ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.Append, id, actor) { Append = request }, ct);
        return result.Entry;
    }

    /// <summary>Writes an entry as Crisis itself (system notes, exercise injects).</summary>
    internal async Task<LogEntry> AppendAsSystemAsync(Guid id, AppendLogRequest request, CancellationToken ct = default)
    {
        var result = await writer.SubmitAsync(
            new LogWrite(LogWriteKind.Append, id, Actor.System()) { Append = request, SystemWriter = true }, ct);
        return result.Entry;
    }

    public async Task<IncidentInfo> ChangeGripAsync(Actor actor, Guid id, int? level, CancellationToken ct = default)
    {
        if (level is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give the new GRIP level as {\"level\": 0..5}.", "level");
        }
        if (!GripLevel.IsValid(level.Value))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"GRIP level {level} does not exist; use {GripLevel.Min} (no GRIP) to {GripLevel.Max}.", "level");
        }
        await RequireAsync(actor, id, a => a.CanManage, "incident.grip",
            "Only coordinators and the officers taking part can change the GRIP level.", ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.ChangeGrip, id, actor) { GripLevel = level.Value }, ct);
        return result.Incident;
    }

    public async Task<IncidentInfo> CloseAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await RequireAsync(actor, id, a => a.CanManage, "incident.close",
            "Only coordinators and the officers taking part can close an incident.", ct);
        var result = await writer.SubmitAsync(new LogWrite(LogWriteKind.Close, id, actor), ct);
        return result.Incident;
    }

    /// <summary>
    /// Adds a participant, optionally in a function (which must be in the catalogue). Adding someone who already
    /// takes part changes nothing, except that a function given now is recorded.
    /// </summary>
    public async Task AddParticipantAsync(Actor actor, Guid id, string? email, string? function = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give the email address of the person to add.", "email");
        }
        await RequireAsync(actor, id, a => a.CanManage, "incident.participant.add",
            "Only coordinators and the officers taking part can add participants.", ct);
        string? functionCode = null;
        if (!string.IsNullOrWhiteSpace(function))
        {
            functionCode = function.Trim().ToUpperInvariant();
            var code = functionCode;
            if (!await db.Set<Organisation.FunctionRecord>().AnyAsync(f => f.Code == code, ct))
            {
                throw LegacyRefusals.Of(ViolationKind.Invalid, $"'{function.Trim()}' is not a function in the catalogue.", "function");
            }
        }
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no user with email {email.Trim()}.");
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

    public async Task<IReadOnlyList<ParticipantDto>> ListParticipantsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await GetAsync(actor, id, ct);
        var rows = await (from p in db.Participants.AsNoTracking()
                          join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                          where p.IncidentId == id
                          select new { u.Id, u.DisplayName, u.Email, u.Role, p.AddedAt, p.Function }).ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new ParticipantDto(r.Id, r.DisplayName, r.Email ?? "", r.Role, r.AddedAt, r.Function)).ToList();
    }

    public async Task<Sitrep> SitrepAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (incident, _) = await GetAsync(actor, id, ct);
        var entries = await ReadEntriesAsync(db, id, 0, int.MaxValue, int.MaxValue, ct);
        return Sitrep.Draw(incident, entries, clock.GetCurrentInstant(), zone);
    }

    /// <summary>The actor's rights on an incident; 404 when it does not exist.</summary>
    public async Task<(IncidentInfo Incident, IncidentAccess Access)> AccessAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no incident {id}.");
        var participant = actor.Role != CrisisRole.Coordinator
            && await db.Participants.AnyAsync(p => p.IncidentId == id && p.UserId == actor.UserId, ct);
        return (incident.ToInfo(), IncidentAccess.For(actor.Role, participant, incident.Exercise));
    }

    private async Task RequireAsync(Actor actor, Guid id, Func<IncidentAccess, bool> allowed, string action, string whyNot, CancellationToken ct)
    {
        var (_, access) = await AccessAsync(actor, id, ct);
        if (!access.CanRead)
        {
            await DenyAsync(actor, action, id, "You do not take part in this incident.");
        }
        if (!allowed(access))
        {
            await DenyAsync(actor, action, id, whyNot);
        }
    }

    private async Task DenyAsync(Actor actor, string action, Guid? id, string message)
    {
        throw await audit.DenyAsync(actor, action, id is null ? null : $"incident/{id}", message);
    }
}
