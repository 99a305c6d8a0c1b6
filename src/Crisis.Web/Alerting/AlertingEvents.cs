using Crisis.Web.Contracts;
using Crisis.Web.Messaging;
using Crisis.Web.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Alerting;

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
