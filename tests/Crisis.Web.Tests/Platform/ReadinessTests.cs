using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crisis.Web.Tests.Platform;

/// <summary>
/// <c>/readyz</c> on the real host: ready while the database and the broker answer, 503 (fast) while either is gone, and
/// ready again once it is back. <c>/healthz</c> stays liveness throughout.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Sqlite_IsReady_AndTellsOnlyTheNamesAndStatusOfItsChecks()
    {
        await using var app = await CrisisApp.StartAsync();

        var (status, checks, body) = await ReadyzAsync(app.ClientFor(null));

        status.ShouldBe(HttpStatusCode.OK);
        checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["shutdown"] = "Healthy" });
        body.ShouldNotContain("Data Source", Case.Insensitive);
    }

    [RabbitMqFact]
    public async Task BrokerStopped_NotReady_UntilItIsBack_WhileLivenessStaysHealthy()
    {
        var ctl = ExternalServices.RabbitMqCtl ?? throw new InvalidOperationException("CRISIS_TEST_RABBITMQ_CTL is not set; run ops/test.");
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var app = new CrisisApp(database, BusKind.RabbitMq);
        var client = app.ClientFor(null);
        var (before, checksBefore, _) = await ReadyzAsync(client);
        before.ShouldBe(HttpStatusCode.OK);
        checksBefore["broker"].ShouldBe("Healthy");

        await RunAsync(ctl, "stop_app");
        try
        {
            var (during, checks, body, elapsed) = await UntilAsync(client, HttpStatusCode.ServiceUnavailable);
            checks["broker"].ShouldBe("Unhealthy");
            checks["database"].ShouldBe("Healthy");
            elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
            body.ShouldNotContain("guest", Case.Insensitive);
            (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await RunAsync(ctl, "start_app");
        }
        var (after, checksAfter, _, _) = await UntilAsync(client, HttpStatusCode.OK);
        checksAfter["broker"].ShouldBe("Healthy");
    }

    [PostgresFact]
    public async Task PostgresUnreachable_NotReadyWithinSeconds_UntilItIsBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new CuttableProxy(new Uri($"tcp://{csb.Host}:{csb.Port}"));
        csb.Host = proxy.Address.Host;
        csb.Port = proxy.Address.Port;
        await using var app = new CrisisApp(database).WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Crisis", csb.ConnectionString));
        var client = app.CreateClient();
        (await ReadyzAsync(client)).Status.ShouldBe(HttpStatusCode.OK);

        proxy.Cut();
        var (_, checks, body, elapsed) = await UntilAsync(client, HttpStatusCode.ServiceUnavailable);
        checks["database"].ShouldBe("Unhealthy");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        body.ShouldNotContain("Password", Case.Insensitive);
        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        proxy.Restore();
        (await UntilAsync(client, HttpStatusCode.OK)).Checks["database"].ShouldBe("Healthy");
    }

    [Fact]
    public async Task Shutdown_RightAfterABurstOfWrites_LeavesNoRowOfThisNodeUnpublished()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var app = new CrisisApp(database);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.AppendAsync(incident.Id, "info", $"Melding {i}")));
        // Stops the host at once. A smoke check of the shutdown path (it must end, and lose no row): with the in-memory bus
        // the outbox has usually caught up already, so this passes without the drain too; the drain matters on a slow broker.
        await app.DisposeAsync();

        acknowledged.Length.ShouldBe(100);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE PublishedAt IS NULL";
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task AWriteAfterTheLogWriterStopped_IsRefusedAtOnce_AsShuttingDown_AndStoresNothing()
    {
        // During a shutdown the log writer stops before the timers and the bus's consumers do; a write they (or a late
        // request) still submit must be told "shutting down", not wait for ever and hold the shutdown up.
        await using var app = await CrisisApp.StartAsync();
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Voor het afsluiten");

        await app.Services.GetRequiredService<LogWriter>().StopAsync(CancellationToken.None);
        var response = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "Na het afsluiten" }, Json.Options)
            .WaitAsync(TimeSpan.FromMinutes(1)); // a guard against the old hang, not a timing assertion

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "shutting down");
        (await client.LogAsync(incident.Id)).ShouldNotContain(e => e.Text == "Na het afsluiten");
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks, string Body)> ReadyzAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        var checks = doc.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return (response.StatusCode, checks, body);
    }

    /// <summary>Asks until /readyz answers <paramref name="wanted"/> (at most a minute); the time of the answer that did is returned.</summary>
    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks, string Body, TimeSpan Elapsed)> UntilAsync(
        HttpClient client, HttpStatusCode wanted)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var one = Stopwatch.StartNew();
            var (status, checks, body) = await ReadyzAsync(client);
            if (status == wanted)
            {
                return (status, checks, body, one.Elapsed);
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"/readyz did not answer {wanted} within a minute; last: {status} {body}");
            }
            await Task.Delay(200);
        }
    }

    private static async Task RunAsync(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{command} {argument} failed: {await stderr}");
    }
}
