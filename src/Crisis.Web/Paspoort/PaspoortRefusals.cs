using Crisis.Domain;

namespace Crisis.Web.Paspoort;

/// <summary>
/// The refusals the paspoort's services and endpoints raise (who may read and plan, what exists, what clashed). The
/// domain rules' own refusals are in <see cref="Crisis.Domain.Paspoort.PaspoortRuleRefusals"/>; both are worded in
/// <see cref="PaspoortTexts"/>.
/// </summary>
public static class PaspoortRefusals
{
    // ---- Who may ---------------------------------------------------------------------------------------------
    public static readonly RefusalCode ReadOwnOnly = new("paspoort.read-own-only", ViolationKind.Forbidden);
    public static readonly RefusalCode CoordinatorsOnly = new("paspoort.coordinators-only", ViolationKind.Forbidden);
    public static readonly RefusalCode PlannersOnly = new("paspoort.planners-only", ViolationKind.Forbidden);
    /// <summary>Argument: <c>email</c>.</summary>
    public static readonly RefusalCode NotAnOfficial = new("paspoort.not-an-official", ViolationKind.NotFound);

    // ---- What exists -----------------------------------------------------------------------------------------
    /// <summary>Argument: <c>function</c> (as given, shortened).</summary>
    public static readonly RefusalCode NoSuchFunction = new("paspoort.no-such-function", ViolationKind.Invalid);
    public static readonly RefusalCode FunctionMissing = new("paspoort.function-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>function</c>, <c>code</c> (shortened).</summary>
    public static readonly RefusalCode RequirementNotFound = new("paspoort.requirement-not-found", ViolationKind.NotFound);
    /// <summary>Argument: <c>recordId</c>.</summary>
    public static readonly RefusalCode RecordUnknown = new("paspoort.record-unknown", ViolationKind.NotFound);
    /// <summary>Argument: <c>personId</c>: the dossier asked for.</summary>
    public static readonly RefusalCode PersonNotFound = new("paspoort.person-not-found", ViolationKind.NotFound);
    /// <summary>Argument: <c>people</c> (at most five ids).</summary>
    public static readonly RefusalCode PersonUnknown = new("paspoort.person-unknown", ViolationKind.Invalid);
    /// <summary>Argument: <c>incidentId</c>.</summary>
    public static readonly RefusalCode IncidentUnknown = new("paspoort.incident-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode IncidentOpen = new("paspoort.incident-open", ViolationKind.Conflict);
    public static readonly RefusalCode ExerciseOpen = new("paspoort.exercise-open", ViolationKind.Conflict);

    // ---- Requirements ----------------------------------------------------------------------------------------
    /// <summary>Arguments: <c>code</c>, <c>kind</c> (<see cref="Bilingual"/>).</summary>
    public static readonly RefusalCode RequirementKindFixed = new("paspoort.requirement-kind-fixed", ViolationKind.Invalid);
    public static readonly RefusalCode RequirementChangedMeanwhile = new("paspoort.requirement-changed-meanwhile", ViolationKind.Conflict);

    // ---- Records and attendance ------------------------------------------------------------------------------
    /// <summary>Argument: <c>recordId</c>.</summary>
    public static readonly RefusalCode RecordVoidedMeanwhile = new("paspoort.record-voided-meanwhile", ViolationKind.Conflict);
    /// <summary>Argument: <c>recordId</c>.</summary>
    public static readonly RefusalCode DraftConfirmedMeanwhile = new("paspoort.draft-confirmed-meanwhile", ViolationKind.Conflict);
    public static readonly RefusalCode RecordClash = new("paspoort.record-clash", ViolationKind.Conflict);
    public static readonly RefusalCode AttendanceClash = new("paspoort.attendance-clash", ViolationKind.Conflict);
    public static readonly RefusalCode AttendanceEmpty = new("paspoort.attendance-empty", ViolationKind.Invalid);
    /// <summary>Arguments: <c>max</c>, <c>count</c>.</summary>
    public static readonly RefusalCode AttendanceTooLarge = new("paspoort.attendance-too-large", ViolationKind.Invalid);
    public static readonly RefusalCode AttendeeWithoutPerson = new("paspoort.attendee-without-person", ViolationKind.Invalid);
    /// <summary>Argument: <c>personId</c>.</summary>
    public static readonly RefusalCode AttendeeTwice = new("paspoort.attendee-twice", ViolationKind.Invalid);
    /// <summary>Arguments: <c>name</c> (the attendee), <c>reason</c> (the refusal of their entry, a phrase).</summary>
    public static readonly RefusalCode AttendeeRefused = new("paspoort.attendee-refused", ViolationKind.Invalid);

    // ---- Overviews and the wire ------------------------------------------------------------------------------
    /// <summary>Arguments: <c>max</c>, <c>days</c>.</summary>
    public static readonly RefusalCode HorizonOutOfRange = new("paspoort.horizon-out-of-range", ViolationKind.Invalid);
    /// <summary>Arguments: <c>from</c>, <c>to</c> (LocalDate).</summary>
    public static readonly RefusalCode PeriodReversed = new("paspoort.period-reversed", ViolationKind.Invalid);
    /// <summary>Arguments: <c>field</c>, <c>value</c> (shortened).</summary>
    public static readonly RefusalCode DateUnreadable = new("paspoort.date-unreadable", ViolationKind.Invalid);
    /// <summary>Argument: <c>format</c> (shortened).</summary>
    public static readonly RefusalCode ExportFormatUnknown = new("paspoort.export-format-unknown", ViolationKind.Invalid);
}
