using System.Collections.Concurrent;
using System.Net;
using Crisis.Domain.Identity;
using Crisis.Web.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// The content security policy in a real browser: the app is interactive under it and the browser reports no violation;
/// a lock ends the open circuit at once; the logout button (a form with antiforgery) works and ends the session.
/// </summary>
public sealed class SecurityBrowserTests : IAsyncLifetime
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
    public async Task UnderTheCsp_TheAppIsInteractiveWithoutViolations_AndTheLogoutButtonEndsTheSession()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var incident = await _app.OpenIncidentAsync(officer);
        var (page, problems) = await LoginAsync(officer, $"/incidenten/{incident.Id}");

        await _app.ClientFor(officer).AppendAsync(incident.Id, "decision", "Besluit onder de CSP");
        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Besluit onder de CSP",
            new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        var cookie = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/login**");

        problems.ShouldBeEmpty();
        var copied = new HttpRequestMessage(HttpMethod.Get, new Uri(_app.RootUri, "/api/incidents"));
        copied.Headers.Add("Cookie", cookie);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        (await client.SendAsync(copied)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [BrowserFact]
    public async Task EveryMainPage_RendersInteractivelyUnderTheCsp_WithoutViolations()
    {
        var coordinator = await _app.CreateUserAsync(CrisisRole.Coordinator);
        var (page, problems) = await LoginAsync(coordinator, "/piketrooster");

        foreach (var path in new[] { "/", "/piketrooster/overzicht", "/mijn-diensten", "/paspoort", "/alarmering", "/oefeningen", "/mijn-gegevens" })
        {
            await page.GotoAsync(new Uri(_app.RootUri, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            problems.ShouldBeEmpty(path);
            await page.Locator("header, .mud-appbar").First.WaitForAsync();
        }
    }

    [BrowserFact]
    public async Task LockingTheUser_EndsTheOpenCircuit_ThePageGoesToTheLogin()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var incident = await _app.OpenIncidentAsync(officer);
        var (page, problems) = await LoginAsync(officer, $"/incidenten/{incident.Id}");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().LockAsync(officer.Email, Actor.System("test"));
        }

        await page.WaitForURLAsync("**/login**", new PageWaitForURLOptions { Timeout = 20_000 });
        problems.ShouldBeEmpty();
    }

    /// <summary>Logs in through the form; collects every CSP violation and script error the page reports from the start.</summary>
    private async Task<(IPage Page, ConcurrentQueue<string> Problems)> LoginAsync(TestUser user, string path)
    {
        var page = await _browser.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Enqueue(error);
        var response = await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        (await response!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull();
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return (page, problems);
    }
}
