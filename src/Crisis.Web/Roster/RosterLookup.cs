using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// What every roster service looks up and checks: the functions and people a request names, the person of the
/// signed-in user, and who may do what (refused through <see cref="AuditTrail.RefuseAsync"/>, so every denial is
/// audited). Unknown ids in the path are 404; unknown functions or people named in a body or query are 400 naming the field.
/// </summary>
public sealed class RosterLookup(CrisisDbContext db, AuditTrail audit, DateTimeZone zone)
{
    public DateTimeZone Zone => zone;

    public LocalDateTime Local(Instant instant) => instant.InZone(zone).LocalDateTime;

    /// <summary>The function with <paramref name="code"/> (upper case, as the catalogue spells it), or a 400 naming <c>function</c>.</summary>
    public async Task<FunctionRecord> FunctionAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Set<FunctionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Code == normalized, ct)
            ?? throw RosterServiceRefusals.FunctionUnknown.RaiseFor("function", ("function", code.Trim()));
    }

    /// <summary>A person named in a body (<paramref name="field"/>): unknown is a 400.</summary>
    public async Task<PersonRecord> PersonAsync(Guid id, string field, CancellationToken ct) =>
        await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw RosterServiceRefusals.PersonUnknown.RaiseFor(field, ("id", id));

    /// <summary>A person named in the path: unknown is a 404.</summary>
    public async Task<PersonRecord> PersonInPathAsync(Guid id, CancellationToken ct) =>
        await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw RosterServiceRefusals.PersonNotFound.Raise(("id", id));

    /// <summary>The person record of the signed-in user (same email), or null.</summary>
    public async Task<PersonRecord?> PersonOfAsync(Actor actor, CancellationToken ct)
    {
        var normalized = Texts.NormalizeEmail(actor.Email);
        return normalized.Length == 0 ? null
            : await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.NormalizedEmail == normalized, ct);
    }

    /// <summary>The catalogue, regional functions first, then the local AOV pikets, each by code.</summary>
    public async Task<List<FunctionRecord>> OrderedFunctionsAsync(CancellationToken ct) =>
        (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Municipality is null ? 0 : 1).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    /// <summary>Coordinators only; anyone else is refused with <paramref name="refusal"/>, audited as denied.</summary>
    public async Task RequireCoordinatorAsync(Actor actor, string action, string? target, RefusalCode refusal)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, target, refusal.Raise());
        }
    }

    /// <summary>Coordinators, or the person themself (same email).</summary>
    public async Task RequireSelfOrCoordinatorAsync(Actor actor, PersonRecord person, string action, RefusalCode refusal)
    {
        if (actor.IsCoordinator || string.Equals(person.NormalizedEmail, Texts.NormalizeEmail(actor.Email), StringComparison.Ordinal))
        {
            return;
        }
        throw await audit.RefuseAsync(actor, action, $"person/{person.Id}", refusal.Raise());
    }

    // ---------------------------------------------------------------- records as results

    public ShiftEntry Entry(ShiftRecord s, string? name, IReadOnlyList<Phrase>? warnings = null) =>
        new(s.Id, s.Function, s.PersonId, name, Local(s.Start), Local(s.End), s.Start, s.End,
            ShiftTimes.Hours(s.End - s.Start), s.Origin, warnings ?? []);

    public LeaveEntry Entry(UnavailabilityRecord u) =>
        new(u.Id, u.PersonId, Local(u.Start), Local(u.End), u.Start, u.End, ShiftTimes.Hours(u.End - u.Start), u.Reason);

    public GapEntry Entry(CoverageGap g) => new(Local(g.Start), Local(g.End), g.Start, g.End, g.Hours, g.FewestOnCall);

    public FunctionCoverage Entry(CoverageReport r, string? name, RosterPeriod period, IReadOnlyDictionary<Guid, string> names) =>
        new(r.Function, name, r.MinimumOnCall, period.From, period.To, r.TotalHours, r.CoveredHours,
            r.Gaps.Select(Entry).ToList(),
            r.Conflicts.Select(c => new ConflictEntry(c.PersonId, names.GetValueOrDefault(c.PersonId), c.Kind,
                Local(c.Start), Local(c.End), c.Start, c.End, c.Hours, c.ShiftId, c.OtherShiftId)).ToList());
}
