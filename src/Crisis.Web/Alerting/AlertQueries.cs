using System.Text.RegularExpressions;
using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// Reading alerts (who may see which), the escalation policy per function, and people's contact details with their
/// last proefalarm. Speaks the domain; the endpoints parse and render.
/// </summary>
public sealed partial class AlertQueries(CrisisDbContext db, AuditTrail audit, AlertStore store, AlertRosterSource source, IClock clock)
{
    public const int MaxList = 500;
    public const int MaxPhoneLength = 32;

    /// <summary>
    /// Alerts the actor may see, newest first: all for coordinators; otherwise those they raised or received and those
    /// of incidents they take part in. Exercise alerts only when asked for (they never mix with live lists).
    /// </summary>
    public async Task<IReadOnlyList<AlertDto>> ListAsync(Actor actor, bool openOnly, bool includeExercises, CancellationToken ct = default)
    {
        var query = db.Set<AlertRecord>().AsNoTracking();
        if (openOnly)
        {
            query = query.Where(a => a.Status != AlertStatus.Cancelled && a.Status != AlertStatus.Resolved);
        }
        if (!includeExercises)
        {
            query = query.Where(a => !a.Exercise);
        }
        if (!actor.IsCoordinator)
        {
            query = TakingPart(query, await source.OfficialOfAsync(actor, ct), actor.UserId);
        }
        return await RenderAsync(await query.OrderByDescending(a => a.RaisedAt).Take(MaxList).ToListAsync(ct), ct);
    }

    /// <summary>The alerts an official raised or received, or of incidents the user takes part in.</summary>
    private IQueryable<AlertRecord> TakingPart(IQueryable<AlertRecord> query, Guid official, Guid user) =>
        query.Where(a => a.RaisedBy == official || a.Recipients.Any(r => r.PersonId == official)
            || (a.IncidentId != null && db.Participants.Any(p => p.IncidentId == a.IncidentId && p.UserId == user)));

