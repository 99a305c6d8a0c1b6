using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Paspoort;
using Crisis.Web.Teams;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>
/// Closing the OTO loop for exercises: when an exercise's incident closes and its scenario names a year-plan activity
/// (<c>otoActivity</c>), the exercise counts as a held session of that activity, with its participants in a function
/// as attendees (<see cref="YearPlanService.RecordExerciseSessionAsync"/>). Work, done once on whichever node takes it
/// from the work queue; the session is unique per exercise besides, so a redelivery is harmless.
/// </summary>
[WorkConsumer]
public sealed class ExerciseSessionConsumer(
    CrisisDbContext db, ScenarioCatalog catalog, PaspoortSources sources, YearPlanService plan, DateTimeZone zone) : IConsumer<IncidentClosed>
{
    public async Task Consume(ConsumeContext<IncidentClosed> context)
    {
        var closed = context.Message;
        if (!closed.Exercise)
        {
            return;
        }
        var ct = context.CancellationToken;
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == closed.IncidentId, ct);
        if (row is null || catalog.Snapshot(row.ScenarioId, row.ScenarioSource).OtoActivity is not { } activity)
        {
            return;
        }
        var attendees = (await sources.ParticipantsInFunctionAsync(closed.IncidentId, ct)).Select(p => p.PersonId).ToList();
        await plan.RecordExerciseSessionAsync(closed.IncidentId, activity, closed.ClosedAt.InZone(zone).Date, attendees, ct);
    }
}
