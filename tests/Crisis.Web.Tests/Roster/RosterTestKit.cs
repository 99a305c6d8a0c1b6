using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Roster;

/// <summary>
/// A small region of its own per test on a shared host: a municipality, functions with unique codes, and people
/// who are also users (same email), so tests never see each other's shifts.
/// </summary>
public sealed class RosterTestKit
{
    public required HttpClient Coordinator { get; init; }
    public required TestUser CoordinatorUser { get; init; }
    public required string Municipality { get; init; }
    public required Func<TestUser?, HttpClient> ClientFor { get; init; }
    public required CrisisApp App { get; init; }

    public static async Task<RosterTestKit> CreateAsync(CrisisApp app, WebApplicationFactory<Program>? host = null)
    {
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        HttpClient Client(TestUser? user)
        {
            if (host is null)
            {
                return app.ClientFor(user);
            }
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (user is not null)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", user.Token);
            }
            return client;
        }
        var client = Client(coordinator);
        var municipality = $"Gem{Guid.NewGuid():N}"[..16];
        (await client.PostAsJsonAsync("/api/municipalities", new { name = municipality }, Json.Options)).EnsureSuccessStatusCode();
        return new RosterTestKit { App = app, Coordinator = client, CoordinatorUser = coordinator, Municipality = municipality, ClientFor = Client };
    }

    /// <summary>
    /// A host of its own on SQLite whose <see cref="IClock"/> is <paramref name="clock"/>, for tests that depend on
    /// "today" (the coming days of a gap alert, the week a page opens on): the shared hosts read the wall clock.
    /// </summary>
    public static async Task<CrisisApp> StartHostAsync(FakeClock clock, bool kestrel = false)
    {
        var app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), kestrel: kestrel,
            services: s => s.AddSingleton<IClock>(clock));
        app.StartServer();
        return app;
    }

    public async Task<string> FunctionAsync(int minimumOnCall = 1)
    {
        var code = $"T-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var response = await Coordinator.PostAsJsonAsync("/api/functions", new { code, name = $"Testfunctie {code}", minimumOnCall }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>A person holding <paramref name="functions"/>, who is also a user with <paramref name="role"/>.</summary>
    public async Task<(PersonDto Person, TestUser User)> PersonAsync(CrisisRole role, params string[] functions)
    {
        var user = await App.CreateUserAsync(role);
        var response = await Coordinator.PostAsJsonAsync("/api/people",
            new { name = user.Name + " " + user.Email[..6], email = user.Email, municipality = Municipality, functions }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return ((await response.Content.ReadFromJsonAsync<PersonDto>(Json.Options))!, user);
    }

    public Task<HttpResponseMessage> PostShiftAsync(string function, Guid personId, string start, string end, HttpClient? client = null) =>
        (client ?? Coordinator).PostAsJsonAsync("/api/roster/shifts", new { function, personId, start, end }, Json.Options);

    public async Task<ShiftDto> ShiftAsync(string function, Guid personId, string start, string end)
    {
        var response = await PostShiftAsync(function, personId, start, end);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ShiftDto>(Json.Options))!;
    }

    public async Task<List<ShiftDto>> ShiftsAsync(string function, string from = "2026-01-01", string to = "2027-12-31") =>
        (await Coordinator.GetFromJsonAsync<List<ShiftDto>>($"/api/roster/shifts?function={function}&from={from}&to={to}", Json.Options))!;

    public async Task<CoverageDto> CoverageAsync(string function, string from, string to, HttpClient? client = null)
    {
        var response = await (client ?? Coordinator).GetAsync($"/api/roster/coverage?function={function}&from={from}&to={to}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<CoverageDto>(Json.Options))!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }
}
