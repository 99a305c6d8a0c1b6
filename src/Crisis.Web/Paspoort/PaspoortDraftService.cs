using Crisis.Domain.Paspoort;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crisis.Web.Paspoort.PaspoortAuditText;

namespace Crisis.Web.Paspoort;

/// <summary>A draft waiting for a coordinator, and whose it is.</summary>
public sealed record PendingDraft(StoredRecord Draft, PaspoortPerson Person);

/// <summary>
/// Evidence from real work: the draft records Crisis makes when an incident or exercise closes
/// (<see cref="DeploymentEvidence"/>), and the list of drafts waiting for a coordinator's confirmation.
/// </summary>
public sealed class PaspoortDraftService(
    PaspoortStore store, PaspoortSources sources, PaspoortGuard guard, AuditTrail audit, IClock clock, DateTimeZone zone)
{
    /// <summary>The name records written by Crisis itself (drafts from closed incidents) carry as their author.</summary>
    public const string SystemAuthor = "Crisis";

    /// <summary>Drafts waiting for a coordinator, oldest first (coordinators and exercise leads; their own are left out).</summary>
    public async Task<IReadOnlyList<PendingDraft>> PendingAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.RequirePlannerAsync(actor, "paspoort.drafts.read");
        var own = (await sources.PersonOfAsync(actor, ct))?.Id;
        var drafts = await store.InForceAsync(store.Records.Where(r => r.Status == RecordStatus.Draft), ct);
        var pending = drafts.Where(d => d.Record.PersonId != own).ToList();
        var names = await sources.NamesAsync(pending.Select(d => d.Record.PersonId), ct);
        return pending
            .OrderBy(d => d.Record.Date).ThenBy(d => d.Record.RecordedAt)
            .ThenBy(d => names.GetValueOrDefault(d.Record.PersonId), StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new PendingDraft(d, new PaspoortPerson(d.Record.PersonId, names.GetValueOrDefault(d.Record.PersonId) ?? "?")))
            .ToList();
    }

    /// <summary>
    /// Makes the draft records of a closed incident: one per participant who took part in a function and is a person
    /// of the region. Idempotent: draft ids follow from incident, person and function, so running it again (on another
    /// node, on a redelivered event, or for an exercise being evaluated) adds only what is not there yet. Returns the
    /// number of drafts added; nothing for an incident that is unknown or still open.
    /// </summary>
    public async Task<int> CreateDraftsAsync(Guid incidentId, CancellationToken ct = default)
    {
        var incident = await sources.IncidentAsync(incidentId, ct);
        if (incident is not { Closed: true })
        {
            return 0;
        }
        var now = clock.GetCurrentInstant();
        var closedOn = (incident.ClosedAt ?? now).InZone(zone).Date;
        var participants = await sources.ParticipantsInFunctionAsync(incidentId, ct);
        var drafts = DeploymentEvidence.Drafts(
            new ClosedIncident(incident.Id, incident.Title, incident.Exercise, closedOn), participants, Guid.Empty, now);
        if (drafts.Count == 0)
        {
            return 0;
        }
        var draftIds = drafts.Select(d => d.Id).ToList();
        var system = Actor.System("paspoort");
        for (var attempt = 0; ; attempt++)
        {
            var present = await store.Records.AsNoTracking().Where(r => draftIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            var missing = drafts.Where(d => !present.Contains(d.Id)).ToList();
            if (missing.Count == 0)
            {
                return 0;
            }
            foreach (var draft in missing)
            {
                store.Add(draft, SystemAuthor);
                audit.Stage(store.Db, system, "paspoort.draft.create", $"person/{draft.PersonId}", $"incident={incidentId} {Describe(draft)}");
            }
            try
            {
                await store.Db.SaveChangesAsync(ct);
                return missing.Count;
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsRace(ex))
            {
                // Another node (or a redelivery) stored some of the same drafts at the same moment: look again.
                store.Db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The hook for exercises when they are evaluated (and for any closed incident whose drafts need making again,
    /// e.g. after a participant's function was filled in late): coordinators and exercise leads. Returns the drafts
    /// still waiting for confirmation for that incident.
    /// </summary>
    public async Task<IReadOnlyList<StoredRecord>> DraftsFromIncidentAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        await guard.RequirePlannerAsync(actor, "paspoort.draft.create");
        var incident = await sources.IncidentAsync(incidentId, ct)
            ?? throw PaspoortRefusals.IncidentUnknown.Raise(("incidentId", incidentId));
        if (!incident.Closed)
        {
            throw (incident.Exercise ? PaspoortRefusals.ExerciseOpen : PaspoortRefusals.IncidentOpen).Raise();
        }
        await CreateDraftsAsync(incidentId, ct);
        var inForce = await store.InForceAsync(store.Records.Where(r => r.IncidentId == incidentId), ct);
        return inForce.Where(r => r.Record.Status == RecordStatus.Draft).ToList();
    }
}
