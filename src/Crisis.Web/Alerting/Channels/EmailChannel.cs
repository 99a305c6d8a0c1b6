using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>One plain-text e-mail as Crisis sends it: to whom, what, and whether it is urgent (alerts are; a Leerprikkel is not).</summary>
public sealed record MailContent(string Name, string Subject, string Body, bool Urgent, IReadOnlyList<(string Name, string Value)> Headers);

/// <summary>
/// E-mail over SMTP (MailKit), for alerts and every other message Crisis sends by mail (the Leerprikkelaar): one
/// connection per message, so one bad message never takes the others along.
/// </summary>
public sealed class EmailChannel(IOptionsMonitor<AlertChannelOptions> options, DateTimeZone zone)
{
    public Task<ChannelOutcome> SendAsync(ChannelMessage message, string address, CancellationToken ct) =>
        SendAsync(new MailContent(message.Name, message.Subject, message.MailBody(zone), true, [("X-Crisis-Alert", message.AlertId.ToString())]), address, ct);

    public async Task<ChannelOutcome> SendAsync(MailContent content, string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var o = options.CurrentValue;
        if (!SmtpEndpoint.TryParse(o.Mail.Smtp, out var smtp) || o.From is not { } from)
        {
            return ChannelOutcome.Skipped("e-mail is no longer configured");
        }
        if (!MailboxAddress.TryParse(address, out var to))
        {
            return ChannelOutcome.Failed($"'{address}' is not an e-mail address");
        }
        var mail = new MimeMessage
        {
            Subject = content.Subject,
            Body = new TextPart("plain") { Text = content.Body },
            Priority = content.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            Importance = content.Urgent ? MessageImportance.High : MessageImportance.Normal,
        };
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(content.Name, to.Address));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        foreach (var (name, value) in content.Headers)
        {
            mail.Headers.Add(name, value);
        }
        try
        {
            using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.ImplicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (smtp.User is not null)
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            }
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return ChannelOutcome.Sent();
        }
        catch (SmtpCommandException ex)
        {
            return ChannelOutcome.Failed($"{smtp} refused: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (SocketException ex)
        {
            return ChannelOutcome.Failed($"cannot reach {smtp}: {ex.Message}");
        }
        catch (Exception ex) when (ex is AuthenticationException or ProtocolException or SslHandshakeException or ServiceNotConnectedException)
        {
            return ChannelOutcome.Failed($"{smtp}: {ex.Message}");
        }
    }
}
