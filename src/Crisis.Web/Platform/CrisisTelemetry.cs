using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crisis.Web.Platform;

/// <summary>
/// Crisis's own telemetry: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named "Crisis", which every
/// part of Crisis uses for its metrics (e.g. <c>crisis.db.race_retries</c>) and spans.
/// </summary>
public static class CrisisTelemetry
{
    public const string Name = "Crisis";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// OpenTelemetry traces and metrics: ASP.NET Core, HTTP client, EF Core and Npgsql, MassTransit, SignalR connections,
    /// the runtime and Crisis itself. Exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
    /// <c>OTEL_*</c> variables apply), and scraped at <c>/metrics</c> when <c>Crisis:Telemetry:Prometheus</c> is true.
    /// </summary>
    internal static WebApplicationBuilder AddCrisisTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "crisis-web"))
            .WithTracing(t => t
                .AddSource(Name, "MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(Name, "MassTransit", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        if (PrometheusEnabled(builder.Configuration))
        {
            otel.WithMetrics(m => m.AddPrometheusExporter());
        }
        return builder;
    }

    internal static WebApplication MapCrisisTelemetry(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            // For the scraper inside the network; the reverse proxy does not pass /metrics on (ops/proxy/Caddyfile).
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }
        return app;
    }

    private static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Crisis:Telemetry:Prometheus");

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
