using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>The incident log as an officer works it (issue 9 point 3), in Debian's Chromium against a real Kestrel host.</summary>
public sealed class IncidentLogBrowserTests : IAsyncLifetime
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
    public async Task Log_MarksWhatIsNewSinceTheLastVisit_FiltersByKindAndAuthor_AndACompletionShowsWhoAndWhen()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer, "Olga Officier");
        var member = await _app.CreateUserAsync(CrisisRole.Member, "Mark Medewerker");
        var incident = await _app.OpenIncidentAsync(officer, false, member);
        var api = _app.ClientFor(officer);
        await api.AppendAsync(incident.Id, "situation", "Rook boven de wijk");
        await api.AppendAsync(incident.Id, "action", "Dekens regelen", "ONDERSTEUNING");
        await _app.ClientFor(member).AppendAsync(incident.Id, "info", "Melding van Mark");
        var context = await _browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

        // The first visit marks nothing; what the officer writes after it is new on the next.
        var page = await LoginAsync(context, member, $"/incidenten/{incident.Id}");
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(3);
        (await page.Locator("[data-testid=log-entry][data-new=true]").CountAsync()).ShouldBe(0);
        await page.CloseAsync();
        await api.AppendAsync(incident.Id, "situation", "Wind draait naar het oosten");
        page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.RootUri, $"/incidenten/{incident.Id}").ToString());
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=log-entry][data-new=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=log-entry][data-seq='4'] [data-testid=new-mark]")).ToHaveTextAsync("nieuw");

        await ChooseAsync(page, "filter-kind", "Actie");
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("log-entry")).ToContainTextAsync("Dekens regelen");
        await page.GetByTestId("filter-clear").ClickAsync();
        await ChooseAsync(page, "filter-author", "Mark Medewerker");
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("log-entry")).ToContainTextAsync("Melding van Mark");
        await page.GetByTestId("filter-clear").ClickAsync();
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(4);

        // Afgerond far down: the form comes into view with the focus in its text.
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await page.Locator("[data-testid=log-entry][data-seq='2']").GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("completing")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=compose] textarea")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-testid=compose] textarea")).ToBeInViewportAsync();
        await page.Locator("[data-testid=compose] textarea").FillAsync("Afgerond: dekens zijn er");
        await page.GetByTestId("compose-send").ClickAsync();

        var action = page.Locator("[data-testid=log-entry][data-seq='2']");
        await Assertions.Expect(action.GetByTestId("done-by")).ToContainTextAsync("Afgerond door Mark Medewerker");
        (await action.GetByTestId("complete").CountAsync()).ShouldBe(0);
        var item = page.Locator("[data-testid=action-item][data-seq='2']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(item).ToContainTextAsync("eigenaar ONDERSTEUNING");
        await Assertions.Expect(item).ToContainTextAsync("afgerond door Mark Medewerker");
    }

    [BrowserFact]
    public async Task Compose_KindResetsToMeldingAfterAPost_AndLongTextIsWarnedOfAndNeverCut()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var incident = await _app.OpenIncidentAsync(officer);
        var context = await _browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await LoginAsync(context, officer, $"/incidenten/{incident.Id}");

        await ChooseAsync(page, "compose-kind", "Besluit");
        await page.Locator("[data-testid=compose] textarea").FillAsync("Besluit: school ontruimen");
        await page.GetByTestId("compose-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=compose] textarea").FillAsync("Daarna een gewone melding");
        await page.GetByTestId("compose-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(2);
        var stored = await _app.ClientFor(officer).LogAsync(incident.Id);
        stored.Select(e => e.Kind).ShouldBe(["decision", "info"]);

        var textarea = page.Locator("[data-testid=compose] textarea");
        await textarea.FillAsync(new string('a', 3_700));
        await Assertions.Expect(page.GetByTestId("compose-length")).ToContainTextAsync("Nog 300 tekens");
        await textarea.FillAsync(new string('b', 4_010));
        await Assertions.Expect(page.GetByTestId("compose-length")).ToContainTextAsync("10 tekens te lang");
        (await textarea.InputValueAsync()).Length.ShouldBe(4_010);
        await Assertions.Expect(page.GetByTestId("compose-send")).ToBeDisabledAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    [BrowserFact]
    public async Task Participants_GetTheirIncidentFunctionWhenAdded_AndClosedIncidentsAreInTheArchive()
    {
        var coordinator = await _app.CreateUserAsync(CrisisRole.Coordinator);
        var hin = await _app.CreateUserAsync(CrisisRole.Officer, "Hanna Informatie");
        var admin = _app.ClientFor(coordinator);
        var code = $"HIN-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        (await admin.PostAsJsonAsync("/api/functions", new { code, name = "Hoofd Informatie" }, Json.Options)).EnsureSuccessStatusCode();
        var incident = await _app.OpenIncidentAsync(coordinator);
        var context = await _browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await LoginAsync(context, coordinator, $"/incidenten/{incident.Id}");

        await page.Locator("[data-testid=participant-email] input, input[data-testid=participant-email]").First.FillAsync(hin.Email);
        await ChooseAsync(page, "participant-function-select", code);
        await page.GetByTestId("participant-add").ClickAsync();

        var row = page.Locator($"[data-testid=participant][data-user='{hin.Id}']");
        await Assertions.Expect(row).ToContainTextAsync("Hanna Informatie");
        await Assertions.Expect(row.GetByTestId("participant-function")).ToHaveTextAsync(code);
        var participants = (await admin.GetFromJsonAsync<List<ParticipantDto>>($"/api/incidents/{incident.Id}/participants", Json.Options))!;
        participants.Single(p => p.UserId == hin.Id).Function.ShouldBe(code);

        (await admin.PostAsync($"/api/incidents/{incident.Id}/close", null)).EnsureSuccessStatusCode();
        await page.GotoAsync(new Uri(_app.RootUri, "/").ToString());
        await page.GetByTestId("archive-link").ClickAsync();
        await page.WaitForURLAsync("**/incidenten/archief");
        var archived = page.Locator("[data-testid=archive-row]", new() { HasTextString = "Brand testlocatie" });
        await Assertions.Expect(archived.First).ToBeVisibleAsync();
        await archived.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/incidenten/{incident.Id}");
        await Assertions.Expect(page.GetByTestId("incident-title")).ToHaveTextAsync("Brand testlocatie");
        (await page.GetByTestId("compose").CountAsync()).ShouldBe(0);
    }

    /// <summary>Opens a MudSelect by its test id and picks the option with <paramref name="text"/>.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string text)
    {
        await page.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = text }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private async Task<IPage> LoginAsync(IBrowserContext context, TestUser user, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
