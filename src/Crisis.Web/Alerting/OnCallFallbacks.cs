using Crisis.Domain.Alerting;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>A person as Piket nu shows them: the name and, when their contact details have one, the phone number.</summary>
public sealed record ReachablePerson(Guid PersonId, string Name, string? Phone, NotifyReason Reason);

/// <summary>
/// The fallback of a function right now: the first step of its escalation policy after the first that would reach
/// somebody if an alert were raised now and the on-call person did not answer, <see cref="AfterMinutes"/> after the
/// alert (the waits of the steps before it added up). Null people means no later step reaches anybody.
/// </summary>
public sealed record FallbackStep(string Function, int Step, int AfterMinutes, EscalationNotify Notify, IReadOnlyList<ReachablePerson> People);

/// <summary>
/// What Piket nu shows beside the roster: the real fallback (as alerting would escalate, by the same
/// <see cref="RecipientResolution"/>) and the phone numbers to call. The numbers are for those who work in a crisis
/// (every role but viewer): the colleagues on call must be reachable by a tap. A viewer (meelezer) reads along and calls
/// nobody, so private numbers stay out of their screen (data minimisation, AVG): they see the names only.
/// </summary>
public sealed class OnCallFallbacks(CrisisDbContext db, AlertRosterSource source, IClock clock)
{
    /// <summary>The fallback step of each function (by code) at this moment.</summary>
    public async Task<IReadOnlyDictionary<string, FallbackStep?>> NowAsync(Actor actor, IReadOnlyCollection<string> functions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetCurrentInstant();
        var roster = await source.LoadAsync(now, now + Duration.FromMinutes(1), functions, ct);
        var steps = new Dictionary<string, (int Step, int After, EscalationNotify Notify, IReadOnlyList<AlertNotification> Reach)?>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            var policy = roster.PolicyFor(function);
            steps[function] = null;
            var after = 0;
            for (var i = 1; i < policy.Steps.Count; i++)
            {
                after += policy.Steps[i].AfterMinutes;
                var audience = RecipientResolution.Resolve(policy.Steps[i].Notify, function, now, roster, null);
                if (audience.Reach.Count > 0)
                {
                    steps[function] = (i + 1, after, policy.Steps[i].Notify, audience.Reach);
                    break;
                }
            }
        }
        var people = await PeopleAsync(actor, steps.Values.SelectMany(s => s?.Reach.Select(r => r.PersonId) ?? []), ct);
        return steps.ToDictionary(kv => kv.Key, kv => kv.Value is { } s
            ? new FallbackStep(kv.Key, s.Step, s.After, s.Notify,
                s.Reach.DistinctBy(r => r.PersonId).Select(r => people.GetValueOrDefault(r.PersonId, new(r.PersonId, "?", null, r.Reason)) with { Reason = r.Reason }).ToList())
            : null, StringComparer.Ordinal);
    }

    /// <summary>The phone numbers of <paramref name="people"/> from their contact details (absent when they have none).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PhonesAsync(Actor actor, IEnumerable<Guid> people, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MaySeePhones(actor))
        {
            return new Dictionary<Guid, string>();
        }
        var ids = people.Distinct().ToList();
        return await db.Set<PersonContactRecord>().AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.Phone != null)
            .ToDictionaryAsync(c => c.PersonId, c => c.Phone!, ct);
    }

    /// <summary>Who may see the on-call people's phone numbers: everyone who works in a crisis, not a viewer.</summary>
    public static bool MaySeePhones(Actor actor) => actor.Role != Crisis.Domain.Identity.CrisisRole.Viewer;

    private async Task<Dictionary<Guid, ReachablePerson>> PeopleAsync(Actor actor, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var directory = await source.DirectoryAsync(list, ct);
        var phones = await PhonesAsync(actor, list, ct);
        return list.ToDictionary(id => id, id => new ReachablePerson(id, directory.NameOf(id), phones.GetValueOrDefault(id), NotifyReason.OnCall));
    }
}
