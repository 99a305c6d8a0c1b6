using Crisis.Domain.Exercises;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Exercises;

public sealed partial class ExerciseService
{
    /// <summary>
    /// The evaluation of an exercise (control staff): the run, the whole log, the observations and the answer times of
    /// its alerts. Drawn at any time; after the end it is the record of the exercise.
    /// </summary>
    public async Task<ExerciseEvaluation> EvaluationAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await RequireControlAsync(actor, id, "exercise.evaluation", ct);
        var view = await ViewOfAsync(id, ct);
        var row = await db.Set<ExerciseRecord>().AsNoTracking().FirstAsync(e => e.IncidentId == id, ct);
        var (incident, _) = await incidents.GetAsync(actor, id, ct);
        var entries = await IncidentService.ReadEntriesAsync(db, id, 0, int.MaxValue, int.MaxValue, ct);
        var figures = (await alertQueries.OfIncidentAsync(Actor.System("exercise"), id, ct))
            .SelectMany(a => a.Recipients.Where(r => !r.Skipped && r.NotifiedAt is not null)
                .Select(r => new AlertFigure(r.Function ?? "?", r.Name, DutchResponse(r.Response), r.NotifiedAt, r.RespondedAt)))
            .ToList();
        return new ExerciseEvaluation(incident, view.Scenario, RunDocument.Read(row.Run), entries, view.Observations, figures, clock.GetCurrentInstant(), zone);
    }

    private static string DutchResponse(string wire) => wire switch
    {
        "coming" => "komt",
        "declined" => "kan niet",
        "no-answer" => "geen antwoord",
        _ => "nog geen antwoord",
    };
}
