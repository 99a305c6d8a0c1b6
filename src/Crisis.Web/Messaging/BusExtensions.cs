using Crisis.Web.Platform;
using MassTransit;

namespace Crisis.Web.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on the configured transport. Every node consumes on a queue of its own, bound to the event
    /// exchanges, so every node sees every event and forwards it to its own clients. On RabbitMQ that queue is
    /// durable (it and its bindings survive a broker restart, so events published while this node reconnects wait
    /// for it) and expires an hour after its node stopped using it. Messages are handled one at a time.
    /// </summary>
    public static WebApplicationBuilder AddCrisisBus(this WebApplicationBuilder builder)
    {
        var transport = builder.Configuration["Crisis:Bus:Transport"] ?? "InMemory";
        var rabbitHost = builder.Configuration["Crisis:Bus:RabbitMq:Host"] ?? new RabbitMqOptions().Host;
        // This node's name on the bus: new at every start, so two nodes (even on one machine) never share a queue.
        var nodeId = $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}";

        builder.Services.AddSingleton<RecentEvents>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        builder.Services.AddMassTransit(x =>
        {
            // Every consumer of every feature, so a feature adds one by writing the class.
            x.AddConsumers(typeof(BusExtensions).Assembly);

            if (string.Equals(transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitHost));
                    cfg.ConfigureJsonSerializerOptions(CrisisJson.Configure);
                    cfg.ReceiveEndpoint($"crisis-node-{nodeId}", e =>
                    {
                        e.Durable = true;
                        e.AutoDelete = false;
                        e.QueueExpiration = TimeSpan.FromHours(1);
                        ConfigureNodeEndpoint(e, context);
                    });
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(CrisisJson.Configure);
                    cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("crisis-node"), e => ConfigureNodeEndpoint(e, context));
                });
            }
        });
        return builder;
    }

    private static void ConfigureNodeEndpoint(IReceiveEndpointConfigurator e, IBusRegistrationContext context)
    {
        // One at a time keeps the per-incident order the outbox published in; the relay repairs the rest.
        e.PrefetchCount = 32;
        e.ConcurrentMessageLimit = 1;
        e.UseMessageRetry(r => r.Intervals(100, 500, 1000));
        e.ConfigureConsumers(context);
    }
}
