using Crisis.Domain.Paspoort;
using Crisis.Web.Audit;
using Crisis.Web.Identity;

namespace Crisis.Web.Paspoort;

/// <summary>
/// Who may do what in the paspoort (<see cref="PaspoortAccess"/>), checked for a caller: every refusal is audited
/// through <see cref="AuditTrail.RefuseAsync"/> with its code.
/// </summary>
public sealed class PaspoortGuard(PaspoortSources sources, AuditTrail audit)
{
    /// <summary>Requirements: coordinators only.</summary>
    public async Task RequireManagerAsync(Actor actor, string action)
    {
        if (!PaspoortAccess.CanManageRequirements(actor.Role))
        {
            throw await audit.RefuseAsync(actor, action, null, PaspoortRefusals.CoordinatorsOnly.Raise());
        }
    }

    /// <summary>Everyone's paspoort (matrix, expiries, attendance, drafts): coordinators and exercise leads.</summary>
    public async Task RequirePlannerAsync(Actor actor, string action)
    {
        if (!PaspoortAccess.CanSeeOverviews(actor.Role))
        {
            throw await audit.RefuseAsync(actor, action, null, PaspoortRefusals.PlannersOnly.Raise());
        }
    }

    /// <summary>Reading a dossier: the person themself, coordinators and exercise leads.</summary>
    public async Task RequireReaderAsync(Actor actor, Guid personId, CancellationToken ct)
    {
        var own = (await sources.PersonOfAsync(actor, ct))?.Id;
        if (!PaspoortAccess.CanRead(actor.Role, own, personId))
        {
            throw await audit.RefuseAsync(actor, "paspoort.read", $"person/{personId}", PaspoortRefusals.ReadOwnOnly.Raise());
        }
    }

    /// <summary>Writing records about each of <paramref name="people"/>: coordinators and exercise leads, never about themself.</summary>
    public async Task RequireWriterAsync(Actor actor, IReadOnlyCollection<Guid> people, string action, CancellationToken ct)
    {
        var own = (await sources.PersonOfAsync(actor, ct))?.Id;
        foreach (var personId in people)
        {
            if (PaspoortAccess.WriteRefusal(actor.Role, own, personId) is { } refusal)
            {
                throw await audit.RefuseAsync(actor, action, $"person/{personId}", refusal);
            }
        }
    }
}
