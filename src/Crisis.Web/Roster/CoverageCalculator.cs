using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>Loads what coverage needs from the database and computes it with the pure rules (<see cref="Coverage"/>).</summary>
public sealed class CoverageCalculator(CrisisDbContext db, RosterQualification qualification)
{
    /// <summary>
    /// The coverage of <paramref name="functions"/> over <paramref name="period"/>. For some functions only it also
    /// loads the other shifts of their people, so double bookings across functions show.
    /// </summary>
    public async Task<RegionCoverage> ComputeAsync(
        IReadOnlyList<FunctionRecord> functions, Interval period, bool allFunctions, CancellationToken ct)
    {
        var codes = functions.Select(f => f.Code).ToList();
        var (start, end) = (period.Start, period.End);
        var shiftSet = db.Set<ShiftRecord>().AsNoTracking();
        var leaveSet = db.Set<UnavailabilityRecord>().AsNoTracking();
        List<ShiftRecord> shifts;
        List<UnavailabilityRecord> leave;
        if (allFunctions)
        {
            shifts = await shiftSet.Where(s => s.Start < end && s.End > start).ToListAsync(ct);
            leave = await leaveSet.Where(u => u.Start < end && u.End > start).ToListAsync(ct);
        }
        else
        {
            shifts = await shiftSet.Where(s => codes.Contains(s.Function) && s.Start < end && s.End > start).ToListAsync(ct);
            var people = shifts.Select(s => s.PersonId).Distinct().ToList();
            if (people.Count > 0)
            {
                shifts.AddRange(await shiftSet
                    .Where(s => people.Contains(s.PersonId) && !codes.Contains(s.Function) && s.Start < end && s.End > start).ToListAsync(ct));
            }
            leave = people.Count == 0 ? [] : await leaveSet
                .Where(u => people.Contains(u.PersonId) && u.Start < end && u.End > start).ToListAsync(ct);
        }
        var involved = shifts.Select(s => s.PersonId).Distinct().ToList();
        var qualified = await qualification.LoadAsync(codes, involved, period, ct);
        return Coverage.ForRegion(
            functions.Select(f => new RosterFunction(f.Code, f.MinimumOnCall)), period,
            shifts.Select(s => s.ToShift()), leave.Select(u => u.ToUnavailability()), qualified);
    }
}
