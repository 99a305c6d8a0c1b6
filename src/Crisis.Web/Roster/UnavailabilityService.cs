using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>Leave, illness and other times a person cannot be on call: entered by coordinators or by the person themself.</summary>
public sealed class UnavailabilityService(CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup, RosterCommit commit)
{
    /// <summary>The longest period of unavailability accepted in one entry.</summary>
    public static readonly Duration MaxUnavailability = Duration.FromDays(366);

    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 200;

    private DbSet<UnavailabilityRecord> Leave => db.Set<UnavailabilityRecord>();

    public async Task<LeaveEntry> AddAsync(Actor actor, Guid personId, LeaveInput input, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "unavailability.add", S.UnavailabilityAddDenied);
        if (input.End <= input.Start)
        {
            throw S.UnavailabilityEndsBeforeStart.RaiseFor("end");
        }
        var start = ShiftTimes.ResolveStrict(input.Start, lookup.Zone, "start");
        var end = ShiftTimes.ResolveStrict(input.End, lookup.Zone, "end");
        if (end - start > MaxUnavailability)
        {
            throw S.UnavailabilityTooLong.RaiseFor("end", ("days", MaxUnavailability.Days));
        }
        var reason = TextRules.Optional(input.Reason, "reason", multiline: true);
        if (reason is { Length: > MaxReasonLength })
        {
            throw S.ReasonTooLong.RaiseFor("reason", ("max", MaxReasonLength));
        }
        var record = new UnavailabilityRecord
        {
            Id = Guid.NewGuid(), PersonId = person.Id, Start = start, End = end, Reason = reason, CreatedAt = clock.GetCurrentInstant(),
        };
        var functions = await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.PersonId == person.Id && s.Start < end && s.End > start)
            .Select(s => s.Function).Distinct().ToListAsync(ct);
        await commit.CommitAsync(functions,
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "unavailability.add", $"person/{person.Id}", $"{start}..{end}");
            },
            new RosterChangeDto("unavailability.added", null, [person.Id], start, end,
                $"{person.Name} is unavailable from {RosterWire.Format(input.Start)} to {RosterWire.Format(input.End)}."),
            ct);
        return lookup.Entry(record);
    }

    public async Task<IReadOnlyList<LeaveEntry>> ListAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "unavailability.read", S.UnavailabilityReadDenied);
        var rows = await Leave.AsNoTracking().Where(u => u.PersonId == personId).ToListAsync(ct);
        return rows.OrderBy(r => r.Start).Select(lookup.Entry).ToList();
    }

    public async Task DeleteAsync(Actor actor, Guid personId, Guid id, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "unavailability.delete", S.UnavailabilityDeleteDenied);
        var record = await Leave.FirstOrDefaultAsync(u => u.Id == id && u.PersonId == personId, ct)
            ?? throw S.UnavailabilityNotFound.Raise(("person", person.Name), ("id", id));
        await commit.CommitAsync([],
            () =>
            {
                db.Remove(record);
                audit.Stage(db, actor, "unavailability.delete", $"person/{person.Id}", $"{record.Start}..{record.End}");
            },
            new RosterChangeDto("unavailability.removed", null, [person.Id], record.Start, record.End, $"{person.Name} is available again."),
            ct);
    }
}
