using Crisis.Domain.Exercises;
using Crisis.Web.Data;
using Crisis.Web.Platform;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>
/// The exercise clocks, run on every node the way the alert escalations are (<see cref="Alerting.AlertScheduler"/>): the
/// exercise row is the timer (<see cref="ExerciseRecord.NextDueAt"/>, the real instant the next inject or deadline
/// falls due at the clock's speed), a pass of <see cref="DuePoller"/> every <see cref="DuePoller.PollInterval"/> (at once when this node changed an
/// exercise) takes the due ones, and the row's version claims each step, so one node delivers each inject. A pass also
/// finishes work a crash left half done (<see cref="ExerciseRecord.AwaitingWork"/>): injects delivered but not yet in
/// the log, an ended exercise whose incident is still open. A restart loses nothing.
/// </summary>
public sealed class ExerciseScheduler(IServiceScopeFactory scopes, IClock clock, ILogger<ExerciseScheduler> logger)
    : DuePoller(scopes, clock, logger)
{
    protected override string Name => "exercise clock";

    protected override int MaxPerPass => 100;

    protected override Task<List<Guid>> DueAsync(CrisisDbContext db, Instant now, int max, CancellationToken ct) =>
        db.Set<ExerciseRecord>().AsNoTracking()
            .Where(e => e.AwaitingWork || (e.State == ExerciseState.Running && e.NextDueAt != null && e.NextDueAt <= now))
            .OrderBy(e => e.NextDueAt).Select(e => e.IncidentId).Take(max).ToListAsync(ct);

    protected override Task<bool> RunOneAsync(IServiceProvider services, Guid id, Instant now, CancellationToken ct) =>
        services.GetRequiredService<ExerciseService>().RunDueAsync(id, now, ct);
}
