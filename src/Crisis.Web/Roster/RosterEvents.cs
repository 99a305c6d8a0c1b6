using Crisis.Web.Contracts;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Crisis.Web.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Roster;

/// <summary>
/// Hands roster events to the Blazor circuits of this node (like <see cref="IncidentNotifier"/>): pages subscribe,
/// refresh with InvokeAsync, and unsubscribe when disposed.
/// </summary>
public sealed class RosterNotifier(ILogger<RosterNotifier> logger)
{
    public event Func<RosterChangeDto, Task>? Changed;
    public event Func<RosterAlertDto, Task>? GapsOpened;

    internal Task PublishChangeAsync(RosterChangeDto change) => CircuitEvents.RaiseAsync(Changed, change, logger);

    internal Task PublishGapsAsync(RosterAlertDto alert) => CircuitEvents.RaiseAsync(GapsOpened, alert, logger);
}

/// <summary>Every node consumes the event and tells its own hub clients and circuits: the people involved and coordinators.</summary>
public sealed class RosterChangedConsumer(
    IHubContext<CrisisHub, ICrisisClient> hub, RosterNotifier notifier, RecentEvents recent) : IConsumer<RosterChanged>
{
    public async Task Consume(ConsumeContext<RosterChanged> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        var groups = context.Message.NotifyUserIds.Distinct().Select(CrisisHub.UserGroup).Append(CrisisHub.CoordinatorsGroup).ToList();
        await hub.Clients.Groups(groups).RosterChanged(context.Message.Change);
        await notifier.PublishChangeAsync(context.Message.Change);
    }
}

public sealed class RosterGapsOpenedConsumer(
    IHubContext<CrisisHub, ICrisisClient> hub, RosterNotifier notifier, RecentEvents recent) : IConsumer<RosterGapsOpened>
{
    public async Task Consume(ConsumeContext<RosterGapsOpened> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        await hub.Clients.Group(CrisisHub.CoordinatorsGroup).AlertRaised(context.Message.Alert);
        await notifier.PublishGapsAsync(context.Message.Alert);
    }
}
