using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Identity;

/// <summary>The host's commands, run as a person runs them: a separate process on the same database.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task UserAddAndTokenCreate_PrintOnlyTheirResult_AndTheTokenWorks()
    {
        var add = await RunAsync("user", "add", "--email", "ovd@cli.example", "--name", "Olga van Dijk", "--role", "officer", "--password", "long-enough-pw");
        var token = await RunAsync("token", "create", "--email", "OVD@cli.example");

        add.ExitCode.ShouldBe(0, add.Stderr);
        Guid.TryParse(add.Stdout.Trim(), out _).ShouldBeTrue($"stdout was '{add.Stdout}'");
        add.Stdout.Trim().Split('\n').Length.ShouldBe(1);
        token.ExitCode.ShouldBe(0, token.Stderr);
        var lines = token.Stdout.TrimEnd('\n').Split('\n');
        lines.ShouldHaveSingleItem().ShouldStartWith("crs_");

        await using var app = new CrisisApp(_db);
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", lines[0]);
        await (await client.GetAsync("/api/incidents")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenRevoke_MakesTheTokenUseless()
    {
        (await RunAsync("user", "add", "--email", "hin@cli.example", "--name", "Hanna", "--role", "member")).ExitCode.ShouldBe(0);
        var token = (await RunAsync("token", "create", "--email", "hin@cli.example")).Stdout.Trim();

        var revoke = await RunAsync("token", "revoke", "--email", "hin@cli.example");

        revoke.ExitCode.ShouldBe(0, revoke.Stderr);
        revoke.Stdout.Trim().ShouldBe("1");
        await using var app = new CrisisApp(_db);
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenExpiryListAndRevokeById_OneTokenAtATime_AndTheListShowsNoSecret()
    {
        (await RunAsync("user", "add", "--email", "tok@cli.example", "--name", "Tom", "--role", "member")).ExitCode.ShouldBe(0);
        var lasting = (await RunAsync("token", "create", "--email", "tok@cli.example")).Stdout.Trim();
        var brief = await RunAsync("token", "create", "--email", "tok@cli.example", "--expires", "90d");
        brief.ExitCode.ShouldBe(0, brief.Stderr);
        (await RunAsync("token", "create", "--email", "tok@cli.example", "--expires", "12h")).ExitCode.ShouldBe(0);
        (await RunAsync("token", "create", "--email", "tok@cli.example", "--expires", "30m")).ExitCode.ShouldBe(0);

        var list = await RunAsync("token", "list", "--email", "tok@cli.example");

        list.ExitCode.ShouldBe(0, list.Stderr);
        var rows = list.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Length == 5 && r[1] == "tok@cli.example" && r[4] == "active");
        rows.Count(r => r[3] == "never").ShouldBe(1);
        list.Stdout.ShouldNotContain("crs_");
        list.Stdout.ShouldNotContain(lasting);
        var neverId = rows.Single(r => r[3] == "never")[0];

        var revoke = await RunAsync("token", "revoke", "--id", neverId);
        var after = await RunAsync("token", "list");

        revoke.ExitCode.ShouldBe(0, revoke.Stderr);
        revoke.Stdout.Trim().ShouldBe("1");
        var afterRows = after.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToList();
        afterRows.Single(r => r[0] == neverId)[4].ShouldStartWith("revoked ");
        afterRows.Count(r => r[4] == "active").ShouldBe(3);
        await using var app = new CrisisApp(_db);
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", lasting);
        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", brief.Stdout.Trim());
        await (await client.GetAsync("/api/incidents")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UserLockRoleAndDelete_TakeEffectForTheUsersTokens()
    {
        (await RunAsync("user", "add", "--email", "lk@cli.example", "--name", "Lotte", "--role", "officer")).ExitCode.ShouldBe(0);
        var token = (await RunAsync("token", "create", "--email", "lk@cli.example")).Stdout.Trim();
        await using var app = new CrisisApp(_db);
        var client = app.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        (await RunAsync("user", "lock", "--email", "lk@cli.example")).ExitCode.ShouldBe(0);
        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await RunAsync("user", "unlock", "--email", "lk@cli.example")).ExitCode.ShouldBe(0);
        await (await client.GetAsync("/api/incidents")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The host now knows the token (BearerTokenCache); a change made by another process reaches it as the
        // credentials-revoked event from the outbox (or, at the latest, when the two-second answer runs out).
        var userId = await UserIdAsync(app, "lk@cli.example");
        var reRoled = RevokedOnHost(app, userId);
        var role = await RunAsync("user", "role", "--email", "lk@cli.example", "--role", "viewer");
        role.ExitCode.ShouldBe(0, role.Stderr);
        await reRoled.WaitAsync(TimeSpan.FromSeconds(30));
        await (await client.PostAsJsonAsync("/api/incidents", new { title = "Als kijker", grip = 1 }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var deleted = RevokedOnHost(app, userId);
        (await RunAsync("user", "delete", "--email", "lk@cli.example")).ExitCode.ShouldBe(0);
        await deleted.WaitAsync(TimeSpan.FromSeconds(30));
        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await UserCountAsync()).ShouldBe(0);
    }

    /// <summary>Completes when the host has taken in a <c>credentials-revoked</c> event for the user.</summary>
    private static Task RevokedOnHost(CrisisApp app, Guid userId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = app.Services.GetRequiredService<Crisis.Web.Security.CredentialNotifier>();
        notifier.Revoked += id =>
        {
            if (id == userId)
            {
                done.TrySetResult();
            }
            return Task.CompletedTask;
        };
        return done.Task;
    }

    private static async Task<Guid> UserIdAsync(CrisisApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static TheoryData<string, string[], string> Failures => new()
    {
        { "unknown role", ["user", "add", "--email", "x@cli.example", "--name", "X", "--role", "king"], "coordinator, officer, member, exercise-lead, viewer" },
        { "no email", ["user", "add", "--name", "X", "--role", "member"], "--email is required" },
        { "bad email", ["user", "add", "--email", "nope", "--name", "X", "--role", "member"], "valid email" },
        { "short password", ["user", "add", "--email", "p@cli.example", "--name", "X", "--role", "member", "--password", "short"], "at least 10" },
        { "common password", ["user", "add", "--email", "p@cli.example", "--name", "X", "--role", "member", "--password", "voorjaar2026"], "most common" },
        { "simple password", ["user", "add", "--email", "p@cli.example", "--name", "X", "--role", "member", "--password", "1111122222"], "too simple" },
        { "bad expiry", ["token", "create", "--email", "x@cli.example", "--expires", "5y"], "not a lifetime" },
        { "unknown token", ["token", "revoke", "--id", "8d7f4c1e-0000-4000-8000-000000000000"], "no token with id" },
        { "revoke without what", ["token", "revoke"], "--id is required" },
        { "unknown option", ["user", "add", "--email", "x@cli.example", "--name", "X", "--role", "member", "--admin", "yes"], "unknown option --admin" },
        { "dangling option", ["token", "create", "--email"], "Cannot read '--email'" },
        { "unknown user", ["token", "create", "--email", "nobody@cli.example"], "no user with email nobody@cli.example" },
        { "unknown command", ["launch", "rockets"], "Unknown command 'launch rockets'" },
    };

    [Theory, MemberData(nameof(Failures))]
    public async Task BadCommand_ExitsNonZeroWithAMessageOnStderrAndChangesNothing(string description, string[] args, string message)
    {
        var result = await RunAsync(args);

        result.ExitCode.ShouldNotBe(0, description);
        result.Stdout.ShouldBeEmpty(description);
        result.Stderr.ShouldContain(message, Case.Insensitive, description);
        (await UserCountAsync()).ShouldBe(0, description);
    }

    [Fact]
    public async Task UserAdd_TwiceWithTheSameEmailIsRefused()
    {
        (await RunAsync("user", "add", "--email", "dup@cli.example", "--name", "A", "--role", "viewer")).ExitCode.ShouldBe(0);

        var again = await RunAsync("user", "add", "--email", "DUP@cli.example", "--name", "B", "--role", "coordinator");

        again.ExitCode.ShouldNotBe(0);
        again.Stderr.ShouldContain("already exists");
        (await UserCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task SeedDemo_FillsAnEmptyDatabaseOnceAndRefusesAFilledOne()
    {
        var first = await RunAsync("seed-demo");
        var second = await RunAsync("seed-demo");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("coordinator@lagelanden.example");
        first.Stdout.ShouldContain("oefenleider@lagelanden.example");
        second.ExitCode.ShouldNotBe(0);
        second.Stderr.ShouldContain("already has users");
        await using var app = new CrisisApp(_db);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        (await db.Users.Select(u => u.Role).Distinct().ToListAsync()).Order()
            .ShouldBe(["coordinator", "exercise-lead", "member", "officer", "viewer"]);
        var incidents = await db.Incidents.ToListAsync();
        incidents.Count(i => !i.Exercise).ShouldBeGreaterThanOrEqualTo(2);
        incidents.Count(i => i.Exercise).ShouldBeGreaterThanOrEqualTo(1);
        (await db.LogEntries.CountAsync()).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task ProductionFirstStart_WithoutUsers_SaysHowToCreateTheFirstCoordinatorAndSeedsNothing()
    {
        using var server = Start(["--urls", "http://127.0.0.1:0"]);
        var output = new StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains("--role coordinator", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                break;
            }
            output.AppendLine(line);
        }
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();

        output.ToString().ShouldContain("user add --email");
        output.ToString().ShouldContain("--role coordinator");
        (await UserCountAsync()).ShouldBe(0);
    }

    private async Task<int> UserCountAsync()
    {
        await using var app = new CrisisApp(_db);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Users.CountAsync();
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr);

    private async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private Process Start(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Crisis.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Crisis"] = _db.ConnectionString;
        info.Environment["Crisis__Database__Provider"] = "Sqlite";
        info.Environment["Crisis__Bus__Transport"] = "InMemory";
        return Process.Start(info)!;
    }
}
