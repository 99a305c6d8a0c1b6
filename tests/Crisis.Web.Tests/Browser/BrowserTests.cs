using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>The UI in a real browser (Debian's Chromium, never a downloaded one) against a real Kestrel host.</summary>
public sealed class BrowserTests : IAsyncLifetime
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
    public async Task Officer_LogsIn_OpensIncident_AndSeesAnEntryPostedThroughTheApiWithoutReload()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer, "Olga Officier");
        var incident = await _app.OpenIncidentAsync(officer);
        await _app.ClientFor(officer).AppendAsync(incident.Id, "situation", "Beeld voor het openen van de pagina");
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(_app.RootUri, $"/incidenten/{incident.Id}").ToString());
        await page.WaitForURLAsync("**/login?**");
        await page.FillAsync("#email", officer.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/incidenten/{incident.Id}");
        await Assertions.Expect(page.GetByTestId("incident-title")).ToHaveTextAsync("Brand testlocatie");
        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Beeld voor het openen van de pagina");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) { navigations++; } };

        await _app.ClientFor(officer).AppendAsync(incident.Id, "decision", "Besluit via de API: NL-Alert uitsturen");

        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Besluit via de API: NL-Alert uitsturen",
            new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        navigations.ShouldBe(0);
        (await page.GetByTestId("log-entry").CountAsync()).ShouldBe(2);
        var first = await page.GetByTestId("log-entry").First.GetAttributeAsync("data-seq");
        first.ShouldBe("2"); // newest on top
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "crisis-incident.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task ConnectionDropsAndComesBack_EntriesWrittenMeanwhileAppearOnceInOrder()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var member = await _app.CreateUserAsync(CrisisRole.Member);
        var incident = await _app.OpenIncidentAsync(officer, false, member);
        var api = _app.ClientFor(officer);
        await api.AppendAsync(incident.Id, "info", "Regel 1");
        await using var proxy = new CuttableProxy(_app.RootUri);
        var page = await LoginAsync(member, $"/incidenten/{incident.Id}", proxy.Address);
        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Regel 1");

        proxy.Cut();
        for (var i = 2; i <= 5; i++)
        {
            await api.AppendAsync(incident.Id, "info", $"Regel {i}");
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // the browser notices it is offline
        (await page.GetByTestId("log").InnerTextAsync()).ShouldNotContain("Regel 5", customMessage: "the outage must be real");
        proxy.Restore();
        await api.AppendAsync(incident.Id, "info", "Regel 6");

        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Regel 6",
            new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        var seqs = await page.GetByTestId("log-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.seq)");
        seqs.ShouldBe(["6", "5", "4", "3", "2", "1"]); // newest on top, each exactly once
    }

    [BrowserFact]
    public async Task Member_WritesAnEntryInTheComposeBox_AndItIsStored()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var member = await _app.CreateUserAsync(CrisisRole.Member);
        var incident = await _app.OpenIncidentAsync(officer, false, member);
        var page = await LoginAsync(member, $"/incidenten/{incident.Id}");

        await page.Locator("[data-testid=compose] textarea").FillAsync("Melding uit de browser");
        await page.GetByTestId("compose-send").ClickAsync();

        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Melding uit de browser");
        var stored = await _app.ClientFor(officer).LogAsync(incident.Id);
        stored.ShouldHaveSingleItem().Text.ShouldBe("Melding uit de browser");
        stored[0].Author.Id.ShouldBe(member.Id);
        stored[0].Kind.ShouldBe("info");
    }

    [BrowserFact]
    public async Task CorrectingOrCompletingAndClosingTheNotice_CancelsItAndThePageKeepsWorking()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var member = await _app.CreateUserAsync(CrisisRole.Member);
        var incident = await _app.OpenIncidentAsync(officer, false, member);
        var api = _app.ClientFor(officer);
        await api.AppendAsync(incident.Id, "situation", "Rook boven de wijk");
        await api.AppendAsync(incident.Id, "action", "Dekens regelen");
        var page = await LoginAsync(member, $"/incidenten/{incident.Id}");
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(2);

        foreach (var (button, notice) in new[] { ("correct", "correcting"), ("complete", "completing") })
        {
            await page.Locator("[data-testid=log-entry][data-seq='2']").GetByTestId(button).ClickAsync();
            await Assertions.Expect(page.GetByTestId(notice)).ToBeVisibleAsync();
            await page.GetByTestId(notice).Locator("button").ClickAsync();
            await Assertions.Expect(page.GetByTestId(notice)).ToHaveCountAsync(0);
        }
        await page.Locator("[data-testid=compose] textarea").FillAsync("Na het annuleren");
        await page.GetByTestId("compose-send").ClickAsync();

        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync("Na het annuleren");
        var stored = await api.LogAsync(incident.Id);
        stored.Select(e => (e.Text, e.CorrectsSeq, e.CompletesSeq)).Last().ShouldBe(("Na het annuleren", (int?)null, (int?)null));
    }

    [BrowserFact]
    public async Task ExerciseIncident_ShowsTheOefeningBannerOnItsPages_AndViewerHasNoComposeBox()
    {
        var lead = await _app.CreateUserAsync(CrisisRole.ExerciseLead);
        var viewer = await _app.CreateUserAsync(CrisisRole.Viewer);
        var drill = await _app.OpenIncidentAsync(lead, true, viewer);
        var page = await LoginAsync(viewer, $"/incidenten/{drill.Id}");

        await Assertions.Expect(page.GetByTestId("oefening-banner")).ToContainTextAsync("OEFENING");
        (await page.GetByTestId("compose").CountAsync()).ShouldBe(0);
        await page.GetByTestId("sitrep-link").ClickAsync();
        await page.WaitForURLAsync($"**/incidenten/{drill.Id}/situatierapport");
        await Assertions.Expect(page.GetByTestId("oefening-banner")).ToContainTextAsync("OEFENING");
    }

    [BrowserFact]
    public async Task WrongPassword_ShowsADutchErrorAndDoesNotSignIn()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(_app.RootUri, "/login").ToString());
        await page.FillAsync("#email", officer.Email);
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("onjuist wachtwoord");
        await page.GotoAsync(new Uri(_app.RootUri, "/").ToString());
        await page.WaitForURLAsync("**/login?**");
    }

    private async Task<IPage> LoginAsync(TestUser user, string path, Uri? via = null)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(via ?? _app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        // Wait for the circuit: before it, the page is a prerendered picture that takes no input.
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
