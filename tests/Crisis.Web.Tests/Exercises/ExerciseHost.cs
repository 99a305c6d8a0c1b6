using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Exercises;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Crisis.Web.Platform;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Exercises;

/// <summary>
/// The real host on a <see cref="FakeClock"/> with a scenario folder of its own: <see cref="AdvanceAsync"/> moves the
/// clock and runs one pass of the exercise scheduler, so a test sees exactly what fell due.
/// </summary>
public sealed class ExerciseHost : IAsyncDisposable
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    public static readonly Instant Start = new LocalDateTime(2027, 3, 2, 9, 0).InZoneStrictly(Zone).ToInstant();

    private readonly bool _ownsDatabase;

    private ExerciseHost(TestDatabase database, FakeClock clock, string scenarios, bool ownsDatabase, bool kestrel)
    {
        Database = database;
        Clock = clock;
        Scenarios = scenarios;
        _ownsDatabase = ownsDatabase;
        App = new CrisisApp(database, kestrel: kestrel, services: s =>
        {
            s.AddSingleton<IClock>(clock);
            s.PostConfigure<CrisisOptions>(o => o.ScenarioPath = scenarios);
        });
    }

    public TestDatabase Database { get; }
    public FakeClock Clock { get; }
    public string Scenarios { get; }
    public CrisisApp App { get; }
    public RosterTestKit Kit { get; private set; } = null!;

    public static async Task<ExerciseHost> StartAsync(
        TestDatabase? database = null, FakeClock? clock = null, string? scenarios = null, DatabaseKind kind = DatabaseKind.Sqlite, bool kestrel = false)
    {
        var folder = scenarios ?? Directory.CreateTempSubdirectory("crisis-scenarios-").FullName;
        var host = new ExerciseHost(database ?? await TestDatabase.CreateAsync(kind), clock ?? new FakeClock(Start), folder, database is null, kestrel);
        host.App.StartServer();
        host.Kit = await RosterTestKit.CreateAsync(host.App);
        return host;
    }

    public Task<int> RunDueAsync() => App.Services.GetRequiredService<ExerciseScheduler>().RunDueAsync();

    public async Task AdvanceAsync(Duration by)
    {
        Clock.Advance(by);
        await RunDueAsync();
    }

    /// <summary>
    /// A region for the drill: a function of its own with an official on call (an officer who takes part), the next
    /// on call (who does not), an exercise lead, a player and a stranger; and the drill scenario written for them.
    /// </summary>
    public async Task<Drill> DrillAsync(string scenarioId = "drill")
    {
        var function = await Kit.FunctionAsync();
        var onCall = await Kit.PersonAsync(CrisisRole.Officer, function);
        var next = await Kit.PersonAsync(CrisisRole.Officer, function);
        await Kit.ShiftAsync(function, onCall.Person.Id, LocalHour(-1), LocalHour(24));
        await Kit.ShiftAsync(function, next.Person.Id, LocalHour(24), LocalHour(48));
        var lead = await App.CreateUserAsync(CrisisRole.ExerciseLead, "Olivia Oefenleider");
        var player = await App.CreateUserAsync(CrisisRole.Member, "Piet Speler");
        var stranger = await App.CreateUserAsync(CrisisRole.Officer, "Sven Buitenstaander");
        var staff = await App.CreateUserAsync(CrisisRole.Member, "Sanne Oefenstaf");
        await File.WriteAllTextAsync(Path.Combine(Scenarios, scenarioId + ".yaml"), DrillYaml(function));
        return new Drill(scenarioId, function, onCall, next, lead, player, stranger, staff);
    }

    /// <summary>Sets the drill up as <paramref name="drill"/>'s lead, with the on-call officer, the player and a control staff member.</summary>
    public async Task<IncidentDto> CreateAsync(Drill drill)
    {
        var response = await App.ClientFor(drill.Lead).PostAsJsonAsync("/api/exercises", new
        {
            scenario = drill.Scenario,
            participants = new object[]
            {
                new { email = drill.OnCall.User.Email, function = drill.Function },
                new { email = drill.Player.Email },
                new { email = drill.Staff.Email, control = true },
            },
        }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!;
    }

    public async Task<ExerciseStateDto> PostAsync(TestUser who, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await App.ClientFor(who).PostAsJsonAsync(path, body ?? new { }, Json.Options);
        await response.ShouldHaveStatusAsync(expected);
        return (await response.Content.ReadFromJsonAsync<ExerciseStateDto>(Json.Options))!;
    }

    public async Task<ExerciseStateDto> StateAsync(TestUser who, Guid id) =>
        (await App.ClientFor(who).GetFromJsonAsync<ExerciseStateDto>($"/api/exercises/{id}", Json.Options))!;

    /// <summary>The inject entries of the exercise's log, as the lead reads them.</summary>
    public async Task<IReadOnlyList<LogEntryDto>> InjectsAsync(TestUser who, Guid id) =>
        (await App.ClientFor(who).LogAsync(id)).Where(e => e.Kind == "inject").ToList();

    public string LocalHour(int hours)
    {
        var local = Clock.GetCurrentInstant().InZone(Zone).LocalDateTime;
        return new LocalDateTime(local.Year, local.Month, local.Day, local.Hour, 0).PlusHours(hours).ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string DrillYaml(string function) => $$"""
        schema: crisis.exercise/v1
        title: "Testoefening stroomuitval"
        type: functional
        scenarioStart: 2026-11-17T08:15:00
        durationMinutes: 90
        objectives: [{id: O1, text: "Eerste beeld binnen 20 minuten", criteria: ["Beeld in het logboek"]}]
        participants: {functions: [{{function}}], teams: [PIM]}
        alerting: [{function: {{function}}, message: "Stroomuitval, kom naar het gemeentehuis"}]
        injects:
          - id: I01
            at: "00:10"
            from: "Netbeheerder"
            to: {function: {{function}}}
            method: phone
            title: "Stroom uit in de wijk"
            message: "Sinds tien minuten is de stroom uit in Oost."
            expectedActions: [{id: E1, text: "Eerste beeld in het logboek", by: {{function}}, withinMinutes: 20, objective: O1}]
            controlNotes: "Geheime regie-notitie: herstel duurt 24 uur"
            contingency: {ifMissed: E1, inject: C01}
          - id: I02
            at: "00:30"
            to: {team: PIM}
            title: "Bewoners bellen"
            message: "Het KCC krijgt veel telefoontjes."
            expectedActions: [{id: E2, text: "Belscript", by: PIM, withinMinutes: 15}]
          - id: I03
            at: "01:00"
            to: {function: HIN}
            title: "Vraag om beeld"
            message: "Het ROT vraagt om een beeld."
          - id: C01
            contingencyOnly: true
            to: {function: {{function}}}
            title: "Waar blijft het beeld?"
            message: "De AC-BZ vraagt waar het beeld blijft."
        """;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed record Drill(
    string Scenario, string Function, (PersonDto Person, TestUser User) OnCall, (PersonDto Person, TestUser User) Next,
    TestUser Lead, TestUser Player, TestUser Stranger, TestUser Staff);

public static class AuditRows
{
    /// <summary>How many exercise audit lines <paramref name="email"/> has with <paramref name="outcome"/>.</summary>
    public static async Task<int> CountAsync(CrisisApp app, string email, string outcome)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Crisis.Web.Data.CrisisDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditTrail, a => a.Actor == email && a.Outcome == outcome && a.Action.StartsWith("exercise."));
    }
}
