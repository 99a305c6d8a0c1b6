using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Benchmarks.Alerting;

/// <summary>
/// Alerting on the real host (SQLite, in-memory bus, real clock), with 1,000 open alerts in the database throughout:
/// <list type="number">
/// <item>raise → <c>AlertRaised</c> received on the recipient's hub connection, against the log's own path
/// (append → <c>LogEntryAdded</c> on a hub connection joined to the incident), measured alternately in the same run;</item>
/// <item>due time → escalation step received (<c>AlertRaised</c> at the next person on call, whom only the second step
/// reaches), for alerts whose second step falls due a minute after they were raised, against a bare in-process timer
/// set for the same due instants in the same run (the least any timer can do). The contract's goal is under 2 s.</item>
/// </list>
/// </summary>
public static class AlertingBenchmark
{
    private const string Background = "BENCH-ACHTERGROND";
    private const string Escalating = "BENCH-ESCALATIE";

    public static async Task RunAsync(int openAlerts = 1000, int samples = 200, int escalations = 100)
    {
        var dir = Directory.CreateTempSubdirectory("crisis-bench-");
        try
        {
            await using var app = await BenchHost.StartAsync(Path.Combine(dir.FullName, "bench.db"));
            var setup = await PrepareAsync(app);
            await using var onCall = await HubAsync(app, setup.OnCallToken);
            await using var next = await HubAsync(app, setup.NextToken);
            await using var watcher = await HubAsync(app, setup.CoordinatorToken);
            var raisedAtOnCall = Watch(onCall, "AlertRaised");
            var raisedAtNext = Watch(next, "AlertRaised");
            var logged = Watch(watcher, "LogEntryAdded");
            await watcher.InvokeAsync<JsonElement>("JoinIncident", setup.IncidentId, 0);

            var fill = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, openAlerts), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) => await RaiseAsync(setup.Coordinator, setup.IncidentId, Background, $"Achtergrond {i}"));
            fill.Stop();
            int open;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                // Counted in the database: the API's list stops at its page size.
                open = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<AlertRecord>().CountAsync(a => a.NextDueAt != null);
            }

            // Warm-up of both paths.
            for (var i = 0; i < 20; i++)
            {
                await RaiseAndWaitAsync(setup, raisedAtOnCall, $"Opwarmen {i}");
                await AppendAndWaitAsync(setup, logged, $"Opwarmen {i}");
            }
            var raise = new List<double>(samples);
            var append = new List<double>(samples);
            for (var i = 0; i < samples; i++)
            {
                raise.Add(await RaiseAndWaitAsync(setup, raisedAtOnCall, $"Meting {i}"));
                append.Add(await AppendAndWaitAsync(setup, logged, $"Meting {i}"));
            }

            var (step, timer) = await EscalateAsync(setup, raisedAtNext, escalations);

            Console.WriteLine();
            Console.WriteLine($"Alerting, real host over loopback (SQLite WAL, in-memory bus, real clock); {open} open alerts with a step still to come (filled in {fill.Elapsed.TotalSeconds:0.0} s)");
            Console.WriteLine($"{"measure",-58} {"n",5} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
            Print("raise -> AlertRaised at the recipient's hub", raise);
            Print("baseline: log append -> LogEntryAdded at a joined hub", append);
            Console.WriteLine($"ratio raise / log append: p50 {Ratio(raise, append, 0.50):0.00}x, p99 {Ratio(raise, append, 0.99):0.00}x");
            Print("due -> escalation step at the next person's hub", step);
            Print("baseline: due -> bare in-process timer", timer);
            Console.WriteLine($"escalation step minus bare timer: p50 {Pct(step, 0.50) - Pct(timer, 0.50):0.0} ms, p99 {Pct(step, 0.99) - Pct(timer, 0.99):0.0} ms");
            var late = step.Count(ms => ms >= 2000);
            Console.WriteLine($"goal (every step within 2 s of its due time): {(late == 0 ? "met" : $"NOT met, {late} of {step.Count} later")}");
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private sealed record Setup(HttpClient Coordinator, string CoordinatorToken, string OnCallToken, string NextToken, Guid IncidentId);

    private static async Task<Setup> PrepareAsync(WebApplication app)
    {
        var coordinatorToken = await BenchHost.UserAsync(app, "coordinator@bench.example", "Coördinator", CrisisRole.Coordinator);
        var coordinator = BenchHost.ClientFor(app, coordinatorToken);
        await PostAsync(coordinator, "/api/municipalities", new { name = "Bankdorp" });
        foreach (var code in new[] { Background, Escalating })
        {
            await PostAsync(coordinator, "/api/functions", new { code, name = code, minimumOnCall = 1 });
        }
        // The background alerts' second step is two hours out; the measured ones escalate after one minute.
        await PutAsync(coordinator, $"/api/functions/{Background}/escalation", new { steps = new object[] { new { afterMinutes = 0, notify = "oncall" }, new { afterMinutes = 120, notify = "pool" } }, repeat = 0 });
        await PutAsync(coordinator, $"/api/functions/{Escalating}/escalation", new { steps = new object[] { new { afterMinutes = 0, notify = "oncall" }, new { afterMinutes = 1, notify = "next-oncall" } }, repeat = 0 });

        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var local = SystemClock.Instance.GetCurrentInstant().InZone(zone).LocalDateTime;
        var hour = local.Date.At(new LocalTime(local.Hour, 0));
        string Local(LocalDateTime t) => LocalDateTimePattern.GeneralIso.Format(t);
        var tokens = new List<string>();
        foreach (var (email, from, to) in new[] { ("piket@bench.example", hour.PlusHours(-1), hour.PlusDays(7)), ("volgende@bench.example", hour.PlusDays(7), hour.PlusDays(14)) })
        {
            tokens.Add(await BenchHost.UserAsync(app, email, email.Split('@')[0], CrisisRole.Officer));
            var person = await PostAsync<PersonDto>(coordinator, "/api/people", new { name = email.Split('@')[0], email, municipality = "Bankdorp", functions = new[] { Background, Escalating } });
            foreach (var function in new[] { Background, Escalating })
            {
                await PostAsync(coordinator, "/api/roster/shifts", new { function, personId = person.Id, start = Local(from), end = Local(to) });
            }
        }
        var incident = await PostAsync<IncidentDto>(coordinator, "/api/incidents", new { title = "Benchmark alarmering" });
        return new Setup(coordinator, coordinatorToken, tokens[0], tokens[1], incident.Id);
    }

    /// <summary>One raise, timed from the request to the recipient's <c>AlertRaised</c> for that alert.</summary>
    private static async Task<double> RaiseAndWaitAsync(Setup setup, Arrivals arrivals, string message)
    {
        var sw = Stopwatch.StartNew();
        var alert = await RaiseAsync(setup.Coordinator, setup.IncidentId, Background, message);
        await arrivals.WaitForAsync(alert.Id);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> AppendAndWaitAsync(Setup setup, Arrivals arrivals, string text)
    {
        var sw = Stopwatch.StartNew();
        var entry = await PostAsync<LogEntryDto>(setup.Coordinator, $"/api/incidents/{setup.IncidentId}/log", new { kind = "info", text });
        await arrivals.WaitForAsync(entry.Id);
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Raises <paramref name="count"/> alerts a tenth of a second apart whose second step is due a minute after each
    /// was raised, sets a bare timer for each due instant, and returns both lateness lists once every step arrived.
    /// </summary>
    private static async Task<(List<double> Step, List<double> Timer)> EscalateAsync(Setup setup, Arrivals arrivals, int count)
    {
        var step = new ConcurrentBag<double>();
        var timer = new ConcurrentBag<double>();
        var waits = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var alert = await RaiseAsync(setup.Coordinator, setup.IncidentId, Escalating, $"Escalatie {i}");
            var due = alert.RaisedAt + Duration.FromMinutes(1);
            waits.Add(Task.Run(async () =>
            {
                await arrivals.WaitForAsync(alert.Id, TimeSpan.FromMinutes(3));
                step.Add((SystemClock.Instance.GetCurrentInstant() - due).TotalMilliseconds);
            }));
            waits.Add(Task.Run(async () =>
            {
                var wait = due - SystemClock.Instance.GetCurrentInstant();
                if (wait > Duration.Zero)
                {
                    await Task.Delay(wait.ToTimeSpan());
                }
                timer.Add((SystemClock.Instance.GetCurrentInstant() - due).TotalMilliseconds);
            }));
            await Task.Delay(100);
        }
        await Task.WhenAll(waits);
        return (step.ToList(), timer.ToList());
    }

    private static async Task<AlertDto> RaiseAsync(HttpClient client, Guid incidentId, string function, string message) =>
        await PostAsync<AlertDto>(client, "/api/alerts", new { incidentId, targets = new[] { new { function } }, message });

    private static async Task PostAsync(HttpClient client, string path, object body) =>
        (await client.PostAsJsonAsync(path, body, CrisisJson.Options)).EnsureSuccessStatusCode();

    private static async Task PutAsync(HttpClient client, string path, object body) =>
        (await client.PutAsJsonAsync(path, body, CrisisJson.Options)).EnsureSuccessStatusCode();

    private static async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, CrisisJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(CrisisJson.Options))!;
    }

    private static async Task<HubConnection> HubAsync(WebApplication app, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BenchHost.AddressOf(app), "/hubs/crisis"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    /// <summary>The ids of the messages a hub connection received, and a way to wait for one.</summary>
    private sealed class Arrivals
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _seen = new();

        public void Arrived(Guid id) => Slot(id).TrySetResult();

        public Task WaitForAsync(Guid id, TimeSpan? timeout = null) => Slot(id).Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));

        private TaskCompletionSource Slot(Guid id) => _seen.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private static Arrivals Watch(HubConnection hub, string method)
    {
        var arrivals = new Arrivals();
        hub.On<JsonElement>(method, message => arrivals.Arrived(message.GetProperty("id").GetGuid()));
        return arrivals;
    }

    private static double Pct(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return BenchHost.Percentile(sorted, p);
    }

    private static double Ratio(List<double> a, List<double> b, double p) => Pct(a, p) / Pct(b, p);

    private static void Print(string name, List<double> values) =>
        Console.WriteLine($"{name,-58} {values.Count,5} {Pct(values, 0.50),8:0.0} {Pct(values, 0.99),8:0.0} {values.Max(),8:0.0}");
}
