using System.Net;
using System.Security.Claims;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// Issue 11, point 1: a revoked token, a locked, deleted or re-roled user and a logout end every open hub connection and
/// Blazor circuit of that credential; the hub rechecks on every call.
/// </summary>
public sealed class SessionEndTests
{
    [Fact]
    public async Task RevokedToken_WithoutTheEvent_CannotAppendOrJoinOnItsOpenConnection_AndIsDisconnected()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, clock, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        await using var hub = new HubRecorder(app.HubFor(officer));
        await hub.Connection.StartAsync();
        await hub.JoinAsync(incident.Id, 0);
        var closed = SecurityHost.Closed(hub.Connection);

        // Revoked behind the host's back (no event): only the recheck on the next call can notice, once the cache is stale.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            await db.ApiTokens.Where(t => t.UserId == officer.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetCurrentInstant()));
        }
        clock.Advance(Duration.FromSeconds(3));

        await Should.ThrowAsync<Exception>(() =>
            hub.Connection.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, new { kind = "info", text = "Na intrekken" }));
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        await Should.ThrowAsync<Exception>(() => hub.JoinAsync(incident.Id, 0));
        await using var again = app.HubFor(officer);
        (await Should.ThrowAsync<Exception>(() => again.StartAsync())).Message.ShouldContain("401");

        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<CrisisDbContext>().LogEntries.CountAsync(e => e.IncidentId == incident.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task TokenRevoke_ClosesTheOpenConnectionAtOnce_ThroughTheEvent()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var other = await app.CreateUserAsync(CrisisRole.Officer);
        await using var hub = new HubRecorder(app.HubFor(officer));
        await using var otherHub = new HubRecorder(app.HubFor(other));
        await hub.Connection.StartAsync();
        await otherHub.Connection.StartAsync();
        var closed = SecurityHost.Closed(hub.Connection);

        // The fake clock stands still: the cached "valid" would last for ever; only the event can end the connection.
        await RunAdminAsync(app, a => a.RevokeTokensAsync(officer.Email, Actor.System("test")));

        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        otherHub.Connection.State.ShouldBe(HubConnectionState.Connected);
    }

    public static TheoryData<string> UserChanges => new() { "lock", "role", "delete" };

    [Theory, MemberData(nameof(UserChanges))]
    public async Task LockRoleChangeOrDeletion_EndsHubConnectionsAndCircuits(string change)
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        await using var hub = new HubRecorder(app.HubFor(officer));
        await hub.Connection.StartAsync();
        var closed = SecurityHost.Closed(hub.Connection);
        await using var circuit = app.Services.CreateAsyncScope();
        var state = await CircuitOfAsync(circuit, officer);
        var ended = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.AuthenticationStateChanged += async task => ended.TrySetResult((await task).User);

        await RunAdminAsync(app, a => change switch
        {
            "lock" => a.LockAsync(officer.Email, Actor.System("test")),
            "role" => a.SetRoleAsync(officer.Email, "viewer", Actor.System("test")),
            _ => a.DeleteAsync(officer.Email, Actor.System("test")),
        });

        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        (await ended.Task.WaitAsync(TimeSpan.FromSeconds(20))).Identity?.IsAuthenticated.ShouldNotBe(true);
        var api = await app.ClientFor(officer).GetAsync("/api/incidents");
        api.StatusCode.ShouldBe(change == "role" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_MakesACopiedCookieFail_AndEndsTheCookieHubConnection()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var cookie = await SecurityHost.LoginAsync(app, officer);
        (await SecurityHost.SendAsync(app, HttpMethod.Get, "/api/incidents", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var hub = new HubRecorder(SecurityHost.HubWithCookie(app, cookie, "http://localhost"));
        await hub.Connection.StartAsync();
        var closed = SecurityHost.Closed(hub.Connection);

        var logout = await SecurityHost.SendAsync(app, HttpMethod.Post, "/account/logout", cookie, null, ("X-Crisis-Request", "1"));

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        await (await SecurityHost.SendAsync(app, HttpMethod.Get, "/api/incidents", cookie)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        // The bearer token is another credential: a logout in the browser leaves scripts running.
        (await app.ClientFor(officer).GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused_AndItsConnectionEndsOnTheNextCall()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, clock, _) = appHost;
        var member = await app.CreateUserAsync(CrisisRole.Member);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            secret = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateTokenAsync(member.Email, Actor.System("test"), "30m");
        }
        var shortLived = member with { Token = secret };
        (await app.ClientFor(shortLived).GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var hub = new HubRecorder(app.HubFor(shortLived));
        await hub.Connection.StartAsync();
        var closed = SecurityHost.Closed(hub.Connection);

        clock.Advance(Duration.FromMinutes(31));

        await (await app.ClientFor(shortLived).GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await Should.ThrowAsync<Exception>(() => hub.JoinAsync(Guid.NewGuid(), 0));
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        (await app.ClientFor(member).GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [RabbitMqFact]
    public async Task RevocationOnNodeA_ClosesTheConnectionOnNodeB()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var aHost = await SecurityHost.StartAsync(database, BusKind.RabbitMq);
        var (nodeA, _, _) = aHost;
        await using var bHost = await SecurityHost.StartAsync(database, BusKind.RabbitMq);
        var (nodeB, _, _) = bHost;
        var member = await nodeA.CreateUserAsync(CrisisRole.Member);
        await using var hubB = new HubRecorder(nodeB.HubFor(member));
        await hubB.Connection.StartAsync();
        var closed = SecurityHost.Closed(hubB.Connection);

        await RunAdminAsync(nodeA, a => a.RevokeTokensAsync(member.Email, Actor.System("test")));

        // Both clocks stand still: node B's cached answer would hold; only the event reaching it ends the connection.
        await closed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task RunAdminAsync(CrisisApp app, Func<UserAdministration, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    /// <summary>The authentication state of a circuit signed in as <paramref name="user"/> with the login cookie's principal.</summary>
    private static async Task<AuthenticationStateProvider> CircuitOfAsync(AsyncServiceScope circuit, TestUser user)
    {
        var sp = circuit.ServiceProvider;
        var identityUser = await sp.GetRequiredService<UserManager<CrisisUser>>().FindByIdAsync(user.Id.ToString());
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<CrisisUser>>().CreateAsync(identityUser!);
        var provider = sp.GetRequiredService<AuthenticationStateProvider>();
        provider.ShouldBeAssignableTo<RevalidatingServerAuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return provider;
    }
}
