using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Browser;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Security;

/// <summary>The incident page shows the newest page of a long log and loads earlier entries when asked.</summary>
public sealed class LogPagingBrowserTests : IAsyncLifetime
{
    private CrisisApp _app = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await CrisisApp.StartAsync(kestrel: true);
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [BrowserFact]
    public async Task ALongLog_ShowsTheNewestPage_AndEarlierEntriesWhenScrolledToTheEnd()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var incident = await _app.OpenIncidentAsync(officer);
        var api = _app.ClientFor(officer);
        var total = IncidentService.MaxPage + 7;
        for (var i = 1; i <= total; i++)
        {
            await api.AppendAsync(incident.Id, "info", $"Bericht {i}");
        }
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_app.RootUri, $"/incidenten/{incident.Id}").ToString());
        await page.WaitForURLAsync("**/login?**");
        await page.FillAsync("#email", officer.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/incidenten/{incident.Id}");
        await Assertions.Expect(page.GetByTestId("incident-page")).ToHaveAttributeAsync("data-interactive", "true");

        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(IncidentService.MaxPage);
        (await page.GetByTestId("log-entry").First.GetAttributeAsync("data-seq")).ShouldBe(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.GetByTestId("log-entry").Last.GetAttributeAsync("data-seq")).ShouldBe("8");

        // Scrolling down to the end of the page loads the earlier entries, without a click (the button stays for keyboards).
        await page.GetByTestId("log-load-older").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(total);
        (await page.GetByTestId("log-entry").Last.GetAttributeAsync("data-seq")).ShouldBe("1");
        await Assertions.Expect(page.GetByTestId("log-load-older")).ToHaveCountAsync(0);
    }
}
