using Crisis.Web.Platform;
using MassTransit;

namespace Crisis.Web.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on the configured transport, with two kinds of endpoint. Every node consumes notifications on a queue
    /// of its own, bound to the event exchanges, so every node sees every event and forwards it to its own clients. On
    /// RabbitMQ that queue is durable (it and its bindings survive a broker restart, so events published while this node
    /// reconnects wait for it) and expires a few minutes after its node stopped using it
    /// (<see cref="RabbitMqOptions.NodeQueueExpiry"/>), so node restarts leave no queue behind that collects events. Work consumers
    /// (<see cref="WorkConsumerAttribute"/>) share one durable queue, <c>crisis-work</c>, so each event's work is done by
    /// one node. On both, events of one incident (or alert) are consumed in order and others side by side
    /// (<see cref="EventOrdering"/>). Exchanges are named by the events' stable names (<see cref="CrisisEventAttribute"/>).
    /// </summary>
    public static WebApplicationBuilder AddCrisisBus(this WebApplicationBuilder builder)
    {
        var transport = builder.Configuration["Crisis:Bus:Transport"] ?? "InMemory";
        var rabbitHost = builder.Configuration["Crisis:Bus:RabbitMq:Host"] ?? new RabbitMqOptions().Host;
        var nodeQueueExpiry = builder.Configuration.GetValue<TimeSpan?>("Crisis:Bus:RabbitMq:NodeQueueExpiry") ?? RabbitMqOptions.DefaultNodeQueueExpiry;
        // This node's name on the bus: new at every start, so two nodes (even on one machine) never share a queue.
        var nodeId = $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}";

        builder.Services.AddSingleton<RecentEvents>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        builder.Services.AddMassTransit(x =>
        {
            // Every consumer of every feature, so a feature adds one by writing the class.
            x.AddConsumers(typeof(BusExtensions).Assembly);

            // MassTransit reports usage to its makers over the internet unless told not to. A municipality's crisis tool
            // calls out to nobody (and often cannot: the servers have no internet route), so it is off.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);

            if (string.Equals(transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitHost));
                    cfg.ConfigureJsonSerializerOptions(CrisisJson.Configure);
                    cfg.MessageTopology.SetEntityNameFormatter(new StableEntityNames(cfg.MessageTopology.EntityNameFormatter));
                    cfg.ReceiveEndpoint($"crisis-node-{nodeId}", e =>
                    {
                        e.Durable = true;
                        e.AutoDelete = false;
                        e.QueueExpiration = nodeQueueExpiry;
                        ConfigureEndpoint(e, context, work: false);
                    });
                    cfg.ReceiveEndpoint(WorkQueue, e =>
                    {
                        e.Durable = true;
                        e.AutoDelete = false;
                        ConfigureEndpoint(e, context, work: true);
                    });
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(CrisisJson.Configure);
                    cfg.MessageTopology.SetEntityNameFormatter(new StableEntityNames(cfg.MessageTopology.EntityNameFormatter));
                    cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("crisis-node"), e => ConfigureEndpoint(e, context, work: false));
                    cfg.ReceiveEndpoint(WorkQueue, e => ConfigureEndpoint(e, context, work: true));
                });
            }
        });
        return builder;
    }

    /// <summary>The queue every node shares for work consumers.</summary>
    public const string WorkQueue = "crisis-work";

    /// <summary>The consumers of one kind: the work consumers, or the notification consumers of each node.</summary>
    internal static IEnumerable<Type> Consumers(bool work) => typeof(BusExtensions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(t))
        .Where(t => t.IsDefined(typeof(WorkConsumerAttribute), inherit: false) == work);

    private static void ConfigureEndpoint(IReceiveEndpointConfigurator e, IBusRegistrationContext context, bool work)
    {
        e.PrefetchCount = 32;
        EventOrdering.Apply(e);
        e.UseMessageRetry(r => r.Intervals(100, 500, 1000));
        foreach (var consumer in Consumers(work))
        {
            e.ConfigureConsumer(context, consumer);
        }
    }

    /// <summary>Names the exchange of a Crisis event by its stable name; anything else as MassTransit would.</summary>
    private sealed class StableEntityNames(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            typeof(T).GetCustomAttributes(typeof(CrisisEventAttribute), inherit: false).FirstOrDefault() is CrisisEventAttribute e
                ? e.EntityName
                : fallback.FormatEntityName<T>();
    }
}
