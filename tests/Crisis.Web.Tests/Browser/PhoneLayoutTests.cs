using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// Phone first: at 390×844 no main page is wider than the screen, no button's label is cut, the menu is behind a
/// button, and on the incident page GRIP and the compose box come before the log. At 1366×768 the pages still fit.
/// </summary>
[Collection(PublishedCrisisCollection.Name)]
public sealed class PhoneLayoutTests(PublishedCrisis app)
{
    private readonly PublishedCrisis _app = app;

    [BrowserFact]
    public async Task EveryMainPage_OnAPhone_IsNoWiderThanTheScreen_AndNoButtonIsCut() =>
        await AssertEveryPageFitsAsync(DemoPages.Phone);

    [BrowserFact]
    public async Task EveryMainPage_OnALaptop_IsNoWiderThanTheScreen_AndNoButtonIsCut() =>
        await AssertEveryPageFitsAsync(DemoPages.Desktop);

    [BrowserFact]
    public async Task Phone_TheMenuButtonOpensTheNavigation_AndItLeadsToAPage()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, "/", DemoPages.Phone);
        (await page.GetByTestId("nav-paspoort").IsVisibleAsync()).ShouldBeFalse("the bar's own nav buttons do not fit a phone");
        await Assertions.Expect(page.GetByTestId("logout")).ToBeInViewportAsync();

        await page.GetByTestId("menu-button").ClickAsync();
        var link = page.Locator(".mud-drawer .mud-nav-link", new() { HasText = "Piket nu" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await page.WaitForURLAsync("**/piketrooster/overzicht");
        await Assertions.Expect(page.GetByTestId("oncall")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Phone_IncidentPage_GripAndComposeBoxComeBeforeTheLog_WithinTheFirstScreen()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, await DemoPages.FireIncidentPathAsync(_app), DemoPages.Phone);
        await page.Locator("[data-testid=incident-page][data-interactive=true]").WaitForAsync();

        var grip = await page.GetByTestId("grip-select").BoundingBoxAsync();
        var send = await page.GetByTestId("compose-send").BoundingBoxAsync();
        var log = await page.GetByTestId("log").BoundingBoxAsync();
        grip.ShouldNotBeNull();
        send.ShouldNotBeNull();
        log.ShouldNotBeNull();
        grip.Y.ShouldBeLessThan(log.Y, "GRIP must not sit under the whole log");
        send.Y.ShouldBeLessThan(log.Y, "the compose box must not sit under the log");
        (send.Y + send.Height).ShouldBeLessThan(DemoPages.Phone.Height * 1.5f, "Vastleggen must be reachable without scrolling past the log");
        send.Height.ShouldBeGreaterThanOrEqualTo(44, "a button for a thumb");
        await page.Context.CloseAsync();
    }

    private async Task AssertEveryPageFitsAsync((int Width, int Height) size)
    {
        var problems = new List<string>();
        var pages = (await DemoPages.AllAsync(_app)).Append(new MainPage("aanmelden", "", "/login", "#email"));
        foreach (var main in pages)
        {
            IPage page;
            if (main.Email.Length == 0)
            {
                var context = await _app.Browser!.Browser.NewContextAsync(new() { ViewportSize = new() { Width = size.Width, Height = size.Height } });
                page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(_app.RootUri, main.Path).ToString());
            }
            else
            {
                page = await DemoPages.OpenAsync(_app, main.Email, main.Path, size);
            }
            await page.Locator(main.Ready).First.WaitForAsync();
            await Task.Delay(300); // MudBlazor sizes some parts after the first render

            var widths = await DemoPages.WidthsAsync(page);
            if (widths[0] > widths[1])
            {
                problems.Add($"{main} at {size.Width}: {widths[0]} px wide: {string.Join("; ", await DemoPages.OverflowingAsync(page))}");
            }
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('button, .mud-button-root')]
                    .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
                    .map(b => (b.innerText || b.getAttribute('aria-label') || '').trim()).filter(t => t.length > 0)
                """);
            if (cut.Length > 0)
            {
                problems.Add($"{main} at {size.Width}: buttons cut: {string.Join(", ", cut)}");
            }
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty();
    }
}
