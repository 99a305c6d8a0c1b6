using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crisis.Benchmarks.Incidents;

/// <summary>
/// How many durable log appends per second the real host takes over loopback HTTP, on the embedded defaults
/// (SQLite in WAL mode with synchronous=FULL). The baseline is one writer at a time, where every entry waits for
/// its own commit; against it, 50 concurrent writers, whose entries the log writer groups into shared commits.
/// </summary>
public static class LogAppendBenchmark
{
    /// <param name="team">The team every entry is filed under (null: none), so the team check of the append path is measured too.</param>
    public static async Task RunAsync(int entries, string? team = null)
    {
        var dir = Directory.CreateTempSubdirectory("crisis-bench-");
        try
        {
            await using var app = await BenchHost.StartAsync(Path.Combine(dir.FullName, "bench.db"));
            var (client, incidentA, incidentB) = await PrepareAsync(app);

            // Warm-up: JIT, connection pools, SQLite page cache.
            await AppendAsync(client, incidentA, 50, 10, team);

            var baseline = await AppendAsync(client, incidentA, entries, concurrency: 1, team);
            var grouped = await AppendAsync(client, incidentB, entries, concurrency: 50, team);

            Console.WriteLine();
            Console.WriteLine($"Log append, real host over loopback HTTP, SQLite WAL synchronous=FULL, {entries} entries per run{(team is null ? "" : $", team {team}")}");
            Console.WriteLine($"{"run",-34} {"entries/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
            Print("baseline: 1 writer at a time", baseline);
            Print("group commit: 50 concurrent", grouped);
            Console.WriteLine($"throughput ratio (group commit / baseline): {grouped.PerSecond / baseline.PerSecond:0.00}x");
            await VerifyGaplessAsync(client, incidentB, entries);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static void Print(string name, Run r) =>
        Console.WriteLine($"{name,-34} {r.PerSecond,10:0} {r.P50,8:0.00} {r.P95,8:0.00} {r.P99,8:0.00}");

    private sealed record Run(double PerSecond, double P50, double P95, double P99);

    private static async Task<Run> AppendAsync(HttpClient client, Guid incident, int count, int concurrency, string? team)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var sw = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync($"/api/incidents/{incident}/log",
                    new { kind = "info", text = $"Benchmarkregel {i}: rookontwikkeling richting de wijk, ramen en deuren sluiten.", team });
                response.EnsureSuccessStatusCode();
                latencies[i] = sw.Elapsed.TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new Run(count / total.Elapsed.TotalSeconds,
            BenchHost.Percentile(latencies, 0.50), BenchHost.Percentile(latencies, 0.95), BenchHost.Percentile(latencies, 0.99));
    }

    private static async Task VerifyGaplessAsync(HttpClient client, Guid incident, int count)
    {
        // The API answers a page at a time (IncidentService.MaxPage): read on after each page's last seq.
        var log = new List<LogEntryDto>();
        List<LogEntryDto> page;
        do
        {
            page = (await client.GetFromJsonAsync<List<LogEntryDto>>($"/api/incidents/{incident}/log?afterSeq={(log.Count > 0 ? log[^1].Seq : 0)}", CrisisJson.Options))!;
            log.AddRange(page);
        }
        while (page.Count == IncidentService.MaxPage);
        var ok = log.Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, count));
        Console.WriteLine($"check: {log.Count} entries stored with seq 1..{count} and no gaps: {(ok ? "yes" : "NO")}");
        if (!ok)
        {
            throw new InvalidOperationException("The grouped run lost, duplicated or reordered entries.");
        }
    }

    private static async Task<(HttpClient, Guid, Guid)> PrepareAsync(WebApplication app)
    {
        var client = BenchHost.ClientFor(app, await BenchHost.UserAsync(app, "bench@bench.example", "Benchmark", CrisisRole.Officer));
        async Task<Guid> Open(string title)
        {
            var r = await client.PostAsJsonAsync("/api/incidents", new { title });
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<IncidentDto>(CrisisJson.Options))!.Id;
        }
        return (client, await Open("Benchmark baseline"), await Open("Benchmark group commit"));
    }
}
