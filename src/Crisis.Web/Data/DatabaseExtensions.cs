using System.Data.Common;
using Crisis.Web.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crisis.Web.Data;

public static class DatabaseExtensions
{
    public const string DefaultSqlite = "Data Source=data/crisis.db";

    /// <summary>Registers <see cref="CrisisDbContext"/> on the configured provider.</summary>
    public static WebApplicationBuilder AddCrisisDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Crisis:Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Crisis");
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Crisis:Database:Provider is Postgres but ConnectionStrings:Crisis is empty; set ConnectionStrings__Crisis.");
            }
            var timeouts = builder.Configuration.GetSection("Crisis:Database");
            var bounded = BoundTimeouts(connectionString,
                timeouts.GetValue("ConnectTimeoutSeconds", DefaultConnectTimeoutSeconds),
                timeouts.GetValue("CommandTimeoutSeconds", DefaultCommandTimeoutSeconds));
            builder.Services.AddSingleton<DatabaseCircuit>();
            builder.Services.AddDbContext<CrisisDbContext, PostgresCrisisDbContext>((sp, o) => ConfigurePostgres(o, bounded, sp.GetRequiredService<DatabaseCircuit>()));
        }
        else
        {
            var sqlite = PrepareSqlite(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<CrisisDbContext, SqliteCrisisDbContext>(o => ConfigureSqlite(o, sqlite));
        }
        return builder;
    }

    /// <summary>How long opening a PostgreSQL connection may take before the request answers 503.</summary>
    public const int DefaultConnectTimeoutSeconds = 3;

    /// <summary>How long one PostgreSQL command may take (Npgsql's default is 30 s): a hung database is a 503 in seconds.</summary>
    public const int DefaultCommandTimeoutSeconds = 5;

    /// <summary>
    /// The connection string with bounded connect and command timeouts (unless it names its own): a hung or unreachable
    /// database fails a request within seconds (<see cref="DbErrors.IsUnavailable"/>: 503) instead of a minute.
    /// </summary>
    internal static string BoundTimeouts(string connectionString, int connectSeconds, int commandSeconds)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            csb.Timeout = connectSeconds;
        }
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            csb.CommandTimeout = commandSeconds;
        }
        return csb.ConnectionString;
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString, DatabaseCircuit? circuit = null) =>
        QuietRaces(o.UseNpgsql(connectionString, n =>
        {
            if (circuit is not null)
            {
                n.ExecutionStrategy(circuit.StrategyFactory);
            }
            n.UseNodaTime();
            n.MigrationsAssembly(typeof(CrisisDbContext).Assembly.FullName);
            n.MigrationsHistoryTable("__ef_migrations_history");
        }));

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        QuietRaces(o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(SqliteDurability.Instance));

    /// <summary>
    /// EF Core logs every failed command and save as an error with its stack trace, also the ordinary races that their
    /// callers retry (<see cref="DbErrors.IsRace"/>), which buried the real failures. Those events go to debug; whoever
    /// does not handle a failure logs it (the log writer's failed batch, an unhandled request), once, as an error.
    /// </summary>
    private static void QuietRaces(DbContextOptionsBuilder o) =>
        o.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));

    /// <summary>
    /// Makes a relative SQLite path relative to the content root (so <c>dotnet run</c> from anywhere finds the
    /// same file) and creates its folder.
    /// </summary>
    internal static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        // The group committer is the only heavy writer; readers wait briefly rather than fail on a lock.
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        return csb.ToString();
    }

    /// <summary>
    /// Applies pending migrations (SQLite is switched to WAL first: a property of the file) and makes sure the
    /// function catalogue holds the regional key functions.
    /// </summary>
    public static async Task MigrateCrisisDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
        await Organisation.OrganisationService.EnsureCatalogueAsync(db, scope.ServiceProvider.GetRequiredService<NodaTime.IClock>(), ct);
        await Paspoort.PaspoortRequirementService.EnsureDefaultRequirementsAsync(db, scope.ServiceProvider.GetRequiredService<NodaTime.IClock>(), ct);
    }
}

/// <summary>
/// Every SQLite connection runs with synchronous=FULL: with WAL that makes each commit durable before it
/// is acknowledged. Throughput comes from group commit, not from weaker durability.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

// Design-time factories, used only by `dotnet ef migrations add`.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrisisDbContext>
{
    public SqliteCrisisDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteCrisisDbContext>();
        DatabaseExtensions.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteCrisisDbContext(o.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrisisDbContext>
{
    public PostgresCrisisDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresCrisisDbContext>();
        DatabaseExtensions.ConfigurePostgres(o, "Host=127.0.0.1;Database=crisis_design");
        return new PostgresCrisisDbContext(o.Options);
    }
}
