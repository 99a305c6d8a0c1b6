using Crisis.Domain.Alerting;
using Crisis.Domain.Organisation;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// The demo region's alerting: phone numbers for every official, HIN's own escalation policy, and two alerts on the
/// demo fire: AC-BZ alerted and answered "Ik kom", and HIN alerted a few minutes ago without an answer, so that it has
/// escalated to the next person on call. Made through the services, as a coordinator and an officer would.
/// </summary>
public sealed class AlertingDemo(AlertService alerts, AlertQueries queries, Data.CrisisDbContext db)
{
    /// <summary>
    /// HIN's policy: the on-call HIN, after 5 minutes the next on call, after 55 more the whole pool. It reaches the
    /// coordinators only when the policy has run out (unanswered), an hour after the alert.
    /// </summary>
    public static readonly IReadOnlyList<EscalationStep> HinPolicy =
    [
        new(0, EscalationNotify.OnCall), new(5, EscalationNotify.NextOnCall), new(55, EscalationNotify.Pool),
    ];

    /// <summary>How long ago the demo's unanswered HIN alert was raised: past its second step, well before its third.</summary>
    public static readonly Duration HinAlertAge = Duration.FromMinutes(7);

    public async Task SeedAsync(Actor coordinator, Actor officer, Guid fireId, CancellationToken ct = default)
    {
        var people = await db.Set<PersonRecord>().AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct);
        for (var i = 0; i < people.Count; i++)
        {
            // Invented mobile numbers, one per official.
            await queries.SetContactAsync(coordinator, people[i].Id, null, $"06-9{4510000 + (i * 37):D7}", ct);
        }
        await queries.SetPolicyAsync(coordinator, FunctionCatalogue.Hin, HinPolicy, 0, ct);

        var acbz = await alerts.RaiseAsync(officer, fireId, [new FunctionTarget(FunctionCatalogue.AcBz)],
            "Grote brand Industrieweg, GRIP 2: AC-BZ gevraagd in het ROT.", null, ct);
        if (acbz.Recipients.FirstOrDefault(r => !r.Skipped && r.Response == AlertingNames.Responses.Wire(AlertResponse.Pending)) is { } reached
            && people.FirstOrDefault(p => p.Id == reached.PersonId) is { } person)
        {
            await alerts.RespondAsync(new Actor(Guid.Empty, person.Name, person.Email, Domain.Identity.CrisisRole.Officer, "seed-demo"),
                acbz.Id, AlertResponse.Coming, 20, "Rijd nu weg vanuit Hasselburg.", ct);
        }
        await alerts.RaiseEarlierAsync(officer, fireId, [new FunctionTarget(FunctionCatalogue.Hin)],
            "Grote brand Industrieweg: rook met mogelijk asbest over De Hoven, HIN gevraagd voor de publieksinformatie.", HinAlertAge, ct);
    }
}
