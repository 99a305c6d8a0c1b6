using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Benchmarks.Load;

/// <summary>
/// Issue 15's load figures, each printed beside the same figure of the bare server (<see cref="BareServer"/>) measured in
/// the same run on the same machine, and the ratio. The servers run in processes of their own on 127.0.0.1; the load
/// generator is this process.
/// </summary>
public static class LoadBenchmarks
{
    // Long enough for tiered compilation to settle on a busy 2-core machine: with 3 s the JIT still took half the CPU.
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>append [writers] [seconds] [rate]</c>: acknowledged appends per second with <paramref name="writers"/> concurrent
    /// writers (closed loop), their p50/p99, the server's CPU time per append; then p99 at a steady <paramref name="rate"/>
    /// (open loop).
    /// </summary>
    public static async Task AppendAsync(int writers, int seconds, double rate, bool postgres = false)
    {
        var results = new Dictionary<string, (LoadRun Closed, double CpuMs, LoadRun Open, int Failures)>();
        foreach (var kind in new[] { postgres ? "crisis-postgres" : "crisis", "bare" })
        {
            await using var server = await LoadServer.StartAsync(kind, writers);
            using var client = new LoadClient(server);
            await client.ClosedLoopAsync(writers, Warmup);
            var cpu = server.CpuTime;
            var closed = await client.ClosedLoopAsync(writers, TimeSpan.FromSeconds(seconds));
            var cpuMs = (server.CpuTime - cpu).TotalMilliseconds / Math.Max(1, closed.Count);
            Console.WriteLine($"{kind}: {closed.PerSecond:0} acks/s, p50 {closed.P50:0.0} ms, p99 {closed.P99:0.0} ms, CPU {cpuMs:0.000} ms per append");
            var open = await client.OpenLoopAsync(rate, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"{kind}: at {rate:0}/s p50 {open.P50:0.0} ms, p99 {open.P99:0.0} ms ({open.Count} acknowledged)");
            results[kind] = (closed, cpuMs, open, client.Failures);
        }
        var (c, b) = (results[postgres ? "crisis-postgres" : "crisis"], results["bare"]);
        Header($"append: {writers} concurrent writers for {seconds} s (closed loop), then {rate:0}/s for {seconds} s (open loop); "
            + (postgres ? "Crisis on PostgreSQL, the bare server on SQLite WAL synchronous=FULL" : "SQLite WAL synchronous=FULL"));
        Row($"acknowledged appends/s, {writers} writers", c.Closed.PerSecond, b.Closed.PerSecond, "0");
        Row($"ack p50 ms, {writers} writers", c.Closed.P50, b.Closed.P50, "0.0");
        Row($"ack p99 ms, {writers} writers", c.Closed.P99, b.Closed.P99, "0.0");
        Row("server CPU ms per append", c.CpuMs, b.CpuMs, "0.000");
        Row($"ack p50 ms at {rate:0}/s", c.Open.P50, b.Open.P50, "0.0");
        Row($"ack p99 ms at {rate:0}/s", c.Open.P99, b.Open.P99, "0.0");
        Row($"acknowledged/s at {rate:0}/s", c.Open.PerSecond, b.Open.PerSecond, "0");
        Console.WriteLine($"refused, failed or timed out (30 s) requests: crisis {c.Failures}, bare {b.Failures}");
    }

