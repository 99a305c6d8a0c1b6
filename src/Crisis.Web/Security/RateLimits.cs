using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Crisis.Domain;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Security;

/// <summary>
/// How much one client may ask, under <c>Crisis:RateLimits</c> (<c>Crisis__RateLimits__Writes__PerSecond=20</c>).
/// Each limit is a token bucket: <see cref="BucketLimit.Burst"/> requests at once, refilled at
/// <see cref="BucketLimit.PerSecond"/>. The defaults are far above what an officer does during a real incident
/// (a log entry every few seconds, bursts when a team reports in) and far below a script. Limits are per node.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Crisis:RateLimits";

    /// <summary>Off only for tests that are not about limits; production keeps them on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Login attempts from one IP address: against guessing one person's password.</summary>
    public BucketLimit LoginPerIp { get; set; } = new() { Burst = 20, PerSecond = 0.5 };

    /// <summary>Login attempts from everywhere together: against password spraying from many addresses.</summary>
    public BucketLimit LoginGlobal { get; set; } = new() { Burst = 60, PerSecond = 3 };

    /// <summary>API writes (POST, PUT, PATCH, DELETE) of one user: creating incidents, appending log entries.</summary>
    public BucketLimit Writes { get; set; } = new() { Burst = 100, PerSecond = 10 };

    /// <summary>API reads (GET, HEAD) of one user.</summary>
    public BucketLimit Reads { get; set; } = new() { Burst = 600, PerSecond = 60 };

    /// <summary>API requests from one IP address without a valid credential (a bogus or revoked token).</summary>
    public BucketLimit Anonymous { get; set; } = new() { Burst = 60, PerSecond = 5 };

    /// <summary>Hub method calls of one connection (<c>AppendLog</c>, <c>JoinIncident</c>, …).</summary>
    public BucketLimit Hub { get; set; } = new() { Burst = 100, PerSecond = 10 };

    /// <summary>Feature calls of one open page (a Blazor circuit), through <c>UiSession</c>: refused in Dutch on the page.</summary>
    public BucketLimit Ui { get; set; } = new() { Burst = 300, PerSecond = 30 };
}

/// <summary>
/// The limit of one open page (scoped: one per Blazor circuit): <c>UiSession</c> takes a token before each feature
/// call, and a refusal is shown in Dutch like any other (<see cref="RateLimitRefusals.TooMany"/>).
/// </summary>
public sealed class UiCallLimit(IOptionsMonitor<RateLimitOptions> options, IClock clock)
{
    private ClockTokenBucket? _bucket;

    public void Take()
    {
        var limits = options.CurrentValue;
        if (!limits.Enabled)
        {
            return;
        }
        _bucket ??= new ClockTokenBucket(clock, limits.Ui.Burst, limits.Ui.PerSecond);
        using var lease = _bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw RateLimitRefusals.TooMany.Raise(("seconds", RateLimits.SecondsOf(lease)));
        }
    }
}

public sealed class BucketLimit
{
    public int Burst { get; set; } = 1;
    public double PerSecond { get; set; } = 1;
}

/// <summary>The refusal of a request over its limit, said in English by the API and the hub and in Dutch by the pages.</summary>
public static class RateLimitRefusals
{
    /// <summary>Args: seconds (until the next request is allowed, at least 1).</summary>
    public static readonly RefusalCode TooMany = new("platform.rate-limited", ViolationKind.TooMany);
}

internal sealed class RateLimitTexts : PhraseTable
{
    public RateLimitTexts() => Add(RateLimitRefusals.TooMany,
        "Too many requests in a short time; wait {seconds} s and try again. Nothing was changed by the refused request.",
        "Te veel verzoeken kort na elkaar; wacht {seconds} s en probeer het opnieuw. Het geweigerde verzoek heeft niets veranderd.");
}

