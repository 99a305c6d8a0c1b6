using Microsoft.Playwright;

namespace Crisis.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium under Playwright, launched the one way every browser test needs it: headless, as root in CI, on a
/// machine with no network beyond loopback (no sandbox, no background traffic).
/// </summary>
public sealed class TestBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private TestBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<TestBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExternalServices.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new TestBrowser(playwright, browser);
    }

    public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => Browser.NewPageAsync(options);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