    /// <summary><c>fanout [clients] [samples]</c>: from POST to receipt of <c>LogEntryAdded</c> at every one of <paramref name="clients"/> hub clients.</summary>
    public static async Task FanoutAsync(int clients, int samples)
    {
        var results = new Dictionary<string, LoadRun>();
        foreach (var kind in new[] { "crisis", "bare-memory", "bare" })
        {
            await using var server = await LoadServer.StartAsync(kind, Math.Min(clients, 50));
            using var client = new LoadClient(server);
            var hubs = new List<HubConnection>(clients);
            var sentAt = new ConcurrentDictionary<int, long>();
            var latencies = new ConcurrentBag<double>();
            var pending = 0;
            TaskCompletionSource? allReceived = null;
            for (var i = 0; i < clients; i++)
            {
                var hub = client.Hub(i);
                hub.On<JsonElement>("LogEntryAdded", entry =>
                {
                    var text = entry.GetProperty("text").GetString() ?? "";
                    if (text.StartsWith("fanout ", StringComparison.Ordinal)
                        && sentAt.TryGetValue(int.Parse(text["fanout ".Length..], CultureInfo.InvariantCulture), out var at))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                        if (Interlocked.Decrement(ref pending) == 0)
                        {
                            allReceived?.TrySetResult();
                        }
                    }
                });
                await hub.StartAsync();
                await hub.InvokeAsync<List<JsonElement>>("JoinIncident", server.Ready.IncidentId, 0);
                hubs.Add(hub);
            }
            for (var s = -10; s < samples; s++)
            {
                allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                pending = clients;
                var warm = s < 0;
                sentAt[s] = Stopwatch.GetTimestamp();
                if (!await client.AppendAsync(s + 10, $"fanout {s}"))
                {
                    throw new InvalidOperationException($"The {kind} server refused a fan-out append.");
                }
                await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(60));
                if (warm)
                {
                    latencies.Clear();
                }
            }
            results[kind] = LoadRun.Of(latencies.ToList(), TimeSpan.FromSeconds(1));
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
        var (c, m, b) = (results["crisis"], results["bare-memory"], results["bare"]);
        Header($"fanout: POST -> LogEntryAdded at each of {clients} hub clients, {samples} entries one after another ({c.Count} receipts)", columns: false);
        Console.WriteLine($"{"figure",-44} {"crisis",10} {"bare mem",10} {"ratio",8} {"bare durable",13} {"ratio",8}");
        foreach (var (name, cv, mv, bv) in new[] { ("p50 ms", c.P50, m.P50, b.P50), ("p99 ms", c.P99, m.P99, b.P99), ("max ms", c.Max, m.Max, b.Max) })
        {
            Console.WriteLine($"{name,-44} {cv,10:0.0} {mv,10:0.0} {cv / mv,7:0.0}x {bv,13:0.0} {cv / bv,7:0.0}x");
        }
    }

    /// <summary><c>connections [n]</c>: the server's resident memory per idle authenticated hub connection, and the time to join <paramref name="n"/>.</summary>
    public static async Task ConnectionsAsync(int n)
    {
        var results = new Dictionary<string, (double KbPerConnection, double Seconds, long BaseMb)>();
        foreach (var kind in new[] { "crisis", "bare-memory" })
        {
            await using var server = await LoadServer.StartAsync(kind, 50);
            using var client = new LoadClient(server);
            // The paths a connection takes are warm (JIT, pools) before memory is read.
            await using (var warm = client.Hub(0))
            {
                await warm.StartAsync();
                await warm.InvokeAsync<List<JsonElement>>("JoinIncident", server.Ready.IncidentId, 0);
            }
            var before = await server.SettledRssAsync(client.Http);
            var hubs = new ConcurrentBag<HubConnection>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            {
                var hub = client.Hub(i);
                await hub.StartAsync(ct);
                await hub.InvokeAsync<List<JsonElement>>("JoinIncident", server.Ready.IncidentId, 0, ct);
                hubs.Add(hub);
            });
            clock.Stop();
            var after = await server.SettledRssAsync(client.Http);
            results[kind] = ((after - before) / 1024.0 / n, clock.Elapsed.TotalSeconds, before / 1024 / 1024);
            await Parallel.ForEachAsync(hubs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (hub, _) => await hub.DisposeAsync());
        }
        var (c, b) = (results["crisis"], results["bare-memory"]);
        Header($"connections: {n} authenticated hub connections (WebSockets), each joined to the incident, then idle");
        Row("server RSS KiB per idle connection", c.KbPerConnection, b.KbPerConnection, "0.0");
        Row($"seconds to connect and join {n}", c.Seconds, b.Seconds, "0.00");
        Row("server RSS MiB before (settled)", c.BaseMb, b.BaseMb, "0");
    }

    /// <summary><c>resync [entries] [joins]</c>: a hub client joining an incident of <paramref name="entries"/> entries and reading them all.</summary>
    public static async Task ResyncAsync(int entries, int joins)
    {
        var results = new Dictionary<string, LoadRun>();
        foreach (var kind in new[] { "crisis", "bare" })
        {
            await using var server = await LoadServer.StartAsync(kind, 50);
            using var client = new LoadClient(server);
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 50).Select(async w =>
            {
                while (Interlocked.Increment(ref next) < entries)
                {
                    if (!await client.AppendAsync(w, $"Resync-regel {next}: situatie ter plaatse, omgeving afgezet."))
                    {
                        throw new InvalidOperationException($"The {kind} server refused an append.");
                    }
                }
            }));
            await using var hub = client.Hub(0);
            await hub.StartAsync();
            var latencies = new List<double>(joins);
            for (var j = -3; j < joins; j++)
            {
                var clock = Stopwatch.StartNew();
                var got = await client.JoinAndCatchUpAsync(hub);
                clock.Stop();
                if (got != entries)
                {
                    throw new InvalidOperationException($"The {kind} server resynced {got} of {entries} entries.");
                }
                if (j >= 0)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            results[kind] = LoadRun.Of(latencies, TimeSpan.FromSeconds(1));
        }
        var (c, b) = (results["crisis"], results["bare"]);
        Header($"resync: hub join of an incident with {entries} entries, read to the end ({joins} joins; Crisis answers {500} per call, the bare server all at once)");
        Row("join + catch-up p50 ms", c.P50, b.P50, "0.0");
        Row("join + catch-up p99 ms", c.P99, b.P99, "0.0");
    }

    private static void Header(string title, bool columns = true)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");
        if (columns)
        {
            Console.WriteLine($"{"figure",-44} {"crisis",10} {"bare",10} {"ratio",8}");
        }
    }

    private static void Row(string name, double crisis, double bare, string format) =>
        Console.WriteLine($"{name,-44} {crisis.ToString(format, CultureInfo.InvariantCulture),10} {bare.ToString(format, CultureInfo.InvariantCulture),10} {(crisis / bare).ToString("0.00", CultureInfo.InvariantCulture),7}x");

    /// <summary>The 1, 5 and 15 minute load averages (Linux), so a reader knows how busy the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
