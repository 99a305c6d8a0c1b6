using Crisis.Domain;

namespace Crisis.Web.Alerting;

/// <summary>The refusals the alerting services raise beyond the domain's rules (access, lookups, contact details).</summary>
public static class AlertingHostRefusals
{
    public static readonly RefusalCode RaiseNotAllowed = new("alerting.raise-not-allowed", ViolationKind.Forbidden);
    public static readonly RefusalCode ExerciseLeadRealIncident = new("alerting.exercise-lead-real-incident", ViolationKind.Forbidden);
    public static readonly RefusalCode NotParticipant = new("alerting.not-participant", ViolationKind.Forbidden);
    public static readonly RefusalCode IncidentUnknown = new("alerting.incident-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode IncidentClosed = new("alerting.incident-closed", ViolationKind.Conflict);
    public static readonly RefusalCode AlertUnknown = new("alerting.alert-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode NoAccess = new("alerting.no-access", ViolationKind.Forbidden);
    public static readonly RefusalCode CloseNotAllowed = new("alerting.close-not-allowed", ViolationKind.Forbidden);
    public static readonly RefusalCode CoordinatorsOnly = new("alerting.coordinators-only", ViolationKind.Forbidden);
    public static readonly RefusalCode FunctionUnknown = new("alerting.function-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode PersonUnknown = new("alerting.person-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode ContactNotAllowed = new("alerting.contact-not-allowed", ViolationKind.Forbidden);
    public static readonly RefusalCode EmailInvalid = new("alerting.email-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode PhoneInvalid = new("alerting.phone-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode BodyMissing = new("alerting.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode StepMinutesMissing = new("alerting.step-minutes-missing", ViolationKind.Invalid);
    public static readonly RefusalCode Busy = new("alerting.busy", ViolationKind.Conflict);

    // ---- Proefalarm to a pool, and bereikbaarheid ----
    public static readonly RefusalCode TestTargetUnclear = new("alerting.test-target-unclear", ViolationKind.Invalid);
    public static readonly RefusalCode TestPoolEmpty = new("alerting.test-pool-empty", ViolationKind.Conflict);

    // The alert channels: Web Push subscriptions.
    public static readonly RefusalCode PushNotAllowed = new("alerting.push-not-allowed", ViolationKind.Forbidden);
    public static readonly RefusalCode PushEndpointInvalid = new("alerting.push-endpoint-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode PushKeyInvalid = new("alerting.push-key-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode PushSubscriptionUnknown = new("alerting.push-subscription-unknown", ViolationKind.NotFound);
}
