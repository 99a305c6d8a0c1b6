using System.Diagnostics;
using Crisis.Domain.Organisation;
using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Crisis.Web.Platform;
using Crisis.Web.Roster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using RecordResult = Crisis.Domain.Paspoort.RecordResult;
using RecordStatus = Crisis.Domain.Paspoort.RecordStatus;

namespace Crisis.Benchmarks.Roster;

/// <summary>
/// The region's coverage for one year, computed from the database through <see cref="CoverageService"/> (what
/// <c>GET /api/roster/coverage/region</c> does): 14 municipalities with their local AOV piket plus the 7 regional key
/// functions, pools of four, weekly shifts handing over Monday 08:00 for a year, and two weeks of leave per person.
/// The baseline is the pure <see cref="Coverage.ForRegion(IEnumerable{RosterFunction}, RosterPeriod, IEnumerable{Shift}, IEnumerable{Unavailability}, Qualification)"/>
/// on the same data already in memory, so the ratio is the cost of loading. Goal: under 20 ms.
/// </summary>
public static class RegionCoverageBenchmark
{
    private const int Iterations = 50;

    public static async Task RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("crisis-bench-roster-");
        try
        {
            await using var app = await BenchHost.StartAsync(Path.Combine(dir.FullName, "bench.db"));
            var zone = app.Services.GetRequiredService<DateTimeZone>();
            var from = new LocalDate(2027, 1, 4);
            var to = from.PlusWeeks(52);
            var data = await SeedAsync(app.Services, zone, from, to);

            // Baseline: the pure rules on data already in memory, with the same qualification the service applies
            // (holding the function, and every registered rule such as the paspoort), loaded once outside the timing.
            var period = RosterPeriod.Of(from, to, zone);
            var answers = new List<Qualification> { Qualifications.Holders(data.Holders) };
            await using (var rulesScope = app.Services.CreateAsyncScope())
            {
                foreach (var rule in rulesScope.ServiceProvider.GetServices<IRosterQualificationRule>())
                {
                    answers.Add(await rule.LoadAsync(data.Functions.Select(f => f.Code).ToList(),
                        data.Holders.Values.SelectMany(h => h).ToList(), period.Interval, CancellationToken.None));
                }
            }
            var qualification = Qualifications.All([.. answers]);
            RegionCoverage? pure = null;
            var baseline = Measure(() =>
            {
                pure = Coverage.ForRegion(data.Functions, period, data.Shifts, data.Leave, qualification);
                return Task.CompletedTask;
            });

            // From the database, through the service, a fresh scope (and DbContext) per call as a request has.
            RegionCoverageView? loaded = null;
            var service = await MeasureAsync(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                loaded = await scope.ServiceProvider.GetRequiredService<CoverageService>().RegionCoverageAsync(from, to);
            });

            Console.WriteLine();
            Console.WriteLine($"Region coverage for one year ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}), SQLite: {data.Functions.Count} functions, "
                + $"{data.Shifts.Count} weekly shifts, {data.Leave.Count} periods of leave, {data.People} people; {Iterations} runs each");
            Console.WriteLine($"{"run",-46} {"median ms",10} {"p95 ms",8} {"min ms",8}");
            Print("baseline: Coverage.ForRegion in memory", baseline);
            Print("CoverageService.RegionCoverageAsync from the DB", service);
            Console.WriteLine($"ratio (database / in memory): {service.Median / baseline.Median:0.0}x; goal for the year: < 20 ms -> {(service.Median < 20 ? "met" : "NOT met")}");
            Console.WriteLine($"check: {pure!.GapCount} gaps / {pure.ConflictCount} conflicts in memory, {loaded!.GapCount} / {loaded.ConflictCount} from the database");
            if (pure.GapCount != loaded.GapCount || pure.ConflictCount != loaded.ConflictCount)
            {
                throw new InvalidOperationException("The database path and the in-memory baseline disagree: the comparison is not like for like.");
            }
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private sealed record Run(double Median, double P95, double Min);

    private static void Print(string name, Run r) => Console.WriteLine($"{name,-46} {r.Median,10:0.000} {r.P95,8:0.000} {r.Min,8:0.000}");

    private static Run Measure(Func<Task> action) => MeasureAsync(action).GetAwaiter().GetResult();

