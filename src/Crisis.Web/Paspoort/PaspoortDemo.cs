using Crisis.Domain.Paspoort;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using NodaTime;

namespace Crisis.Web.Paspoort;

/// <summary>
/// Fills the demo region's paspoorts: for every key function, its pool shows each status in turn (current, expiring,
/// expired, missing), so the matrix and the expiry list have something to show. Dates are relative to today, and the
/// records go through the same rules as any other (recorded by Crisis itself, as if by the OTO working group).
/// </summary>
public sealed class PaspoortDemo(PaspoortRequirementService requirementService, PaspoortRecordService records, OrganisationService organisation)
{
    private enum Target { Current, Expiring, Expired, Missing }

    private sealed record Planned(ActivityKind Kind, string Activity, LocalDate Date, string Function, string Requirement, RecordResult Result);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var system = Actor.System("seed-demo");
        var today = records.Today;
        var requirements = await requirementService.ListAsync(null, ct);
        var people = await organisation.ListPeopleAsync(null, ct);
        var plan = new List<(Guid PersonId, Planned Entry)>();
        var done = new HashSet<(Guid, string)>();
        foreach (var function in DefaultRequirements.Functions)
        {
            var pool = people.Where(p => p.Functions.Contains(function.Code)).ToList();
            var ofFunction = requirements.Where(r => r.Function == function.Code).ToList();
            for (var i = 0; i < pool.Count; i++)
            {
                var target = (Target)(i % 4);
                foreach (var r in ofFunction)
                {
                    if (!done.Add((pool[i].Id, r.Code)))
                    {
                        continue; // a shared code (LCMS-training) recorded for another function already
                    }
                    foreach (var entry in Entries(function, r, target, today))
                    {
                        plan.Add((pool[i].Id, entry));
                    }
                }
            }
        }
        // One attendance list per activity, as the OTO working group would record it.
        foreach (var group in plan.GroupBy(p => p.Entry))
        {
            var e = group.Key;
            await records.RecordAttendanceAsync(system, new AttendanceList(
                e.Kind, e.Activity, e.Date, e.Function, e.Requirement,
                group.Select(p => new AttendanceEntry(p.PersonId, e.Result)).ToList()), ct);
        }
    }

    private static IEnumerable<Planned> Entries(KeyFunction function, Requirement r, Target target, LocalDate today)
    {
        var kind = r.Kind;
        if (r.ValidForMonths is not { } months)
        {
            // The course: the whole track still ahead for the "missing" one.
            if (target != Target.Missing)
            {
                yield return new Planned(kind, r.Name, FirstTuesday(today.PlusYears(-3)), function.Code, r.Code, RecordResult.Passed);
            }
            yield break;
        }
        // Only the function's own exercise shows the target status; shared trainings stay current.
        var special = kind == ActivityKind.Exercise ? target : Target.Current;
        var first = special switch
        {
            Target.Expiring => today.PlusMonths(-months).PlusDays(35),
            Target.Expired => today.PlusMonths(-months).PlusDays(-20),
            _ => FirstTuesday(today.PlusMonths(-(months / 4))),
        };
        for (var n = 0; n < r.MinimumCount; n++)
        {
            var date = first.PlusDays(-21 * n);
            var activity = kind == ActivityKind.Exercise ? $"{r.Name}, {Month(date)}" : $"{r.Name} {Month(date)}";
            yield return new Planned(kind, activity, date, function.Code, r.Code, RecordResult.Attended);
        }
    }

    /// <summary>The first Tuesday of the date's month: training days fall on the same day for everyone.</summary>
    private static LocalDate FirstTuesday(LocalDate date)
    {
        var d = new LocalDate(date.Year, date.Month, 1);
        while (d.DayOfWeek != IsoDayOfWeek.Tuesday)
        {
            d = d.PlusDays(1);
        }
        return d;
    }

    private static string Month(LocalDate date) => Platform.DutchFormat.Month(date.ToYearMonth());
}
