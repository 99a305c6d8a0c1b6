using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace Crisis.Web.Tests.Browser;

/// <summary>A working group's page and Mijn acties in a real browser (Debian's Chromium) against a real Kestrel host.</summary>
public sealed class WorkingGroupBrowserTests : IAsyncLifetime
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    // Monday 1 March 2027, 09:00 in the region.
    private static readonly FakeClock Clock = new(new LocalDateTime(2027, 3, 1, 9, 0).InZoneStrictly(Zone).ToInstant());

    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 20_000 };

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
    public async Task Member_CreatesAnAction_MovesItToInProgressWithANote_AndSeesItInMijnActies()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var code = $"WG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Werkgroep Browsertest", kind = "workinggroup" }, Json.Options)).EnsureSuccessStatusCode();
        var chair = await kit.PersonAsync(CrisisRole.Member);
        var me = await kit.PersonAsync(CrisisRole.Member);
        var other = await kit.PersonAsync(CrisisRole.Member);
        (await kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = me.Person.Id, role = "member" }, new { personId = other.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();

        var page = await LoginAsync(me.User, $"/werkgroepen/{code}");
        await page.FillAsync("#action-new-title", "Draaiboek opvang actualiseren");
        await page.FillAsync("#action-new-due", LocalDatePattern.Iso.Format(new LocalDate(2027, 3, 15)));
        await page.GetByTestId("action-new-save").ClickAsync();

        var row = page.GetByTestId("action-row").Filter(new LocatorFilterOptions { HasText = "Draaiboek opvang actualiseren" });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "open", Live);
        await Assertions.Expect(row).ToContainTextAsync($"Actiehouder: {me.Person.Name}");
        await Assertions.Expect(row).ToContainTextAsync("uiterlijk 15-03-2027");
        await row.Locator("input").First.FillAsync("Eerste versie bij de voorzitter");
        await row.GetByTestId("action-to-in-progress").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "in-progress", Live);
        await Assertions.Expect(row.GetByTestId("action-status")).ToHaveTextAsync("Onderhanden");
        await ShouldPassAxeAsync(page, "werkgroep");

        await page.GotoAsync(new Uri(_app.RootUri, "/mijn-acties").ToString());
        await page.Locator("[data-testid=my-actions][data-interactive=true]").WaitForAsync();
        var mine = page.GetByTestId("action-row");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "in-progress");
        await Assertions.Expect(mine).ToContainTextAsync("Draaiboek opvang actualiseren");
        await Assertions.Expect(mine).ToContainTextAsync(code);
        await mine.Locator("summary").ClickAsync();
        await Assertions.Expect(mine).ToContainTextAsync("Eerste versie bij de voorzitter");
        await ShouldPassAxeAsync(page, "mijn acties");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-mijn-acties.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task Coordinator_OnAPhone_SeesTheOverdueActionInEveryGroupsList_AndRecordsAMeetingWithTheOpenListAsAgenda()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var code = $"WG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Werkgroep Telefoontest", kind = "workinggroup" }, Json.Options)).EnsureSuccessStatusCode();
        var chair = await kit.PersonAsync(CrisisRole.Member);
        var a = await kit.PersonAsync(CrisisRole.Member);
        var b = await kit.PersonAsync(CrisisRole.Member);
        (await kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();
        (await kit.Coordinator.PostAsJsonAsync($"/api/teams/{code}/actions",
            new { title = "Evaluatie opvangoefening verwerken", ownerPersonId = a.Person.Id, due = "2027-02-20" }, Json.Options)).EnsureSuccessStatusCode();

        var phone = new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } };
        var page = await LoginAsync(kit.CoordinatorUser, "/werkgroepen", phone);
        var card = page.Locator($"[data-testid=working-group-card][data-team='{code}']");
        var overdue = card.GetByTestId("action-row");
        await Assertions.Expect(overdue).ToHaveAttributeAsync("data-overdue", "true");
        await Assertions.Expect(overdue.GetByTestId("action-overdue")).ToHaveTextAsync("Over tijd");
        (await card.CountAsync()).ShouldBe(1);
        await ShouldPassAxeAsync(page, "werkgroepen");
        await Assertions.Expect(page.Locator("[data-testid=working-group-card][data-team='WG-OTO']")).ToBeVisibleAsync();

        await card.Locator("a").First.ClickAsync();
        await page.Locator("[data-testid=working-group][data-interactive=true]").WaitForAsync();
        await page.FillAsync("#meeting-date", "2027-03-01");
        await page.FillAsync("#meeting-notes", "Tweewekelijks overleg");
        await page.GetByTestId("meeting-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting")).ToContainTextAsync("01-03-2027");
        await Assertions.Expect(page.GetByTestId("meeting-agenda")).ToContainTextAsync("Evaluatie opvangoefening verwerken");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the group's page fits a phone without sideways scrolling");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-werkgroep-390.png"), FullPage = true });
    }

    private static async Task ShouldPassAxeAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ShouldBeEmpty();
    }

    private async Task<IPage> LoginAsync(TestUser user, string path, BrowserNewPageOptions? options = null)
    {
        var page = await _browser.NewPageAsync(options);
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        return page;
    }
}
