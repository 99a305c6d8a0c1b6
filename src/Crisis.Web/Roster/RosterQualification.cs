using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// Who is qualified to be on call: holding the function (its piketpool) and every registered
/// <see cref="IRosterQualificationRule"/> (the Veiligheidspaspoort). What happens to an unqualified assignment is
/// the <see cref="UnqualifiedAssignments"/> policy: a warning, or a 409.
/// </summary>
public sealed class RosterQualification(
    CrisisDbContext db, IEnumerable<IRosterQualificationRule> rules, IOptions<RosterOptions> options, DateTimeZone zone)
{
    public UnqualifiedAssignments Policy => options.Value.UnqualifiedAssignments;

    /// <summary>The combined qualification of <paramref name="people"/> for <paramref name="functions"/> over <paramref name="during"/>.</summary>
    public async Task<Qualification> LoadAsync(
        IReadOnlyCollection<string> functions, IReadOnlyCollection<Guid> people, Interval during, CancellationToken ct)
    {
        var codes = functions.ToList();
        var held = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(pf => codes.Contains(pf.FunctionCode))
            .Select(pf => new { pf.FunctionCode, pf.PersonId }).ToListAsync(ct);
        var holders = held.Select(h => (h.FunctionCode, h.PersonId)).ToHashSet();
        var all = new List<Qualification> { Qualifications.Holders((f, p) => holders.Contains((f, p))) };
        foreach (var rule in rules)
        {
            all.Add(await rule.LoadAsync(functions, people, during, ct));
        }
        return Qualifications.All([.. all]);
    }

    /// <summary>
    /// Whether <paramref name="person"/> may take <paramref name="function"/> for <paramref name="shift"/>, judged at
    /// the shift's start (<see cref="Qualifications.QualifiedAtStart"/>). Under <see cref="UnqualifiedAssignments.Refuse"/>
    /// an unqualified person is a 409; under Warn the reason is returned as a warning.
    /// </summary>
    public async Task<IReadOnlyList<Phrase>> CheckAsync(string function, PersonRecord person, Interval shift, CancellationToken ct)
    {
        var holds = await db.Set<PersonFunctionRecord>().AnyAsync(pf => pf.PersonId == person.Id && pf.FunctionCode == function, ct);
        Phrase? problem = null;
        if (!holds)
        {
            problem = RosterServiceRefusals.NotInPool.With(("person", person.Name), ("function", function));
        }
        else if (!(await LoadAsync([function], [person.Id], shift, ct)).QualifiedAtStart(function, person.Id, shift))
        {
            problem = RosterServiceRefusals.NotQualified.With(
                ("person", person.Name), ("function", function), ("start", RosterTexts.WireTime(shift.Start.InZone(zone).LocalDateTime)));
        }
        if (problem is null)
        {
            return [];
        }
        if (Policy == UnqualifiedAssignments.Refuse)
        {
            throw RosterServiceRefusals.UnqualifiedRefused.Raise(("problem", problem));
        }
        return [problem];
    }
}
