using Crisis.Domain;

namespace Crisis.Web.Incidents;

/// <summary>
/// The refusals of the incident service and its adapters: who may do what with an incident, and requests that name
/// what is not there. The rules of the log itself are <see cref="Domain.Incidents.IncidentRefusals"/>.
/// </summary>
public static class IncidentServiceRefusals
{
    public static readonly RefusalCode OpenIncidentForbidden = new("incidents.open-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode OpenExerciseForbidden = new("incidents.open-exercise-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode NotParticipant = new("incidents.not-participant", ViolationKind.Forbidden);
    public static readonly RefusalCode ReadOnly = new("incidents.read-only", ViolationKind.Forbidden);
    public static readonly RefusalCode GripForbidden = new("incidents.grip-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode CloseForbidden = new("incidents.close-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode AddParticipantForbidden = new("incidents.add-participant-forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode RemoveParticipantForbidden = new("incidents.remove-participant-forbidden", ViolationKind.Forbidden);

    /// <summary>No incident has the <c>{id}</c>.</summary>
    public static readonly RefusalCode IncidentUnknown = new("incidents.incident-unknown", ViolationKind.NotFound);

    /// <summary>No user has the <c>{email}</c>.</summary>
    public static readonly RefusalCode UserUnknown = new("incidents.user-unknown", ViolationKind.NotFound);

    /// <summary><c>{function}</c> is not in the function catalogue.</summary>
    public static readonly RefusalCode FunctionUnknown = new("incidents.function-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode EmailMissing = new("incidents.email-missing", ViolationKind.Invalid);
    public static readonly RefusalCode AfterSeqNegative = new("incidents.after-seq-negative", ViolationKind.Invalid);

    // Wire refusals of the adapters (IncidentEndpoints, the hub).
    public static readonly RefusalCode EntryMissing = new("incidents.entry-missing", ViolationKind.Invalid);
    public static readonly RefusalCode GripLevelMissing = new("incidents.grip-level-missing", ViolationKind.Invalid);

    /// <summary>An <c>Idempotency-Key</c> (or the hub's <c>idempotencyKey</c>) longer than <c>{max}</c> or not visible ASCII.</summary>
    public static readonly RefusalCode IdempotencyKeyInvalid = new("log.idempotency-key-invalid", ViolationKind.Invalid);

    /// <summary>
    /// The database's answer to a write's commit was lost (the connection dropped while committing): the entry may or
    /// may not be stored. A retry with the same idempotency key finds out without writing it twice.
    /// </summary>
    public static readonly RefusalCode OutcomeUnknown = new("log.outcome-unknown", ViolationKind.Unavailable);

    /// <summary>The sitrep <c>{format}</c> asked for is not markdown or html.</summary>
    public static readonly RefusalCode SitrepFormatUnknown = new("incidents.sitrep-format-unknown", ViolationKind.Invalid);
}
