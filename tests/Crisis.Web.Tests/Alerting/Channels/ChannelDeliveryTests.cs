using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>Every notification goes out by e-mail, Web Push and the webhook, each channel's outcome on the recipient.</summary>
[Collection(ChannelsCollection.Name)]
public sealed class ChannelDeliveryTests(ChannelsFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task ExerciseAlert_GoesOutOnEveryChannel_EachSaysOefening_AndEachOutcomeIsOnTheRecipient()
    {
        var region = await Host.RegionAsync();
        var onCall = region.OnCall;
        var lead = await Host.App.CreateUserAsync(CrisisRole.ExerciseLead);
        var exercise = await Host.App.OpenIncidentAsync(lead, true, onCall.User);
        var address = $"piket-{Guid.NewGuid():N}@example.nl";
        (await Host.ClientFor(onCall.User).PutAsJsonAsync($"/api/people/{onCall.Person.Id}/contact", new { email = address, phone = "+31 6 1234 5678" }, Json.Options))
            .EnsureSuccessStatusCode();
        using var browser = await fixture.SubscribeAsync(Host, onCall.User, onCall.Person.Id);

        var alert = await Host.RaiseAsync(lead, new { incidentId = exercise.Id, targets = new[] { new { function = region.Function } }, message = "Start oefening" });

        // Staged with the step, delivered after it: the answer to the raise already names every channel.
        var staged = alert.ChannelsOf(onCall.Person.Id);
        staged[ChannelNames.Hub].Status.ShouldBe(ChannelStatus.Sent);
        staged.Keys.ShouldBe([ChannelNames.Hub, ChannelNames.Email, ChannelNames.Push, ChannelNames.Webhook], ignoreOrder: true);
        var link = $"{ChannelsFixture.PublicUrl}/incidenten/{exercise.Id}/alarmering";

        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Contains(address));
        mail.Subject.ShouldBe($"OEFENING Alarmering {region.Function}: Start oefening");
        mail.Message.From.Mailboxes.Single().Address.ShouldBe("alarmering@vrzz.example");
        mail.Body.ShouldStartWith("OEFENING");
        mail.Body.ShouldContain("Bericht: Start oefening");
        mail.Body.ShouldContain("Incident: Brand testlocatie");
        mail.Body.ShouldContain($"Functie: {region.Function}");
        mail.Body.ShouldContain(link);
        mail.Body.ShouldContain("Ik kom");
        mail.Body.ShouldContain("Ik kan niet");

        var push = await fixture.Push.WaitForAsync(r => r.Path == new Uri(browser.Endpoint).AbsolutePath);
        var claims = browser.VerifyVapid(push, await ChannelsFixture.VapidPublicKeyAsync(Host));
        claims.GetProperty("sub").GetString().ShouldBe(ChannelsFixture.VapidSubject);
        push.Header("Urgency").ShouldBe("high");
        using (var payload = JsonDocument.Parse(browser.Decrypt(push)))
        {
            payload.RootElement.GetProperty("title").GetString().ShouldBe($"OEFENING Alarmering {region.Function}: Start oefening");
            payload.RootElement.GetProperty("body").GetString().ShouldStartWith("Start oefening");
            payload.RootElement.GetProperty("url").GetString().ShouldBe(link);
            payload.RootElement.GetProperty("alertId").GetGuid().ShouldBe(alert.Id);
        }

        var hook = await fixture.Hook.WaitForAsync(r => r.JsonBody().GetProperty("alertId").GetGuid() == alert.Id);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ChannelsFixture.Secret), hook.Body));
        hook.Header("X-Crisis-Signature").ShouldBe(signature);
        hook.Header("Content-Type").ShouldStartWith("application/json");
        var body = hook.JsonBody();
        body.GetProperty("incidentId").GetGuid().ShouldBe(exercise.Id);
        body.GetProperty("exercise").GetBoolean().ShouldBeTrue();
        body.GetProperty("test").GetBoolean().ShouldBeFalse();
        body.GetProperty("message").GetString().ShouldBe("OEFENING Start oefening");
        body.GetProperty("personId").GetGuid().ShouldBe(onCall.Person.Id);
        body.GetProperty("name").GetString().ShouldBe(onCall.Person.Name);
        body.GetProperty("function").GetString().ShouldBe(region.Function);
        body.GetProperty("phone").GetString().ShouldBe("+31 6 1234 5678");
        body.GetProperty("email").GetString().ShouldBe(address);
        body.GetProperty("step").GetInt32().ShouldBe(1);
        body.GetProperty("url").GetString().ShouldBe(link);
        body.GetProperty("at").GetString().ShouldNotBeNullOrEmpty();

        var delivered = await Host.DeliveredAsync(alert.Id);
        delivered.ChannelsOf(onCall.Person.Id).Values.ShouldAllBe(c => c.Status == ChannelStatus.Sent);
    }

    [Fact]
    public async Task Proefalarm_SaysProefalarm_InTheSubjectAndTheBody()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);

        var response = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { personId = person.Person.Id }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Contains(person.Person.Email, StringComparer.OrdinalIgnoreCase));
        mail.Subject.ShouldStartWith("Proefalarm: ");
        mail.Subject.ShouldNotContain("Proefalarm: Proefalarm");
        mail.Body.ShouldStartWith("Proefalarm");
    }

    [Fact]
    public async Task AMailServerThatIsDown_AndAPushServiceThatFails_AreFailedOnTheRecipient_WhileTheHubTheWebhookAndTheEscalationGoOn()
    {
        await using var host = await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o =>
            fixture.Configure(o, $"smtp://127.0.0.1:{ChannelsFixture.ClosedPort()}")));
        var region = await host.RegionAsync();
        using var failing = await fixture.SubscribeAsync(host, region.OnCall.User, region.OnCall.Person.Id, "fail");
        var officer = region.Pool.User;
        var incident = await host.App.OpenIncidentAsync(officer);

        var alert = await host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Brand" });
        var delivered = await host.DeliveredAsync(alert.Id);

        var channels = delivered.ChannelsOf(region.OnCall.Person.Id);
        channels[ChannelNames.Hub].Status.ShouldBe(ChannelStatus.Sent);
        channels[ChannelNames.Email].Status.ShouldBe(ChannelStatus.Failed);
        channels[ChannelNames.Email].Detail.ShouldNotBeNull().ShouldContain("127.0.0.1");
        channels[ChannelNames.Push].Status.ShouldBe(ChannelStatus.Failed);
        channels[ChannelNames.Push].Detail.ShouldNotBeNull().ShouldContain("500");
        channels[ChannelNames.Webhook].Status.ShouldBe(ChannelStatus.Sent);
        (await fixture.Hook.WaitForAsync(r => r.JsonBody().GetProperty("alertId").GetGuid() == alert.Id))
            .JsonBody().GetProperty("personId").GetGuid().ShouldBe(region.OnCall.Person.Id);

        // Nobody came: after five minutes the next step reaches the next on call, as without any channel.
        await host.AdvanceAsync(Duration.FromMinutes(5));
        var escalated = await host.GetAsync(alert.Id);
        escalated.Reached().ShouldContain(region.Next.Person.Id);
        escalated.ChannelsOf(region.Next.Person.Id)[ChannelNames.Hub].Status.ShouldBe(ChannelStatus.Sent);
        var next = await host.DeliveredAsync(alert.Id);
        next.ChannelsOf(region.Next.Person.Id)[ChannelNames.Webhook].Status.ShouldBe(ChannelStatus.Sent);
        next.ChannelsOf(region.Next.Person.Id)[ChannelNames.Email].Status.ShouldBe(ChannelStatus.Failed);
    }

    [Fact]
    public async Task AWebhookThatHangs_TimesOut_WhileTheMailGoesOut()
    {
        await using var stalling = await LoopbackHttp.StartAsync();
        stalling.Stall = (_, aborted) => Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        await using var host = await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o =>
        {
            fixture.Configure(o, fixture.Smtp.Url);
            o.Webhook.Url = stalling.Origin + "/hook";
            o.Timeout = TimeSpan.FromSeconds(1);
        }));
        var person = await host.Kit.PersonAsync(CrisisRole.Member);

        var alert = await host.RaiseAsync(host.Kit.CoordinatorUser, new { targets = new[] { new { personId = person.Person.Id } }, message = "Wacht niet" });

        (await fixture.Smtp.WaitForAsync(m => m.To.Contains(person.Person.Email, StringComparer.OrdinalIgnoreCase))).Subject.ShouldContain("Wacht niet");
        var channels = (await host.DeliveredAsync(alert.Id)).ChannelsOf(person.Person.Id);
        channels[ChannelNames.Hub].Status.ShouldBe(ChannelStatus.Sent);
        channels[ChannelNames.Email].Status.ShouldBe(ChannelStatus.Sent);
        channels[ChannelNames.Webhook].Status.ShouldBe(ChannelStatus.Failed);
        channels[ChannelNames.Webhook].Detail.ShouldBe("timed out after 1 s");
    }

    [Fact]
    public async Task APushServiceThatAnswers410_RemovesTheSubscription()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        using var gone = await fixture.SubscribeAsync(Host, person.User, person.Person.Id, "gone");

        var alert = await Host.RaiseAsync(Host.Kit.CoordinatorUser, new { targets = new[] { new { personId = person.Person.Id } }, message = "Kom je?" });
        var delivered = await Host.DeliveredAsync(alert.Id);

        var push = delivered.ChannelsOf(person.Person.Id)[ChannelNames.Push];
        push.Status.ShouldBe(ChannelStatus.Failed);
        push.Detail.ShouldNotBeNull().ShouldContain("410");
        (await SubscriptionsAsync(gone.Endpoint)).ShouldBe(0);
        delivered.ChannelsOf(person.Person.Id)[ChannelNames.Email].Status.ShouldBe(ChannelStatus.Sent);

        // The browser can subscribe again: a new subscription, not an update.
        var again = await Host.ClientFor(person.User).PostAsJsonAsync($"/api/people/{person.Person.Id}/push", gone.Subscription, Json.Options);
        await again.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Redelivery_SendsNothingTwice()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        using var browser = await fixture.SubscribeAsync(Host, person.User, person.Person.Id);
        var alert = await Host.RaiseAsync(Host.Kit.CoordinatorUser, new { targets = new[] { new { personId = person.Person.Id } }, message = "Eén keer" });
        await Host.DeliveredAsync(alert.Id);
        var due = new AlertNotificationsDue(alert.Id, await ExternalRowsAsync(alert.Id));
        due.NotificationIds.Count.ShouldBe(3);

        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AlertChannelDelivery>().DeliverAsync(due)).ShouldBe(0);
        }

        Mails(person.Person.Email).ShouldBe(1);
        fixture.Push.Requests.Count(r => r.Path == new Uri(browser.Endpoint).AbsolutePath).ShouldBe(1);
        fixture.Hook.Requests.Count(r => r.JsonBody().GetProperty("alertId").GetGuid() == alert.Id).ShouldBe(1);
    }

    [Fact]
    public async Task TwoDeliveriesOfOnePendingRow_AtOnce_SendItOnce()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        var alert = await Host.RaiseAsync(Host.Kit.CoordinatorUser, new { targets = new[] { new { personId = person.Person.Id } }, message = "Nog een keer" });
        await Host.DeliveredAsync(alert.Id);
        var address = $"tweede-{Guid.NewGuid():N}@example.nl";
        var row = await AddPendingEmailAsync(alert.Id, person.Person.Id, address);

        var taken = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = Host.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AlertChannelDelivery>().DeliverAsync(new AlertNotificationsDue(alert.Id, [row.Id]));
        }));

        taken.Sum().ShouldBe(1);
        (await fixture.Smtp.WaitForAsync(m => m.To.Contains(address))).Subject.ShouldContain("Nog een keer");
        Mails(address).ShouldBe(1);
    }

    [Fact]
    public async Task ARowOfAnAlertCancelledBeforeItWentOut_IsSkippedWithTheReason()
    {
        var person = await Host.Kit.PersonAsync(CrisisRole.Member);
        var alert = await Host.RaiseAsync(Host.Kit.CoordinatorUser, new { targets = new[] { new { personId = person.Person.Id } }, message = "Toch niet" });
        await Host.DeliveredAsync(alert.Id);
        await (await Host.Kit.Coordinator.PostAsync($"/api/alerts/{alert.Id}/cancel", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var row = await AddPendingEmailAsync(alert.Id, person.Person.Id, $"laat-{Guid.NewGuid():N}@example.nl");

        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AlertChannelDelivery>().DeliverAsync(new AlertNotificationsDue(alert.Id, [row.Id]))).ShouldBe(1);
        }

        var email = (await Host.GetAsync(alert.Id)).ChannelsOf(person.Person.Id)[ChannelNames.Email];
        email.Status.ShouldBe(ChannelStatus.Skipped);
        email.Detail.ShouldBe("the alert was cancelled before this went out");
        Mails(row.Target!).ShouldBe(0);
    }

    private async Task<AlertNotificationRecord> AddPendingEmailAsync(Guid alertId, Guid personId, string address)
    {
        var row = new AlertNotificationRecord
        {
            // A moment after the alert's own rows, as a later notification would be: the channel's latest speaks for it.
            Id = Guid.NewGuid(), AlertId = alertId, PersonId = personId, Round = 0, Step = 1, At = Host.Now + Duration.FromSeconds(1),
            Channel = ChannelNames.Email, Status = ChannelStatus.Pending, Target = address,
        };
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        db.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private int Mails(string address) => fixture.Smtp.Messages.Count(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase));

    private async Task<int> SubscriptionsAsync(string endpoint)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<PushSubscriptionRecord>().CountAsync(s => s.Endpoint == endpoint);
    }

    private async Task<IReadOnlyList<Guid>> ExternalRowsAsync(Guid alertId)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<AlertNotificationRecord>()
            .Where(n => n.AlertId == alertId && n.Channel != ChannelNames.Hub).Select(n => n.Id).ToListAsync();
    }
}
