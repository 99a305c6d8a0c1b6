using Crisis.Web.Contracts;
using MassTransit;

namespace Crisis.Web.Messaging;

/// <summary>
/// What must stay in order on a node's queue: the entries and changes of one incident, the states of one alert, the roster
/// changes among themselves. Events with the same key are consumed one after another in the order the outbox published
/// them; events of different incidents run side by side. This replaces handling every message one at a time.
/// </summary>
public static class EventOrdering
{
    /// <summary>Partitions per endpoint: how many events (of different keys) a node consumes at once.</summary>
    public const int Partitions = 8;

    private static readonly Guid Roster = new("5f1f7a1e-0000-4000-8000-000000000001");

    private static readonly IReadOnlyList<(Type Event, Action<IConsumePipeConfigurator, IPartitioner> Apply)> Keys =
    [
        Key<LogEntryAppended>(e => e.IncidentId),
        Key<IncidentChanged>(e => e.IncidentId),
        Key<IncidentClosed>(e => e.IncidentId),
        Key<RosterChanged>(_ => Roster),
        Key<RosterGapsOpened>(_ => Roster),
        Key<AlertRaised>(e => e.Alert.Id),
        Key<AlertChanged>(e => e.Alert.Id),
        Key<AlertNotificationsDue>(e => e.AlertId),
        Key<AlertLogDue>(e => e.AlertId),
        Key<ExerciseChanged>(e => e.IncidentId),
        Key<CredentialsRevoked>(e => e.UserId),
    ];

    /// <summary>The event types that have an ordering key (a rule test checks this is every event).</summary>
    public static IEnumerable<Type> Ordered => Keys.Select(k => k.Event);

    /// <summary>Orders the endpoint's events by their keys, over one partitioner shared by all of them.</summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        var partitioner = endpoint.CreatePartitioner(Partitions);
        foreach (var (_, apply) in Keys)
        {
            apply(endpoint, partitioner);
        }
        endpoint.ConcurrentMessageLimit = Partitions;
    }

    private static (Type, Action<IConsumePipeConfigurator, IPartitioner>) Key<T>(Func<T, Guid> key) where T : class =>
        (typeof(T), (endpoint, partitioner) => endpoint.UsePartitioner<T>(partitioner, context => key(context.Message)));
}

/// <summary>
/// Marks a consumer that does work (writes to the database once per event) rather than tell this node's clients: it
/// runs on the one work queue that every node shares, so each event is handled by one node.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkConsumerAttribute : Attribute;
