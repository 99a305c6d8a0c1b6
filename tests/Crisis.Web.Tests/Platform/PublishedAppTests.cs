using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Crisis.Web.Identity;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Platform;

/// <summary>
/// What an operator deploys: the output of <c>dotnet publish</c>, started as its own process in Production on PostgreSQL
/// and RabbitMQ, with the first coordinator added by the command line. It must become ready and let that coordinator in.
/// </summary>
public sealed partial class PublishedAppTests
{
    [RabbitMqFact]
    public async Task PublishedOutput_InProduction_BecomesReady_AndTheFirstCoordinatorLogsIn()
    {
        var repository = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("crisis-publish-");
        try
        {
            var (publishCode, publishLog) = await RunAsync("dotnet", repository.FullName, [],
                "publish", Path.Combine(repository.FullName, "src", "Crisis.Web", "Crisis.Web.csproj"),
                "-c", "Release", "-o", output.FullName, "-p:UseAppHost=false", "--nologo");
            publishCode.ShouldBe(0, publishLog);

            await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
            var port = FreePort();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Crisis__Database__Provider"] = "Postgres",
                ["ConnectionStrings__Crisis"] = database.ConnectionString,
                ["Crisis__Bus__Transport"] = "RabbitMq",
                ["Crisis__Bus__RabbitMq__Host"] = ExternalServices.RabbitMq!,
                ["Logging__Console__FormatterName"] = "json",
            };
            var dll = Path.Combine(output.FullName, "Crisis.Web.dll");
            using var host = Start("dotnet", output.FullName, environment, dll);
            try
            {
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
                {
                    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                };
                var ready = await UntilReadyAsync(client, host);
                ready.ShouldContain("\"broker\":\"Healthy\"");

                var (addCode, addLog) = await RunAsync("dotnet", output.FullName, environment, dll,
                    "user", "add", "--email", "eerste@gemeente.example", "--name", "Eerste Coördinator", "--role", "coordinator",
                    "--password", "Vuurtoren-Noord-17");
                addCode.ShouldBe(0, addLog);

                using var page = await client.GetAsync("/login");
                page.StatusCode.ShouldBe(HttpStatusCode.OK);
                var html = await page.Content.ReadAsStringAsync();
                var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
                using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["email"] = "eerste@gemeente.example",
                        ["password"] = "Vuurtoren-Noord-17",
                        ["returnUrl"] = "/",
                        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value),
                    }),
                };
                login.Headers.Add("Cookie", antiforgery);
                using var answer = await client.SendAsync(login);
                answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                answer.Headers.Location!.OriginalString.ShouldBe("/");
                var auth = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityExtensions.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

                using var incidents = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
                incidents.Headers.Add("Cookie", auth);
                (await client.SendAsync(incidents)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task<string> UntilReadyAsync(HttpClient client, Process host)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            host.HasExited.ShouldBeFalse("the published host exited before it was ready");
            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: it migrates first.
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The published host was not ready within two minutes.");
            }
            await Task.Delay(250);
        }
    }

    private static Process Start(string file, string directory, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info)!;
        // Drain the output, so a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static DirectoryInfo RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crisis.sln")))
        {
            dir = dir.Parent;
        }
        return dir ?? throw new InvalidOperationException("Crisis.sln not found above the test's directory.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
