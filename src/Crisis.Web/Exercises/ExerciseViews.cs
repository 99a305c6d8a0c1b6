using Crisis.Domain.Exercises;
using Crisis.Domain.Incidents;
using Crisis.Web.Contracts;
using Crisis.Web.Messaging;
using MassTransit;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>A person to add to a new exercise, in a function when given, on the control staff when <see cref="Control"/>.</summary>
public sealed record ExerciseParticipant(string? Email, string? Function, bool Control);

/// <summary>What every participant may know of an exercise's clock: it shows on every page of the exercise.</summary>
public sealed record ExerciseClockView(
    Guid IncidentId, string ScenarioTitle, ExerciseClock Clock, LocalDateTime? ScenarioStart, int DurationMinutes, bool PausedForRealIncident, bool Control)
{
    public ExerciseState State => Clock.State;

    public Duration ExerciseTimeAt(Instant now) => Clock.ExerciseTimeAt(now);

    public LocalDateTime? ScenarioTimeAt(Instant now) => ExerciseTimes.ScenarioTime(ScenarioStart, Clock.ExerciseTimeAt(now));
}

/// <summary>One inject as the control staff see it: the script, its notes, and where it stands.</summary>
public sealed record InjectView(
    string Id, Duration? At, string Title, Addressee To, string? From, InjectMethod? Method, string Message, string? ControlNotes,
    InjectStatus Status, Duration? DeliveredAt, int? Seq, bool ContingencyOnly, bool AdHoc);

/// <summary>One expected action: its deadline on the exercise clock (once its inject is delivered) and what came of it.</summary>
public sealed record ActionView(
    string Id, string InjectId, string Text, string By, int WithinMinutes, string? Objective, ActionStatus Status, Duration? DueAt,
    int? MetBySeq, int? MinutesToAction)
{
    public bool Asked => DueAt is not null;
}

/// <summary>The control view (oefenstaf): the clock, the injects with their notes, the expected actions and the observations.</summary>
public sealed record ExerciseView(
    ExerciseClockView Clock, Scenario Scenario, IReadOnlyList<InjectView> Injects, IReadOnlyList<ActionView> Actions, IReadOnlyList<Observation> Observations);

/// <summary>Hands exercise changes to the Blazor circuits of this node (the control page and the clock refresh on them).</summary>
public sealed class ExerciseNotifier(ILogger<ExerciseNotifier> logger)
{
    public event Func<ExerciseChanged, Task>? Changed;

    internal Task PublishAsync(ExerciseChanged change) => CircuitEvents.RaiseAsync(Changed, change, logger);
}

/// <summary>Every node consumes the event and tells its own circuits.</summary>
public sealed class ExerciseChangedConsumer(ExerciseNotifier notifier, RecentEvents recent) : IConsumer<ExerciseChanged>
{
    public Task Consume(ConsumeContext<ExerciseChanged> context) =>
        recent.FirstTime(context.MessageId) ? notifier.PublishAsync(context.Message) : Task.CompletedTask;
}
