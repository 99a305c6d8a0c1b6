using Crisis.Web.Demo;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>A main page of the UI, as a demo user opens it; <see cref="Ready"/> is there once it has its data.</summary>
public sealed record MainPage(string Name, string Email, string Path, string Ready)
{
    public override string ToString() => Name;
}

/// <summary>The demo region's main pages, and the way in: signing in and waiting for the circuit.</summary>
public static class DemoPages
{
    public const string Coordinator = "coordinator@lagelanden.example";
    public const string Officer = "ovd@lagelanden.example";

    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1366, 768);

    /// <summary>The pages officers use (the incident pages of the demo fire, which the OvD leads).</summary>
    public static async Task<IReadOnlyList<MainPage>> AllAsync(PublishedCrisis app)
    {
        var fire = await FireIncidentPathAsync(app);
        return
        [
            new("incidentenlijst", Officer, "/", "[data-testid=incident-list]"),
            new("archief", Coordinator, "/incidenten/archief", "[data-testid=archive-page]"),
            new("incident", Officer, fire, "[data-testid=incident-page][data-interactive=true]"),
            new("situatierapport", Officer, fire + "/situatierapport", "[data-testid=sitrep-frame]"),
            new("piketrooster", Coordinator, "/piketrooster", "[data-testid=roster-grid][data-interactive=true]"),
            new("piket nu", Officer, "/piketrooster/overzicht", "[data-testid=oncall]"),
            new("mijn diensten", Officer, "/mijn-diensten", "[data-testid=my-shifts][data-interactive=true]"),
            new("mijn paspoort", Officer, "/paspoort", "[data-testid=dossier-person]"),
            new("jaarplan", Coordinator, "/jaarplan", "[data-testid=year-plan][data-interactive=true]"),
            new("leerprikkelaar", Officer, "/leerprikkelaar", "[data-testid=leerprikkelaar][data-interactive=true]"),
        ];
    }

    /// <summary>The demo's fire, found once through the incident list as the OvD sees it.</summary>
    public static async Task<string> FireIncidentPathAsync(PublishedCrisis app)
    {
        if (app.FirePath is { } known)
        {
            return known;
        }
        var page = await OpenAsync(app, Officer, "/", Desktop);
        var link = page.Locator("[data-testid=incident-list] a", new() { HasText = "Grote brand" });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The demo fire is not in the list.");
        await page.Context.CloseAsync();
        return app.FirePath = "/" + href.TrimStart('/');
    }

    /// <summary>A new browser context of the given size, signed in as <paramref name="email"/>, on <paramref name="path"/> with its circuit up.</summary>
    public static async Task<IPage> OpenAsync(PublishedCrisis app, string email, string path, (int Width, int Height) size)
    {
        var context = await app.Browser!.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = size.Width < 600,
            HasTouch = size.Width < 600,
            Locale = "nl-NL",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoRegion.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until the page is interactive (before, it is a prerendered picture that takes no input).</summary>
    public static Task WaitForCircuitAsync(IPage page) => page.Locator("[data-circuit=up]").WaitForAsync();

    /// <summary>Whether anything sticks out sideways: the whole document is no wider than the window.</summary>
    public static Task<int[]> WidthsAsync(IPage page) =>
        page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

    /// <summary>The elements that stick out of the window, for a failure message.</summary>
    public static Task<string[]> OverflowingAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.mud-table-container, .page-fit, [style*="overflow-x"]'))
                .slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)} "${(e.innerText || '').slice(0, 40)}"`)
            """);
}
