using Crisis.Domain.Identity;
using Crisis.Domain.Organisation;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// The demo region's piketrooster for the current quarter: weekly rotations (Monday 08:00) for the regional key
/// functions from their pools, some leave, an accepted swap and an open one, and deliberately one gap and one
/// conflict in the current week so that the coverage overview has something to show at once.
/// </summary>
public sealed class RosterDemo(
    ShiftService shifts, RotationService rotations, SwapService swaps, UnavailabilityService leave, CrisisDbContext db, IClock clock, DateTimeZone zone, IEnumerable<IRosterQualificationRule> rules)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var system = Actor.System("seed-demo");
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var quarterStart = new LocalDate(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var until = quarterStart.PlusMonths(3);
        if (Period.DaysBetween(today, until) < 35)
        {
            until = until.PlusMonths(3);
        }
        var from = quarterStart.PlusDays(-7);
        var weeks = (int)(Period.DaysBetween(from, until) / 7) + 1;

        var people = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).ToListAsync(ct);
        var qualifiedToday = await QualifiedOnAsync(people, today, ct);
        var taken = new HashSet<(Guid, int)>();
        foreach (var function in FunctionCatalogue.KeyFunctions)
        {
            var holders = people.Where(p => p.Functions.Any(f => f.FunctionCode == function.Code))
                .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Id).ToList();
            // Rotate the people qualified today (someone whose paspoort lapses later in the quarter then shows as a
            // conflict, as it would for a real planner); a pool with none keeps everyone.
            var pool = holders.Where(id => qualifiedToday(function.Code, id)).ToList();
            if (pool.Count == 0)
            {
                pool = holders;
            }
            if (pool.Count == 0)
            {
                continue;
            }
            // Start each pool where its people are least often on call elsewhere in the same week.
            var offset = Enumerable.Range(0, pool.Count)
                .MinBy(k => Enumerable.Range(0, weeks).Count(t => taken.Contains((pool[(t + k) % pool.Count], t))));
            var ordered = Enumerable.Range(0, pool.Count).Select(i => pool[(i + offset) % pool.Count]).ToList();
            for (var t = 0; t < weeks; t++)
            {
                taken.Add((ordered[t % ordered.Count], t));
            }
            await rotations.GenerateAsync(system,
                new RotationInput(function.Code, ordered, IsoDayOfWeek.Monday, new LocalTime(8, 0), 1, from, until), ct);
        }

        var now = clock.GetCurrentInstant();
        var nextMonday = today.With(DateAdjusters.Next(IsoDayOfWeek.Monday));
        PersonRecord Person(string email) => people.Single(p => p.Email == email);
        async Task<ShiftRecord?> NextShiftAsync(Guid person, string function, Instant after) =>
            (await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.PersonId == person && s.Function == function).ToListAsync(ct))
                .Where(s => s.Start > after).OrderBy(s => s.Start).FirstOrDefault();

        // Leave in weeks without piket duty: no conflict, but the planner sees it.
        foreach (var email in new[] { "r.hoekstra@aldervoort.example", "k.hendriks@groenmeer.example", "i.schouten@lindewold.example" })
        {
            var person = Person(email);
            var own = await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.PersonId == person.Id).ToListAsync(ct);
            for (var week = nextMonday.PlusWeeks(1); week < until; week = week.PlusWeeks(1))
            {
                var start = zone.AtStartOfDay(week).ToInstant();
                var end = zone.AtStartOfDay(week.PlusDays(5)).ToInstant();
                if (!own.Any(s => s.Start < end && s.End > start))
                {
                    await leave.AddAsync(system, person.Id, new LeaveInput(week.AtMidnight(), week.PlusDays(5).AtMidnight(), "Vakantie"), ct);
                    break;
                }
            }
        }

        // An accepted swap: Jeroen Bakhuis hands the first day of his next OvD-BZ week to Ruud Hoekstra.
        var jeroen = Person("ovd@lagelanden.example");
        var ruud = Person("r.hoekstra@aldervoort.example");
        if (await NextShiftAsync(jeroen.Id, FunctionCatalogue.OvdBz, now) is { } jeroensWeek)
        {
            var dayStart = jeroensWeek.Start.InZone(zone).LocalDateTime;
            var swap = await swaps.RequestAsync(As(jeroen, CrisisRole.Officer), new SwapInput(jeroensWeek.Id, ruud.Id, dayStart, dayStart.PlusDays(1)), ct);
            await swaps.AcceptAsync(As(ruud, CrisisRole.Officer), swap.Id, ct);
        }
        // An open request in Jeroen's inbox: Ruud asks him to take his next week.
        if (await NextShiftAsync(ruud.Id, FunctionCatalogue.OvdBz, now) is { } ruudsWeek)
        {
            await swaps.RequestAsync(As(ruud, CrisisRole.Officer), new SwapInput(ruudsWeek.Id, jeroen.Id), ct);
        }

        // The deliberate gap and conflict, both in the current week so that the coverage overview shows them at once.
        // The gap: nobody is Hoofd Nafase for twelve hours from tomorrow 20:00 (sooner when this rota week ends first).
        async Task<ShiftRecord?> OnCallNowAsync(string function) =>
            (await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.Function == function).ToListAsync(ct))
                .FirstOrDefault(s => s.Start <= now && now < s.End);
        if (await OnCallNowAsync(FunctionCatalogue.HoofdNafase) is { } nafase)
        {
            var gapStart = zone.AtLeniently(today.PlusDays(1).At(new LocalTime(20, 0))).ToInstant();
            if (gapStart > nafase.End - Duration.FromHours(4))
            {
                gapStart = Instant.Min(now + Duration.FromHours(2), nafase.End);
            }
            var gapEnd = Instant.Min(gapStart + Duration.FromHours(12), nafase.End);
            await shifts.DeleteAsync(system, nafase.Id, ct);
            foreach (var (start, end) in new[] { (nafase.Start, gapStart), (gapEnd, nafase.End) })
            {
                if (start < end)
                {
                    await shifts.CreateAsync(system,
                        new ShiftInput(nafase.Function, nafase.PersonId, start.InZone(zone).LocalDateTime, end.InZone(zone).LocalDateTime), ct);
                }
            }
        }
        // The conflict: the OvD-BZ on call this week has a dentist's appointment tomorrow afternoon, inside the shift.
        if (await OnCallNowAsync(FunctionCatalogue.OvdBz) is { } ovd)
        {
            var start = zone.AtLeniently(today.PlusDays(1).At(new LocalTime(13, 0))).ToInstant();
            if (start + Duration.FromHours(3) > ovd.End)
            {
                start = Instant.Min(now + Duration.FromHours(1), ovd.End);
            }
            var end = Instant.Min(start + Duration.FromHours(3), ovd.End);
            if (start < end)
            {
                await leave.AddAsync(system, ovd.PersonId, new LeaveInput(start.InZone(zone).LocalDateTime, end.InZone(zone).LocalDateTime, "Tandarts"), ct);
            }
        }
    }

    private static Actor As(PersonRecord person, CrisisRole role) => new(Guid.Empty, person.Name, person.Email, role, "seed-demo");

    /// <summary>Whether every registered qualification rule (e.g. the paspoort) holds for a person all day on <paramref name="day"/>.</summary>
    private async Task<Func<string, Guid, bool>> QualifiedOnAsync(IReadOnlyCollection<PersonRecord> people, LocalDate day, CancellationToken ct)
    {
        var during = new Interval(day.AtStartOfDayInZone(zone).ToInstant(), day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var functions = FunctionCatalogue.KeyFunctions.Select(f => f.Code).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var answers = new List<Crisis.Domain.Roster.Qualification>();
        foreach (var rule in rules)
        {
            answers.Add(await rule.LoadAsync(functions, ids, during, ct));
        }
        return (function, person) => answers.All(q =>
            q(function, person, during).Aggregate(Duration.Zero, (sum, i) => sum + i.Duration) >= during.Duration);
    }
}
