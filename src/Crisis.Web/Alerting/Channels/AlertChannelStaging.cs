using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// The channel side of storing a step (<see cref="AlertStore.SaveAsync"/>): which channels reach each person the step
/// notified, read before the step's transaction (<see cref="PlanAsync"/>), and the <c>pending</c> rows for them, made
/// inside it (<see cref="ChannelPlan.Stage"/>). Nothing is sent here: the delivery takes the rows from the work queue,
/// so a slow or broken channel never holds up the step, the hub or the escalation.
/// </summary>
public sealed class AlertChannelStaging(CrisisDbContext db, ChannelContacts contacts, IOptionsMonitor<AlertChannelOptions> options)
{
    public async Task<ChannelPlan> PlanAsync(IReadOnlyCollection<Guid> notified, CancellationToken ct)
    {
        if (notified.Count == 0)
        {
            return ChannelPlan.None;
        }
        var o = options.CurrentValue;
        var emails = new Dictionary<Guid, string>();
        if (o.EmailOn)
        {
            foreach (var (official, contact) in await contacts.OfAsync(notified, ct))
            {
                if (contact.Email is { } email)
                {
                    emails[official] = email;
                }
            }
        }
        var ids = notified.ToList();
        var subscriptions = await db.Set<PushSubscriptionRecord>().AsNoTracking().Where(s => ids.Contains(s.PersonId))
            .OrderBy(s => s.CreatedAt).Select(s => new { s.PersonId, s.Id }).ToListAsync(ct);
        return new ChannelPlan(emails, subscriptions.ToLookup(s => s.PersonId, s => s.Id), o.WebhookOn);
    }
}

/// <summary>Who a step reaches on which channel besides the hub: e-mail addresses, push subscriptions, the webhook.</summary>
public sealed record ChannelPlan(IReadOnlyDictionary<Guid, string> Emails, ILookup<Guid, Guid> Subscriptions, bool Webhook)
{
    public static readonly ChannelPlan None = new(new Dictionary<Guid, string>(), Array.Empty<Guid>().ToLookup(g => g), false);

    /// <summary>The <c>pending</c> rows that go with the step's hub rows: one per channel (per subscription for push).</summary>
    public IReadOnlyList<AlertNotificationRecord> Stage(IEnumerable<AlertNotificationRecord> hubRows)
    {
        var rows = new List<AlertNotificationRecord>();
        foreach (var hub in hubRows)
        {
            if (Emails.TryGetValue(hub.PersonId, out var email))
            {
                rows.Add(Pending(hub, ChannelNames.Email, email));
            }
            rows.AddRange(Subscriptions[hub.PersonId].Select(s => Pending(hub, ChannelNames.Push, s.ToString())));
            if (Webhook)
            {
                rows.Add(Pending(hub, ChannelNames.Webhook, null));
            }
        }
        return rows;
    }

    private static AlertNotificationRecord Pending(AlertNotificationRecord hub, string channel, string? target) => new()
    {
        Id = Guid.NewGuid(), AlertId = hub.AlertId, PersonId = hub.PersonId, Round = hub.Round, Step = hub.Step, At = hub.At,
        Channel = channel, Status = ChannelStatus.Pending, Target = target,
    };
}
