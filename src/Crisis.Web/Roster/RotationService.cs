using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>Generates a function's weekly rotation from its piketpool (coordinators), with <see cref="RotationPlanner"/>.</summary>
public sealed class RotationService(
    CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup, RosterQualification qualification, RosterCommit commit)
{
    /// <summary>The most turns a pool may have.</summary>
    public const int MaxPool = 200;

    /// <summary>
    /// Generates (or regenerates) a function's weekly rotation over whole local days: handovers on the handover day at
    /// the handover time, the pool in order, some weeks per turn. Generated shifts starting in the period are
    /// replaced; shifts made, swapped or overridden by hand are never touched, and the new shifts are trimmed around them.
    /// </summary>
    public async Task<RotationOutcome> GenerateAsync(Actor actor, RotationInput input, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "rotation.generate", null, S.RotationDenied);
        var function = await lookup.FunctionAsync(input.Function, ct);
        var pool = input.Pool;
        if (pool.Count == 0)
        {
            throw RosterWireRefusals.RotationPoolRequired.RaiseFor("pool");
        }
        if (pool.Count > MaxPool)
        {
            throw S.RotationPoolTooLarge.RaiseFor("pool", ("max", MaxPool));
        }
        var distinct = pool.Distinct().ToList();
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => distinct.Contains(p.Id)).ToListAsync(ct);
        var unknown = distinct.Where(id => people.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw S.RotationPoolUnknown.RaiseFor("pool", ("ids", unknown.Select(id => id.ToString()).ToList()));
        }
        if (input.Weeks is < 1 or > 4)
        {
            throw S.RotationWeeksOutOfRange.RaiseFor("weeks");
        }
        var period = RosterPeriod.Of(input.From, input.To, lookup.Zone);
        var rotation = Rotation.Weekly(function.Code, pool, input.HandoverDay, input.HandoverTime, period.From, input.Weeks);

        var warnings = new List<Phrase>();
        foreach (var person in people)
        {
            warnings.AddRange(await qualification.CheckAsync(function.Code, person, period.Interval, ct));
        }

        var reach = period.End + ShiftTimes.MaxLength;
        var existing = await db.Set<ShiftRecord>().Where(s => s.Function == function.Code && s.End > period.Start && s.Start < reach).ToListAsync(ct);
        var plan = RotationPlanner.Regenerate(rotation, period, existing.Select(s => s.ToShift()));
        var removedIds = plan.Removed.Select(s => s.Id).ToHashSet();
        var now = clock.GetCurrentInstant();
        var added = plan.Added.Select(p => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = p.Function, PersonId = p.PersonId, Start = p.Start, End = p.End,
            Zone = lookup.Zone.Id, Origin = ShiftOrigin.Rotation, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var affected = pool.Concat(plan.Removed.Select(s => s.PersonId)).Distinct().ToList();
        await commit.CommitAsync([function.Code],
            () =>
            {
                db.RemoveRange(existing.Where(s => removedIds.Contains(s.Id)));
                db.AddRange(added);
                audit.Stage(db, actor, "rotation.generate", $"function/{function.Code}",
                    $"{period.From}..{period.To} {input.HandoverDay} {input.HandoverTime} weeks={input.Weeks} pool={pool.Count} kept={plan.Kept.Count} unchanged={plan.Unchanged.Count} removed={plan.Removed.Count} added={added.Count}");
            },
            new RosterChangeDto("rotation.generated", function.Code, affected, period.Start, period.End,
                $"The rotation of {function.Code} from {period.From} to {period.To} was generated."),
            ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var shifts = existing.Where(s => !removedIds.Contains(s.Id) && s.Start >= period.Start && s.Start < period.End)
            .Concat(added).OrderBy(s => s.Start)
            .Select(s => lookup.Entry(s, names.GetValueOrDefault(s.PersonId))).ToList();
        return new RotationOutcome(function.Code, period.From, period.To, plan.Kept.Count, plan.Unchanged.Count, plan.Removed.Count, added.Count, shifts, warnings);
    }
}
