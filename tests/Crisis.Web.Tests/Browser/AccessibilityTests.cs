using Crisis.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// Accessibility: axe finds nothing serious or critical on the main pages; the keyboard focus is visible (and the
/// focus that FocusOnNavigate puts on a page's title draws no box); Ctrl+Enter posts; Enter submits a one-field form.
/// </summary>
[Collection(PublishedCrisisCollection.Name)]
public sealed class AccessibilityTests(PublishedCrisis app)
{
    private readonly PublishedCrisis _app = app;

    [BrowserFact]
    public async Task MainPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        var problems = new List<string>();
        var pages = (await DemoPages.AllAsync(_app)).Append(new MainPage("aanmelden", "", "/login", "#email"));
        foreach (var main in pages)
        {
            IPage page;
            if (main.Email.Length == 0)
            {
                page = await _app.Browser!.NewPageAsync();
                await page.GotoAsync(new Uri(_app.RootUri, main.Path).ToString());
            }
            else
            {
                page = await DemoPages.OpenAsync(_app, main.Email, main.Path, DemoPages.Desktop);
            }
            await page.Locator(main.Ready).First.WaitForAsync();

            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{main}: {v.Impact} {v.Id} ({v.Help}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task KeyboardFocus_IsVisible_AndThePageTitleHasNoFocusBox()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, "/", DemoPages.Desktop);
        await page.Locator("[data-testid=incident-list]").WaitForAsync();
        // FocusOnNavigate puts the focus on the title after a navigation inside the app.
        await page.GetByTestId("nav-paspoort").ClickAsync();
        await page.WaitForURLAsync("**/paspoort");
        await page.Locator("[data-testid=dossier-person]").WaitForAsync();
        var title = await page.EvaluateAsync<string[]>("""
            () => { const h = document.querySelector('h1'); const s = getComputedStyle(h); return [String(document.activeElement === h), s.outlineStyle]; }
            """);
        title[1].ShouldBe("none", "no box on the page title");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<string[]>("""
            () => { const e = document.activeElement; const s = getComputedStyle(e); return [e.tagName, s.outlineStyle, s.outlineWidth]; }
            """);
        ring[0].ShouldNotBe("BODY");
        ring[1].ShouldNotBe("none", $"the focused {ring[0]} shows no focus ring");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ComposeBox_CtrlEnterPostsTheEntry()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, await DemoPages.FireIncidentPathAsync(_app), DemoPages.Desktop);
        await page.Locator("[data-testid=incident-page][data-interactive=true]").WaitForAsync();
        var text = $"Met Ctrl+Enter vastgelegd {Guid.NewGuid():N}";

        await page.Locator("[data-testid=compose] textarea").FillAsync(text);
        await page.Locator("[data-testid=compose] textarea").PressAsync("Control+Enter");

        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync(text);
        await Assertions.Expect(page.Locator("[data-testid=compose] textarea")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task SingleFieldForm_EnterSubmitsIt()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, await DemoPages.FireIncidentPathAsync(_app), DemoPages.Desktop);
        await page.Locator("[data-testid=incident-page][data-interactive=true]").WaitForAsync();

        // An address nobody has: the answer is a refusal, which shows that Enter sent the form.
        await page.Locator("input[data-testid=participant-email], [data-testid=participant-email] input").FillAsync("niemand@lagelanden.example");
        await page.Locator("input[data-testid=participant-email], [data-testid=participant-email] input").PressAsync("Enter");

        await Assertions.Expect(page.Locator(".mud-alert-text-error, .mud-alert-filled-error, .mud-alert-outlined-error").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
