using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Crisis.Web.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crisis.Web.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

public enum BusKind { InMemory, RabbitMq }

/// <summary>Where one test host keeps its data; several hosts (nodes, or a restart) can share one.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _pgName;

    private TestDatabase(DatabaseKind kind, string connectionString, string? file, string? pgName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _file = file;
        _pgName = pgName;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "crisis-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(kind, $"Data Source={file}", file, null);
        }
        var admin = ExternalServices.Postgres ?? throw new InvalidOperationException("CRISIS_TEST_POSTGRES is not set; run ops/test.");
        var name = $"crisis_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(kind, csb.ConnectionString, null, name);
    }

    /// <summary>The same database reached through <paramref name="host"/>:<paramref name="port"/> (a proxy); disposing it drops nothing.</summary>
    public TestDatabase Via(string host, int port)
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = host, Port = port };
        return new TestDatabase(Kind, csb.ConnectionString, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                try { File.Delete(f); } catch (IOException) { /* still open by a pooled connection: temp dir */ }
            }
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(ExternalServices.Postgres);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>
/// The real Crisis host (Program) on a real database and bus, as a test fixture. With <c>kestrel</c> it listens on
/// a real loopback port (for the browser and for several nodes); otherwise it runs on the in-process test server.
/// </summary>
public sealed class CrisisApp : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; }
    public BusKind Bus { get; }
    private readonly bool _kestrel;

    private readonly Action<IServiceCollection>? _services;

    public CrisisApp(TestDatabase database, BusKind bus = BusKind.InMemory, bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        Database = database;
        Bus = bus;
        _kestrel = kestrel;
        _services = services;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public static async Task<CrisisApp> StartAsync(DatabaseKind db = DatabaseKind.Sqlite, BusKind bus = BusKind.InMemory, bool kestrel = false)
    {
        var app = new CrisisApp(await TestDatabase.CreateAsync(db), bus, kestrel);
        app.StartServer();
        return app;
    }

    /// <summary>The loopback address Kestrel listens on, for a real browser or client (Kestrel hosts only).</summary>
    public Uri RootUri
    {
        get
        {
            if (!_kestrel)
            {
                throw new InvalidOperationException("Not a Kestrel host.");
            }
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Crisis:SeedDemo", "false");
        // Tests share hosts and log in from one address: the limits have tests of their own (Security/RateLimitTests).
        builder.UseSetting("Crisis:RateLimits:Enabled", "false");
        builder.UseSetting("Crisis:Database:Provider", Database.Kind.ToString());
        builder.UseSetting("ConnectionStrings:Crisis", Database.ConnectionString);
        builder.UseSetting("Crisis:Bus:Transport", Bus.ToString());
        if (Bus == BusKind.RabbitMq)
        {
            builder.UseSetting("Crisis:Bus:RabbitMq:Host", ExternalServices.RabbitMq
                ?? throw new InvalidOperationException("CRISIS_TEST_RABBITMQ is not set; run ops/test."));
        }
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public async Task<TestUser> CreateUserAsync(CrisisRole role, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var email = $"{role.ToWire()}-{Guid.NewGuid():N}@test.example";
        var user = await admin.AddUserAsync(email, name ?? $"Test {role}", role.ToWire(), "test-password-123", Actor.System("test"));
        var token = await admin.CreateTokenAsync(email, Actor.System("test"));
        return new TestUser(user.Id, email, user.DisplayName, role, token);
    }

    public HttpClient ClientFor(TestUser? user)
    {
        var client = _kestrel
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = RootUri }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        }
        return client;
    }

    /// <summary>A SignalR connection to the hub as <paramref name="user"/>, over WebSockets.</summary>
    public HubConnection HubFor(TestUser user)
    {
        var url = new Uri(Server.BaseAddress, CrisisHub.Path);
        return new HubConnectionBuilder()
            .WithUrl(_kestrel ? new Uri(RootUri, CrisisHub.Path) : url, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
                o.Transports = HttpTransportType.WebSockets;
                if (!_kestrel)
                {
                    o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        // Browsers cannot send headers on a WebSocket: the token travels as access_token, as here.
                        var uri = new UriBuilder(context.Uri);
                        uri.Query = $"{uri.Query.TrimStart('?')}&access_token={Uri.EscapeDataString(user.Token)}";
                        return await Server.CreateWebSocketClient().ConnectAsync(uri.Uri, ct);
                    };
                }
            })
            .AddJsonProtocol(o => CrisisJson.Configure(o.PayloadSerializerOptions))
            .Build();
    }

    /// <summary>Opens an incident as <paramref name="owner"/> and adds the others as participants.</summary>
    public async Task<IncidentDto> OpenIncidentAsync(TestUser owner, bool exercise = false, params TestUser[] participants)
    {
        var client = ClientFor(owner);
        var response = await client.PostAsJsonAsync("/api/incidents", new { title = "Brand testlocatie", exercise, grip = 1 }, Json.Options);
        response.EnsureSuccessStatusCode();
        var incident = (await response.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!;
        foreach (var p in participants)
        {
            (await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = p.Email }, Json.Options)).EnsureSuccessStatusCode();
        }
        return incident;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed record TestUser(Guid Id, string Email, string Name, CrisisRole Role, string Token);

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = CrisisJson.Options;
}
