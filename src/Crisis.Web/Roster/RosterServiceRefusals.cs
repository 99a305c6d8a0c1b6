using Crisis.Domain;

namespace Crisis.Web.Roster;

/// <summary>
/// What the roster's services and its edge refuse, and the warnings they give; the rules of the roster itself are
/// <see cref="Crisis.Domain.Roster.RosterRefusals"/>. The texts are in <see cref="RosterTexts"/>.
/// </summary>
public static class RosterServiceRefusals
{
    // ---------------------------------------------------------------- who may (403, audited as denied)
    public static readonly RefusalCode ShiftCreateDenied = new("roster.shift-create-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode ShiftUpdateDenied = new("roster.shift-update-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode ShiftOverrideDenied = new("roster.shift-override-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode ShiftDeleteDenied = new("roster.shift-delete-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode UnavailabilityAddDenied = new("roster.unavailability-add-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode UnavailabilityReadDenied = new("roster.unavailability-read-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode UnavailabilityDeleteDenied = new("roster.unavailability-delete-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode RotationDenied = new("roster.rotation-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode ImportDenied = new("roster.import-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode HoursReportDenied = new("roster.hours-report-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode CalendarReadDenied = new("roster.calendar-read-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode CalendarSubscribeDenied = new("roster.calendar-subscribe-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode CalendarRevokeDenied = new("roster.calendar-revoke-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode SwapWithoutPerson = new("roster.swap-without-person", ViolationKind.Forbidden);

    // ---------------------------------------------------------------- what is not there
    /// <summary>Args: id.</summary>
    public static readonly RefusalCode ShiftNotFound = new("roster.shift-not-found", ViolationKind.NotFound);

    /// <summary>Args: id.</summary>
    public static readonly RefusalCode PersonNotFound = new("roster.person-not-found", ViolationKind.NotFound);

    /// <summary>Args: person (name), id.</summary>
    public static readonly RefusalCode UnavailabilityNotFound = new("roster.unavailability-not-found", ViolationKind.NotFound);

    /// <summary>Args: id.</summary>
    public static readonly RefusalCode SwapNotFound = new("roster.swap-not-found", ViolationKind.NotFound);

    /// <summary>The calendar feed of an unknown or revoked token (a plain 404).</summary>
    public static readonly RefusalCode FeedNotFound = new("roster.feed-not-found", ViolationKind.NotFound);

    // ---------------------------------------------------------------- what was asked
    /// <summary>Args: function (as given).</summary>
    public static readonly RefusalCode FunctionUnknown = new("roster.function-unknown", ViolationKind.Invalid);

    /// <summary>Args: id.</summary>
    public static readonly RefusalCode PersonUnknown = new("roster.person-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode UnavailabilityEndsBeforeStart = new("roster.unavailability-ends-before-start", ViolationKind.Invalid);

    /// <summary>Args: days.</summary>
    public static readonly RefusalCode UnavailabilityTooLong = new("roster.unavailability-too-long", ViolationKind.Invalid);

    /// <summary>Args: max.</summary>
    public static readonly RefusalCode ReasonTooLong = new("roster.reason-too-long", ViolationKind.Invalid);

    public static readonly RefusalCode DaysOutOfRange = new("roster.days-out-of-range", ViolationKind.Invalid);

    /// <summary>Args: id (of the shift named in a swap request).</summary>
    public static readonly RefusalCode SwapShiftUnknown = new("roster.swap-shift-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode SwapShiftGone = new("roster.swap-shift-gone", ViolationKind.Conflict);

    /// <summary>Args: max.</summary>
    public static readonly RefusalCode RotationPoolTooLarge = new("roster.rotation-pool-too-large", ViolationKind.Invalid);

    /// <summary>Args: ids.</summary>
    public static readonly RefusalCode RotationPoolUnknown = new("roster.rotation-pool-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode RotationWeeksOutOfRange = new("roster.rotation-weeks-out-of-range", ViolationKind.Invalid);

    /// <summary>Args: problem (<see cref="NotInPool"/> or <see cref="NotQualified"/>): under the Refuse policy.</summary>
    public static readonly RefusalCode UnqualifiedRefused = new("roster.unqualified-refused", ViolationKind.Conflict);

    // ---------------------------------------------------------------- warnings
    /// <summary>Args: person, function.</summary>
    public static readonly NoticeCode NotInPool = new("roster.not-in-pool");

    /// <summary>Args: person, function, start (the shift's local start).</summary>
    public static readonly NoticeCode NotQualified = new("roster.not-qualified");

    /// <summary>Args: person, function, start: an imported row's person is not qualified.</summary>
    public static readonly NoticeCode ImportNotQualified = new("roster.import-not-qualified");

    /// <summary>Args: line, problem: a warning about one row of an import.</summary>
    public static readonly NoticeCode ImportLineWarning = new("roster.import-line-warning");

    /// <summary>Args: function, start (LocalDateTime): a change opened a gap in the coming days.</summary>
    public static readonly NoticeCode GapOpened = new("roster.gap-opened");

    // ---------------------------------------------------------------- import
    public static readonly RefusalCode ImportEmpty = new("roster.import-empty", ViolationKind.Invalid);

    /// <summary>Args: columns (Bilingual).</summary>
    public static readonly RefusalCode ImportHeaderIncomplete = new("roster.import-header-incomplete", ViolationKind.Invalid);

    /// <summary>Args: max.</summary>
    public static readonly RefusalCode ImportTooLarge = new("roster.import-too-large", ViolationKind.TooLarge);

    /// <summary>Args: reason (Bilingual: the reader's English message, a Dutch hint).</summary>
    public static readonly RefusalCode ImportUnreadable = new("roster.import-unreadable", ViolationKind.Invalid);

    public static readonly RefusalCode ImportNoRows = new("roster.import-no-rows", ViolationKind.Invalid);

    /// <summary>Args: count (bad rows): the summary of a refused import, its rows in <see cref="RosterImportException.Errors"/>.</summary>
    public static readonly RefusalCode ImportRefused = new("roster.import-refused", ViolationKind.Invalid);

    /// <summary>Args: function (as given).</summary>
    public static readonly RefusalCode ImportRowFunctionUnknown = new("roster.import-row-function-unknown", ViolationKind.Invalid);

    /// <summary>Args: id (as given).</summary>
    public static readonly RefusalCode ImportRowPersonIdInvalid = new("roster.import-row-person-id-invalid", ViolationKind.Invalid);

    /// <summary>Args: id (as given).</summary>
    public static readonly RefusalCode ImportRowPersonUnknown = new("roster.import-row-person-unknown", ViolationKind.Invalid);

    /// <summary>Args: email.</summary>
    public static readonly RefusalCode ImportRowEmailUnknown = new("roster.import-row-email-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode ImportRowNoPerson = new("roster.import-row-no-person", ViolationKind.Invalid);
}

/// <summary>The refusals of the roster's edge: a request's strings that are not what the field needs (see <see cref="RosterWire"/>).</summary>
public static class RosterWireRefusals
{
    public static readonly RefusalCode ShiftBodyMissing = new("roster.shift-body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode RotationBodyMissing = new("roster.rotation-body-missing", ViolationKind.Invalid);

    /// <summary>Args: field.</summary>
    public static readonly RefusalCode PersonRequired = new("roster.person-required", ViolationKind.Invalid);

    public static readonly RefusalCode SwapShiftRequired = new("roster.swap-shift-required", ViolationKind.Invalid);
    public static readonly RefusalCode RotationPoolRequired = new("roster.rotation-pool-required", ViolationKind.Invalid);

    /// <summary>Args: field.</summary>
    public static readonly RefusalCode LocalTimeRequired = new("roster.local-time-required", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode LocalTimeInvalid = new("roster.local-time-invalid", ViolationKind.Invalid);

    /// <summary>Args: field, value: an instant (with Z or an offset) where a local time belongs.</summary>
    public static readonly RefusalCode LocalTimeWithOffset = new("roster.local-time-with-offset", ViolationKind.Invalid);

    /// <summary>Args: field.</summary>
    public static readonly RefusalCode DateRequired = new("roster.date-required", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode DateInvalid = new("roster.date-invalid", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode InstantInvalid = new("roster.instant-invalid", ViolationKind.Invalid);

    /// <summary>Args: field.</summary>
    public static readonly RefusalCode TimeRequired = new("roster.time-required", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode TimeInvalid = new("roster.time-invalid", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode MonthInvalid = new("roster.month-invalid", ViolationKind.Invalid);

    /// <summary>Args: field, value.</summary>
    public static readonly RefusalCode WeekdayInvalid = new("roster.weekday-invalid", ViolationKind.Invalid);

    /// <summary>Args: field.</summary>
    public static readonly RefusalCode FunctionRequired = new("roster.function-required", ViolationKind.Invalid);

    /// <summary>Args: format.</summary>
    public static readonly RefusalCode FormatUnknown = new("roster.format-unknown", ViolationKind.Invalid);

    /// <summary>No function was chosen on a page.</summary>
    public static readonly RefusalCode InputFunctionMissing = new("roster.input-function-missing", ViolationKind.Invalid);

    /// <summary>No person was chosen on a page.</summary>
    public static readonly RefusalCode InputPersonMissing = new("roster.input-person-missing", ViolationKind.Invalid);

    /// <summary>Args: value: a date and time typed on a page is not like 14-12-2026 08:00.</summary>
    public static readonly RefusalCode InputDateTimeInvalid = new("roster.input-date-time-invalid", ViolationKind.Invalid);

    /// <summary>Args: value: a date typed on a page is not like 14-12-2026.</summary>
    public static readonly RefusalCode InputDateInvalid = new("roster.input-date-invalid", ViolationKind.Invalid);

    /// <summary>Args: value: a time typed on a page is not like 08:00.</summary>
    public static readonly RefusalCode InputTimeInvalid = new("roster.input-time-invalid", ViolationKind.Invalid);
}
