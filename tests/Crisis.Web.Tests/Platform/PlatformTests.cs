using System.Net;
using System.Text.Json;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Platform;

[Collection(HostsCollection.Name)]
public sealed class PlatformTests(HostsFixture hosts)
{
    [Fact]
    public async Task Healthz_IsPublicAndHealthy()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);

        var response = await app.ClientFor(null).GetAsync("/healthz");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheIncidentContract()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);

        var json = await app.ClientFor(null).GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/api/incidents");
        paths.ShouldContain("/api/incidents/{id}/log");
        paths.ShouldContain("/api/incidents/{id}/sitrep");
        paths.ShouldContain("/api/incidents/{id}/grip");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task Migrations_MatchTheModel(string topology)
    {
        var app = await hosts.GetAsync(topology);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration for this provider");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    public static TheoryData<string> Databases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var topology in Topologies.All)
            {
                if (topology != Topologies.RabbitMq)
                {
                    data.Add(topology);
                }
            }
            return data;
        }
    }

    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSynchronousCommits()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        (await Pragma(connection, "journal_mode")).ShouldBe("wal");
        (await Pragma(connection, "synchronous")).ShouldBe("2"); // FULL
        (await Pragma(connection, "foreign_keys")).ShouldBe("1");
    }

    private static async Task<string?> Pragma(System.Data.Common.DbConnection connection, string name)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }
}
