using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Benchmarks.Load;

/// <summary>What a server child process tells the benchmark when it is ready.</summary>
public sealed record ServerReady(string Url, Guid IncidentId, string[] Tokens);

/// <summary>
/// The servers the load benchmarks measure run in a process of their own (this executable with <c>serve …</c>), so their
/// CPU time and memory are theirs alone, not the load generator's. <c>crisis</c>: the real host (embedded defaults,
/// SQLite) with <c>users</c> officers taking part in one incident; <c>crisis-postgres</c>: the same on PostgreSQL; <c>bare</c>: <see cref="BareServer"/> on SQLite;
/// <c>bare-memory</c>: the same without the database.
/// </summary>
public sealed class LoadServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dir;

    private LoadServer(Process process, DirectoryInfo dir, ServerReady ready, string name)
    {
        _process = process;
        _dir = dir;
        Ready = ready;
        Name = name;
    }

    public ServerReady Ready { get; }

    public string Name { get; }

    public Uri Url => new(Ready.Url);

    /// <summary>Starts a server child process and waits until it says where it listens.</summary>
    public static async Task<LoadServer> StartAsync(string kind, int users)
    {
        var dir = Directory.CreateTempSubdirectory("crisis-load-");
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadServer).Assembly.Location);
        }
        foreach (var arg in new[] { "serve", kind, Path.Combine(dir.FullName, "load.db"), users.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                var ready = JsonSerializer.Deserialize<ServerReady>(line["READY ".Length..])!;
                return new LoadServer(process, dir, ready, kind);
            }
        }
        throw new InvalidOperationException($"The {kind} server exited before it was ready (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>The server process's CPU time (user and system) so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server's resident memory after a full, compacting garbage collection in it.</summary>
    public async Task<long> SettledRssAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "/bench/gc"));
        request.Headers.Add("X-Crisis-Request", "1");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        await Task.Delay(200);
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try { _dir.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    /// <summary>The child side: <c>serve crisis|bare|bare-memory dbFile users</c>. Runs until its standard input closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var (kind, dbFile, users) = (args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        WebApplication app;
        ServerReady ready;
        string? postgres = null;
        if (kind == "crisis-postgres")
        {
            // A database of its own on the server CRISIS_TEST_POSTGRES names (ops/services.sh), dropped at the end.
            postgres = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CRISIS_TEST_POSTGRES")
                ?? throw new InvalidOperationException("CRISIS_TEST_POSTGRES is not set; start ops/services.sh first."))
            {
                Database = $"crisis_bench_{Environment.ProcessId}",
            }.ToString();
        }
        if (kind.StartsWith("crisis", StringComparison.Ordinal))
        {
            app = await BenchHost.StartAsync(dbFile, MapBenchEndpoints, postgres);
            ready = await PrepareCrisisAsync(app, users);
        }
        else
        {
            app = await BareServer.StartAsync(dbFile, durable: kind == "bare");
            ready = new ServerReady(BenchHost.AddressOf(app).ToString(), Guid.NewGuid(), Enumerable.Repeat("bare", users).ToArray());
        }
        Console.WriteLine("READY " + JsonSerializer.Serialize(ready));
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        if (postgres is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Crisis.Web.Data.CrisisDbContext>().Database.EnsureDeletedAsync();
        }
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The benchmark's own endpoint in a server child: a full collection, so resident memory can be compared.</summary>
    public static void MapBenchEndpoints(IEndpointRouteBuilder app) =>
        app.MapPost("/bench/gc", () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return Results.Ok();
        }).AllowAnonymous();

    /// <summary>A coordinator opens one incident; <paramref name="users"/> officers take part in it, each with a token.</summary>
    private static async Task<ServerReady> PrepareCrisisAsync(WebApplication app, int users)
    {
        using var coordinator = BenchHost.ClientFor(app, await BenchHost.UserAsync(app, "coordinator@load.example", "Coördinator", CrisisRole.Coordinator));
        var opened = await coordinator.PostAsJsonAsync("/api/incidents", new { title = "Belastingproef" });
        opened.EnsureSuccessStatusCode();
        var incident = (await opened.Content.ReadFromJsonAsync<IncidentDto>(CrisisJson.Options))!.Id;
        var tokens = new string[users];
        for (var i = 0; i < users; i++)
        {
            var email = $"officer{i}@load.example";
            tokens[i] = await BenchHost.UserAsync(app, email, $"Officier {i}", CrisisRole.Officer);
            (await coordinator.PostAsJsonAsync($"/api/incidents/{incident}/participants", new { email })).EnsureSuccessStatusCode();
        }
        return new ServerReady(BenchHost.AddressOf(app).ToString(), incident, tokens);
    }
}
