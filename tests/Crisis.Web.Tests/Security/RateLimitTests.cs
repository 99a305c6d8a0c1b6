using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Security;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// The limits of the real rate limiter on the real host, on a fake clock (time moves when the test says so, no
/// sleeps): writes and reads per user, logins per address and in total, hub calls per connection; a 429 problem with
/// Retry-After; and a flood of identical denials written as one audit line with a count.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 9, 0);

    private static async Task<(CrisisApp App, FakeClock Clock)> HostAsync(Action<RateLimitOptions> limits)
    {
        var clock = new FakeClock(Start);
        var app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), services: s =>
        {
            s.AddSingleton<IClock>(clock);
            s.PostConfigure<RateLimitOptions>(o =>
            {
                o.Enabled = true;
                limits(o);
            });
        });
        app.StartServer();
        return (app, clock);
    }

    private static Task<HttpResponseMessage> CreateIncidentAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync("/api/incidents", new { title, grip = 1 }, Json.Options);

    [Fact]
    public async Task Writes_OverTheBurst_Are429WithRetryAfter_StoreNothing_AndResumeWhenTheBucketRefills()
    {
        var (app, clock) = await HostAsync(o => o.Writes = new BucketLimit { Burst = 5, PerSecond = 0.5 });
        await using var _ = app;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var other = await app.CreateUserAsync(CrisisRole.Officer);
        var client = app.ClientFor(officer);

        for (var i = 0; i < 5; i++)
        {
            await (await CreateIncidentAsync(client, $"Incident {i}")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        var refused = await CreateIncidentAsync(client, "Eén te veel");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "Too many requests in a short time; wait 2 s");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("code").GetString().ShouldBe("platform.rate-limited");
        }
        // Reads are a class of their own, and another officer has a bucket of their own.
        var list = await client.GetFromJsonAsync<List<IncidentDto>>("/api/incidents", Json.Options);
        list!.Count(i => i.Title == "Eén te veel").ShouldBe(0);
        list!.Count.ShouldBe(5);
        await (await CreateIncidentAsync(app.ClientFor(other), "Ander")).ShouldHaveStatusAsync(HttpStatusCode.Created);

        clock.Advance(Duration.FromSeconds(1));
        (await CreateIncidentAsync(client, "Nog te vroeg")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        clock.Advance(Duration.FromSeconds(1));
        await (await CreateIncidentAsync(client, "Weer toegestaan")).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reads_HaveTheirOwnLimit()
    {
        var (app, _) = await HostAsync(o => o.Reads = new BucketLimit { Burst = 3, PerSecond = 1 });
        await using var __ = app;
        var client = app.ClientFor(await app.CreateUserAsync(CrisisRole.Officer));

        for (var i = 0; i < 3; i++)
        {
            await (await client.GetAsync("/api/incidents")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "wait 1 s");
        await (await CreateIncidentAsync(client, "Schrijven mag nog")).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PasswordSpraying_SixtyAccountsInOneSecond_IsSlowedDownPerAddress()
    {
        var (app, clock) = await HostAsync(o => o.LoginPerIp = new BucketLimit { Burst = 10, PerSecond = 0.5 });
        await using var _ = app;
        var client = app.ClientFor(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = $"person{i}@test.example",
                ["password"] = "wachtwoord",
            }));
            statuses.Add(response.StatusCode);
        }

        statuses.Take(10).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        statuses.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);

        // The browser's login form gets a Dutch page it can show, not a JSON problem.
        var refused = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@test.example", ["password"] = "b" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Te veel verzoeken kort na elkaar; wacht");
        clock.Advance(Duration.FromSeconds(2));
        var later = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@test.example", ["password"] = "y" }));
        later.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Logins_AreAlsoLimitedInTotal_WhateverTheAddress()
    {
        var (app, _) = await HostAsync(o =>
        {
            o.LoginPerIp = new BucketLimit { Burst = 1000, PerSecond = 100 };
            o.LoginGlobal = new BucketLimit { Burst = 4, PerSecond = 0.1 };
        });
        await using var __ = app;
        var client = app.ClientFor(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = $"person{i}@test.example",
                ["password"] = "wachtwoord",
            }))).StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(2);
    }

    [Fact]
    public async Task Hub_CallsOverTheConnectionsLimit_AreRefusedWith429_AndStoreNothing()
    {
        var (app, clock) = await HostAsync(o => o.Hub = new BucketLimit { Burst = 4, PerSecond = 1 });
        await using var _ = app;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        await using var hub = app.HubFor(officer);
        await hub.StartAsync();
        var entry = new AppendLogRequest("info", "Bericht", null, null, null);

        await hub.InvokeAsync<IReadOnlyList<LogEntryDto>>("JoinIncident", incident.Id, 0);
        for (var i = 0; i < 3; i++)
        {
            await hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, entry);
        }
        var refused = await Should.ThrowAsync<HubException>(() => hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, entry));

        refused.Message.ShouldContain("429: Too many requests in a short time; wait 1 s");
        refused.Message.ShouldContain("[platform.rate-limited]");
        (await app.ClientFor(officer).LogAsync(incident.Id)).Count.ShouldBe(3);
        await using (var second = app.HubFor(officer))
        {
            await second.StartAsync();
            await second.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, entry);
        }
        clock.Advance(Duration.FromSeconds(1));
        await hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, entry);
        (await app.ClientFor(officer).LogAsync(incident.Id)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task TheDefaults_LetAnOfficerWriteTenEntriesASecondForAMinute_ButStopAScriptOfAThousandIncidents()
    {
        var (app, clock) = await HostAsync(_ => { });
        await using var __ = app;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        for (var i = 0; i < 600; i++)
        {
            await client.AppendAsync(incident.Id, "info", $"Bericht {i}");
            clock.Advance(Duration.FromMilliseconds(100));
        }
        var script = app.ClientFor(await app.CreateUserAsync(CrisisRole.Officer));
        var created = 0;
        for (var i = 0; i < 1000; i++)
        {
            var response = await CreateIncidentAsync(script, $"Script {i}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
            created++;
        }

        (await client.LogAsync(incident.Id)).Count.ShouldBe(600);
        created.ShouldBe(new RateLimitOptions().Writes.Burst);
    }

    [Fact]
    public async Task AThousandRequestsWithABogusToken_WriteOneAuditLineWithACount()
    {
        var (app, _) = await HostAsync(o => o.Anonymous = new BucketLimit { Burst = 10_000, PerSecond = 1000 });
        await using var __ = app;
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bogus-token-of-a-script");

        for (var i = 0; i < 1000; i++)
        {
            (await client.GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await client.GetAsync("/api/roster/shifts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await app.Services.GetRequiredService<AuditTrail>().FlushAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var lines = await db.AuditTrail.Where(a => a.Action == "auth.token").OrderBy(a => a.Id).ToListAsync();
        lines.Select(l => (l.Target, l.Outcome, l.Count)).ShouldBe([("/api/incidents", AuditOutcome.Denied, 1000), ("/api/roster/shifts", AuditOutcome.Denied, 1)]);
    }

    [Fact]
    public async Task RepeatedDenials_AfterTheWindow_StartANewLine()
    {
        var (app, clock) = await HostAsync(_ => { });
        await using var __ = app;
        var audit = app.Services.GetRequiredService<AuditTrail>();

        await audit.RecordAsync(null, "auth.token", "/api/x", AuditOutcome.Denied, "bogus");
        await audit.RecordAsync(null, "auth.token", "/api/x", AuditOutcome.Denied, "bogus");
        await audit.RecordAsync(null, "auth.token", "/api/x", AuditOutcome.Denied, "other reason");
        clock.Advance(AuditTrail.RepeatWindow + Duration.FromSeconds(1));
        await audit.RecordAsync(null, "auth.token", "/api/x", AuditOutcome.Denied, "bogus");
        await audit.FlushAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        (await db.AuditTrail.Where(a => a.Target == "/api/x").OrderBy(a => a.Id).Select(a => new { a.Detail, a.Count }).ToListAsync())
            .Select(a => (a.Detail, a.Count)).ShouldBe([("bogus", 2), ("other reason", 1), ("bogus", 1)]);
    }

    [Fact]
    public async Task APage_OverItsLimit_IsRefusedInDutch()
    {
        var (app, clock) = await HostAsync(o => o.Ui = new BucketLimit { Burst = 2, PerSecond = 1 });
        await using var _ = app;
        await using var scope = app.Services.CreateAsyncScope();
        var limit = scope.ServiceProvider.GetRequiredService<UiCallLimit>();
        var phrases = app.Services.GetRequiredService<Crisis.Web.Platform.Phrasebook>();

        limit.Take();
        limit.Take();
        var refused = Should.Throw<Crisis.Domain.RuleViolationException>(limit.Take);
        clock.Advance(Duration.FromSeconds(1));
        limit.Take();

        refused.Kind.ShouldBe(Crisis.Domain.ViolationKind.TooMany);
        phrases.Dutch(refused.Phrase).ShouldBe("Te veel verzoeken kort na elkaar; wacht 1 s en probeer het opnieuw. Het geweigerde verzoek heeft niets veranderd.");
    }

    [Fact]
    public void ClockTokenBucket_GivesTheBurst_RefillsWithTime_AndSaysWhenToRetry()
    {
        var clock = new FakeClock(Start);
        using var bucket = new ClockTokenBucket(clock, burst: 2, perSecond: 4);

        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        using var refused = bucket.AttemptAcquire();
        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry).ShouldBeTrue();
        retry.ShouldBe(TimeSpan.FromSeconds(0.25));
        clock.Advance(Duration.FromMilliseconds(250));
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        clock.Advance(Duration.FromHours(1));
        bucket.GetStatistics()!.CurrentAvailablePermits.ShouldBe(2);
    }
}
