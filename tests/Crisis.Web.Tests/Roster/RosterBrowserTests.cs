using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Roster;

/// <summary>The piketrooster grid in a real browser (Debian's Chromium) against a real Kestrel host.</summary>
public sealed class RosterBrowserTests : IAsyncLifetime
{
    // Wednesday 15 September 2027, noon in Amsterdam: the page opens on the week from Monday the 13th.
    private static readonly FakeClock Clock = new(Instant.FromUtc(2027, 9, 15, 10, 0));
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
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
    public async Task Grid_ShowsTheUncoveredDayInRed_AndTheCoveredDaysWithTheirPerson()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var monday = Clock.GetCurrentInstant().InZone(Zone).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        await kit.ShiftAsync(f, p.Id, $"{monday.PlusDays(1):yyyy-MM-dd}T00:00", $"{monday.PlusDays(7):yyyy-MM-dd}T00:00");
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(_app.RootUri, "/login?returnUrl=%2Fpiketrooster").ToString());
        await page.FillAsync("#email", kit.CoordinatorUser.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/piketrooster");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var cells = page.Locator($"tr[data-function='{f}'] td[data-gap]");
        await Assertions.Expect(cells).ToHaveCountAsync(7);
        (await cells.Nth(0).GetAttributeAsync("data-gap")).ShouldBe("true");
        await Assertions.Expect(cells.Nth(0)).ToContainTextAsync("GAT");
        for (var day = 1; day < 7; day++)
        {
            (await cells.Nth(day).GetAttributeAsync("data-gap")).ShouldBe("false");
        }
        await Assertions.Expect(cells.Nth(3)).ToContainTextAsync(p.Name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-piketrooster.png"), FullPage = true });
    }
}
