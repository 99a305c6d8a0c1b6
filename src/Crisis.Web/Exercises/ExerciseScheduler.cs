using Crisis.Domain.Exercises;
using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>
/// The exercise clocks, run on every node the way the alert escalations are (<see cref="Alerting.AlertScheduler"/>): the
/// exercise row is the timer (<see cref="ExerciseRecord.NextDueAt"/>, the real instant the next inject or deadline
/// falls due at the clock's speed), a pass every <see cref="PollInterval"/> (at once when this node changed an
/// exercise) takes the due ones, and the row's version claims each step, so one node delivers each inject. A pass also
/// finishes work a crash left half done (<see cref="ExerciseRecord.AwaitingWork"/>): injects delivered but not yet in
/// the log, an ended exercise whose incident is still open. A restart loses nothing.
/// </summary>
public sealed partial class ExerciseScheduler(IServiceScopeFactory scopes, IClock clock, ILogger<ExerciseScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public const int MaxPerPass = 100;

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                PassFailed(logger, ex);
            }
            try
            {
                await _wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass at the clock's now; passes on one node never overlap. Returns how many exercises took a step.</summary>
    internal async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var now = clock.GetCurrentInstant();
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                due = await db.Set<ExerciseRecord>().AsNoTracking()
                    .Where(e => e.AwaitingWork || (e.State == ExerciseState.Running && e.NextDueAt != null && e.NextDueAt <= now))
                    .OrderBy(e => e.NextDueAt).Select(e => e.IncidentId).Take(MaxPerPass).ToListAsync(ct);
            }
            var stepped = 0;
            foreach (var id in due)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<ExerciseService>().RunDueAsync(id, now, ct))
                    {
                        stepped++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One broken exercise must not stop the clocks of the others.
                    StepFailed(logger, id, ex);
                }
            }
            return stepped;
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _pass.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An exercise clock pass failed")]
    private static partial void PassFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not run the clock of exercise {IncidentId}")]
    private static partial void StepFailed(ILogger logger, Guid incidentId, Exception ex);
}
