using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Crisis.Web.Security;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// Issue 15: the answers the append path keeps (<see cref="BearerTokenCache"/>, <see cref="IncidentAccessCache"/>, the
/// credential check) are forgotten when the credential or the participation changes. The host runs on a fake clock that
/// stands still, so a cached answer would last for ever: only the invalidation can make these tests pass.
/// </summary>
public sealed class CredentialCacheTests
{
    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce_AlthoughItWasJustAnsweredFromTheCache()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Eerste melding");

        await RunAdminAsync(app, a => a.RevokeTokensAsync(officer.Email, Actor.System("test")));

        await (await PostEntryAsync(client, incident.Id, "Na intrekken")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await EntriesAsync(app, incident.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task TokenRevokedElsewhere_IsRefusedOnceTheEventArrives()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, clock, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var client = app.ClientFor(officer);
        (await client.GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // As another node or the command line does it: the change and its event in one transaction, nothing forgotten here.
        var arrived = RevokedOnHost(app, officer.Id);
        await ChangeElsewhereAsync(app, officer.Id, db =>
            db.ApiTokens.Where(t => t.UserId == officer.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetCurrentInstant())));
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));

        await (await client.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RoleChange_GivesTheNewRightsOnTheNextRequest()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var owner = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(owner, false, member);
        var client = app.ClientFor(member);
        await client.AppendAsync(incident.Id, "info", "Als lid");

        await RunAdminAsync(app, a => a.SetRoleAsync(member.Email, "viewer", Actor.System("test")));

        await (await PostEntryAsync(client, incident.Id, "Als kijker")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/incidents/{incident.Id}/log")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await RunAdminAsync(app, a => a.SetRoleAsync(member.Email, "coordinator", Actor.System("test")));

        (await client.PostAsJsonAsync("/api/incidents", new { title = "Als coördinator" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await EntriesAsync(app, incident.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task LockedUser_IsRefusedAtOnce()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await client.AppendAsync(incident.Id, "info", "Voor het blokkeren");

        await RunAdminAsync(app, a => a.LockAsync(officer.Email, Actor.System("test")));

        await (await PostEntryAsync(client, incident.Id, "Na het blokkeren")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await EntriesAsync(app, incident.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task RemovedParticipant_IsRefused_OverTheApiAndTheHub()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var owner = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(owner, false, member);
        var client = app.ClientFor(member);
        await client.AppendAsync(incident.Id, "info", "Als deelnemer");
        await using var hub = new HubRecorder(app.HubFor(member));
        await hub.Connection.StartAsync();
        await hub.Connection.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, new { kind = "info", text = "Via de hub" });

        (await app.ClientFor(owner).DeleteAsync($"/api/incidents/{incident.Id}/participants/{member.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await PostEntryAsync(client, incident.Id, "Na verwijderen")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/incidents/{incident.Id}/log")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Should.ThrowAsync<Exception>(() =>
            hub.Connection.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, new { kind = "info", text = "Via de hub, na verwijderen" })))
            .Message.ShouldContain("403");
        (await EntriesAsync(app, incident.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task ParticipantRemovedElsewhere_IsRefusedOnceTheEventArrives()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, clock, _) = appHost;
        var owner = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(owner, false, member);
        var client = app.ClientFor(member);
        await client.AppendAsync(incident.Id, "info", "Als deelnemer");

        var arrived = RevokedOnHost(app, member.Id);
        await ChangeElsewhereAsync(app, member.Id, db =>
            db.Participants.Where(p => p.IncidentId == incident.Id && p.UserId == member.Id).ExecuteDeleteAsync());
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));

        await (await PostEntryAsync(client, incident.Id, "Na verwijderen elders")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await EntriesAsync(app, incident.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task AddedParticipant_MayWriteAtOnce_AlthoughTheyWereRefusedAMomentAgo()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var owner = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(owner);
        var client = app.ClientFor(member);
        await (await PostEntryAsync(client, incident.Id, "Nog geen deelnemer")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await app.ClientFor(owner).PostAsJsonAsync($"/api/incidents/{incident.Id}/participants", new { email = member.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.AppendAsync(incident.Id, "info", "Nu deelnemer")).Seq.ShouldBe(1);
    }

    [Fact]
    public async Task RemovingAParticipant_NeedsTheRightToManage_AndIsAudited()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;
        var owner = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var other = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(owner, false, member, other);

        await (await app.ClientFor(member).DeleteAsync($"/api/incidents/{incident.Id}/participants/{other.Id}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "remove participants");
        (await app.ClientFor(owner).DeleteAsync($"/api/incidents/{incident.Id}/participants/{other.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ClientFor(owner).DeleteAsync($"/api/incidents/{incident.Id}/participants/{other.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        (await db.Participants.CountAsync(p => p.IncidentId == incident.Id)).ShouldBe(2);
        (await db.Set<Crisis.Web.Audit.AuditRecord>().CountAsync(a => a.Action == "incident.participant.remove")).ShouldBe(2);
    }

    private static Task<HttpResponseMessage> PostEntryAsync(HttpClient client, Guid incidentId, string text) =>
        client.PostAsJsonAsync($"/api/incidents/{incidentId}/log", new { kind = "info", text });

    private static async Task<int> EntriesAsync(CrisisApp app, Guid incidentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().LogEntries.CountAsync(e => e.IncidentId == incidentId);
    }

    private static async Task RunAdminAsync(CrisisApp app, Func<UserAdministration, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    /// <summary>
    /// Changes the database as another node does: the change and its <c>credentials-revoked</c> event in one transaction,
    /// published on the bus, without telling this node's caches: only the event's consumer can make them forget.
    /// </summary>
    private static async Task ChangeElsewhereAsync(CrisisApp app, Guid userId, Func<CrisisDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await change(db);
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var message = CredentialEvents.Stage(db, userId, null, "changed elsewhere", clock.GetCurrentInstant());
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        // The other node publishes the event on the bus all nodes share (here the in-memory one), as its dispatcher does.
        scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().Notify([message.Id]);
    }

    /// <summary>Completes when the host has taken in a <c>credentials-revoked</c> event for the user.</summary>
    private static Task RevokedOnHost(CrisisApp app, Guid userId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<CredentialNotifier>().Revoked += id =>
        {
            if (id == userId)
            {
                done.TrySetResult();
            }
            return Task.CompletedTask;
        };
        return done.Task;
    }
}
