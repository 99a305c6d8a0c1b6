using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// When the connection drops the page says so in Dutch and comes back by itself, with what was being typed in the
/// compose box: whether the server resumes the circuit from its kept state (.NET 10) or has nothing left, so that the
/// page reloads as soon as the server answers. The server here keeps a disconnected circuit for one second only.
/// </summary>
public sealed class ReconnectTests
{
    private const string Draft = "Half getypt: bewoners verzamelen bij de sporthal";

    [BrowserFact]
    public async Task CircuitLost_AndResumedByTheServer_ThePageSaysSoInDutch_AndKeepsTheDraft()
    {
        var (loads, circuits) = await LoseTheCircuitAsync(keepState: true);
        loads.ShouldBe(0, "resumed in place, without a reload");
        circuits.ShouldBeGreaterThanOrEqualTo(2, "the old circuit must be gone, or the draft came back by itself");
    }

    [BrowserFact]
    public async Task CircuitLostForGood_ThePageReloadsByItself_AndKeepsTheDraft()
    {
        var (loads, _) = await LoseTheCircuitAsync(keepState: false);
        loads.ShouldBeGreaterThan(0, "with nothing kept on the server, the page reloads");
    }

    /// <summary>Types, cuts the network past the circuit's retention, restores it, and checks the draft is posted whole.</summary>
    private static async Task<(int Loads, int Circuits)> LoseTheCircuitAsync(bool keepState)
    {
        var circuits = new CircuitCount();
        await using var app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), kestrel: true, services: s =>
        {
            s.Configure<CircuitOptions>(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(1);
                if (!keepState)
                {
                    o.PersistedCircuitInMemoryMaxRetained = 0;
                }
            });
            s.AddSingleton(circuits);
            s.AddScoped<CircuitHandler, CountingCircuitHandler>();
        });
        app.StartServer();
        await using var browser = await TestBrowser.LaunchAsync();
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer, false, member);
        await using var proxy = new CuttableProxy(app.RootUri);
        var path = $"/incidenten/{incident.Id}";
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(proxy.Address, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", member.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-testid=incident-page][data-interactive=true]").WaitForAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;
        var before = circuits.Opened;

        await page.Locator("[data-testid=compose] textarea").FillAsync(Draft);
        proxy.Cut();
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Verbinding verbroken");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the server drops the disconnected circuit meanwhile
        proxy.Restore();

        await Assertions.Expect(dialog).Not.ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.Locator("[data-circuit=up]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=compose] textarea")).ToHaveValueAsync(Draft, new() { Timeout = 30_000 });
        // The server has the text too: Vastleggen posts it whole.
        await page.GetByTestId("compose-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("log")).ToContainTextAsync(Draft);
        (await app.ClientFor(officer).LogAsync(incident.Id)).ShouldHaveSingleItem().Text.ShouldBe(Draft);
        var result = (loads, circuits.Opened - before + 1);

        // Posted, the draft is gone: a reload starts empty.
        await page.ReloadAsync();
        await page.Locator("[data-testid=incident-page][data-interactive=true]").WaitForAsync();
        await Task.Delay(500);
        await Assertions.Expect(page.Locator("[data-testid=compose] textarea")).ToHaveValueAsync("");
        await app.Database.DisposeAsync();
        return result;
    }

    private sealed class CircuitCount
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public void Add() => Interlocked.Increment(ref _opened);
    }

    private sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Add();
            return Task.CompletedTask;
        }
    }
}
