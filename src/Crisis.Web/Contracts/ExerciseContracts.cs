using Crisis.Domain.Exercises;
using Crisis.Web.Messaging;
using NodaTime;

namespace Crisis.Web.Contracts;

/// <summary>An exercise's clock or control state changed (started, paused, inject delivered, action met …).</summary>
[CrisisEvent("exercise-changed")]
public sealed record ExerciseChanged(Guid IncidentId, ExerciseState State, Instant At);
