using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Polly.CircuitBreaker;

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
    public async Task AFrozenDatabase_OpensTheCircuit_ThenRequestsAreRefusedWithoutAsking_UntilOneTrialFindsItBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new CuttableProxy(new Uri($"tcp://{direct.Host}:{direct.Port}"));
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch); // the circuit's clock: the break ends when the test says so
        await using var app = new CrisisApp(database.Via(proxy.Address.Host, proxy.Address.Port), services: s =>
            s.AddSingleton(sp => new DatabaseCircuit(sp.GetRequiredService<ILogger<DatabaseCircuit>>(), time)));
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Voor de storing");
        var circuit = app.Services.GetRequiredService<DatabaseCircuit>();
        circuit.State.ShouldBe(CircuitState.Closed);

        // Frozen (a proxy that stops forwarding, connections kept open): the first requests wait for the command timeout
        // (5 s) or the connect timeout (3 s), not Npgsql's 30 s nor a minute of TCP, and answer 503; enough of them open
        // the circuit. (The window of the circuit's sampling starts empty: what went well before the freeze has passed.)
        time.Advance(DatabaseCircuit.SamplingDuration + TimeSpan.FromSeconds(1));
        proxy.Freeze();
        var clock = Stopwatch.StartNew();
        var attempts = await Task.WhenAll(Enumerable.Range(0, DatabaseCircuit.MinimumThroughput + 1).Select(i => i % 2 == 0
            ? client.GetAsync($"/api/incidents/{incident.Id}/log")
            : client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = $"Bevroren {i}" }, Json.Options)));
        clock.Stop();
        foreach (var attempt in attempts)
        {
            await attempt.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        circuit.State.ShouldBe(CircuitState.Open);

        // Open: refused without asking the database; even once it is back, until the break has passed.
        proxy.Thaw();
        proxy.Cut();
        proxy.Restore();
        NpgsqlConnection.ClearAllPools();
        var refused = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "Tijdens de onderbreking" }, Json.Options);
        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database");
        using (var doc = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            doc.RootElement.GetProperty("code").GetString().ShouldBe("platform.database-unavailable");
        }
        circuit.State.ShouldBe(CircuitState.Open);

        // The break passes: one trial finds the database back, the circuit closes, and writing works again.
        time.Advance(DatabaseCircuit.BreakDuration + TimeSpan.FromSeconds(1));
        (await client.GetAsync($"/api/incidents/{incident.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        circuit.State.ShouldBe(CircuitState.Closed);
        await client.AppendAsync(incident.Id, "info", "Na de storing");
        var texts = (await client.LogAsync(incident.Id)).Select(e => e.Text).ToList();
        texts[0].ShouldBe("Voor de storing");
        texts[^1].ShouldBe("Na de storing");
        texts.ShouldNotContain("Tijdens de onderbreking", "a write the open circuit refused stored nothing");
    }
}
