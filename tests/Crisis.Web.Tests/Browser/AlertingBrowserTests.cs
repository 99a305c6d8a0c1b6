using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Browser;

/// <summary>The alert bar and the opkomst board in a real browser (Debian's Chromium) against a real Kestrel host.</summary>
public sealed class AlertingBrowserTests : IAsyncLifetime
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    // Monday 1 March 2027, 09:00 in the region; the clock stands still, so "verwacht" is known to the minute.
    private static readonly FakeClock Clock = new(new LocalDateTime(2027, 3, 1, 9, 0).InZoneStrictly(Zone).ToInstant());

    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToHaveTextOptions LiveText = new() { Timeout = 20_000 };

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
    public async Task OfficerOnAnotherPage_SeesTheAlertBar_AnswersIkKom15_AndTheOpenBoardShowsKomtLive()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var function = await kit.FunctionAsync();
        var (person, officer) = await kit.PersonAsync(CrisisRole.Officer, function);
        await kit.ShiftAsync(function, person.Id, "2027-03-01T08:00:00", "2027-03-08T08:00:00");
        var incident = await _app.OpenIncidentAsync(kit.CoordinatorUser);
        var board = await LoginAsync(kit.CoordinatorUser, $"/incidenten/{incident.Id}/alarmering");
        var officerPage = await LoginAsync(officer, "/mijn-diensten");
        await Assertions.Expect(board.GetByTestId("alert-board-empty")).ToBeVisibleAsync();
        (await officerPage.GetByTestId("alert-bar").CountAsync()).ShouldBe(0);
        var boardNavigations = 0;
        board.FrameNavigated += (_, frame) => { if (frame == board.MainFrame) { boardNavigations++; } };

        var raised = await kit.Coordinator.PostAsJsonAsync("/api/alerts",
            new { incidentId = incident.Id, targets = new[] { new { function } }, message = "Brand in De Hoven: OvD-BZ naar het COPI" }, Json.Options);
        await raised.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var alert = (await raised.Content.ReadFromJsonAsync<AlertDto>(Json.Options))!;

        var card = officerPage.GetByTestId("alert-bar-alert");
        await Assertions.Expect(card).ToContainTextAsync("Brand in De Hoven: OvD-BZ naar het COPI", Live);
        await Assertions.Expect(card).ToContainTextAsync(function);
        await Assertions.Expect(card.GetByTestId("alert-bar-incident")).ToHaveTextAsync(incident.Title);
        var answer = board.Locator($"[data-testid=alert-recipient][data-person-id='{person.Id}']").GetByTestId("alert-recipient-answer");
        await Assertions.Expect(answer).ToHaveTextAsync("nog geen antwoord", LiveText);

        await card.GetByTestId("alert-coming-15").ClickAsync();

        var expected = (Clock.GetCurrentInstant() + Duration.FromMinutes(15)).InZone(Zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        await Assertions.Expect(answer).ToHaveTextAsync($"komt, verwacht {expected}", LiveText);
        await Assertions.Expect(board.GetByTestId("alert-targets")).ToContainTextAsync("1 van 1 komt");
        await Assertions.Expect(officerPage.GetByTestId("alert-bar-answered")).ToContainTextAsync($"komt, verwacht {expected}");
        boardNavigations.ShouldBe(0);
        var stored = (await kit.Coordinator.GetFromJsonAsync<AlertDto>($"/api/alerts/{alert.Id}", Json.Options))!;
        stored.Recipients.Single(r => r.PersonId == person.Id).ShouldSatisfyAllConditions(
            r => r.Response.ShouldBe("coming"), r => r.EtaMinutes.ShouldBe(15));
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-alert-board.png"), FullPage = true });

        // The coordinator's overview lists the alert with its incident; the bereikbaarheid lists the officer.
        await board.GetByTestId("nav-alarmering").ClickAsync();
        var overview = board.Locator($"[data-testid=alert-card][data-alert-id='{alert.Id}']");
        await Assertions.Expect(overview).ToHaveAttributeAsync("data-status", "satisfied");
        await Assertions.Expect(overview.GetByTestId("alert-incident-link")).ToHaveTextAsync(incident.Title);
        await board.GetByTestId("to-proefalarm").ClickAsync();
        await Assertions.Expect(board.Locator($"[data-testid=reachability-row][data-person-id='{person.Id}']")).ToContainTextAsync("nooit getest");
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-proefalarm.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task AlertBar_OnAPhone390Wide_FitsWithoutHorizontalOverflow_AndHasBigButtons()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var (person, officer) = await kit.PersonAsync(CrisisRole.Officer);
        var page = await LoginAsync(officer, "/mijn-gegevens", new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });

        var sent = await kit.Coordinator.PostAsJsonAsync("/api/alerts/test",
            new { personId = person.Id, message = "Proefalarm voor de piketpool van Bevolkingszorg met een heel lang woord: hoogwaterbeschermingsprogrammacoördinatiecentrum" },
            Json.Options);
        await sent.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var bar = page.GetByTestId("alert-bar");
        await Assertions.Expect(bar.GetByTestId("alert-bar-kind")).ToHaveTextAsync("Proefalarm", LiveText);
        await Assertions.Expect(bar.GetByTestId("alert-coming-30")).ToBeVisibleAsync();
        var overflow = await bar.EvaluateAsync<string[]>("""
            bar => [bar, ...bar.querySelectorAll('*')]
                .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden'
                    || e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.getBoundingClientRect().left < -0.5)
                .map(e => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)} scroll ${e.scrollWidth}/${e.clientWidth}`)
            """);
        overflow.ShouldBeEmpty();
        var heights = await bar.Locator("button.alert-bar-btn").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        heights.Length.ShouldBe(7); // five choices, "Ik kom" with its own minutes, "Ik kan niet"
        heights.ShouldAllBe(h => h >= 44);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-alert-bar-390.png"), FullPage = true });

        // A proefalarm asks nothing more once answered: the card gives way to a thank-you.
        await bar.GetByTestId("alert-declined").ClickAsync();
        await Assertions.Expect(bar.GetByTestId("alert-bar-notice")).ToContainTextAsync("Proefalarm beantwoord (kan niet)");
        await Assertions.Expect(bar.GetByTestId("alert-bar-alert")).ToHaveCountAsync(0);
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
        // Wait for the circuit: before it, the page is a prerendered picture that takes no input.
        // (The opkomst board marks its own circuit: alone on its page it is the page's mark.)
        await page.Locator("[data-interactive=true], [data-board-interactive=true]").First.WaitForAsync();
        return page;
    }
}
