using Crisis.Web.Messaging;
using Crisis.Web.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Alerting;

// Events of alerting, published through the outbox in the transaction that changed the alert.

/// <summary>
/// An alert was raised, or a later step reached people for the first time. <paramref name="NotifyUserIds"/> are the users
/// (same e-mail as the recipients) to tell; with <paramref name="Broadcast"/> also the incident and the coordinators.
/// </summary>
[CrisisEvent]
public sealed record AlertRaised(AlertDto Alert, IReadOnlyList<Guid> NotifyUserIds, bool Broadcast);

/// <summary>An alert escalated, was answered, cancelled or resolved, or changed status.</summary>
[CrisisEvent]
public sealed record AlertChanged(AlertDto Alert, IReadOnlyList<Guid> NotifyUserIds);

/// <summary>Hands alert events to the Blazor circuits of this node; pages subscribe, refresh with InvokeAsync, and unsubscribe when disposed.</summary>
public sealed class AlertNotifier(ILogger<AlertNotifier> logger)
{
    public event Func<AlertDto, Task>? Raised;
    public event Func<AlertDto, Task>? Changed;

    internal Task PublishRaisedAsync(AlertDto alert) => CircuitEvents.RaiseAsync(Raised, alert, logger);

    internal Task PublishChangedAsync(AlertDto alert) => CircuitEvents.RaiseAsync(Changed, alert, logger);
}

/// <summary>The hub groups an alert goes to: each recipient's user, the incident, and the coordinators.</summary>
internal static class AlertGroups
{
    public static IReadOnlyList<string> Of(AlertDto alert, IEnumerable<Guid> userIds, bool broadcast = true)
    {
        var groups = userIds.Distinct().Select(CrisisHub.UserGroup).ToList();
        if (broadcast)
        {
            groups.Add(CrisisHub.CoordinatorsGroup);
        }
        if (broadcast && alert.IncidentId is { } incident)
        {
            groups.Add(CrisisHub.GroupOf(incident));
        }
        return groups;
    }
}

/// <summary>Every node consumes the event and tells its own hub clients and circuits.</summary>
public sealed class AlertRaisedConsumer(IHubContext<CrisisHub, ICrisisClient> hub, AlertNotifier notifier, RecentEvents recent)
    : IConsumer<AlertRaised>
{
    public async Task Consume(ConsumeContext<AlertRaised> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        await hub.Clients.Groups(AlertGroups.Of(context.Message.Alert, context.Message.NotifyUserIds, context.Message.Broadcast)).AlertRaised(context.Message.Alert);
        await notifier.PublishRaisedAsync(context.Message.Alert);
    }
}

public sealed class AlertChangedConsumer(IHubContext<CrisisHub, ICrisisClient> hub, AlertNotifier notifier, RecentEvents recent)
    : IConsumer<AlertChanged>
{
    public async Task Consume(ConsumeContext<AlertChanged> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        await hub.Clients.Groups(AlertGroups.Of(context.Message.Alert, context.Message.NotifyUserIds)).AlertChanged(context.Message.Alert);
        await notifier.PublishChangedAsync(context.Message.Alert);
    }
}
