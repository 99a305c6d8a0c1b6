using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Alerting;

/// <summary>
/// The real host with a <see cref="FakeClock"/> that the tests move; <see cref="AdvanceAsync"/> moves it and runs one
/// pass of the escalation scheduler, so a test sees exactly the steps that fell due, without waiting on time.
/// </summary>
public sealed class AlertingHost : IAsyncDisposable
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    /// <summary>Monday 1 March 2027, 09:00 in the region.</summary>
    public static readonly Instant Start = new LocalDateTime(2027, 3, 1, 9, 0).InZoneStrictly(Zone).ToInstant();

    private readonly bool _ownsDatabase;

    private AlertingHost(TestDatabase database, FakeClock clock, bool ownsDatabase)
    {
        Database = database;
        Clock = clock;
        _ownsDatabase = ownsDatabase;
        App = new CrisisApp(database, services: s => s.AddSingleton<IClock>(clock));
    }

    /// <summary>A host with more services (e.g. the alert channels' options), added after the clock.</summary>
    private AlertingHost(TestDatabase database, FakeClock clock, bool ownsDatabase, Action<IServiceCollection> services)
    {
        Database = database;
        Clock = clock;
        _ownsDatabase = ownsDatabase;
        App = new CrisisApp(database, services: s =>
        {
            s.AddSingleton<IClock>(clock);
            services(s);
        });
    }

    public TestDatabase Database { get; }
    public FakeClock Clock { get; }
    public CrisisApp App { get; }
    public RosterTestKit Kit { get; private set; } = null!;

    /// <summary>A host on a new database, or (a restart, a second node) on <paramref name="database"/> with <paramref name="clock"/>.</summary>
    public static async Task<AlertingHost> StartAsync(TestDatabase? database = null, FakeClock? clock = null, DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var host = new AlertingHost(database ?? await TestDatabase.CreateAsync(kind), clock ?? new FakeClock(Start), database is null);
        host.App.StartServer();
        host.Kit = await RosterTestKit.CreateAsync(host.App);
        return host;
    }

    /// <summary>As <see cref="StartAsync(TestDatabase?, FakeClock?, DatabaseKind)"/>, with <paramref name="services"/> configured too.</summary>
    public static async Task<AlertingHost> StartWithAsync(Action<IServiceCollection> services, TestDatabase? database = null, FakeClock? clock = null)
    {
        var host = new AlertingHost(database ?? await TestDatabase.CreateAsync(DatabaseKind.Sqlite), clock ?? new FakeClock(Start), database is null, services);
        host.App.StartServer();
        host.Kit = await RosterTestKit.CreateAsync(host.App);
        return host;
    }

    public Instant Now => Clock.GetCurrentInstant();

    public Task<int> RunDueAsync() => App.Services.GetRequiredService<AlertScheduler>().RunDueAsync();

    /// <summary>Moves the clock on and runs the scheduler's pass for the new now.</summary>
    public async Task AdvanceAsync(Duration by)
    {
        Clock.Advance(by);
        await RunDueAsync();
    }

    /// <summary>A local date-time of the region for the roster API, the whole hour before now plus <paramref name="hours"/>.</summary>
    public string LocalHour(int hours)
    {
        var local = Now.InZone(Zone).LocalDateTime;
        var hour = new LocalDateTime(local.Year, local.Month, local.Day, local.Hour, 0).PlusHours(hours);
        return hour.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A function of its own with three officials who are also officers: <c>OnCall</c> on call from an hour ago for a
    /// week, <c>Next</c> the week after, and <c>Pool</c> holding the function without a shift.
    /// </summary>
    public async Task<Region> RegionAsync()
    {
        var function = await Kit.FunctionAsync();
        var onCall = await Kit.PersonAsync(CrisisRole.Officer, function);
        var next = await Kit.PersonAsync(CrisisRole.Officer, function);
        var pool = await Kit.PersonAsync(CrisisRole.Officer, function);
        await Kit.ShiftAsync(function, onCall.Person.Id, LocalHour(-1), LocalHour(7 * 24));
        await Kit.ShiftAsync(function, next.Person.Id, LocalHour(7 * 24), LocalHour(14 * 24));
        return new Region(function, onCall, next, pool);
    }

    public HttpClient ClientFor(TestUser user) => App.ClientFor(user);

    public async Task<AlertDto> RaiseAsync(TestUser by, object body)
    {
        var response = await ClientFor(by).PostAsJsonAsync("/api/alerts", body, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AlertDto>(Json.Options))!;
    }

    public async Task<AlertDto> GetAsync(Guid alertId) =>
        (await Kit.Coordinator.GetFromJsonAsync<AlertDto>($"/api/alerts/{alertId}", Json.Options))!;

    public async Task<AlertDto> RespondAsync(TestUser who, Guid alertId, string response, int? etaMinutes = null, string? note = null)
    {
        var answer = await ClientFor(who).PostAsJsonAsync($"/api/alerts/{alertId}/respond", new { response, etaMinutes, note }, Json.Options);
        await answer.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await answer.Content.ReadFromJsonAsync<AlertDto>(Json.Options))!;
    }

    /// <summary>The incident's system entries about alerts, in order.</summary>
    public async Task<IReadOnlyList<string>> AlertLinesAsync(Guid incidentId) =>
        (await Kit.Coordinator.LogAsync(incidentId)).Where(e => e.Kind == "system" && e.Text.Contains("Alarmering", StringComparison.Ordinal))
            .Select(e => e.Text).ToList();

    /// <summary>How many rows of alerting there are: bad input must leave them as they were.</summary>
    public async Task<(int Alerts, int Recipients, int Notifications, int Answers, int Policies)> CountRowsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        return (await db.Set<AlertRecord>().CountAsync(), await db.Set<AlertRecipientRecord>().CountAsync(),
            await db.Set<AlertNotificationRecord>().CountAsync(), await db.Set<AlertAnswerRecord>().CountAsync(),
            await db.Set<EscalationPolicyRecord>().CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed record Region(
    string Function, (PersonDto Person, TestUser User) OnCall, (PersonDto Person, TestUser User) Next, (PersonDto Person, TestUser User) Pool);

/// <summary>One host shared by the alerting tests of a collection; each test makes a region of its own.</summary>
public sealed class AlertingFixture : IAsyncLifetime
{
    public AlertingHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AlertingHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AlertingCollection : ICollectionFixture<AlertingFixture>
{
    public const string Name = "alerting";
}

public static class AlertAssertions
{
    public static AlertRecipientDto Recipient(this AlertDto alert, Guid personId) =>
        alert.Recipients.Single(r => r.PersonId == personId && !r.Skipped);

    public static IReadOnlyList<Guid> Reached(this AlertDto alert) =>
        alert.Recipients.Where(r => !r.Skipped).Select(r => r.PersonId!.Value).ToList();
}
