using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Benchmarks.Load;

/// <summary>Latencies of one run, in milliseconds, and how many were acknowledged per second.</summary>
public sealed record LoadRun(int Count, double PerSecond, double P50, double P99, double Max)
{
    public static LoadRun Of(List<double> latencies, TimeSpan elapsed)
    {
        latencies.Sort();
        return latencies.Count == 0
            ? new LoadRun(0, 0, double.NaN, double.NaN, double.NaN)
            : new LoadRun(latencies.Count, latencies.Count / elapsed.TotalSeconds,
                BenchHost.Percentile(latencies, 0.50), BenchHost.Percentile(latencies, 0.99), latencies[^1]);
    }
}

/// <summary>The load generator: the same requests and hub calls against Crisis and the bare server, over loopback.</summary>
public sealed class LoadClient(LoadServer server) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = server.Url,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private int _failures;

    public HttpClient Http => _http;

    public int Failures => _failures;

    /// <summary>One acknowledged append over the API as the <paramref name="writer"/>-th user; false when it was refused.</summary>
    public async Task<bool> AppendAsync(int writer, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{server.Ready.IncidentId}/log")
        {
            Content = JsonContent.Create(new { kind = "info", text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Ready.Tokens[writer % server.Ready.Tokens.Length]);
        try
        {
            using var response = await _http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Counted as a failure: an overloaded server must show in the figures, not end the run.
        }
        Interlocked.Increment(ref _failures);
        return false;
    }

    /// <summary>Closed loop: <paramref name="writers"/> writers, each appending again as soon as its last append was acknowledged.</summary>
    public async Task<LoadRun> ClosedLoopAsync(int writers, TimeSpan duration)
    {
        var latencies = new List<double>[writers];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var mine = latencies[w] = [];
            var n = 0;
            while (total.Elapsed < duration)
            {
                var start = total.Elapsed;
                if (await AppendAsync(w, $"Schrijver {w}, regel {n++}: rookontwikkeling richting de wijk, ramen en deuren sluiten."))
                {
                    mine.Add((total.Elapsed - start).TotalMilliseconds);
                }
            }
        }));
        total.Stop();
        return LoadRun.Of(latencies.SelectMany(l => l).ToList(), total.Elapsed);
    }

    /// <summary>
    /// Open loop: appends started at a steady <paramref name="perSecond"/> whatever the server does, each latency counted from
    /// the moment it was due (so a stalled server is not hidden by requests that were never sent).
    /// </summary>
    public async Task<LoadRun> OpenLoopAsync(double perSecond, TimeSpan duration)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var ok = new bool[count];
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var n = i;
            inFlight.Add(Task.Run(async () =>
            {
                ok[n] = await AppendAsync(n, $"Regel {n} op vast tempo: verkeersregelaars ingezet bij de afrit.");
                latencies[n] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(inFlight);
        return LoadRun.Of(latencies.Where((_, i) => ok[i]).ToList(), clock.Elapsed);
    }

    /// <summary>A hub connection as the <paramref name="user"/>-th user (WebSockets, the token as access_token).</summary>
    public HubConnection Hub(int user)
    {
        var token = server.Ready.Tokens[user % server.Ready.Tokens.Length];
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.Url, "/hubs/crisis"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
    }

    /// <summary>Joins the incident and reads until caught up (Crisis answers a page at a time); returns how many entries came.</summary>
    public async Task<int> JoinAndCatchUpAsync(HubConnection hub, int page = 500)
    {
        var incident = server.Ready.IncidentId;
        var entries = await hub.InvokeAsync<List<JsonElement>>("JoinIncident", incident, 0);
        var count = entries.Count;
        var last = entries.Count > 0 ? entries[^1].GetProperty("seq").GetInt32() : 0;
        var got = entries.Count;
        while (got >= page)
        {
            var more = await hub.InvokeAsync<List<JsonElement>>("ReadLog", incident, last, page);
            got = more.Count;
            count += got;
            if (got > 0)
            {
                last = more[^1].GetProperty("seq").GetInt32();
            }
        }
        return count;
    }

    public void Dispose() => _http.Dispose();
}
