using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// One notification as every channel tells it: the alert, the person and what reached them. <see cref="Url"/> is the
/// link to answer (absolute when <c>Crisis:PublicUrl</c> is set, else relative to the site).
/// </summary>
public sealed record ChannelMessage(
    Guid NotificationId,
    Guid AlertId,
    Guid? IncidentId,
    string? IncidentTitle,
    bool Exercise,
    bool Test,
    string Message,
    Guid PersonId,
    string Name,
    string? Function,
    OfficialContact Contact,
    int Round,
    int Step,
    Instant At,
    string Url)
{
    private const string Oefening = "OEFENING";
    private const string Proefalarm = "Proefalarm";

    public bool HasAbsoluteUrl => Uri.TryCreate(Url, UriKind.Absolute, out _);

    /// <summary>
    /// "Alarmering OvD-BZ: Brand Zuidhaven"; in an exercise "OEFENING Alarmering …", a proefalarm "Proefalarm: …". The
    /// message loses a leading OEFENING or "Proefalarm:" of its own, so the subject never says it twice.
    /// </summary>
    public string Subject
    {
        get
        {
            var prefix = Exercise ? Oefening + " " : "";
            var head = Test ? Proefalarm : Function is { } f ? $"Alarmering {f}" : "Alarmering";
            return Clip($"{prefix}{head}: {Unprefixed}", 200);
        }
    }

    /// <summary>The e-mail text, Dutch, plain: what, where, as what, when, and how to answer.</summary>
    public string MailBody(DateTimeZone zone)
    {
        var lines = new List<string>();
        if (Exercise)
        {
            lines.AddRange([$"{Oefening} – dit is een oefening, geen echte inzet.", ""]);
        }
        if (Test)
        {
            lines.AddRange([$"{Proefalarm} – dit is een test of je bereikbaar bent, geen echte inzet.", ""]);
        }
        lines.AddRange([$"Beste {Name},", "", Test ? "Je krijgt een proefalarm van Crisis." : "Je wordt gealarmeerd door Crisis.", ""]);
        lines.Add($"Bericht: {Unprefixed}");
        if (IncidentTitle is { } title)
        {
            lines.Add($"Incident: {title}");
        }
        if (Function is { } function)
        {
            lines.Add($"Functie: {function}");
        }
        var step = Step > 1 ? " (stap " + Step.ToString(DutchFormat.Culture) + ")" : "";
        lines.AddRange([$"Gealarmeerd: {DutchFormat.DateTime(At, zone)}{step}", ""]);
        lines.Add(HasAbsoluteUrl ? $"Antwoord zo snel mogelijk: {Url}" : "Antwoord zo snel mogelijk in Crisis.");
        lines.AddRange(["Je kunt antwoorden met:", "- Ik kom (en over hoeveel minuten je er bent)", "- Ik kan niet", ""]);
        lines.Add("Dit bericht is automatisch verstuurd door Crisis; een antwoord op deze e-mail wordt niet gelezen.");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The Web Push payload the service worker shows (sw.js): <c>{title, body, url, alertId}</c>.</summary>
    public PushPayload Push => new(Clip(Subject, 120), Clip($"{Unprefixed} – antwoord: Ik kom / Ik kan niet", 300), Url, AlertId);

    /// <summary>The webhook's JSON body (the README documents it).</summary>
    public WebhookNotification Webhook => new(
        NotificationId, AlertId, IncidentId, Exercise, Test, Message, Subject, PersonId, Name, Function, Contact.Phone, Contact.Email,
        Round, Step, Url, At);

    private string Unprefixed
    {
        get
        {
            var message = Message.Trim();
            foreach (var prefix in new[] { Exercise ? Oefening : null, Test ? Proefalarm : null }.OfType<string>())
            {
                if (message.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var rest = message[prefix.Length..].TrimStart(':', ' ', '–', '-');
                    message = rest.Length > 0 ? rest : message;
                }
            }
            return message;
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public sealed record PushPayload(string Title, string Body, string Url, Guid AlertId);

/// <summary>What the webhook receives for every notification (camelCase JSON), signed over its exact bytes.</summary>
public sealed record WebhookNotification(
    Guid NotificationId,
    Guid AlertId,
    Guid? IncidentId,
    bool Exercise,
    bool Test,
    string Message,
    string Subject,
    Guid PersonId,
    string Name,
    string? Function,
    string? Phone,
    string? Email,
    int Round,
    int Step,
    string Url,
    Instant At);
