namespace Crisis.Domain.Exercises;

/// <summary>The refusals of the exercise rules: the clock's states, speeds and the injects and actions of a run.</summary>
public static class ExercisesRefusals
{
    /// <summary>Start of an exercise that has started already (<c>{state}</c>).</summary>
    public static readonly RefusalCode AlreadyStarted = new("exercises.already-started", ViolationKind.Conflict);
    public static readonly RefusalCode NotRunning = new("exercises.not-running", ViolationKind.Conflict);
    public static readonly RefusalCode NotPaused = new("exercises.not-paused", ViolationKind.Conflict);
    public static readonly RefusalCode NotStarted = new("exercises.not-started", ViolationKind.Conflict);
    public static readonly RefusalCode Ended = new("exercises.ended", ViolationKind.Conflict);

    /// <summary>A speed that is zero, negative or above <c>{max}</c>.</summary>
    public static readonly RefusalCode SpeedOutOfRange = new("exercises.speed-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode AdvanceOutOfRange = new("exercises.advance-out-of-range", ViolationKind.Invalid);

    public static readonly RefusalCode InjectUnknown = new("exercises.inject-unknown", ViolationKind.NotFound);

    /// <summary>Deliver or skip of an inject that is no longer pending (<c>{status}</c>).</summary>
    public static readonly RefusalCode InjectNotPending = new("exercises.inject-not-pending", ViolationKind.Conflict);
    public static readonly RefusalCode ActionUnknown = new("exercises.action-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode ActionAlreadyMet = new("exercises.action-already-met", ViolationKind.Conflict);

    /// <summary>An expected action whose inject has not been delivered yet: there is nothing to act on.</summary>
    public static readonly RefusalCode ActionNotAsked = new("exercises.action-not-asked", ViolationKind.Conflict);
}
