using System.Text.Json;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Crisis.Web.Platform;

/// <summary>
/// What an operator needs beside the features: liveness (<c>/healthz</c>), readiness (<c>/readyz</c>: the database
/// answers, its migrations are applied, the broker answers when RabbitMQ is the transport) and a graceful shutdown that
/// lets the log writer's group commit and the outbox's publishing finish while the bus is still up.
/// </summary>
public static class OperationsExtensions
{
    /// <summary>The tag of the checks <c>/readyz</c> runs (MassTransit registers checks of its own, tagged "ready").</summary>
    internal const string ReadyTag = "crisis-ready";

    /// <summary>Each check answers within this, so a frozen database or broker gives a fast 503, not a hanging probe.</summary>
    internal static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddCrisisOperations(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            // A statement, not only an open: a pooled PostgreSQL connection opens without touching the network.
            .AddDbContextCheck<CrisisDbContext>("database", HealthStatus.Unhealthy, [ReadyTag],
                async (db, ct) => await db.Database.ExecuteSqlRawAsync("SELECT 1", ct) is var _)
            .AddCheck<MigrationsAppliedCheck>("migrations", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout)
            .AddCheck<ShuttingDownCheck>("shutdown", HealthStatus.Unhealthy, [ReadyTag]);
        // AddDbContextCheck takes no timeout of its own: set it on its registration.
        builder.Services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var r in o.Registrations.Where(r => r.Name == "database"))
            {
                r.Timeout = CheckTimeout;
            }
        });

        var transport = builder.Configuration["Crisis:Bus:Transport"] ?? "InMemory";
        if (string.Equals(transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
        {
            var host = new Uri(builder.Configuration["Crisis:Bus:RabbitMq:Host"] ?? new RabbitMqOptions().Host);
            builder.Services.AddSingleton(new BrokerProbe(host));
            checks.AddRabbitMQ(sp => sp.GetRequiredService<BrokerProbe>().ConnectionAsync(), "broker",
                HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        }

        // Registered after every feature, so the host stops it first (hosted services stop in reverse order), right after
        // the server has stopped taking requests and while the bus is still running.
        builder.Services.AddHostedService<GracefulShutdown>();
        builder.Services.AddCrisisApiDocs();
        builder.AddCrisisTelemetry();
        return builder;
    }

    public static WebApplication MapCrisisOperations(this WebApplication app)
    {
        // Liveness: the process answers. No dependency is checked, so an outage never gets a healthy node restarted.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Readiness, for load balancers: the name and status of each check, never an exception or a connection string.
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        app.MapCrisisApiDocs();
        app.MapCrisisTelemetry();
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Ready only when every migration this build knows has been applied to the database.</summary>
internal sealed class MigrationsAppliedCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any()
            ? new HealthCheckResult(context.Registration.FailureStatus, "Migrations are pending.")
            : HealthCheckResult.Healthy();
    }
}

/// <summary>Not ready once the host is stopping, so a load balancer sends new sessions elsewhere while this node drains.</summary>
internal sealed class ShuttingDownCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? new HealthCheckResult(context.Registration.FailureStatus, "Shutting down.")
            : HealthCheckResult.Healthy());
}

/// <summary>
/// The broker connection the readiness check asks for a channel. One connection, kept while it is open; once it has closed
/// (the broker went away) the next check connects anew, which fails fast while the broker is down.
/// </summary>
internal sealed class BrokerProbe(Uri host) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> ConnectionAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is { IsOpen: true } open)
            {
                return open;
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
            var factory = new ConnectionFactory
            {
                Uri = host,
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = OperationsExtensions.CheckTimeout,
                ClientProvidedName = "crisis-readiness",
            };
            _connection = await factory.CreateConnectionAsync();
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}

/// <summary>
/// Shutdown in the order that loses nothing in flight: the server has stopped taking requests (it stops first), then the
/// log writer finishes the group commit it is in, then the outbox publishes what this node wrote, and only after that do
/// the bus and the rest stop. Each step is bounded by the host's shutdown timeout.
/// </summary>
internal sealed class GracefulShutdown(LogWriter logWriter, OutboxDispatcher outbox, ILogger<GracefulShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await logWriter.StopAsync(cancellationToken);
        var published = await outbox.StopAndDrainAsync(cancellationToken);
        ShutdownLog.Drained(logger, published);
    }
}

internal static partial class ShutdownLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: the log writer has finished; {Count} outbox rows of this node were still to publish")]
    public static partial void Drained(ILogger logger, int count);
}
