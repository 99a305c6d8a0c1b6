using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crisis.Web.Platform;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// Every notification as JSON to <c>Crisis:Alerting:Webhook:Url</c>, for SMS or pager gateways. The receiver checks
/// <c>X-Crisis-Signature: sha256=&lt;lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the secret&gt;</c>.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http, IOptionsMonitor<AlertChannelOptions> options)
{
    public const string ClientName = "crisis-webhook";
    public const string SignatureHeader = "X-Crisis-Signature";

    public async Task<ChannelOutcome> SendAsync(ChannelMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!o.WebhookOn)
        {
            return ChannelOutcome.Skipped("the webhook is no longer configured");
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(message.Webhook, CrisisJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.WebhookUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(body, o.Webhook.Secret!));
        request.Headers.Add("X-Crisis-Notification", message.NotificationId.ToString());
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? ChannelOutcome.Sent()
                : ChannelOutcome.Failed($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return ChannelOutcome.Failed($"cannot reach the webhook: {ex.Message}");
        }
    }

    /// <summary>The signature header's value for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
