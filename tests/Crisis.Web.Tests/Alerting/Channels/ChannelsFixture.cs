using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Crisis.Web.Alerting;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>
/// One alerting host with every channel on, each pointed at a receiver on loopback: a mail server, a push service
/// (which answers 500 under <c>/push/fail/</c> and 410 under <c>/push/gone/</c>) and a webhook receiver.
/// </summary>
public sealed class ChannelsFixture : IAsyncLifetime
{
    public const string From = "Crisis <alarmering@vrzz.example>";
    public const string Secret = "webhook-secret-for-tests";
    public const string PublicUrl = "https://crisis.example.nl";
    public const string VapidSubject = "mailto:alarmering@vrzz.example";

    public AlertingHost Host { get; private set; } = null!;
    public LoopbackSmtp Smtp { get; private set; } = null!;
    public LoopbackHttp Push { get; private set; } = null!;
    public LoopbackHttp Hook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await LoopbackSmtp.StartAsync();
        Push = await LoopbackHttp.StartAsync();
        Push.Answer = r => r.Path.StartsWith("/push/fail/", StringComparison.Ordinal) ? StatusCodes.Status500InternalServerError
            : r.Path.StartsWith("/push/gone/", StringComparison.Ordinal) ? StatusCodes.Status410Gone
            : StatusCodes.Status201Created;
        Hook = await LoopbackHttp.StartAsync();
        Hook.Answer = _ => StatusCodes.Status204NoContent;
        Host = await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o => Configure(o, Smtp.Url)));
    }

    /// <summary>Every channel on: mail to <paramref name="smtp"/>, the webhook to <see cref="Hook"/>, links to <see cref="PublicUrl"/>.</summary>
    public void Configure(AlertChannelOptions o, string smtp)
    {
        o.Mail.Smtp = smtp;
        o.Mail.From = From;
        o.Webhook.Url = Hook.Origin + "/hook";
        o.Webhook.Secret = Secret;
        o.PublicUrl = PublicUrl;
        o.Push.VapidSubject = VapidSubject;
    }

    /// <summary>A browser with an endpoint of its own under <c>/push/{kind}/</c>, subscribed for the person by <paramref name="by"/>.</summary>
    public async Task<PushBrowser> SubscribeAsync(AlertingHost host, TestUser by, Guid personId, string kind = "ok")
    {
        var browser = new PushBrowser($"{Push.Origin}/push/{kind}/{Guid.NewGuid():N}");
        var response = await host.ClientFor(by).PostAsJsonAsync($"/api/people/{personId}/push", browser.Subscription, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return browser;
    }

    public static async Task<string> VapidPublicKeyAsync(AlertingHost host) =>
        (await host.Kit.Coordinator.GetFromJsonAsync<VapidPublicKeyDto>("/api/push/vapid-public-key", Json.Options))!.PublicKey;

    /// <summary>A loopback port nobody listens on: a mail server that is down.</summary>
    public static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Push.DisposeAsync();
        await Hook.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChannelsCollection : ICollectionFixture<ChannelsFixture>
{
    public const string Name = "alert-channels";
}

public static class ChannelWaits
{
    /// <summary>
    /// The alert once no reached person has a channel still pending: waits for the <c>AlertChanged</c> the delivery
    /// sends after writing its outcomes (through the node's notifier), or returns at once when that happened already.
    /// </summary>
    public static async Task<AlertDto> DeliveredAsync(this AlertingHost host, Guid alertId, Func<AlertDto, bool>? until = null)
    {
        var done = until ?? (a => a.Recipients.Where(r => !r.Skipped).All(r => r.Channels.All(c => c.Status != ChannelStatus.Pending)));
        var notifier = host.App.Services.GetRequiredService<AlertNotifier>();
        var changed = new TaskCompletionSource<AlertDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnChanged(AlertDto alert)
        {
            if (alert.Id == alertId && done(alert))
            {
                changed.TrySetResult(alert);
            }
            return Task.CompletedTask;
        }
        notifier.Changed += OnChanged;
        try
        {
            var now = await host.GetAsync(alertId);
            return done(now) ? now : await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            notifier.Changed -= OnChanged;
        }
    }

    public static IReadOnlyDictionary<string, ChannelOutcomeDto> ChannelsOf(this AlertDto alert, Guid personId) =>
        alert.Recipient(personId).Channels.ToDictionary(c => c.Channel);

    public static JsonElement JsonBody(this LoopbackHttp.Request request) => JsonDocument.Parse(request.Body).RootElement.Clone();
}
