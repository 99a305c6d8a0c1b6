using Crisis.Web.Data;
using NodaTime;

namespace Crisis.Web.Platform;

/// <summary>
/// The one durable-timer loop of Crisis, run on every node: the rows of a feature are the timer (each stores when it is
/// next due), and every <see cref="PollInterval"/> (at once after <see cref="Wake"/>) a pass reads the due ones and runs
/// each in its own scope, where the feature claims it by the row's version so that one node does each step. One broken
/// row never holds up the others; passes on one node never overlap, so a test that moves a fake clock and calls
/// <see cref="RunDueAsync"/> knows that everything due has run (here, or on another node by the end of its pass).
/// Used by the alert escalations and the exercise clocks.
/// </summary>
public abstract partial class DuePoller(IServiceScopeFactory scopes, IClock clock, ILogger logger) : BackgroundService
{
    /// <summary>Well inside the contract's 2 s from due time to step.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>What the log calls this timer ("alert escalation", "exercise clock").</summary>
    protected abstract string Name { get; }

    /// <summary>The most rows one pass takes; the rest follow in the next pass.</summary>
    protected abstract int MaxPerPass { get; }

    /// <summary>The ids of the rows due at <paramref name="now"/>, the earliest first, at most <paramref name="max"/>.</summary>
    protected abstract Task<List<Guid>> DueAsync(CrisisDbContext db, Instant now, int max, CancellationToken ct);

    /// <summary>Runs one due row in <paramref name="services"/>' scope; true when it stored a step (false: nothing was due any more, or another node had it).</summary>
    protected abstract Task<bool> RunOneAsync(IServiceProvider services, Guid id, Instant now, CancellationToken ct);

    /// <summary>Asks for a pass now (this node changed something that may be due).</summary>
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
                PassFailed(logger, Name, ex);
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

    /// <summary>One pass at the clock's now. Returns how many rows took a step.</summary>
    internal async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var now = clock.GetCurrentInstant();
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await DueAsync(scope.ServiceProvider.GetRequiredService<CrisisDbContext>(), now, MaxPerPass, ct);
            }
            var stepped = 0;
            foreach (var id in due)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await RunOneAsync(scope.ServiceProvider, id, now, ct))
                    {
                        stepped++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    StepFailed(logger, Name, id, ex);
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
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the {Timer} timer failed")]
    private static partial void PassFailed(ILogger logger, string timer, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Timer} timer could not run {Id}")]
    private static partial void StepFailed(ILogger logger, string timer, Guid id, Exception ex);
}
