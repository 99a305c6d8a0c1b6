using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>
/// A small Kestrel server on a loopback port that records every request and answers with what <see cref="Answer"/>
/// says: the push service and the webhook receiver of the channel tests.
/// </summary>
public sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _all = new();
    private readonly List<(Func<Request, bool> Match, TaskCompletionSource<Request> Done)> _waiting = [];

    private LoopbackHttp(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:port</c>, no trailing slash.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The status to answer a request with (201 unless a test says otherwise).</summary>
    public Func<Request, int> Answer { get; set; } = _ => StatusCodes.Status201Created;

    public IReadOnlyCollection<Request> Requests => _all;

    /// <summary>Awaited before answering (e.g. never, to stand for a receiver that hangs); null: answer at once.</summary>
    public Func<Request, CancellationToken, Task>? Stall { get; set; }

    public static async Task<LoopbackHttp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new LoopbackHttp(app);
        app.Run(http.HandleAsync);
        await app.StartAsync();
        http.Origin = app.Urls.Single().TrimEnd('/');
        return http;
    }

    public Task<Request> WaitForAsync(Func<Request, bool> match)
    {
        lock (_waiting)
        {
            if (_all.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }
            var done = new TaskCompletionSource<Request>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var request = new Request(http.Request.Method, http.Request.Path.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray());
        lock (_waiting)
        {
            _all.Enqueue(request);
            foreach (var w in _waiting.Where(w => w.Match(request)).ToList())
            {
                w.Done.TrySetResult(request);
                _waiting.Remove(w);
            }
        }
        if (Stall is { } stall)
        {
            await stall(request, http.RequestAborted);
        }
        http.Response.StatusCode = Answer(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }
}
