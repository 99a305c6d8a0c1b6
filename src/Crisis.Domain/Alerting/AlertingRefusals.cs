namespace Crisis.Domain.Alerting;

/// <summary>The rules of alerting (alarmering) a request can break.</summary>
public static class AlertingRefusals
{
    public static readonly RefusalCode PolicyNoSteps = new("alerting.policy-no-steps", ViolationKind.Invalid);
    public static readonly RefusalCode PolicyTooManySteps = new("alerting.policy-too-many-steps", ViolationKind.Invalid);
    public static readonly RefusalCode PolicyNegativeMinutes = new("alerting.policy-negative-minutes", ViolationKind.Invalid);
    public static readonly RefusalCode PolicyMinutesTooLarge = new("alerting.policy-minutes-too-large", ViolationKind.Invalid);
    public static readonly RefusalCode PolicyRepeatOutOfRange = new("alerting.policy-repeat-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode PolicyUnknownNotify = new("alerting.policy-unknown-notify", ViolationKind.Invalid);

    public static readonly RefusalCode NoTargets = new("alerting.no-targets", ViolationKind.Invalid);
    public static readonly RefusalCode TooManyTargets = new("alerting.too-many-targets", ViolationKind.Invalid);
    public static readonly RefusalCode TargetUnclear = new("alerting.target-unclear", ViolationKind.Invalid);
    public static readonly RefusalCode TargetTwice = new("alerting.target-twice", ViolationKind.Invalid);
    public static readonly RefusalCode UnknownFunction = new("alerting.unknown-function", ViolationKind.Invalid);
    public static readonly RefusalCode UnknownTeam = new("alerting.unknown-team", ViolationKind.Invalid);
    public static readonly RefusalCode UnknownPerson = new("alerting.unknown-person", ViolationKind.Invalid);
    public static readonly RefusalCode TeamWithoutHeadFunction = new("alerting.team-without-head-function", ViolationKind.Conflict);
    public static readonly RefusalCode RequiredOutOfRange = new("alerting.required-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode MessageMissing = new("alerting.message-missing", ViolationKind.Invalid);
    public static readonly RefusalCode MessageTooLong = new("alerting.message-too-long", ViolationKind.Invalid);

    public static readonly RefusalCode AlertClosed = new("alerting.alert-closed", ViolationKind.Conflict);
    public static readonly RefusalCode NotARecipient = new("alerting.not-a-recipient", ViolationKind.Forbidden);
    public static readonly RefusalCode ResponseNotAnAnswer = new("alerting.response-not-an-answer", ViolationKind.Invalid);
    public static readonly RefusalCode EtaOutOfRange = new("alerting.eta-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode NoteTooLong = new("alerting.note-too-long", ViolationKind.Invalid);
}