/// <summary>The one place where limits are set up: the ASP.NET Core rate limiter for HTTP and a hub filter per connection.</summary>
public static class RateLimits
{
    public static IServiceCollection AddCrisisRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddScoped<UiCallLimit>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PerCaller),
                PartitionedRateLimiter.Create<HttpContext, string>(Global));
            o.OnRejected = (context, _) => WriteRejectionAsync(context.HttpContext, context.Lease);
        });
        return services;
    }

    /// <summary>After authentication (limits are per user) and before authorization (a refused caller costs nothing more).</summary>
    public static IApplicationBuilder UseCrisisRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    internal static bool IsLogin(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsLimited(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments(Realtime.CrisisHub.Path);

    private static RateLimitPartition<string> PerCaller(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }
        var clock = http.RequestServices.GetRequiredService<IClock>();
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (IsLogin(http))
        {
            return Bucket($"login:{ip}", clock, options.LoginPerIp);
        }
        if (!IsLimited(http))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user is null || http.User.Identity?.IsAuthenticated != true)
        {
            return Bucket($"anonymous:{ip}", clock, options.Anonymous);
        }
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        return read ? Bucket($"reads:{user}", clock, options.Reads) : Bucket($"writes:{user}", clock, options.Writes);
    }

    private static RateLimitPartition<string> Global(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        return options.Enabled && IsLogin(http)
            ? Bucket("login:all", http.RequestServices.GetRequiredService<IClock>(), options.LoginGlobal)
            : RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static RateLimitPartition<string> Bucket(string key, IClock clock, BucketLimit limit) =>
        RateLimitPartition.Get(key, _ => new ClockTokenBucket(clock, limit.Burst, limit.PerSecond));

    /// <summary>The whole seconds to wait that a lease says, at least 1.</summary>
    internal static int SecondsOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;

    private static async ValueTask WriteRejectionAsync(HttpContext http, RateLimitLease lease)
    {
        var seconds = SecondsOf(lease);
        var refusal = RateLimitRefusals.TooMany.Raise(("seconds", seconds));
        var phrases = http.RequestServices.GetRequiredService<Phrasebook>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (IsLogin(http) && http.Request.HasFormContentType)
        {
            // The login form is a plain browser post: a person reads the answer, so it is a page in Dutch, still a 429.
            await WriteLoginPageAsync(http, phrases.Dutch(refusal.Phrase));
            return;
        }
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = refusal,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = phrases.English(refusal.Phrase) },
        };
        context.ProblemDetails.Extensions["code"] = refusal.Code;
        context.ProblemDetails.Extensions["retryAfter"] = seconds;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(context);
    }

    private static Task WriteLoginPageAsync(HttpContext http, string message)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        var text = System.Net.WebUtility.HtmlEncode(message);
        return http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Te veel aanmeldpogingen – Crisis</title></head><body>"
            + "<h1>Te veel aanmeldpogingen</h1>"
            + $"<p role=\"alert\" data-testid=\"login-throttled\">{text}</p>"
            + "<p><a href=\"/login\">Terug naar aanmelden</a></p></body></html>");
    }
}

/// <summary>
/// The hub's limit: every method call of one connection takes a token of its own bucket (<see cref="RateLimitOptions.Hub"/>);
/// over the limit the call is refused with a <see cref="HubException"/> carrying 429, the English message and the code.
/// </summary>
public sealed class RateLimitHubFilter(IOptionsMonitor<RateLimitOptions> options, IClock clock, Phrasebook phrases) : IHubFilter
{
    private static readonly object BucketKey = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var limits = options.CurrentValue;
        if (limits.Enabled)
        {
            var items = invocationContext.Context.Items;
            if (!items.TryGetValue(BucketKey, out var existing) || existing is not ClockTokenBucket bucket)
            {
                bucket = new ClockTokenBucket(clock, limits.Hub.Burst, limits.Hub.PerSecond);
                items[BucketKey] = bucket;
            }
            using var lease = bucket.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                var refusal = RateLimitRefusals.TooMany.Raise(("seconds", RateLimits.SecondsOf(lease)));
                throw new HubException($"429: {phrases.English(refusal.Phrase)} [{refusal.Code}]");
            }
        }
        return await next(invocationContext);
    }
}

/// <summary>
/// A token bucket on Crisis's <see cref="IClock"/> (so tests move time with a fake clock instead of sleeping): up to
/// <c>burst</c> permits, refilled continuously at <c>perSecond</c>. Never queues: a refused lease says when to retry.
/// </summary>
public sealed class ClockTokenBucket : RateLimiter
{
    private readonly IClock _clock;
    private readonly double _burst;
    private readonly double _perSecond;
    private readonly Lock _gate = new();
    private double _tokens;
    private Instant _refilled;

    public ClockTokenBucket(IClock clock, int burst, double perSecond)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _burst = Math.Max(1, burst);
        _perSecond = Math.Max(1e-6, perSecond);
        _tokens = _burst;
        _refilled = clock.GetCurrentInstant();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill();
                // Full means idle since it filled up: the partitioned limiter may drop it and make a fresh one later.
                return _tokens >= _burst ? TimeSpan.FromMinutes(1) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Granted;
            }
            return new Lease(false, TimeSpan.FromSeconds((permitCount - _tokens) / _perSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = _clock.GetCurrentInstant();
        if (now > _refilled)
        {
            _tokens = Math.Min(_burst, _tokens + (now - _refilled).TotalSeconds * _perSecond);
            _refilled = now;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } r && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = r;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
