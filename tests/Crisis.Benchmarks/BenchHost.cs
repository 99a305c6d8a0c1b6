using System.Net.Http.Headers;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crisis.Benchmarks;

/// <summary>The real host the benchmarks measure: Production, embedded defaults, a fresh SQLite file, Kestrel on loopback.</summary>
public static class BenchHost
{
    /// <param name="postgres">A PostgreSQL connection string to use instead of the SQLite file (its database is created).</param>
    public static async Task<WebApplication> StartAsync(
        string dbFile, Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? map = null, string? postgres = null)
    {
        // ApplicationName: the static web assets manifest the UI maps is the web project's, not this executable's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = "Crisis.Web" });
        builder.Configuration["ConnectionStrings:Crisis"] = postgres ?? $"Data Source={dbFile}";
        if (postgres is not null)
        {
            builder.Configuration["Crisis:Database:Provider"] = "Postgres";
        }
        builder.Configuration["Crisis:SeedDemo"] = "false";
        // The limits stay on (their cost is part of every request) but so high that a benchmark client is never refused:
        // a benchmark's user sends hundreds of writes a second, which production refuses on purpose.
        foreach (var limit in new[] { "Writes", "Reads", "Hub", "Anonymous" })
        {
            builder.Configuration[$"Crisis:RateLimits:{limit}:Burst"] = "1000000";
            builder.Configuration[$"Crisis:RateLimits:{limit}:PerSecond"] = "1000000";
        }
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCrisis();
        var app = builder.Build();
        map?.Invoke(app);
        app.MapCrisis();
        await app.Services.MigrateCrisisDatabaseAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>The host's loopback address.</summary>
    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A new user of <paramref name="role"/> and a bearer token for them.</summary>
    public static async Task<string> UserAsync(WebApplication app, string email, string name, CrisisRole role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.AddUserAsync(email, name, role.ToWire(), null, Actor.System("bench"));
        return await admin.CreateTokenAsync(email, Actor.System("bench"));
    }

    /// <summary>An API client of the host with <paramref name="token"/>.</summary>
    public static HttpClient ClientFor(WebApplication app, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = AddressOf(app) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The value at fraction <paramref name="p"/> of sorted <paramref name="sorted"/>.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
