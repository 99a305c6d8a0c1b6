using Crisis.Domain.Identity;
using Crisis.Web.Security;
using Crisis.Web.Tests.Browser;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// The hub's per-connection limit is Crisis's hub only: a page's own circuit (Blazor's hub, many messages per click)
/// keeps working with the limits on and the hub's limit tiny.
/// </summary>
public sealed class RateLimitBrowserTests : IAsyncLifetime
{
    private CrisisApp _app = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), kestrel: true, services: s =>
            s.PostConfigure<RateLimitOptions>(o =>
            {
                o.Enabled = true;
                o.Hub = new BucketLimit { Burst = 1, PerSecond = 0.001 };
            }));
        _app.StartServer();
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [BrowserFact]
    public async Task TheIncidentPage_Works_WhileTheHubLimitIsTiny()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var incident = await _app.OpenIncidentAsync(officer);
        var api = _app.ClientFor(officer);
        for (var i = 1; i <= 5; i++)
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
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(5);

        for (var i = 6; i <= 8; i++)
        {
            await api.AppendAsync(incident.Id, "info", $"Bericht {i}");
        }

        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(8, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
    }
}
