using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Npgsql;

namespace Crisis.Web.Tests.Incidents;

/// <summary>
/// A PostgreSQL database that cannot be reached (issue 12, point 3): requests answer a 503 problem detail within
/// seconds, not a 500 after a minute, and work again once it is back. The outage is real: a TCP proxy between the
/// host and PostgreSQL that drops every connection and refuses new ones.
/// </summary>
public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task AnUnreachableDatabase_Answers503Fast_AndTheNodeRecovers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new CuttableProxy(new Uri($"tcp://{direct.Host}:{direct.Port}"));
        await using var app = new CrisisApp(database.Via(proxy.Address.Host, proxy.Address.Port));
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Voor de storing");

        proxy.Cut();
        var clock = Stopwatch.StartNew();
        var append = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "Tijdens de storing" }, Json.Options);
        var read = await client.GetAsync($"/api/incidents/{incident.Id}/log");
        clock.Stop();

        await append.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database");
        await read.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database");
        using (var doc = JsonDocument.Parse(await append.Content.ReadAsStringAsync()))
        {
            doc.RootElement.GetProperty("code").GetString().ShouldBe("platform.database-unavailable");
        }
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));

        proxy.Restore();
        await client.AppendAsync(incident.Id, "info", "Na de storing");
        (await client.LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Voor de storing", "Na de storing"]);
    }

    [PostgresFact]
    public async Task AFrozenDatabase_Answers503WithinSeconds_AndTheNodeRecovers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new CuttableProxy(new Uri($"tcp://{direct.Host}:{direct.Port}"));
        await using var app = new CrisisApp(database.Via(proxy.Address.Host, proxy.Address.Port));
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Voor de storing");

        proxy.Freeze();
        var clock = Stopwatch.StartNew();
        var appends = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = $"Bevroren {i}" }, Json.Options)));
        clock.Stop();

        foreach (var append in appends)
        {
            await append.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        // The command timeout (5 s) and the connect timeout (3 s), not Npgsql's 30 s nor a minute of TCP.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));

        proxy.Thaw();
        proxy.Cut();
        proxy.Restore();
        await client.AppendAsync(incident.Id, "info", "Na de storing");
        var texts = (await client.LogAsync(incident.Id)).Select(e => e.Text).ToList();
        texts[0].ShouldBe("Voor de storing");
        texts[^1].ShouldBe("Na de storing");
    }
}
