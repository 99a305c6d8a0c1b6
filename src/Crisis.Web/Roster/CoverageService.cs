using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>Coverage (gaps and conflicts) over whole local days, the coming gaps, and who is on call now and next.</summary>
public sealed class CoverageService(
    CrisisDbContext db, IClock clock, IOptions<RosterOptions> options, RosterLookup lookup, CoverageCalculator calculator)
{
    /// <summary>The contract's coverage of one function from 00:00 of <paramref name="from"/> to 00:00 of <paramref name="to"/>.</summary>
    public async Task<FunctionCoverage> CoverageAsync(string function, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        var record = await lookup.FunctionAsync(function, ct);
        var period = RosterPeriod.Of(from, to, lookup.Zone);
        var report = await calculator.ComputeAsync([record], period.Interval, allFunctions: false, ct);
        var names = await lookup.NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        return lookup.Entry(report.Functions[0], record.Name, period, names);
    }

    /// <summary>The region view: every function of the catalogue over the same days, regional functions first.</summary>
    public async Task<RegionCoverageView> RegionCoverageAsync(LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        var period = RosterPeriod.Of(from, to, lookup.Zone);
        var functions = await lookup.OrderedFunctionsAsync(ct);
        var report = await calculator.ComputeAsync(functions, period.Interval, allFunctions: true, ct);
        var names = await lookup.NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        var byCode = functions.ToDictionary(f => f.Code, f => f.Name);
        var entries = report.Functions.Select(f => lookup.Entry(f, byCode[f.Function], period, names)).ToList();
        return new RegionCoverageView(period.From, period.To, report.GapCount, report.ConflictCount, entries);
    }

    /// <summary>Gaps and conflicts in every function from now over the next <paramref name="days"/> days (default: the alert window).</summary>
    public async Task<IReadOnlyList<FunctionCoverage>> UpcomingGapsAsync(int? days, CancellationToken ct = default)
    {
        var count = days ?? options.Value.GapAlertDays;
        if (count is < 1 or > 366)
        {
            throw RosterServiceRefusals.DaysOutOfRange.RaiseFor("days");
        }
        var now = clock.GetCurrentInstant();
        var window = new Interval(now, now + Duration.FromDays(count));
        var functions = await lookup.OrderedFunctionsAsync(ct);
        var report = await calculator.ComputeAsync(functions, window, allFunctions: true, ct);
        var names = await lookup.NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        var today = now.InZone(lookup.Zone).Date;
        var period = RosterPeriod.Of(today, today.PlusDays(count + 1), lookup.Zone);
        var byCode = functions.ToDictionary(f => f.Code, f => f.Name);
        return report.Functions.Where(f => f.Gaps.Count > 0 || f.Conflicts.Count > 0)
            .Select(f => lookup.Entry(f, byCode[f.Function], period, names)).ToList();
    }

    /// <summary>Who is on call for each function (or the one asked) at <paramref name="at"/> (default now), and who is next.</summary>
    public async Task<IReadOnlyList<OnCallOverview>> OnCallAsync(string? function, Instant? at, CancellationToken ct = default)
    {
        var instant = at ?? clock.GetCurrentInstant();
        IReadOnlyList<FunctionRecord> functions = function is null
            ? await lookup.OrderedFunctionsAsync(ct)
            : [await lookup.FunctionAsync(function, ct)];
        var codes = functions.Select(f => f.Code).ToList();
        // The fallback is looked for up to two shift lengths ahead; further is no fallback for tonight's alert.
        var horizon = instant + ShiftTimes.MaxLength + ShiftTimes.MaxLength;
        var query = db.Set<ShiftRecord>().AsNoTracking().Where(s => s.End > instant && s.Start < horizon);
        if (codes.Count == 1)
        {
            var code = codes[0];
            query = query.Where(s => s.Function == code);
        }
        var rows = await query.ToListAsync(ct);
        var names = await lookup.NamesAsync(rows.Select(r => r.PersonId), ct);
        var shifts = rows.Select(r => r.ToShift()).ToList();
        return functions.Select(f =>
        {
            var now = Crisis.Domain.Roster.OnCall.At(shifts, f.Code, instant);
            return new OnCallOverview(f.Code, f.Name,
                now.OnCall.Select(s => Entry(s, names)).ToList(),
                now.Next.Select(s => Entry(s, names)).ToList());
        }).ToList();
    }

    private OnCallEntry Entry(Shift s, IReadOnlyDictionary<Guid, string> names) =>
        new(s.Function, s.PersonId, names.GetValueOrDefault(s.PersonId) ?? "?", lookup.Local(s.Start), lookup.Local(s.End), s.Start, s.End, s.Id);
}
