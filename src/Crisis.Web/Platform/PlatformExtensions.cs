using Crisis.Web.Platform;
using Crisis.Web.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Platform;

public static class PlatformExtensions
{
    /// <summary>Options, time, JSON, problem details, OpenAPI, SignalR and health: what every feature stands on.</summary>
    public static WebApplicationBuilder AddCrisisPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CrisisOptions>()
            .Bind(builder.Configuration.GetSection(CrisisOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null,
                "Crisis:TimeZone is not a known IANA time zone id (e.g. Europe/Amsterdam).")
            .ValidateOnStart();

        // The composition root is the one place that reads the system clock; everything else takes IClock.
        services.AddSingleton<IClock>(SystemClock.Instance); // injected everywhere else
        services.AddHttpContextAccessor();
        services.AddSingleton<Crisis.Web.Audit.AuditTrail>();
        services.AddSingleton<Phrasebook>();
        services.AddSingleton(sp =>
            DateTimeZoneProviders.Tzdb[sp.GetRequiredService<IOptions<CrisisOptions>>().Value.TimeZone]);

        services.Configure<JsonOptions>(o => CrisisJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.AddCrisisRateLimits(builder.Configuration);
        services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = RequestLimits.MaxHubMessageBytes;
                o.EnableDetailedErrors = false;
            })
            .AddJsonProtocol(o => CrisisJson.Configure(o.PayloadSerializerOptions))
            // Only Crisis's own hub: Blazor's circuit hub carries the pages' events and must not be limited or scanned
            // (a circuit ends through its authentication state instead). AddHubOptions, not Configure: SignalR uses a
            // hub's own options only when they were set through it. In order: the credential, the rate, the input.
            .AddHubOptions<Crisis.Web.Realtime.CrisisHub>(o =>
            {
                o.AddFilter<CredentialHubFilter>();
                o.AddFilter<RateLimitHubFilter>();
                o.AddFilter<InputHubFilter>();
            });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static WebApplication UseCrisisPlatform(this WebApplication app)
    {
        app.UseCrisisSecurityHeaders();
        app.UseExceptionHandler();
        app.UseApiBodyLimit();
        app.UseInputGate();
        app.UseAuthentication();
        app.UseCrossSiteGuard();
        app.UseCrisisRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