    private async Task<IReadOnlyList<AlertDto>> RenderAsync(List<AlertRecord> rows, CancellationToken ct)
    {
        var result = new List<AlertDto>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(await store.RenderAsync(row, ct));
        }
        return result;
    }

    /// <summary>The official the actor is (their person, else their user id): how pages find the actor among recipients.</summary>
    public Task<Guid> OfficialOfAsync(Actor actor, CancellationToken ct = default) => source.OfficialOfAsync(actor, ct);

    /// <summary>How long an alert nobody closed stays in the alert bar of the people it reached.</summary>
    public static readonly Duration BarHorizon = Duration.FromHours(24);

    /// <summary>
    /// The alerts of the last <see cref="BarHorizon"/> that reached the actor and are not cancelled or resolved
    /// (exercise alerts included: reaching them means they take part), oldest first, with the titles of their
    /// incidents: what the alert bar shows.
    /// </summary>
    public async Task<AlertsWithIncidents> MineAsync(Actor actor, CancellationToken ct = default)
    {
        var official = await source.OfficialOfAsync(actor, ct);
        var since = clock.GetCurrentInstant() - BarHorizon;
        var rows = await db.Set<AlertRecord>().AsNoTracking()
            .Where(a => a.Status != AlertStatus.Cancelled && a.Status != AlertStatus.Resolved && a.RaisedAt > since
                && a.Recipients.Any(r => r.PersonId == official))
            .OrderBy(a => a.RaisedAt).Take(MaxList).ToListAsync(ct);
        var alerts = await RenderAsync(rows, ct);
        return new AlertsWithIncidents(official, alerts, [], await IncidentTitlesAsync(alerts, ct));
    }

    /// <summary>
    /// The open alerts (not cancelled or resolved) the actor may see, newest first, for the overview: the live ones
    /// (no exercises, no proefalarmen), and apart from them the exercise alerts of exercises the actor takes part in,
    /// whatever their role, so exercise data never reaches a live view of someone outside the exercise.
    /// </summary>
    public async Task<AlertsWithIncidents> OverviewAsync(Actor actor, CancellationToken ct = default)
    {
        var official = await source.OfficialOfAsync(actor, ct);
        var open = db.Set<AlertRecord>().AsNoTracking().Where(a => a.Status != AlertStatus.Cancelled && a.Status != AlertStatus.Resolved);
        var live = open.Where(a => !a.Exercise && !a.Test);
        if (!actor.IsCoordinator)
        {
            live = TakingPart(live, official, actor.UserId);
        }
        var exercises = TakingPart(open.Where(a => a.Exercise), official, actor.UserId);
        var liveAlerts = await RenderAsync(await live.OrderByDescending(a => a.RaisedAt).Take(MaxList).ToListAsync(ct), ct);
        var exerciseAlerts = await RenderAsync(await exercises.OrderByDescending(a => a.RaisedAt).Take(MaxList).ToListAsync(ct), ct);
        return new AlertsWithIncidents(official, liveAlerts, exerciseAlerts, await IncidentTitlesAsync([.. liveAlerts, .. exerciseAlerts], ct));
    }

    /// <summary>The open proefalarmen, newest first (coordinators).</summary>
    public async Task<IReadOnlyList<AlertDto>> OpenTestsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, "alert.read", "alerts/test", AlertingHostRefusals.CoordinatorsOnly.Raise());
        }
        var rows = await db.Set<AlertRecord>().AsNoTracking()
            .Where(a => a.Test && a.Status != AlertStatus.Cancelled && a.Status != AlertStatus.Resolved)
            .OrderByDescending(a => a.RaisedAt).Take(MaxList).ToListAsync(ct);
        return await RenderAsync(rows, ct);
    }

    /// <summary>The titles of the incidents of alerts the caller was allowed to read.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> IncidentTitlesAsync(IEnumerable<AlertDto> alerts, CancellationToken ct)
    {
        var ids = alerts.Where(a => a.IncidentId is not null).Select(a => a.IncidentId!.Value).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
    }

    public async Task<AlertDto> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var row = await db.Set<AlertRecord>().AsNoTracking().Include(a => a.Recipients).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw AlertingHostRefusals.AlertUnknown.Raise(("alertId", id));
        if (!actor.IsCoordinator)
        {
            var official = await source.OfficialOfAsync(actor, ct);
            var sees = row.RaisedBy == official || row.Recipients.Any(r => r.PersonId == official)
                || (row.IncidentId is { } incident && await db.Participants.AnyAsync(p => p.IncidentId == incident && p.UserId == actor.UserId, ct));
            if (!sees)
            {
                throw await audit.RefuseAsync(actor, "alert.read", $"alert/{id}", AlertingHostRefusals.NoAccess.Raise());
            }
        }
        return await store.RenderAsync(row, ct);
    }

    /// <summary>Every alert of an incident, oldest first, for whoever may read the incident.</summary>
    public async Task<IReadOnlyList<AlertDto>> OfIncidentAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (!await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, ct))
        {
            throw AlertingHostRefusals.IncidentUnknown.Raise(("incidentId", incidentId));
        }
        if (!actor.IsCoordinator && !await db.Participants.AnyAsync(p => p.IncidentId == incidentId && p.UserId == actor.UserId, ct))
        {
            throw await audit.RefuseAsync(actor, "alert.read", $"incident/{incidentId}", AlertingHostRefusals.NotParticipant.Raise());
        }
        return await RenderAsync(
            await db.Set<AlertRecord>().AsNoTracking().Where(a => a.IncidentId == incidentId).OrderBy(a => a.RaisedAt).ToListAsync(ct), ct);
    }

    // ---- Escalation policy ----------------------------------------------------------------------------------

    /// <summary>The function's policy, or the default (<c>IsDefault</c>) when a coordinator never set one.</summary>
    public async Task<(string Function, EscalationPolicy Policy, bool IsDefault)> PolicyAsync(string function, CancellationToken ct = default)
    {
        var code = await RequireFunctionAsync(function, ct);
        var policy = await source.PolicyAsync(code, ct);
        return (code, policy ?? EscalationPolicy.Default, policy is null);
    }

    /// <summary>Sets the function's policy (coordinators). Alerts already running keep the policy they started with.</summary>
    public async Task<(string Function, EscalationPolicy Policy, bool IsDefault)> SetPolicyAsync(
        Actor actor, string function, IReadOnlyList<EscalationStep>? steps, int? repeat, CancellationToken ct = default)
    {
        const string action = "alert.policy";
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, $"function/{Texts.Shorten(function)}", AlertingHostRefusals.CoordinatorsOnly.Raise());
        }
        var code = await RequireFunctionAsync(function, ct);
        var policy = await audit.CheckedAsync(actor, action, $"function/{code}", () => EscalationPolicy.Create(steps, repeat));
        var row = await db.Set<EscalationPolicyRecord>().FirstOrDefaultAsync(p => p.Function == code, ct);
        if (row is null)
        {
            row = new EscalationPolicyRecord { Function = code, Steps = "" };
            db.Add(row);
        }
        row.Steps = AlertPolicyJson.Write(policy.Steps);
        row.Repeat = policy.Repeat;
        row.ChangedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, action, $"function/{code}", $"{row.Steps} repeat={policy.Repeat}");
        await db.SaveChangesAsync(ct);
        return (code, policy, false);
    }

    private async Task<string> RequireFunctionAsync(string function, CancellationToken ct)
    {
        var code = function.Trim().ToUpperInvariant();
        return await source.IsFunctionAsync(code, ct) ? code
            : throw AlertingHostRefusals.FunctionUnknown.Raise(("function", Texts.Shorten(function.Trim())));
    }

    // ---- Contact and reachability ----------------------------------------------------------------------------

    public async Task<ContactDto> ContactAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await RequireContactAccessAsync(actor, personId, "person.contact.read", ct);
        var contact = await db.Set<PersonContactRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        return new ContactDto(personId, contact?.Email ?? person.Email, contact?.Phone, await LastTestAsync(personId, ct));
    }

    /// <summary>Replaces the contact details (the person themselves, or coordinators); no e-mail means the person's own.</summary>
    public async Task<ContactDto> SetContactAsync(Actor actor, Guid personId, string? email, string? phone, CancellationToken ct = default)
    {
        const string action = "person.contact.change";
        var person = await RequireContactAccessAsync(actor, personId, action, ct);
        var mail = Texts.TrimToNull(email);
        var tel = Texts.TrimToNull(phone);
        try
        {
            if (mail is not null && (mail.Length > 256 || !EmailPattern().IsMatch(mail)))
            {
                throw AlertingHostRefusals.EmailInvalid.RaiseFor("email", ("email", Texts.Shorten(mail)));
            }
            if (tel is not null && (tel.Length > MaxPhoneLength || !PhonePattern().IsMatch(tel)))
            {
                throw AlertingHostRefusals.PhoneInvalid.RaiseFor("phone", ("phone", Texts.Shorten(tel)), ("max", MaxPhoneLength));
            }
        }
        catch (RuleViolationException ex)
        {
            throw await audit.RefuseAsync(actor, action, $"person/{personId}", ex);
        }
        var row = await db.Set<PersonContactRecord>().FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        if (row is null)
        {
            row = new PersonContactRecord { PersonId = personId };
            db.Add(row);
        }
        row.Email = mail;
        row.Phone = tel;
        row.ChangedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, action, $"person/{personId}", $"email={(mail is null ? "-" : "set")} phone={(tel is null ? "-" : "set")}");
        await db.SaveChangesAsync(ct);
        return new ContactDto(personId, mail ?? person.Email, tel, await LastTestAsync(personId, ct));
    }

    private async Task<LastTestDto?> LastTestAsync(Guid personId, CancellationToken ct)
    {
        var last = await (from r in db.Set<AlertRecipientRecord>().AsNoTracking()
                          join a in db.Set<AlertRecord>().AsNoTracking() on r.AlertId equals a.Id
                          where r.PersonId == personId && a.Test
                          orderby r.NotifiedAt descending
                          select r).FirstOrDefaultAsync(ct);
        return last is null ? null : new LastTestDto(last.AlertId, last.NotifiedAt, last.Response.ToWire(), last.RespondedAt,
            last.RespondedAt is { } at ? (at - last.NotifiedAt).TotalSeconds : null);
    }

    private async Task<PersonRecord> RequireContactAccessAsync(Actor actor, Guid personId, string action, CancellationToken ct)
    {
        var person = await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw AlertingHostRefusals.PersonUnknown.Raise(("personId", personId));
        if (!actor.IsCoordinator && person.NormalizedEmail != Texts.NormalizeEmail(actor.Email))
        {
            throw await audit.RefuseAsync(actor, action, $"person/{personId}", AlertingHostRefusals.ContactNotAllowed.Raise());
        }
        return person;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,}$")]
    private static partial Regex PhonePattern();
}

/// <summary>
/// Alerts for a page, with the titles of their incidents and the official the reader is (to find them among the
/// recipients). <see cref="Exercises"/> is kept apart from <see cref="Alerts"/> so exercise alerts never mix into a live list.
/// </summary>
public sealed record AlertsWithIncidents(
    Guid Official, IReadOnlyList<AlertDto> Alerts, IReadOnlyList<AlertDto> Exercises, IReadOnlyDictionary<Guid, string> IncidentTitles)
{
    public string? TitleOf(AlertDto alert) => alert.IncidentId is { } id ? IncidentTitles.GetValueOrDefault(id) : null;
}
