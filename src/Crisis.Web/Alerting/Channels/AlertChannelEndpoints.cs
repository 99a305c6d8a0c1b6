using Crisis.Web.Alerting.Channels;
using Crisis.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;

// In the feature's namespace, so AlertingEndpoints adds and maps the channels with one line each and no using.
namespace Crisis.Web.Alerting;

public sealed record PushKeysDto(string? P256dh, string? Auth);

/// <summary>A browser's subscription as <c>PushSubscription.toJSON()</c> gives it.</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushKeysDto? Keys);

public sealed record PushSubscriptionDto(Guid Id, Guid PersonId, string Endpoint, Instant CreatedAt, Instant ChangedAt)
{
    public static PushSubscriptionDto From(PushSubscriptionRecord s) => new(s.Id, s.PersonId, s.Endpoint, s.CreatedAt, s.ChangedAt);
}

public sealed record VapidPublicKeyDto(string PublicKey);

/// <summary>The alert channels beyond the hub (e-mail, Web Push, the webhook) and the Web Push part of the contract.</summary>
public static class AlertChannelEndpoints
{
    public static WebApplicationBuilder AddAlertChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertChannelOptions>()
            .Configure<IConfiguration>(AlertChannelOptions.Bind)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertChannelOptions>, AlertChannelOptionsValidation>();
        // The delivery's own timeout (AlertChannelOptions.Timeout) bounds each call; these only keep a hung socket from living on.
        services.AddHttpClient(PushChannel.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient(WebhookChannel.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<VapidKeys>();
        services.AddHostedService(sp => sp.GetRequiredService<VapidKeys>());
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<PushChannel>();
        services.AddSingleton<WebhookChannel>();
        services.AddScoped<ChannelContacts>();
        services.AddScoped<AlertChannelStaging>();
        services.AddScoped<AlertChannelDelivery>();
        services.AddScoped<PushSubscriptions>();
        return builder;
    }

    /// <summary>
    /// <c>POST /api/people/{id}/push</c> (201 new, 200 the endpoint was known), <c>DELETE /api/people/{id}/push?endpoint=…</c>
    /// (204) and <c>GET /api/push/vapid-public-key</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAlertChannels(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").RequireAuthorization().WithTags("Alerting");
        people.MapPost("/{id:guid}/push", async (Guid id, [FromBody] PushSubscriptionRequest? request, PushSubscriptions subscriptions, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw AlertingHostRefusals.BodyMissing.Raise();
            var browser = PushWire.Parse(body.Endpoint, body.Keys?.P256dh, body.Keys?.Auth);
            var (subscription, created) = await subscriptions.SubscribeAsync(http.Actor(), id, browser, ct);
            var dto = PushSubscriptionDto.From(subscription);
            return created ? Results.Created($"/api/people/{id}/push", dto) : Results.Ok(dto);
        });
        people.MapDelete("/{id:guid}/push", async (Guid id, string? endpoint, PushSubscriptions subscriptions, HttpContext http, CancellationToken ct) =>
        {
            await subscriptions.UnsubscribeAsync(http.Actor(), id, PushWire.Endpoint(endpoint), ct);
            return Results.NoContent();
        });
        app.MapGet("/api/push/vapid-public-key", async (PushSubscriptions subscriptions, CancellationToken ct) =>
            Results.Ok(new VapidPublicKeyDto(await subscriptions.PublicKeyAsync(ct))))
            .RequireAuthorization().WithTags("Alerting");
        return app;
    }
}
