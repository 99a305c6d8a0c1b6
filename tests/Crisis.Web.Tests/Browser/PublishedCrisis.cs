using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// Crisis as it is shipped: the web project published (the build this test run made, so no second compile) into a
/// temporary folder and started from there as its own process, in Production, on 127.0.0.1, with a fresh SQLite file
/// and the demo region seeded. Started once for the whole <see cref="PublishedCrisisCollection"/>, with one browser.
/// </summary>
public sealed partial class PublishedCrisis : IAsyncLifetime, IHasTestBrowser
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "crisis-published", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri RootUri { get; private set; } = null!;

    public TestBrowser? Browser { get; private set; }

    /// <summary>The demo fire's incident page, once a test has looked it up.</summary>
    public string? FirePath { get; set; }

    /// <summary>What the app printed so far (stdout and stderr), for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crisis.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Crisis.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string WebProjectDirectory => Path.Combine(RepositoryRoot, "src", "Crisis.Web");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExternalServices.Chromium))
        {
            return; // the tests skip
        }
        var app = Path.Combine(_dir, "app");
        await RunToEndAsync("dotnet", ["publish", Path.Combine(WebProjectDirectory, "Crisis.Web.csproj"), "-c", Configuration, "--no-build", "--nologo", "-v", "q", "-o", app]);
        _process = StartApp(Path.Combine(app, "Crisis.Web.dll"), app, Path.Combine(_dir, "crisis.db"), _output, seedDemo: true);
        RootUri = await WaitForAsync(_process, _output, seeded: true);
        Browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        await StopAsync(_process);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: it is in the temp dir
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> in Production on a free loopback port.</summary>
    public static Process StartApp(string dll, string workingDirectory, string database, ConcurrentQueue<string> output, bool seedDemo)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Crisis"] = $"Data Source={database}";
        start.Environment["Crisis__Database__Provider"] = "Sqlite";
        start.Environment["Crisis__Bus__Transport"] = "InMemory";
        start.Environment["Crisis__SeedDemo"] = seedDemo ? "true" : "false";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The address the app listens on, once it does (and, with <paramref name="seeded"/>, has seeded the demo).</summary>
    public static async Task<Uri> WaitForAsync(Process process, ConcurrentQueue<string> output, bool seeded)
    {
        var deadline = Stopwatch.StartNew();
        Uri? address = null;
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped (exit {process.ExitCode}):\n{string.Join('\n', output)}");
            }
            foreach (var line in output)
            {
                if (address is null && ListeningOn().Match(line) is { Success: true } m)
                {
                    address = new Uri(m.Groups[1].Value);
                }
            }
            if (address is not null && (!seeded || output.Any(l => l.Contains("and log in.", StringComparison.Ordinal))))
            {
                return address;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not come up:\n{string.Join('\n', output)}");
    }

    public static async Task StopAsync(Process? process)
    {
        if (process is null)
        {
            return;
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static async Task RunToEndAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

[CollectionDefinition(Name)]
public sealed class PublishedCrisisCollection : ICollectionFixture<PublishedCrisis>
{
    public const string Name = "Published Crisis in Production";
}
