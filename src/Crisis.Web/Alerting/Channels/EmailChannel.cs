using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>Alert e-mail over SMTP (MailKit): one connection per message, so one bad message never takes the others along.</summary>
public sealed class EmailChannel(IOptionsMonitor<AlertChannelOptions> options, DateTimeZone zone)
{
    public async Task<ChannelOutcome> SendAsync(ChannelMessage message, string address, CancellationToken ct)
    {
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
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.MailBody(zone) },
            Priority = MessagePriority.Urgent,
            Importance = MessageImportance.High,
        };
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.Name, to.Address));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add("X-Crisis-Alert", message.AlertId.ToString());
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
