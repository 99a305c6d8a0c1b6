using Crisis.Domain;

namespace Crisis.Web.Exercises;

/// <summary>The refusals of the exercise service and its adapters: who may do what, and requests that name what is not there.</summary>
public static class ExercisesHostRefusals
{
    public static readonly RefusalCode ScenarioMissing = new("exercises.scenario-missing", ViolationKind.Invalid);

    /// <summary>No scenario file is named <c>{scenario}</c>.</summary>
    public static readonly RefusalCode ScenarioUnknown = new("exercises.scenario-unknown", ViolationKind.NotFound);

    /// <summary>The scenario file has <c>{count}</c> problems: it is listed with them and never played.</summary>
    public static readonly RefusalCode ScenarioInvalid = new("exercises.scenario-invalid", ViolationKind.Invalid);

    public static readonly RefusalCode ExerciseUnknown = new("exercises.exercise-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode CreateForbidden = new("exercises.create-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode NotParticipant = new("exercises.not-participant", ViolationKind.Forbidden);

    /// <summary>A player asked for what only the control staff (oefenstaf) may see or do.</summary>
    public static readonly RefusalCode ControlOnly = new("exercises.control-only", ViolationKind.Forbidden);
    public static readonly RefusalCode RealIncidentForbidden = new("exercises.real-incident-forbidden", ViolationKind.Forbidden);

    public static readonly RefusalCode ParticipantEmailMissing = new("exercises.participant-email-missing", ViolationKind.Invalid);
    public static readonly RefusalCode ParticipantUnknown = new("exercises.participant-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode FunctionUnknown = new("exercises.function-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode BodyMissing = new("exercises.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode SpeedMissing = new("exercises.speed-missing", ViolationKind.Invalid);
    public static readonly RefusalCode MinutesMissing = new("exercises.minutes-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TextMissing = new("exercises.text-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TextTooLong = new("exercises.text-too-long", ViolationKind.Invalid);

    /// <summary><c>to</c> of an ad-hoc inject must name one function or one team.</summary>
    public static readonly RefusalCode AddressInvalid = new("exercises.address-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode TeamUnknown = new("exercises.team-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode KindUnknown = new("exercises.kind-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode SeqMissing = new("exercises.seq-missing", ViolationKind.Invalid);
    public static readonly RefusalCode SeqUnknown = new("exercises.seq-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode ObjectiveUnknown = new("exercises.objective-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode RatingUnknown = new("exercises.rating-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode FormatUnknown = new("exercises.format-unknown", ViolationKind.Invalid);
}
