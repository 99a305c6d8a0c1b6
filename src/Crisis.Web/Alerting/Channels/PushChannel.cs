using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Crisis.Web.Platform;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// Web Push (Lib.Net.Http.WebPush) with VAPID (RFC 8292) and the aes128gcm payload (RFC 8291) to one browser. A push
/// service that answers 404 or 410 has forgotten the subscription: the outcome says so and the delivery removes it.
/// </summary>
public sealed class PushChannel(IHttpMessageHandlerFactory handlers)
{
    public const string ClientName = "crisis-push";

    /// <summary>An alert that waited longer than this at the push service is no use any more.</summary>
    public const int TimeToLiveSeconds = 30 * 60;

    public async Task<ChannelOutcome> SendAsync(ChannelMessage message, PushSubscriptionRecord to, VapidKeyPair keys, string subject, CancellationToken ct)
    {
        var subscription = new PushSubscription { Endpoint = to.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, to.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, to.Auth);
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = subject };
        using var http = new HttpClient(new OriginAudience(vapid, handlers.CreateHandler(ClientName)), disposeHandler: false);
        var client = new PushServiceClient(http)
        {
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
        };
        var push = new PushMessage(JsonSerializer.Serialize(message.Push, CrisisJson.Options))
        {
            Urgency = PushMessageUrgency.High,
            TimeToLive = TimeToLiveSeconds,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, push, ct);
            return ChannelOutcome.Sent();
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return ChannelOutcome.Failed($"the push service answered {(int)ex.StatusCode}: the subscription is gone and was removed", to.Id);
        }
        catch (PushServiceClientException ex)
        {
            return ChannelOutcome.Failed($"the push service answered {(int)ex.StatusCode} {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return ChannelOutcome.Failed($"cannot reach the push service: {ex.Message}");
        }
    }

    /// <summary>
    /// RFC 8292 makes the JWT's <c>aud</c> the origin of the push resource, port included; the library leaves a
    /// non-default port out (no push service of a browser has one, a push service on another port has). This signs
    /// the token again for the full origin when the endpoint names a port.
    /// </summary>
    private sealed class OriginAudience(VapidAuthentication vapid, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { IsDefaultPort: false } uri && request.Headers.Authorization is { Scheme: "vapid" })
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(uri.GetLeftPart(UriPartial.Authority)));
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