    private static async Task<Run> MeasureAsync(Func<Task> action)
    {
        for (var i = 0; i < 5; i++)
        {
            await action(); // warm-up: JIT, query compilation, page cache
        }
        var times = new List<double>(Iterations);
        for (var i = 0; i < Iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Run(times[times.Count / 2], times[(int)(times.Count * 0.95)], times[0]);
    }

    private sealed record Data(
        List<RosterFunction> Functions, List<Shift> Shifts, List<Unavailability> Leave,
        Dictionary<string, IReadOnlySet<Guid>> Holders, int People);

    private static async Task<Data> SeedAsync(IServiceProvider services, DateTimeZone zone, LocalDate from, LocalDate to)
    {
        var system = Actor.System("bench");
        await using var scope = services.CreateAsyncScope();
        var org = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        for (var m = 1; m <= 14; m++)
        {
            await org.AddMunicipalityAsync(system, $"Gemeente {m:00}");
        }
        var functions = (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync()).OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
        var now = SystemClock.Instance.GetCurrentInstant();
        var period = RosterPeriod.Of(from, to, zone);
        var shifts = new List<Shift>();
        var leave = new List<Unavailability>();
        var holders = new Dictionary<string, IReadOnlySet<Guid>>();
        var people = 0;
        foreach (var (function, index) in functions.Select((f, i) => (f, i)))
        {
            var pool = new List<Guid>();
            for (var p = 0; p < 4; p++)
            {
                var person = new PersonRecord
                {
                    Id = Guid.NewGuid(), Name = $"Piket {function.Code} {p}", Email = $"p{index}-{p}@bench.example",
                    NormalizedEmail = $"P{index}-{p}@BENCH.EXAMPLE", Municipality = "Gemeente 01", CreatedAt = now,
                    Functions = [new PersonFunctionRecord { FunctionCode = function.Code }],
                };
                db.Add(person);
                pool.Add(person.Id);
                people++;
                // Two weeks of leave per person, spread over the year; where it meets their turn it is a conflict, as in real rosters.
                var week = from.PlusWeeks(4 * (p + index % 10) + (p + 1) % 4);
                var start = zone.AtStartOfDay(week).ToInstant();
                leave.Add(new Unavailability(person.Id, start, zone.AtStartOfDay(week.PlusDays(14)).ToInstant(), "Vakantie"));
            }
            holders[function.Code] = pool.ToHashSet();
            var rotation = Rotation.Weekly(function.Code, pool, IsoDayOfWeek.Monday, new LocalTime(8, 0), from);
            shifts.AddRange(RotationPlanner.Generate(rotation, period).Select(s => s.WithId(Guid.NewGuid())));
        }
        db.AddRange(shifts.Select(s => new ShiftRecord
        {
            Id = s.Id, Function = s.Function, PersonId = s.PersonId, Start = s.Start, End = s.End, Zone = zone.Id,
            Origin = ShiftOrigin.Rotation, CreatedAt = now, UpdatedAt = now,
        }));
        db.AddRange(leave.Select(u => new UnavailabilityRecord { Id = Guid.NewGuid(), PersonId = u.PersonId, Start = u.Start, End = u.End, Reason = u.Reason, CreatedAt = now }));
        db.AddRange(PaspoortRecords(await db.Set<PaspoortRequirementRow>().AsNoTracking().Where(r => r.RemovedAt == null).ToListAsync(), holders, from, now));
        await db.SaveChangesAsync();
        return new Data(functions.Select(f => new RosterFunction(f.Code, f.MinimumOnCall)).ToList(), shifts, leave, holders, people);
    }

    /// <summary>
    /// Paspoort records that meet every requirement of each person's function, dated a few weeks apart per person, so
    /// that some recurring requirements lapse during the year (unqualified weeks, as in a real region).
    /// </summary>
    private static IEnumerable<PaspoortRecordRow> PaspoortRecords(
        List<PaspoortRequirementRow> requirements, Dictionary<string, IReadOnlySet<Guid>> holders, LocalDate from, Instant now)
    {
        foreach (var (function, pool) in holders)
        {
            var index = 0;
            foreach (var person in pool)
            {
                foreach (var requirement in requirements.Where(r => r.Function == function))
                {
                    var date = requirement.ValidForMonths is null ? from.PlusYears(-3) : from.PlusDays(-20 - 25 * index);
                    for (var n = 0; n < requirement.MinimumCount; n++)
                    {
                        yield return new PaspoortRecordRow
                        {
                            Id = Guid.NewGuid(), PersonId = person, Kind = requirement.Kind, Activity = requirement.Name,
                            Date = date.PlusDays(-7 * n), Function = function, RequirementCode = requirement.Code,
                            Result = RecordResult.Passed, Status = RecordStatus.Confirmed, RecordedBy = Guid.Empty,
                            RecordedByName = "bench", RecordedAt = now,
                        };
                    }
                }
                index++;
            }
        }
    }
}
