using Crisis.Domain.Paspoort;
using Crisis.Web.Data;
using Crisis.Web.Roster;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PaspoortQualification = Crisis.Domain.Paspoort.Qualification;
using RosterQualification = Crisis.Domain.Roster.Qualification;

namespace Crisis.Web.Paspoort;

/// <summary>
/// The Veiligheidspaspoort's say in the roster: a person is qualified for a function on a day (00:00 to 00:00 in the
/// region's zone) when every requirement of the function is <c>current</c> or <c>expiring</c> that day, and not when
/// one is <c>expired</c> or <c>missing</c>. A function without requirements asks nothing. Whether the person holds
/// the function at all is another rule (the roster's own).
/// </summary>
public sealed class PaspoortQualificationRule(CrisisDbContext db, DateTimeZone zone) : IRosterQualificationRule
{
    public async Task<RosterQualification> LoadAsync(
        IReadOnlyCollection<string> functions, IReadOnlyCollection<Guid> people, Interval during, CancellationToken ct)
    {
        // All requirements in force (a small table): the answer must not depend on which functions were announced.
        var requirements = (await db.Set<PaspoortRequirementRow>().AsNoTracking().Where(r => r.RemovedAt == null).ToListAsync(ct))
            .Select(r => r.ToDomain()).ToList();
        var ids = people.Distinct().ToList();
        var lastDay = during.HasEnd ? LocalDay(during.End - Duration.Epsilon) : (LocalDate?)null;
        var query = db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => ids.Contains(r.PersonId));
        if (lastDay is { } last)
        {
            // Records after the last day cannot change any day of the period; voids are kept whatever their date.
            query = query.Where(r => r.Date <= last || r.VoidsRecordId != null);
        }
        var records = (await query.ToListAsync(ct)).Select(r => r.ToDomain()).ToLookup(r => r.PersonId);
        var cache = new Dictionary<(string, Guid), IReadOnlyList<Interval>>();

        return (function, personId, shift) =>
        {
            var window = Bounded(shift, during);
            if (window is not { } w)
            {
                return [];
            }
            var ofFunction = requirements.Where(r => Crisis.Domain.Texts.SameCode(r.Function, function)).ToList();
            if (ofFunction.Count == 0)
            {
                return [w];
            }
            if (!(during.HasStart && during.HasEnd))
            {
                return QualifiedIntervals(ofFunction, personId, records[personId].ToList(), w);
            }
            var key = (function.ToUpperInvariant(), personId);
            if (!cache.TryGetValue(key, out var qualified))
            {
                qualified = QualifiedIntervals(ofFunction, personId, records[personId].ToList(), during);
                cache[key] = qualified;
            }
            return Clip(qualified, w);
        };
    }

    /// <summary>
    /// The days of <paramref name="period"/> on which the person is qualified, as instants. Being qualified can only
    /// change on a day a record is dated (it starts counting) or the day after one runs out, so the status is worked
    /// out on those days only and holds in between.
    /// </summary>
    private List<Interval> QualifiedIntervals(
        List<Requirement> requirements, Guid personId, IReadOnlyList<PaspoortRecord> records, Interval period)
    {
        var first = LocalDay(period.Start);
        var last = LocalDay(period.End - Duration.Epsilon);
        var months = requirements.Where(r => r.ValidForMonths is not null).Select(r => r.ValidForMonths!.Value).Distinct().ToList();
        var changes = new SortedSet<LocalDate> { first };
        foreach (var record in records)
        {
            changes.Add(record.Date);
            foreach (var m in months)
            {
                changes.Add(PaspoortQualification.ValidUntil(record.Date, m).PlusDays(1));
            }
        }
        var result = new List<Interval>();
        var days = changes.Where(d => d >= first && d <= last).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            if (!PaspoortQualification.IsQualified(personId, requirements[0].Function, requirements, records, days[i]))
            {
                continue;
            }
            var start = StartOf(days[i]);
            var end = i + 1 < days.Count ? StartOf(days[i + 1]) : StartOf(last.PlusDays(1));
            if (result.Count > 0 && result[^1].End == start)
            {
                result[^1] = new Interval(result[^1].Start, end);
            }
            else
            {
                result.Add(new Interval(start, end));
            }
        }
        return result;
    }

    /// <summary>The parts of sorted, disjoint <paramref name="intervals"/> inside <paramref name="within"/>.</summary>
    private static List<Interval> Clip(IReadOnlyList<Interval> intervals, Interval within)
    {
        var parts = new List<Interval>();
        foreach (var i in intervals)
        {
            var start = i.Start > within.Start ? i.Start : within.Start;
            var end = i.End < within.End ? i.End : within.End;
            if (start < end)
            {
                parts.Add(new Interval(start, end));
            }
        }
        return parts;
    }

    private static Interval? Bounded(Interval shift, Interval period)
    {
        var start = shift.HasStart ? shift.Start : period.HasStart ? period.Start : (Instant?)null;
        var end = shift.HasEnd ? shift.End : period.HasEnd ? period.End : (Instant?)null;
        return start is { } s && end is { } e && s < e ? new Interval(s, e) : null;
    }

    private LocalDate LocalDay(Instant instant) => instant.InZone(zone).Date;

    private Instant StartOf(LocalDate day) => day.AtStartOfDayInZone(zone).ToInstant();
}
