using Crisis.Web.Tests.Exercises;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using NodaTime;

namespace Crisis.Web.Tests.Browser;

/// <summary>An exercise in real browsers: the lead starts it, a player sees the inject arrive, the lead scores it.</summary>
public sealed class ExerciseBrowserTests : IAsyncLifetime
{
    private ExerciseHost _host = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = await ExerciseHost.StartAsync(kestrel: true);
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [BrowserFact]
    public async Task LeadStartsScenario_PlayerSeesInjectWithOefening_LeadMarksActionMet_EvaluationShowsMinutesToAction()
    {
        var drill = await _host.DrillAsync();
        var lead = await LoginAsync(drill.Lead, "/oefeningen");
        await lead.Locator("[data-testid=scenario][data-id=drill]").GetByTestId("choose").ClickAsync();
        await lead.Locator("[data-testid=exercise-participants] textarea, textarea[data-testid=exercise-participants]")
            .FillAsync($"{drill.Player.Email}\n{drill.OnCall.User.Email}; {drill.Function}");
        await lead.GetByTestId("exercise-create").ClickAsync();
        await lead.WaitForURLAsync("**/oefeningen/*/regie");
        var id = Guid.Parse(lead.Url.Split('/')[^2]);
        await lead.Locator("[data-interactive=true]").WaitForAsync();
        await lead.GetByTestId("start").ClickAsync();
        // Starting raises the scenario's alerts too: on a busy machine that takes a few seconds.
        await Assertions.Expect(lead.GetByTestId("pause")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

        var player = await LoginAsync(drill.Player, $"/incidenten/{id}");
        await _host.AdvanceAsync(Duration.FromMinutes(10));

        var inject = player.Locator("[data-testid=log-entry]", new PageLocatorOptions { HasText = "Stroom uit in de wijk" });
        await Assertions.Expect(inject).ToContainTextAsync("OEFENING", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        (await player.GetByTestId("log").InnerTextAsync()).ShouldNotContain("regie-notitie");

        _host.Clock.Advance(Duration.FromMinutes(4));
        var entry = await _host.App.ClientFor(drill.OnCall.User).AppendAsync(id, "situation", "Beeld: stroom uit in Oost");
        var action = lead.Locator("[data-testid=action][data-id=E1]");
        await Assertions.Expect(action).ToContainTextAsync("nog", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await action.Locator("input").FillAsync(entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await action.GetByTestId("met").ClickAsync();
        await Assertions.Expect(action).ToHaveAttributeAsync("data-status", "met", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        await Assertions.Expect(action).ToContainTextAsync("na 4 min");

        await lead.GetByTestId("evaluation-link").ClickAsync();
        await lead.WaitForURLAsync($"**/oefeningen/{id}/evaluatie");
        await Assertions.Expect(lead.GetByTestId("evaluation")).ToContainTextAsync("4 min", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        await Assertions.Expect(lead.GetByTestId("oefening-banner")).ToContainTextAsync("OEFENING");
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-exercise-evaluation.png"), FullPage = true });
    }

    private async Task<IPage> LoginAsync(TestUser user, string path)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_host.App.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
