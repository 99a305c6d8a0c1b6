using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>The paspoort pages in a real browser (Debian's Chromium) against a real Kestrel host.</summary>
public sealed class PaspoortBrowserTests : IAsyncLifetime
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
    public async Task CancellingACorrectionOrAWithdrawal_KeepsThePageWorking()
    {
        var coordinator = await _app.CreateUserAsync(CrisisRole.Coordinator);
        var api = _app.ClientFor(coordinator);
        var municipality = $"Paspoortdorp {Guid.NewGuid():N}"[..20];
        (await api.PostAsJsonAsync("/api/municipalities", new { name = municipality }, Json.Options)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/people",
            new { name = "Henk Informatie", email = $"h-{Guid.NewGuid():N}@test.example", municipality, functions = new[] { "HIN" } }, Json.Options);
        var person = (await created.Content.ReadFromJsonAsync<PersonDto>(Json.Options))!;
        (await api.PostAsJsonAsync("/api/paspoort/records", new
        {
            personId = person.Id, kind = "training", activity = "LCMS-training voorjaar", date = "2020-01-15", requirement = "LCMS-TRAINING",
        }, Json.Options)).EnsureSuccessStatusCode();
        var path = $"/paspoort/personen/{person.Id}";
        var page = await LoginAsync(coordinator, path);
        var records = page.GetByTestId("dossier-records");
        await Assertions.Expect(records).ToContainTextAsync("15-01-2020");

        await records.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" }).ClickAsync();
        var correcting = page.Locator(".mud-alert", new() { HasText = "Je corrigeert" });
        await Assertions.Expect(correcting).ToContainTextAsync("15-01-2020");
        await correcting.Locator("button").ClickAsync();
        await Assertions.Expect(correcting).ToHaveCountAsync(0);

        await records.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        var withdrawing = page.Locator(".mud-alert", new() { HasText = "Je trekt" });
        await Assertions.Expect(withdrawing).ToBeVisibleAsync();
        await withdrawing.Locator("button").ClickAsync();
        await Assertions.Expect(withdrawing).ToHaveCountAsync(0);

        // The circuit is still there: the next click is answered.
        await records.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" }).ClickAsync();
        await Assertions.Expect(correcting).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("record-submit")).ToHaveTextAsync("Correctie opslaan");
    }

    private async Task<IPage> LoginAsync(TestUser user, string path)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        // Wait for the circuit: before it, the page is a prerendered picture that takes no input.
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
