using System.Security.Cryptography;
using Crisis.Domain;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// The channels beyond the hub, from <c>Crisis:Mail</c>, <c>Crisis:Push</c>, <c>Crisis:Alerting:Webhook</c> and
/// <c>Crisis:PublicUrl</c>; validated at start-up (<see cref="AlertChannelOptionsValidation"/>). A channel whose keys are
/// unset is off; Web Push is always on (its keys are generated when none are configured).
/// </summary>
public sealed class AlertChannelOptions
{
    /// <summary>How long one delivery on one channel may take before it counts as failed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public MailOptions Mail { get; set; } = new();
    public PushOptions Push { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>
    /// The address people open Crisis on (<c>https://crisis.example.nl</c>): links in e-mail, push and webhook. Bound from
    /// the one option <c>Crisis:PublicUrl</c> (<see cref="Platform.CrisisOptions.PublicUrl"/>), which every link uses.
    /// </summary>
    public string? PublicUrl { get; set; }

    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    public bool EmailOn => SmtpEndpoint.TryParse(Mail.Smtp, out _) && From is not null;

    public bool WebhookOn => WebhookUri is not null && Texts.TrimToNull(Webhook.Secret) is not null;

    public MailboxAddress? From => MailboxAddress.TryParse(Texts.TrimToNull(Mail.From) ?? "", out var from) ? from : null;

    public Uri? WebhookUri => Uri.TryCreate(Texts.TrimToNull(Webhook.Url), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public Uri? PublicUri => Uri.TryCreate(Texts.TrimToNull(PublicUrl), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The link to answer an alert: absolute with <see cref="PublicUrl"/>, else relative to the site (fine for push, not for mail).</summary>
    public string LinkTo(Guid? incidentId)
    {
        var path = AlertLinks.PathOf(incidentId);
        return PublicUri is { } root ? new Uri(root, path.TrimStart('/')).ToString() : path;
    }

    /// <summary>The VAPID subject: as configured, else the public https address, else the sender of alert e-mail.</summary>
    public string VapidSubject =>
        Texts.TrimToNull(Push.VapidSubject)
        ?? (PublicUri is { Scheme: "https" } root ? root.GetLeftPart(UriPartial.Authority) : null)
        ?? (From is { } from ? $"mailto:{from.Address}" : "mailto:alarmering@crisis.invalid");

    /// <summary>Reads the sections; the configuration keys are those of the README's table.</summary>
    internal static void Bind(AlertChannelOptions options, IConfiguration configuration)
    {
        configuration.GetSection("Crisis:Mail").Bind(options.Mail);
        configuration.GetSection("Crisis:Push").Bind(options.Push);
        configuration.GetSection("Crisis:Alerting:Webhook").Bind(options.Webhook);
        options.PublicUrl = configuration[$"{Platform.CrisisOptions.Section}:{nameof(Platform.CrisisOptions.PublicUrl)}"] ?? options.PublicUrl;
    }
}

public sealed class MailOptions
{
    /// <summary><c>smtp://user:pass@host:port</c> or <c>smtps://…</c>; unset: no e-mail.</summary>
    public string? Smtp { get; set; }
    public string? From { get; set; }
}

public sealed class PushOptions
{
    public string? VapidSubject { get; set; }

    /// <summary>The uncompressed P-256 point, base64url (65 bytes); with <see cref="PrivateKey"/>, or neither.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The private scalar, base64url (32 bytes).</summary>
    public string? PrivateKey { get; set; }
}

public sealed class WebhookOptions
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
}

/// <summary>Where the alert e-mail goes out: the parsed <c>Crisis:Mail:Smtp</c>.</summary>
public sealed record SmtpEndpoint(string Host, int Port, bool ImplicitTls, string? User, string? Password)
{
    public static bool TryParse(string? url, out SmtpEndpoint endpoint)
    {
        endpoint = null!;
        if (!Uri.TryCreate(Texts.TrimToNull(url), UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps")
            || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }
        var tls = uri.Scheme == "smtps";
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        endpoint = new SmtpEndpoint(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 465 : 25) : uri.Port, tls, user, password);
        return true;
    }

    /// <summary>For logs and outcomes: never the password.</summary>
    public override string ToString() => $"{(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port}";
}

/// <summary>A typo in a channel's configuration stops the host with a message naming the key, as the other options do.</summary>
internal sealed class AlertChannelOptionsValidation : IValidateOptions<AlertChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertChannelOptions o)
    {
        var failures = new List<string>();
        if (Texts.TrimToNull(o.Mail.Smtp) is { } smtp && !SmtpEndpoint.TryParse(smtp, out _))
        {
            failures.Add("Crisis:Mail:Smtp must be smtp://[user:pass@]host[:port] or smtps://….");
        }
        if (Texts.TrimToNull(o.Mail.Smtp) is not null && o.From is null)
        {
            failures.Add("Crisis:Mail:From must be the sender's e-mail address when Crisis:Mail:Smtp is set.");
        }
        if (Texts.TrimToNull(o.Webhook.Url) is not null && o.WebhookUri is null)
        {
            failures.Add("Crisis:Alerting:Webhook:Url must be an absolute http(s) URL.");
        }
        if (o.WebhookUri is not null && Texts.TrimToNull(o.Webhook.Secret) is null)
        {
            failures.Add("Crisis:Alerting:Webhook:Secret must be set with Crisis:Alerting:Webhook:Url (every call is signed).");
        }
        if (Texts.TrimToNull(o.PublicUrl) is not null && o.PublicUri is null)
        {
            failures.Add("Crisis:PublicUrl must be an absolute http(s) URL.");
        }
        var hasPublic = Texts.TrimToNull(o.Push.PublicKey) is not null;
        var hasPrivate = Texts.TrimToNull(o.Push.PrivateKey) is not null;
        if (hasPublic != hasPrivate)
        {
            failures.Add("Crisis:Push:PublicKey and Crisis:Push:PrivateKey are set together, or neither (then they are generated).");
        }
        else if (hasPublic && !VapidKeyPair.IsValid(o.Push.PublicKey!, o.Push.PrivateKey!))
        {
            failures.Add("Crisis:Push:PublicKey/PrivateKey must be a P-256 key pair in base64url (65-byte point, 32-byte scalar).");
        }
        if (Texts.TrimToNull(o.Push.VapidSubject) is { } subject
            && !subject.StartsWith("mailto:", StringComparison.Ordinal) && !subject.StartsWith("https://", StringComparison.Ordinal))
        {
            failures.Add("Crisis:Push:VapidSubject must be a mailto: or https: URL.");
        }
        if (o.Timeout <= TimeSpan.Zero)
        {
            failures.Add("The channel timeout must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>A VAPID key pair in the form Web Push wants: the public point and the private scalar, base64url.</summary>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey)
{
    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeyPair(Base64Url.Encode([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url.Encode(p.D!));
    }

    public static bool IsValid(string publicKey, string privateKey)
    {
        if (!Base64Url.TryDecode(publicKey, out var q) || q.Length != 65 || q[0] != 0x04
            || !Base64Url.TryDecode(privateKey, out var d) || d.Length != 32)
        {
            return false;
        }
        try
        {
            using var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256, D = d, Q = new ECPoint { X = q[1..33], Y = q[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>Unpadded base64url, the encoding of Web Push keys.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text) || text.Length > 1024)
        {
            return false;
        }
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text.TrimEnd('='));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// Where a person answers an alert in the UI: the one place the channels' links are made. An incident's alerts are on the
/// incident's alarmering page; a proefalarm (no incident) on the alarmering overview.
/// </summary>
public static class AlertLinks
{
    public static string PathOf(Guid? incidentId) => incidentId is { } id ? $"/incidenten/{id}/alarmering" : "/alarmering";
}
