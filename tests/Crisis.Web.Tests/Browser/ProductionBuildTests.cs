using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// The UI works in every way the README starts it, not only under the test host: the published output in Production
/// (the fixture), and the build output run in Production as <c>dotnet run -c Release</c> does.
/// </summary>
[Collection(PublishedCrisisCollection.Name)]
public sealed partial class ProductionBuildTests(PublishedCrisis app)
{
    private readonly PublishedCrisis _app = app;

    [BrowserFact]
    public async Task PublishedApp_InProduction_EveryMainPageIsStyledAndInteractive()
    {
        foreach (var main in await DemoPages.AllAsync(_app))
        {
            var failed = new ConcurrentBag<string>();
            var page = await DemoPages.OpenAsync(_app, main.Email, main.Path, DemoPages.Desktop);
            page.Response += (_, r) => { if (r.Status >= 400) { failed.Add($"{r.Status} {r.Url}"); } };
            await page.ReloadAsync();
            await DemoPages.WaitForCircuitAsync(page);
            await page.Locator(main.Ready).First.WaitForAsync();

            // MudBlazor's CSS and the theme: the app bar is fixed and red; its JS is there.
            var bar = await page.EvaluateAsync<string[]>(
                "() => { const s = getComputedStyle(document.querySelector('.mud-appbar')); return [s.position, s.backgroundColor]; }");
            bar.ShouldBe(["fixed", "rgb(183, 28, 28)"], $"{main}: MudBlazor's CSS is not applied");
            (await page.EvaluateAsync<bool>("() => typeof window.mudElementRef === 'object' || typeof window.mudPopover === 'object'"))
                .ShouldBeTrue($"{main}: MudBlazor's JS did not load");
            failed.ShouldBeEmpty($"{main}: files the page asked for failed");
            await page.Context.CloseAsync();
        }

        // And a click does something: the officer opens the form for a new incident.
        var list = await DemoPages.OpenAsync(_app, DemoPages.Officer, "/", DemoPages.Desktop);
        await list.GetByTestId("new-incident").ClickAsync();
        await Assertions.Expect(list.GetByTestId("new-title")).ToBeVisibleAsync();
        await list.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task PublishedApp_InProduction_ServesTheFrameworkMudBlazorAndOwnFiles()
    {
        using var http = new HttpClient { BaseAddress = _app.RootUri };
        await AssertServesTheUiFilesAsync(http);
    }

    [BrowserFact]
    public async Task UnknownAddress_GetsTheDutchNotFoundPage_AndTheApiKeepsItsOwn404()
    {
        var page = await DemoPages.OpenAsync(_app, DemoPages.Officer, "/", DemoPages.Desktop);
        var response = await page.GotoAsync(new Uri(_app.RootUri, "/bestaat-niet").ToString());
        response.ShouldNotBeNull();
        response.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByTestId("status-page")).ToContainTextAsync("Deze pagina bestaat niet");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync(); // inside the app's own layout
        await page.Context.CloseAsync();

        using var http = new HttpClient { BaseAddress = _app.RootUri };
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/bestaat-niet");
        api.Headers.Accept.ParseAdd("text/html");
        using var apiResponse = await http.SendAsync(api);
        ((int)apiResponse.StatusCode).ShouldBeOneOf(401, 404);
        (await apiResponse.Content.ReadAsStringAsync()).ShouldNotContain("Deze pagina bestaat niet");
    }

    /// <summary>
    /// <c>dotnet run -c Release --project src/Crisis.Web</c> runs the build output in Production with the project as its
    /// content root; the package files (blazor.web.js, MudBlazor) then come through the static web assets manifest.
    /// </summary>
    [BrowserFact]
    public async Task BuildOutput_RunInProductionLikeDotnetRun_ServesTheFrameworkMudBlazorAndOwnFiles()
    {
        var project = PublishedCrisis.WebProjectDirectory;
        var dll = Path.Combine(project, "bin", PublishedCrisis.Configuration, "net10.0", "Crisis.Web.dll");
        File.Exists(dll).ShouldBeTrue($"no build output at {dll}");
        var dir = Path.Combine(Path.GetTempPath(), "crisis-build-output", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var output = new ConcurrentQueue<string>();
        var process = PublishedCrisis.StartApp(dll, project, Path.Combine(dir, "crisis.db"), output, seedDemo: false);
        try
        {
            var root = await PublishedCrisis.WaitForAsync(process, output, seeded: false);
            using var http = new HttpClient { BaseAddress = root };
            await AssertServesTheUiFilesAsync(http);
        }
        finally
        {
            await PublishedCrisis.StopAsync(process);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* temp dir */ }
        }
    }

    private static async Task AssertServesTheUiFilesAsync(HttpClient http)
    {
        var login = await http.GetStringAsync("/login");
        var own = OwnAssets().Matches(login).Select(m => "/" + m.Groups[1].Value).ToList();
        own.ShouldContain(p => p.EndsWith(".css", StringComparison.Ordinal), "app.css is not linked");
        own.ShouldContain(p => p.EndsWith(".js", StringComparison.Ordinal), "js/crisis.js is not linked");
        foreach (var path in own.Concat(["/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js"]))
        {
            using var response = await http.GetAsync(path);
            ((int)response.StatusCode).ShouldBe(200, path);
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100, path);
        }
    }

    [GeneratedRegex("""(?:href|src)="/?((?:app|js/crisis)\.[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex OwnAssets();
}
