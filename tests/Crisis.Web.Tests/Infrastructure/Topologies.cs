using System.Collections.Concurrent;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Crisis.Web.Tests.Infrastructure;

/// <summary>
/// The platforms the log contract is proven on: SQLite with the in-memory bus always; PostgreSQL, and
/// PostgreSQL with RabbitMQ, whenever ops/test has started them (and always under ops/test, which sets
/// CRISIS_REQUIRE_EXTERNAL=1 so that a missing server fails instead of silently shrinking the matrix).
/// </summary>
public static class Topologies
{
    public const string Sqlite = "sqlite+inmemory";
    public const string Postgres = "postgres+inmemory";
    public const string RabbitMq = "postgres+rabbitmq";

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (ExternalServices.Postgres is not null || ExternalServices.Required)
            {
                data.Add(Postgres);
            }
            if ((ExternalServices.Postgres is not null && ExternalServices.RabbitMq is not null) || ExternalServices.Required)
            {
                data.Add(RabbitMq);
            }
            return data;
        }
    }
}

/// <summary>One running host per topology, shared by the tests of the collection and stopped at the end.</summary>
public sealed class HostsFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CrisisApp>>> _apps = new();

    public Task<CrisisApp> GetAsync(string topology) =>
        _apps.GetOrAdd(topology, t => new Lazy<Task<CrisisApp>>(() => t switch
        {
            Topologies.Sqlite => CrisisApp.StartAsync(DatabaseKind.Sqlite),
            Topologies.Postgres => CrisisApp.StartAsync(DatabaseKind.Postgres),
            Topologies.RabbitMq => CrisisApp.StartAsync(DatabaseKind.Postgres, BusKind.RabbitMq),
            _ => throw new ArgumentOutOfRangeException(nameof(topology), t, "unknown topology"),
        })).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _apps.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                var app = lazy.Value.Result;
                await app.DisposeAsync();
                await app.Database.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostsCollection : ICollectionFixture<HostsFixture>
{
    public const string Name = "hosts";
}
