using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Identity;
using Crisis.Web.Roster;
using Crisis.Web.Security;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Security;

/// <summary>Issue 11, points 3 and 7: the login tells nothing, passwords are not common, headers and links are safe.</summary>
public sealed class LoginAndHeaderTests
{
    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_GetTheSameAnswer_AndBothCostAPasswordHash()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, hasher) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);

        var before = hasher.Verifications;
        var (unknown, _) = await SecurityHost.PostLoginAsync(app, "nobody@test.example", "whatever-password-1");
        var afterUnknown = hasher.Verifications;
        var (wrong, _) = await SecurityHost.PostLoginAsync(app, officer.Email, "whatever-password-1");
        var afterWrong = hasher.Verifications;

        unknown.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        unknown.Headers.Location.ShouldBe(wrong.Headers.Location);
        unknown.Headers.Location!.ToString().ShouldContain("error=invalid");
        (afterUnknown - before).ShouldBe(1);
        (afterWrong - afterUnknown).ShouldBe(1);
        SecurityHost.CookiesOf(unknown).ShouldNotContain(c => c.StartsWith(IdentityExtensions.CookieName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddUser_RefusesCommonAndSimplePasswords_AndTakesGoodOnes()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        string[] refused = ["voorjaar2026", "Wachtwoord123", "welkom2026!", "1234567890", "qwertyuiop", "aaaaaaaaaa", "abababababab", "9876543210"];
        string[] taken = ["test-password-123", "oefenen-2026", "Brandweer Dordrecht 1990"];

        foreach (var password in refused)
        {
            var ex = await Should.ThrowAsync<Crisis.Domain.RuleViolationException>(
                () => admin.AddUserAsync($"{Guid.NewGuid():N}@test.example", "Iemand", "member", password, Actor.System("test")));
            ex.Code.ShouldBeOneOf([IdentityRefusals.PasswordCommon.Code, IdentityRefusals.PasswordWeak.Code], password);
        }
        (await admin.AnyUsersAsync()).ShouldBeFalse();
        foreach (var password in taken)
        {
            await admin.AddUserAsync($"{Guid.NewGuid():N}@test.example", "Iemand", "member", password, Actor.System("test"));
        }
    }

    [Fact]
    public void CommonPasswordList_IsEmbedded_WithAFewThousandEntriesIncludingDutchOnes()
    {
        PasswordRules.IsCommon("wachtwoord").ShouldBeTrue();
        PasswordRules.IsCommon("WELKOM").ShouldBeTrue();
        PasswordRules.IsCommon("voorjaar2026").ShouldBeTrue();
        PasswordRules.IsCommon("password123").ShouldBeTrue();
        PasswordRules.IsCommon("test-password-123").ShouldBeFalse();
        var count = 0;
        using (var reader = new StreamReader(typeof(PasswordRules).Assembly.GetManifestResourceStream("Crisis.Web.Security.common-passwords.txt")!))
        {
            while (reader.ReadLine() is not null)
            {
                count++;
            }
        }
        count.ShouldBeGreaterThan(2000);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndNoHstsOverPlainHttp()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;

        foreach (var path in new[] { "/login", "/api/incidents", "/healthz" })
        {
            var response = await SecurityHost.SendAsync(app, HttpMethod.Get, path, null, null, ("Accept", "text/html"));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("frame-ancestors 'none'", customMessage: path);
            csp.ShouldContain("script-src 'self'", customMessage: path);
            csp.ShouldNotContain("unsafe-eval", customMessage: path);
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(path);
        }
        // No proxy is configured, so a client cannot claim https (or another address) for itself.
        var claimed = await SecurityHost.SendAsync(app, HttpMethod.Get, "/login", null, null, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "10.9.8.7"));
        claimed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ForgedHost_EndsUpNeitherInCalendarLinksNorInTheLoginRedirect()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var kit = await RosterTestKit.CreateAsync(app);
        var f = await kit.FunctionAsync();
        var (person, user) = await kit.PersonAsync(CrisisRole.Officer, f);
        var client = kit.ClientFor(user);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/roster/calendar/{person.Id}/subscription");
        request.Headers.Host = "evil.example";
        var created = await client.SendAsync(request);
        var page = await SecurityHost.SendAsync(app, HttpMethod.Get, "/", null, null, ("Host", "evil.example"), ("Accept", "text/html"));

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var url = (await created.Content.ReadFromJsonAsync<SubscriptionDto>(Json.Options))!.Url;
        url.ShouldStartWith($"{SecurityHost.PublicUrl}/feeds/roster/");
        created.Headers.Location!.ToString().ShouldNotContain("evil.example");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.IsAbsoluteUri.ShouldBeFalse(page.Headers.Location.ToString());
        page.Headers.Location.ToString().ShouldStartWith("/login");
    }
}
