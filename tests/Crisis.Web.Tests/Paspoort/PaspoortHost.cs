using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>
/// The real host on SQLite with a <see cref="FakeClock"/>: "today" in Europe/Amsterdam is <see cref="Today"/>, a day in a
/// leap year, so that status boundaries can be tested to the day. Shared by the paspoort tests.
/// </summary>
public sealed class PaspoortHost : IAsyncLifetime
{
    /// <summary>Today in the region: Friday 31 March 2028 (2028 is a leap year; summer time began on 26 March).</summary>
    public static readonly LocalDate Today = new(2028, 3, 31);

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public FakeClock Clock { get; } = new(Today.At(new LocalTime(12, 0)).InZoneStrictly(Zone).ToInstant());

    private CrisisApp? _app;

    /// <summary>The one host fixture (<see cref="CrisisApp"/>) with this host's clock.</summary>
    public CrisisApp App => _app ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => App.Services;

    public async Task InitializeAsync()
    {
        _app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), services: s => s.AddSingleton<IClock>(Clock));
        _app.Server.ShouldNotBeNull(); // starts the host
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await _app.Database.DisposeAsync();
        }
    }

    public Task<TestUser> CreateUserAsync(CrisisRole role, string? name = null) => App.CreateUserAsync(role, name);

    public HttpClient ClientFor(TestUser? user) => App.ClientFor(user);

    private TestUser? _coordinator;
    private string? _municipality;

    /// <summary>A coordinator who is no official of the region, so may write anyone's records.</summary>
    public async Task<HttpClient> CoordinatorAsync()
    {
        _coordinator ??= await CreateUserAsync(CrisisRole.Coordinator, "Coördinator Test");
        return ClientFor(_coordinator);
    }

    /// <summary>A new function (so every test has requirements of its own) with the given requirements.</summary>
    public async Task<string> FunctionAsync(params object[] requirements)
    {
        var client = await CoordinatorAsync();
        var code = $"T-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        (await client.PostAsJsonAsync("/api/functions", new { code, name = $"Testfunctie {code}" }, Json.Options)).EnsureSuccessStatusCode();
        foreach (var r in requirements)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToElement(r, Json.Options);
            var body = new Dictionary<string, object?> { ["function"] = code };
            foreach (var p in json.EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
            var response = await client.PostAsJsonAsync("/api/paspoort/requirements", body, Json.Options);
            await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Created);
        }
        return code;
    }

    /// <summary>A person of the region; with <paramref name="user"/>, the same official as that user.</summary>
    public async Task<PersonDto> PersonAsync(TestUser? user = null, params string[] functions)
    {
        var client = await CoordinatorAsync();
        if (_municipality is null)
        {
            _municipality = $"Paspoortdorp {Guid.NewGuid():N}"[..20];
            (await client.PostAsJsonAsync("/api/municipalities", new { name = _municipality }, Json.Options)).EnsureSuccessStatusCode();
        }
        var email = user?.Email ?? $"p-{Guid.NewGuid():N}@test.example";
        var response = await client.PostAsJsonAsync("/api/people",
            new { name = user?.Name ?? $"Persoon {email[..10]}", email, municipality = _municipality, functions }, Json.Options);
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PersonDto>(Json.Options))!;
    }

    /// <summary>Records an activity as the test coordinator and returns the stored record.</summary>
    public async Task<RecordDto> RecordAsync(Guid personId, string kind, LocalDate date, string? function = null, string? requirement = null,
        string? result = null, string activity = "Testactiviteit", Guid? voidsRecordId = null)
    {
        var client = await CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/paspoort/records",
            new { personId, kind, activity, date, function, requirement, result, voidsRecordId }, Json.Options);
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<RecordDto>(Json.Options))!;
    }

    public async Task<DossierDto> DossierAsync(Guid personId, LocalDate? at = null)
    {
        var client = await CoordinatorAsync();
        var query = at is { } d ? $"?at={d:uuuu-MM-dd}" : "";
        var response = await client.GetAsync($"/api/paspoort/{personId}{query}");
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<DossierDto>(Json.Options))!;
    }

    /// <summary>Opens an incident as a coordinator, lets <paramref name="participant"/> take part in <paramref name="function"/>, and closes it.</summary>
    public async Task<IncidentDto> CloseIncidentWithAsync(TestUser participant, string function, bool exercise = false, string title = "Brand testlocatie")
    {
        var client = await CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/incidents", new { title, exercise, grip = 1 }, Json.Options);
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Created);
        var incident = (await response.Content.ReadFromJsonAsync<IncidentDto>(Json.Options))!;
        (await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = participant.Email, function }, Json.Options))
            .EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/incidents/{incident.Id}/close", null)).EnsureSuccessStatusCode();
        return incident;
    }
}

[CollectionDefinition(Name)]
public sealed class PaspoortCollection : ICollectionFixture<PaspoortHost>
{
    public const string Name = "paspoort";
}

/// <summary>Statuses as the API names them.</summary>
public static class DossierExtensions
{
    public static FunctionStatusDto Function(this DossierDto dossier, string code) =>
        dossier.Functions.Single(f => f.Function == code);

    public static RequirementStatusDto Requirement(this DossierDto dossier, string function, string code) =>
        dossier.Function(function).Requirements.Single(r => r.Code == code);
}
