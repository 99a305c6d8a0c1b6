using System.Diagnostics;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Crisis.Web.Tests.Platform;

/// <summary>The host's OpenTelemetry wiring, read with the in-memory exporter.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task ARequest_GivesAServerSpanWithItsRoute_DatabaseSpans_AndMetricsIncludingCrisisOwn()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new CrisisApp(database, services: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);

        await app.ClientFor(officer).AppendAsync(incident.Id, "info", "Eerste melding");
        await app.ClientFor(null).GetAsync("/readyz");
        DbErrors.CountRetry("test");
        app.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();

        List<Activity> server;
        lock (spans)
        {
            server = spans.Where(a => a.Kind == ActivityKind.Server).ToList();
        }
        server.ShouldContain(a => (a.GetTagItem("http.route") as string) == "/api/incidents/{id:guid}/log"
            && a.GetTagItem("http.request.method") as string == "POST");
        server.ShouldNotContain(a => (a.GetTagItem("url.path") as string) == "/readyz"); // probes are not traced
        var append = server.First(a => (a.GetTagItem("http.route") as string) == "/api/incidents/{id:guid}/log");
        lock (spans)
        {
            spans.ShouldContain(a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore"); // EF Core commands
        }

        var names = metrics.Select(m => m.Name).ToHashSet();
        names.ShouldContain("http.server.request.duration");
        names.ShouldContain("crisis.db.race_retries");
        metrics.First(m => m.Name == "crisis.db.race_retries").MeterName.ShouldBe("Crisis");
        append.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }
}
