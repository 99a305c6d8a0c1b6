using System.Text.RegularExpressions;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// The rule that no user action kills a page: on every main page each harmless button and tab is pressed (submitting
/// empty forms, opening and closing notices, the cancel paths of a correction), while the console and Blazor's error
/// bar are watched; afterwards the page still answers.
/// </summary>
[Collection(PublishedCrisisCollection.Name)]
public sealed partial class PageActionTests(PublishedCrisis app)
{
    private const int MaxClicksPerPage = 40;
    private const int MaxClicksPerLabel = 2;

    private readonly PublishedCrisis _app = app;

    [BrowserFact]
    public async Task EveryMainPage_PressingEveryHarmlessButton_NeverBreaksThePage()
    {
        var pages = (await DemoPages.AllAsync(_app)).ToList();
        pages.Add(await DossierPageAsync());
        var problems = new List<string>();
        var clicks = 0;
        foreach (var main in pages)
        {
            var (found, pressed) = await PressEverythingAsync(main);
            problems.AddRange(found);
            clicks += pressed;
        }
        problems.ShouldBeEmpty();
        clicks.ShouldBeGreaterThan(pages.Count * 2, "the pages' buttons were not found");
    }

    private async Task<(List<string> Problems, int Clicks)> PressEverythingAsync(MainPage main)
    {
        var page = await DemoPages.OpenAsync(_app, main.Email, main.Path, DemoPages.Desktop);
        await page.Locator(main.Ready).First.WaitForAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add($"{main}: console error: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"{main}: page error: {e}");

        var pressed = new Dictionary<string, int>();
        var clicks = 0;
        for (var i = 0; clicks < MaxClicksPerPage; i++)
        {
            var targets = page.Locator(".mud-main-content button:visible, .mud-main-content [role=tab]:visible");
            var count = await targets.CountAsync();
            if (i >= count)
            {
                break;
            }
            var target = targets.Nth(i);
            var label = await LabelAsync(target);
            if (label is null || Harmful().IsMatch(label) || pressed.GetValueOrDefault(label) >= MaxClicksPerLabel
                || await target.GetAttributeAsync("data-testid") is "record-submit" or "close-incident" || !await target.IsEnabledAsync())
            {
                continue;
            }
            pressed[label] = pressed.GetValueOrDefault(label) + 1;
            clicks++;
            try
            {
                await target.ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                continue; // it went away (the page re-rendered): the next one
            }
            await Task.Delay(250);
            await page.Keyboard.PressAsync("Escape"); // closes a menu or popover a click opened
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            {
                problems.Add($"{main}: the error bar shows after pressing '{label}'");
                break;
            }
            if (new Uri(page.Url).AbsolutePath != main.Path)
            {
                await page.GotoAsync(new Uri(_app.RootUri, main.Path).ToString());
                await DemoPages.WaitForCircuitAsync(page);
            }
        }

        // Still alive: the circuit answers a click that changes what is shown.
        if (problems.Count == 0)
        {
            var reacts = await page.EvaluateAsync<bool>("() => !!document.querySelector('[data-circuit=up]')");
            reacts.ShouldBeTrue($"{main}: the page lost its circuit");
        }
        await page.Context.CloseAsync();
        return (problems, clicks);
    }

    private static async Task<string?> LabelAsync(ILocator target)
    {
        try
        {
            var text = (await target.InnerTextAsync(new LocatorInnerTextOptions { Timeout = 2_000 })).Trim();
            var aria = await target.GetAttributeAsync("aria-label", new LocatorGetAttributeOptions { Timeout = 2_000 });
            return string.IsNullOrEmpty(text) ? aria ?? await target.GetAttributeAsync("class") : text;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>A paspoort dossier with its correction and withdrawal buttons, as the coordinator sees it.</summary>
    private async Task<MainPage> DossierPageAsync()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Coordinator, "/paspoort/personen", DemoPages.Desktop);
        var href = await page.Locator(".mud-main-content a[href*='paspoort/personen/']").First.GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return new MainPage("paspoortdossier", DemoPages.Coordinator, "/" + href!.TrimStart('/'), "[data-testid=person-paspoort][data-interactive=true]");
    }

    // What would change the demo for the other tests or end the session: closing, deleting, deciding, signing out (and a
    // dossier's submit button, whatever it says).
    [GeneratedRegex("(?i)afmelden|sluiten|zeker weten|verwijderen|accepteren|weigeren|genereren|opslaan")]
    private static partial Regex Harmful();
}
