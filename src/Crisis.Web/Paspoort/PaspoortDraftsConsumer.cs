using Crisis.Web.Incidents;
using MassTransit;

namespace Crisis.Web.Paspoort;

/// <summary>
/// Evidence from real work: when an incident closes, its participants who took part in a function get draft records.
/// Runs on every node; <see cref="PaspoortDraftService.CreateDraftsAsync"/> is idempotent, so that is harmless.
/// </summary>
public sealed class PaspoortDraftsConsumer(PaspoortDraftService drafts) : IConsumer<IncidentChanged>
{
    public async Task Consume(ConsumeContext<IncidentChanged> context)
    {
        if (context.Message.Incident.Status == "closed")
        {
            await drafts.CreateDraftsAsync(context.Message.Incident.Id, context.CancellationToken);
        }
    }
}
