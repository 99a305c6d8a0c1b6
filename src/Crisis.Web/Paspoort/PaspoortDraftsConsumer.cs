using Crisis.Web.Contracts;
using Crisis.Web.Messaging;
using MassTransit;

namespace Crisis.Web.Paspoort;

/// <summary>
/// Evidence from real work: when an incident closes, its participants who took part in a function get draft records.
/// Work, not a notification: it runs once, on whichever node takes it from the shared work queue
/// (<see cref="WorkConsumerAttribute"/>); <see cref="PaspoortDraftService.CreateDraftsAsync"/> is idempotent besides, so
/// a redelivery is harmless.
/// </summary>
[WorkConsumer]
public sealed class PaspoortDraftsConsumer(PaspoortDraftService drafts) : IConsumer<IncidentClosed>
{
    public Task Consume(ConsumeContext<IncidentClosed> context) =>
        drafts.CreateDraftsAsync(context.Message.IncidentId, context.CancellationToken);
}
