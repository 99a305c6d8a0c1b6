using Crisis.Web.Contracts;
using Crisis.Web.Identity;
using Crisis.Web.Messaging;
using Crisis.Web.Realtime;
using Crisis.Web.Security;
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

/// <summary>
/// Sends an alert to the hub clients it concerns: each recipient's user, and for a broadcast the coordinators and the
/// incident's group. A connection is in several of those groups at once (a coordinator who is also a recipient, a
/// recipient watching the incident), and SignalR sends once per group, so each later group leaves out the connections
/// (on this node, from <see cref="HubConnectionRegistry"/>) that an earlier one reached: every connection hears it once.
/// </summary>
internal static class AlertGroups
{
    public static async Task SendAsync(
        IHubContext<CrisisHub, ICrisisClient> hub, HubConnectionRegistry connections, AlertDto alert, IEnumerable<Guid> userIds, bool broadcast,
        Func<ICrisisClient, Task> send)
    {
        var users = userIds.Distinct().ToHashSet();
        if (users.Count > 0)
        {
            await send(hub.Clients.Groups(users.Select(CrisisHub.UserGroup).ToList()));
        }
        if (!broadcast)
        {
            return;
        }
        var reached = connections.IdsWhere(u => CredentialCheck.UserIdOf(u) is { } id && users.Contains(id));
        await send(hub.Clients.GroupExcept(CrisisHub.CoordinatorsGroup, reached));
        if (alert.IncidentId is { } incident)
        {
            var coordinators = connections.IdsWhere(u => Actor.FromPrincipal(u, "hub").IsCoordinator);
            await send(hub.Clients.GroupExcept(CrisisHub.GroupOf(incident), reached.Concat(coordinators).Distinct().ToList()));
        }
    }
}

/// <summary>Every node consumes the event and tells its own hub clients and circuits.</summary>
public sealed class AlertRaisedConsumer(IHubContext<CrisisHub, ICrisisClient> hub, HubConnectionRegistry connections, AlertNotifier notifier, RecentEvents recent)
    : IConsumer<AlertRaised>
{
    public async Task Consume(ConsumeContext<AlertRaised> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        var alert = context.Message.Alert;
        await AlertGroups.SendAsync(hub, connections, alert, context.Message.NotifyUserIds, context.Message.Broadcast, c => c.AlertRaised(alert));
        await notifier.PublishRaisedAsync(alert);
    }
}

public sealed class AlertChangedConsumer(IHubContext<CrisisHub, ICrisisClient> hub, HubConnectionRegistry connections, AlertNotifier notifier, RecentEvents recent)
    : IConsumer<AlertChanged>
{
    public async Task Consume(ConsumeContext<AlertChanged> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        var alert = context.Message.Alert;
        await AlertGroups.SendAsync(hub, connections, alert, context.Message.NotifyUserIds, broadcast: true, c => c.AlertChanged(alert));
        await notifier.PublishChangedAsync(alert);
    }
}
