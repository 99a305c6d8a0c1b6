using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Polly;
using Polly.CircuitBreaker;

namespace Crisis.Web.Data;

/// <summary>
/// The circuit breaker in front of PostgreSQL. The connect and command timeouts (<see cref="DatabaseExtensions"/>) make
/// one request against a hung database fail in seconds; this makes the requests after it fail at once: when at least
/// <see cref="MinimumThroughput"/> database operations in <see cref="SamplingDuration"/> ran and half of them found the
/// database away (<see cref="DbErrors.IsUnavailable"/>), the circuit opens, and for <see cref="BreakDuration"/> every
/// operation is refused without touching the network (503 <c>platform.database-unavailable</c>). Then one operation
/// tries; if it succeeds the circuit closes. Every EF Core query and save runs through it, as the execution strategy.
/// Races and refusals by the database (a deadlock, a broken key) are answers, not outages, and do not count.
/// Not used for SQLite: a local file is not a remote service that can hang.
/// </summary>
public sealed class DatabaseCircuit
{
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);
    public const int MinimumThroughput = 4;

    private static readonly Counter<long> Opened = Platform.CrisisTelemetry.Meter.CreateCounter<long>(
        "crisis.db.circuit_opened", unit: "{event}", description: "Times the database circuit breaker opened: the database was found away.");

    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();

    public DatabaseCircuit(ILogger<DatabaseCircuit> logger, TimeProvider? time = null)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ex is not BrokenCircuitException && DbErrors.IsUnavailable(ex)),
                OnOpened = _ =>
                {
                    Opened.Add(1);
                    DatabaseCircuitLog.Opened(logger, BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    DatabaseCircuitLog.Closed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        StrategyFactory = dependencies => new Strategy(dependencies, this);
    }

    /// <summary>Closed (normal), Open (refusing), HalfOpen (one operation tries) or Isolated.</summary>
    public CircuitState State => _state.CircuitState;

    /// <summary>One delegate for every context (so EF Core's options stay equal and its service provider is shared).</summary>
    public Func<ExecutionStrategyDependencies, IExecutionStrategy> StrategyFactory { get; }

    /// <summary>
    /// EF Core's execution strategy: runs each operation once (no retries: a retry of a write whose answer was lost could
    /// store it twice; callers with idempotency keys retry themselves) inside the circuit.
    /// </summary>
    private sealed class Strategy(ExecutionStrategyDependencies dependencies, DatabaseCircuit circuit) : IExecutionStrategy
    {
        public bool RetriesOnFailure => false;

        public TResult Execute<TState, TResult>(
            TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
            circuit._pipeline.Execute(() => operation(dependencies.CurrentContext.Context, state));

        public async Task<TResult> ExecuteAsync<TState, TResult>(
            TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
            Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
            await circuit._pipeline.ExecuteAsync(
                async ct => await operation(dependencies.CurrentContext.Context, state, ct), cancellationToken);
    }
}

internal static partial class DatabaseCircuitLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The database does not answer: the circuit is open, database requests are refused for {Seconds} s, then tried again")]
    public static partial void Opened(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answers again: the circuit is closed")]
    public static partial void Closed(ILogger logger);
}
