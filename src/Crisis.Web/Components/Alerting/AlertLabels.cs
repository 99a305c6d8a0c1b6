using Crisis.Domain.Alerting;
using Crisis.Web.Alerting;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Components.Alerting;

/// <summary>
/// The Dutch words of the alerting pages for what an <see cref="AlertDto"/> carries as wire names (status, answer,
/// reason, channel), through <see cref="AlertingNames"/>, so every page says them the same way.
/// </summary>
public static class AlertLabels
{
    public static readonly IReadOnlyList<int> EtaChoices = [5, 10, 15, 20, 30];

    public static AlertStatus StatusOf(AlertDto alert) =>
        AlertingNames.Statuses.TryParse(alert.Status, out var status) ? status : AlertStatus.Open;

    public static AlertResponse ResponseOf(AlertRecipientDto recipient) =>
        AlertingNames.Responses.TryParse(recipient.Response, out var response) ? response : AlertResponse.Pending;

    public static bool IsClosed(AlertDto alert) => StatusOf(alert).IsClosed();

    /// <summary>The recipient the official is (not a skipped step), or null when the alert did not reach them.</summary>
    public static AlertRecipientDto? RecipientOf(AlertDto alert, Guid official) =>
        alert.Recipients.FirstOrDefault(r => r.PersonId == official && !r.Skipped);

    /// <summary>True while the recipient has not said "Ik kom" or "Ik kan niet" (pending, or the answer window ran out).</summary>
    public static bool AwaitsAnswer(AlertRecipientDto recipient) =>
        ResponseOf(recipient) is AlertResponse.Pending or AlertResponse.NoAnswer;

    public static string Status(AlertDto alert) => StatusOf(alert).ToDutch();

    /// <summary>What kind of alert it is, as its marking says: OEFENING, Proefalarm or Alarmering.</summary>
    public static string Kind(AlertDto alert) => alert.Test ? "Proefalarm" : alert.Exercise ? "OEFENING" : "Alarmering";

    /// <summary>The answer as the board shows it: "komt, verwacht 14:25", "kan niet", "geen antwoord", "nog geen antwoord".</summary>
    public static string Answer(AlertRecipientDto recipient, DateTimeZone zone) => ResponseOf(recipient) switch
    {
        AlertResponse.Coming when recipient.ExpectedAt is { } at => $"komt, verwacht {Time(at, zone)}",
        AlertResponse.Pending => "nog geen antwoord",
        var response => response.ToDutch(),
    };

    /// <summary>Why the recipient was reached ("heeft piket", "piketpool" …) or, for a skipped step, why not.</summary>
    public static string Reason(AlertRecipientDto recipient)
    {
        if (recipient.Skipped)
        {
            return AlertingNames.SkipReasons.TryParse(recipient.Reason, out var skip) ? $"overgeslagen: {skip.ToDutch()}" : "overgeslagen";
        }
        return AlertingNames.NotifyReasons.TryParse(recipient.Reason, out var reason) ? reason.ToDutch() : recipient.Reason;
    }

    public static string Channel(ChannelOutcomeDto channel) => $"{ChannelName(channel.Channel)}: {ChannelStatus(channel.Status)}";

    private static string ChannelName(string channel) => channel switch
    {
        AlertStore.HubChannel => "app",
        "email" => "e-mail",
        "push" or "webpush" => "push",
        "webhook" => "webhook",
        _ => channel,
    };

    private static string ChannelStatus(string status) => status switch
    {
        "sent" => "verstuurd",
        "delivered" => "afgeleverd",
        "failed" => "mislukt",
        "skipped" => "niet ingesteld",
        "pending" or "queued" => "wacht",
        _ => status,
    };

    /// <summary>A target as a person reads it: the function, the team (and "iedereen"), or the person's name.</summary>
    public static string Target(AlertDto alert, AlertTargetStatusDto target) => target.Target switch
    {
        { Function: { } function } => function,
        { Team: { } team, Everyone: true } => $"team {team} (iedereen)",
        { Team: { } team } => $"team {team}" + (target.Function is { } head ? $" ({head})" : ""),
        { PersonId: { } person } => alert.Recipients.FirstOrDefault(r => r.PersonId == person)?.Name ?? "persoon",
        _ => "doel",
    };

    /// <summary>The highest step that reached anyone: above 1 the alert escalated.</summary>
    public static int HighestStep(AlertDto alert) => alert.Recipients.Where(r => !r.Skipped).Select(r => r.Step).DefaultIfEmpty(0).Max();

    public static string Time(Instant at, DateTimeZone zone) => DutchFormat.Time(at.InZone(zone).TimeOfDay);

    /// <summary>Minutes in the Dutch way, at most one decimal: "1,5 min".</summary>
    public static string Minutes(Duration duration) => $"{DutchFormat.Number(Math.Round((decimal)duration.TotalMinutes, 1))} min";
}
