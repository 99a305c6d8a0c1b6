using Crisis.Domain.Alerting;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// Takes a step's pending notifications from the shared work queue (one node per event) and delivers them.
/// </summary>
[WorkConsumer]
public sealed class AlertNotificationsDueConsumer(AlertChannelDelivery delivery) : IConsumer<AlertNotificationsDue>
{
    public Task Consume(ConsumeContext<AlertNotificationsDue> context) => delivery.DeliverAsync(context.Message, context.CancellationToken);
}

/// <summary>
/// Delivers pending notification rows on their channels and writes each one's outcome: <c>sent</c>, <c>failed</c> with
/// the reason, or <c>skipped</c> with the reason. Every row goes out on its own, side by side, each within
/// <see cref="AlertChannelOptions.Timeout"/>, so a channel that fails or hangs holds up no other. The rows are claimed
/// first (a claim id set only where none is), so an event delivered twice, or to two nodes, sends each row once; a row
/// that is no longer pending is never sent again. The outcomes go to the boards as an <see cref="AlertChanged"/>.
/// </summary>
public sealed partial class AlertChannelDelivery(
    CrisisDbContext db,
    AlertStore store,
    AlertRosterSource source,
    ChannelContacts contacts,
    EmailChannel email,
    PushChannel push,
    WebhookChannel webhook,
    VapidKeys vapid,
    IOptionsMonitor<AlertChannelOptions> options,
    OutboxDispatcher outbox,
    IClock clock,
    ILogger<AlertChannelDelivery> logger)
{
    /// <summary>How many sends run at once (a step to a whole pool reaches dozens of people on three channels).</summary>
    public const int Parallelism = 16;

    /// <summary>Delivers what of <paramref name="due"/> is still pending and unclaimed; the number of rows it took.</summary>
    public async Task<int> DeliverAsync(AlertNotificationsDue due, CancellationToken ct = default)
    {
        var claim = Guid.NewGuid();
        var ids = due.NotificationIds.Distinct().ToList();
        var claimed = await db.Set<AlertNotificationRecord>()
            .Where(n => ids.Contains(n.Id) && n.AlertId == due.AlertId && n.Status == ChannelStatus.Pending && n.Claim == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Claim, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var rows = await db.Set<AlertNotificationRecord>().Where(n => ids.Contains(n.Id) && n.Claim == claim).OrderBy(n => n.At).ToListAsync(ct);
        var messages = await MessagesAsync(due.AlertId, rows, ct);
        var outcomes = new ChannelOutcome[rows.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => outcomes[i] = await DeliverOneAsync(rows[i], messages, token));
        await WriteOutcomesAsync(due.AlertId, rows, outcomes, ct);
        return rows.Count;
    }

    private async Task<ChannelOutcome> DeliverOneAsync(AlertNotificationRecord row, Messages messages, CancellationToken ct)
    {
        if (messages.SkipReason(row) is { } reason)
        {
            return ChannelOutcome.Skipped(reason);
        }
        var message = messages.For(row);
        var timeout = options.CurrentValue.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        ChannelOutcome outcome;
        try
        {
            outcome = row.Channel switch
            {
                ChannelNames.Email => await email.SendAsync(message, row.Target ?? "", limit.Token),
                ChannelNames.Push when messages.SubscriptionOf(row) is { } subscription =>
                    await push.SendAsync(message, subscription, await vapid.GetAsync(limit.Token), options.CurrentValue.VapidSubject, limit.Token),
                ChannelNames.Push => ChannelOutcome.Skipped("the push subscription was removed"),
                ChannelNames.Webhook => await webhook.SendAsync(message, limit.Token),
                _ => ChannelOutcome.Skipped($"no channel {row.Channel}"),
            };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            outcome = ChannelOutcome.Failed(limit.IsCancellationRequested ? $"timed out after {timeout.TotalSeconds:0} s" : ex.Message);
        }
        if (outcome.Status == ChannelStatus.Failed)
        {
            DeliveryFailed(logger, row.Channel, row.AlertId, row.PersonId, outcome.Detail);
        }
        return outcome;
    }

    /// <summary>The outcomes, the subscriptions found gone and the boards' update, in one transaction.</summary>
    private async Task WriteOutcomesAsync(Guid alertId, List<AlertNotificationRecord> rows, ChannelOutcome[] outcomes, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Status = outcomes[i].Status;
            rows[i].Detail = outcomes[i].Detail is { Length: > 500 } detail ? detail[..499] + "…" : outcomes[i].Detail;
            rows[i].DeliveredAt = now;
        }
        await db.SaveChangesAsync(ct);
        var gone = outcomes.Where(o => o.GoneSubscription is not null).Select(o => o.GoneSubscription!.Value).Distinct().ToList();
        if (gone.Count > 0)
        {
            await db.Set<PushSubscriptionRecord>().Where(s => gone.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }
        OutboxMessage? changed = null;
        if (await db.Set<AlertRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, ct) is { } alertRow)
        {
            var dto = await store.RenderAsync(alertRow, ct);
            var names = await source.DirectoryAsync(dto.Recipients.Where(r => !r.Skipped && r.PersonId is not null).Select(r => r.PersonId!.Value), ct);
            var users = dto.Recipients.Where(r => !r.Skipped && r.PersonId is not null).SelectMany(r => names.UserIdsOf(r.PersonId!.Value)).Distinct().ToList();
            changed = EventTypes.Stage(db, new AlertChanged(dto, users), now);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (changed is not null)
        {
            outbox.Notify([changed.Id]);
        }
    }

    /// <summary>Everything the rows' messages are made of, read once for the whole batch.</summary>
    private async Task<Messages> MessagesAsync(Guid alertId, IReadOnlyList<AlertNotificationRecord> rows, CancellationToken ct)
    {
        var row = await db.Set<AlertRecord>().AsNoTracking().FirstAsync(a => a.Id == alertId, ct);
        var alert = AlertState.Read(row);
        var title = row.IncidentId is { } incidentId
            ? await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => i.Title).FirstOrDefaultAsync(ct)
            : null;
        var people = rows.Select(r => r.PersonId).Distinct().ToList();
        var names = await source.DirectoryAsync(people, ct);
        var reach = await contacts.OfAsync(people, ct);
        var subscriptionIds = rows.Where(r => r.Channel == ChannelNames.Push && Guid.TryParse(r.Target, out _)).Select(r => Guid.Parse(r.Target!)).ToList();
        var subscriptions = await db.Set<PushSubscriptionRecord>().AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return new Messages(alert, title, names, reach, subscriptions, options.CurrentValue);
    }

    private sealed class Messages(
        Alert alert, string? incidentTitle, OfficialDirectory names, IReadOnlyDictionary<Guid, OfficialContact> reach,
        IReadOnlyDictionary<Guid, PushSubscriptionRecord> subscriptions, AlertChannelOptions options)
    {
        /// <summary>Why a row is not sent at all: the alert was closed, or the person answered, before it went out.</summary>
        public string? SkipReason(AlertNotificationRecord row)
        {
            if (alert.Status is AlertStatus.Cancelled or AlertStatus.Resolved)
            {
                return $"the alert was {alert.Status.ToWire()} before this went out";
            }
            return alert.Recipient(row.PersonId) is { HasAnswered: true } ? "the person had answered before this went out" : null;
        }

        public PushSubscriptionRecord? SubscriptionOf(AlertNotificationRecord row) =>
            Guid.TryParse(row.Target, out var id) ? subscriptions.GetValueOrDefault(id) : null;

        public ChannelMessage For(AlertNotificationRecord row)
        {
            var recipient = alert.Recipient(row.PersonId);
            var notice = recipient?.Notices.FirstOrDefault(n => n.Round == row.Round && n.Step == row.Step && n.At == row.At) ?? recipient?.First;
            return new ChannelMessage(
                row.Id, alert.Id, alert.IncidentId, incidentTitle, alert.Exercise, alert.Test, alert.Message, row.PersonId,
                names.NameOf(row.PersonId), LabelOf(notice), reach.GetValueOrDefault(row.PersonId) ?? new OfficialContact(null, null),
                row.Round, row.Step, row.At, options.LinkTo(alert.IncidentId));
        }

        /// <summary>What the person is alerted as: the function as people write it (OvD-BZ), or the team.</summary>
        private string? LabelOf(AlertNotice? notice)
        {
            if (notice?.Function is { } function)
            {
                return AlertLogLines.FunctionLabel(function);
            }
            return notice is not null && notice.Target < alert.Targets.Count && alert.Targets[notice.Target].Target is TeamTarget team ? team.Team : null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId}: the {Channel} notification to {PersonId} failed: {Detail}")]
    private static partial void DeliveryFailed(ILogger logger, string channel, Guid alertId, Guid personId, string? detail);
}
