using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Browser;

/// <summary>The year plan page in a real browser: edit a cell, register a session, and the attendee's paspoort shows it.</summary>
public sealed class YearPlanBrowserTests : IAsyncLifetime
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    // Monday 1 March 2027, 09:00 in the region.
    private static readonly FakeClock Clock = new(new LocalDateTime(2027, 3, 1, 9, 0).InZoneStrictly(Zone).ToInstant());

    private CrisisApp _app = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await RosterTestKit.StartHostAsync(Clock, kestrel: true);
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [BrowserFact]
    public async Task Coordinator_EditsAPlanCell_RegistersASession_AndTheAttendeeSeesTheRecordInTheirPaspoort()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var function = await kit.FunctionAsync();
        var attendee = await kit.PersonAsync(CrisisRole.Member, function);
        (await kit.Coordinator.PostAsJsonAsync("/api/yearplan/2027/activities", new
        {
            code = "B3", title = "Simulatie-oefening", team = "WG-OMGEVINGSZORG", audience = new[] { function }, quarters = new[] { 2 },
            costs = new { amount = 4500m }, status = "planned", kind = "exercise",
        }, Json.Options)).EnsureSuccessStatusCode();

        var page = await LoginAsync(kit.CoordinatorUser, "/jaarplan/2027");
        await page.Locator("[data-testid=year-plan][data-interactive=true]").WaitForAsync();
        var row = page.Locator("[data-testid=plan-activity][data-code=B3]");
        await Assertions.Expect(row.GetByTestId("plan-attendance")).ToHaveTextAsync("0 van 1");
        await row.GetByTestId("plan-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-form")).ToContainTextAsync("Activiteit B3 bewerken");
        await Assertions.Expect(page.Locator("#plan-title")).ToHaveValueAsync("Simulatie-oefening");
        await page.FillAsync("#plan-title", "Simulatie-oefening Omgevingszorg");
        await page.GetByTestId("plan-save").ClickAsync();
        await Assertions.Expect(row.GetByTestId("plan-title")).ToHaveTextAsync("Simulatie-oefening Omgevingszorg");

        await row.GetByTestId("plan-session").ClickAsync();
        await Assertions.Expect(page.Locator("#session-date")).ToHaveValueAsync("2027-03-01");
        await page.FillAsync("#session-date", "2027-02-20");
        await page.CheckAsync($"#session-person-{attendee.Person.Id}");
        await page.GetByTestId("session-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-message")).ToContainTextAsync("Sessie van B3 geregistreerd");
        await Assertions.Expect(row.GetByTestId("plan-attendance")).ToHaveTextAsync("1 van 1");
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();

        var mine = await LoginAsync(attendee.User, "/paspoort", interactive: false);
        await Assertions.Expect(mine.GetByTestId("dossier-records")).ToContainTextAsync("B3 Simulatie-oefening Omgevingszorg");
    }

    private async Task<IPage> LoginAsync(TestUser user, string path, bool interactive = true)
    {
        var page = await _browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        if (interactive)
        {
            await page.Locator("[data-interactive=true]").First.WaitForAsync();
        }
        return page;
    }
}
