using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary><c>POST|DELETE /api/people/{id}/push</c> and <c>GET /api/push/vapid-public-key</c>: who may, what is refused, and the one key pair.</summary>
[Collection(ChannelsCollection.Name)]
public sealed class PushSubscriptionApiTests(ChannelsFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task ThePersonSubscribes_AndTheSameEndpointAgainIsAnUpdate_NotASecondSubscription()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        using var browser = new PushBrowser($"https://push.example.net/send/{Guid.NewGuid():N}");
        var client = Host.ClientFor(person.User);

        var first = await client.PostAsJsonAsync($"/api/people/{person.Person.Id}/push", browser.Subscription, Json.Options);
        await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var stored = (await first.Content.ReadFromJsonAsync<PushSubscriptionDto>(Json.Options))!;
        stored.PersonId.ShouldBe(person.Person.Id);
        stored.Endpoint.ShouldBe(browser.Endpoint);

        using var renewed = new PushBrowser(browser.Endpoint);
        var again = await client.PostAsJsonAsync($"/api/people/{person.Person.Id}/push", renewed.Subscription, Json.Options);
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<PushSubscriptionDto>(Json.Options))!.Id.ShouldBe(stored.Id);

        var rows = await RowsAsync(browser.Endpoint);
        rows.Count.ShouldBe(1);
        rows[0].P256dh.ShouldBe(System.Buffers.Text.Base64Url.EncodeToString(renewed.PublicPoint));
    }

    [Fact]
    public async Task OnlyThePersonAndCoordinators_MaySubscribe_AndAnUnknownPersonIs404()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        var other = await Host.Kit.PersonAsync(CrisisRole.Officer);
        using var browser = new PushBrowser($"https://push.example.net/send/{Guid.NewGuid():N}");

        var refused = await Host.ClientFor(other.User).PostAsJsonAsync($"/api/people/{person.Person.Id}/push", browser.Subscription, Json.Options);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only the person themselves and coordinators");
        (await CodeAsync(refused)).ShouldBe("alerting.push-not-allowed");
        (await RowsAsync(browser.Endpoint)).ShouldBeEmpty();

        var unknown = await Host.Kit.Coordinator.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/push", browser.Subscription, Json.Options);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "There is no person");

        var byCoordinator = await Host.Kit.Coordinator.PostAsJsonAsync($"/api/people/{person.Person.Id}/push", browser.Subscription, Json.Options);
        await byCoordinator.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static TheoryData<string, string?, bool, bool, string> BadSubscriptions() => new()
    {
        { "no endpoint", null, true, true, "endpoint" },
        { "not a URL", "push me", true, true, "endpoint" },
        { "plain http elsewhere", "http://push.example.net/send/1", true, true, "endpoint" },
        { "another scheme", "ftp://push.example.net/send/1", true, true, "endpoint" },
        { "too long", "https://push.example.net/" + new string('a', 1100), true, true, "endpoint" },
        { "a broken p256dh", "https://push.example.net/send/1", false, true, "keys.p256dh" },
        { "a broken auth", "https://push.example.net/send/1", true, false, "keys.auth" },
    };

    [Theory, MemberData(nameof(BadSubscriptions))]
    public async Task ABadSubscription_Is400NamingTheField_AndStoresNothing(string why, string? endpoint, bool goodKey, bool goodAuth, string field)
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        using var browser = new PushBrowser("https://push.example.net/unused");
        var p256dh = goodKey ? System.Buffers.Text.Base64Url.EncodeToString(browser.PublicPoint) : System.Buffers.Text.Base64Url.EncodeToString(new byte[65]);
        var auth = goodAuth ? System.Buffers.Text.Base64Url.EncodeToString(browser.Auth) : "c2hvcnQ";
        var before = await CountAsync();

        var response = await Host.ClientFor(person.User).PostAsJsonAsync($"/api/people/{person.Person.Id}/push",
            new { endpoint, keys = new { p256dh, auth } }, Json.Options);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("field").GetString().ShouldBe(field, why);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task NoBody_Is400()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        var response = await Host.ClientFor(person.User).PostAsync($"/api/people/{person.Person.Id}/push",
            new StringContent("null", System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unsubscribe_RemovesIt_ThenThereIsNothingToRemove()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        using var browser = await fixture.SubscribeAsync(Host, person.User, person.Person.Id);
        var client = Host.ClientFor(person.User);
        var url = $"/api/people/{person.Person.Id}/push?endpoint={Uri.EscapeDataString(browser.Endpoint)}";

        var other = await Host.Kit.PersonAsync(CrisisRole.Officer);
        await (await Host.ClientFor(other.User).DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await RowsAsync(browser.Endpoint)).Count.ShouldBe(1);

        await (await client.DeleteAsync(url)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await RowsAsync(browser.Endpoint)).ShouldBeEmpty();

        var none = await client.DeleteAsync(url);
        await none.ShouldBeProblemAsync(HttpStatusCode.NotFound, "no push subscription");
        (await CodeAsync(none)).ShouldBe("alerting.push-subscription-unknown");
        await (await client.DeleteAsync($"/api/people/{person.Person.Id}/push")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endpoint");
    }

    [Fact]
    public async Task TheVapidPublicKey_IsAP256Point_ForSignedInCallersOnly()
    {
        var key = await ChannelsFixture.VapidPublicKeyAsync(Host);
        var point = System.Buffers.Text.Base64Url.DecodeFromChars(key);
        point.Length.ShouldBe(65);
        point[0].ShouldBe((byte)0x04);

        var anonymous = await Host.App.ClientFor(null).GetAsync("/api/push/vapid-public-key");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/sw.js", "notificationclick")]
    [InlineData("/js/crisis-push.js", "export async function subscribe")]
    public async Task TheServiceWorkerAndThePushModule_AreServedFromTheirPaths(string path, string contains)
    {
        var response = await Host.App.ClientFor(null).GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/javascript");
        (await response.Content.ReadAsStringAsync()).ShouldContain(contains);
    }

    [Fact]
    public async Task TwoNodes_GeneratingTheKeysAtOnce_EndWithOneKeyPair_AndConfiguredKeysWin()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var nodeA = await AlertingHost.StartAsync(database);
        await using var nodeB = await AlertingHost.StartAsync(database);
        (await ChannelsFixture.VapidPublicKeyAsync(nodeB)).ShouldBe(await ChannelsFixture.VapidPublicKeyAsync(nodeA));

        // As on a first start of both at once: no pair stored yet, and each node's key store inserting its own.
        await using (var scope = nodeA.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<VapidKeyRecord>().ExecuteDeleteAsync();
        }
        var stores = Enumerable.Range(0, 4).Select(i => ActivatorUtilities.CreateInstance<VapidKeys>((i % 2 == 0 ? nodeA : nodeB).App.Services)).ToList();
        var pairs = await Task.WhenAll(stores.Select(k => k.GetAsync()));
        pairs.Distinct().Count().ShouldBe(1);
        await using (var scope = nodeB.App.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<VapidKeyRecord>().ToListAsync();
            rows.Count.ShouldBe(1);
            rows[0].PublicKey.ShouldBe(pairs[0].PublicKey);
        }
        stores.ForEach(k => k.Dispose());

        var configured = VapidKeyPair.Generate();
        await using var nodeC = await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o =>
        {
            o.Push.PublicKey = configured.PublicKey;
            o.Push.PrivateKey = configured.PrivateKey;
        }), database);
        (await ChannelsFixture.VapidPublicKeyAsync(nodeC)).ShouldBe(configured.PublicKey);
    }

    private async Task<List<PushSubscriptionRecord>> RowsAsync(string endpoint)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<PushSubscriptionRecord>().AsNoTracking()
            .Where(s => s.Endpoint == endpoint).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<PushSubscriptionRecord>().CountAsync();
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
