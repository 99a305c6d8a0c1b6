using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// Issue 11, point 2: another site cannot use the login cookie. The hub refuses a foreign Origin; a cookie write needs
/// X-Crisis-Request: 1 (or the form's antiforgery token) and refuses a foreign Origin or Sec-Fetch-Site: cross-site.
/// Bearer requests are unaffected.
/// </summary>
public sealed class CrossSiteTests
{
    private const string Evil = "https://evil.example";

    [Fact]
    public async Task Hub_RefusesTheCookieFromAForeignOrigin_AndTakesItFromItsOwn()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var cookie = await SecurityHost.LoginAsync(app, officer);

        await using var foreign = SecurityHost.HubWithCookie(app, cookie, Evil);
        var refused = await Should.ThrowAsync<Exception>(() => foreign.StartAsync());
        await using var own = SecurityHost.HubWithCookie(app, cookie, "http://localhost");
        await own.StartAsync();

        refused.Message.ShouldContain("403");
        await using var configured = SecurityHost.HubWithCookie(app, cookie, SecurityHost.PublicUrl);
        await configured.StartAsync();
    }

    public static TheoryData<string, string?, string?, string?> RefusedWrites => new()
    {
        { "no header, no antiforgery", null, null, null },
        { "foreign origin", "1", Evil, null },
        { "cross-site fetch", "1", null, "cross-site" },
        { "header not 1", "yes", null, null },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task CookieWrite_IsRefusedWith403_AndChangesNothing(string description, string? header, string? origin, string? fetchSite)
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var cookie = await SecurityHost.LoginAsync(app, officer);
        var headers = new List<(string, string)>();
        if (header is not null)
        {
            headers.Add(("X-Crisis-Request", header));
        }
        if (origin is not null)
        {
            headers.Add(("Origin", origin));
        }
        if (fetchSite is not null)
        {
            headers.Add(("Sec-Fetch-Site", fetchSite));
        }

        var open = await SecurityHost.SendAsync(app, HttpMethod.Post, "/api/incidents", cookie,
            JsonContent.Create(new { title = "Vervalst", grip = 1 }), [.. headers]);
        var close = await SecurityHost.SendAsync(app, HttpMethod.Post, $"/api/incidents/{incident.Id}/close", cookie, null, [.. headers]);
        var logout = await SecurityHost.SendAsync(app, HttpMethod.Post, "/account/logout", cookie, null, [.. headers]);

        await open.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await close.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await logout.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        (await db.Incidents.CountAsync()).ShouldBe(1, description);
        (await db.Incidents.SingleAsync()).ClosedAt.ShouldBeNull(description);
        // Still signed in: the forged logout did not end the session.
        (await SecurityHost.SendAsync(app, HttpMethod.Get, "/api/incidents", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK, description);
    }

    [Fact]
    public async Task CookieWrite_WithTheHeaderFromTheOwnOrigin_Works_AndBearerWritesNeedNoHeader()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var cookie = await SecurityHost.LoginAsync(app, officer);

        var withHeader = await SecurityHost.SendAsync(app, HttpMethod.Post, "/api/incidents", cookie,
            JsonContent.Create(new { title = "Eigen site", grip = 1 }), ("X-Crisis-Request", "1"), ("Origin", "http://localhost"),
            ("Sec-Fetch-Site", "same-origin"));
        var bearer = await app.ClientFor(officer).PostAsJsonAsync("/api/incidents", new { title = "Script", grip = 1 }, Json.Options);
        var script = app.ClientFor(officer);
        script.DefaultRequestHeaders.Add("Origin", Evil);
        script.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var bearerFromAnywhere = await script.PostAsJsonAsync("/api/incidents", new { title = "Script elders", grip = 1 }, Json.Options);

        await withHeader.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await bearer.ShouldHaveStatusAsync(HttpStatusCode.Created);
        // A bearer token is not sent by a browser on its own: another site cannot use it, so its origin does not matter.
        await bearerFromAnywhere.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }
}
