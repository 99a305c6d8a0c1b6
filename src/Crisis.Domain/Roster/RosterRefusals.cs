namespace Crisis.Domain.Roster;

/// <summary>
/// The rules of the roster itself that a request can break (times, periods, rotations, swaps, functions). The texts
/// are in the web layer's <c>RosterTexts</c>; the services' own refusals are in <c>RosterServiceRefusals</c>.
/// </summary>
public static class RosterRefusals
{
    // ---------------------------------------------------------------- shift times
    /// <summary>Args: start, end (LocalDateTime).</summary>
    public static readonly RefusalCode ShiftEndsBeforeStart = new("roster.shift-ends-before-start", ViolationKind.Invalid);

    /// <summary>Args: zone, start, end: the local end maps to an instant not after the start's.</summary>
    public static readonly RefusalCode ShiftEndsBeforeStartInZone = new("roster.shift-ends-before-start-in-zone", ViolationKind.Invalid);

    /// <summary>Args: start, end (LocalDateTime), days (the longest shift).</summary>
    public static readonly RefusalCode ShiftTooLong = new("roster.shift-too-long", ViolationKind.Invalid);

    /// <summary>Args: local, zone, date, from, to (LocalTime of the gap), why (<see cref="SkippedForSummerTime"/> or <see cref="SkippedForOffsetChange"/>).</summary>
    public static readonly RefusalCode LocalTimeSkipped = new("roster.local-time-skipped", ViolationKind.Invalid);

    /// <summary>The "why" of <see cref="LocalTimeSkipped"/> when summer time starts.</summary>
    public static readonly NoticeCode SkippedForSummerTime = new("roster.skipped-for-summer-time");

    /// <summary>The "why" of <see cref="LocalTimeSkipped"/> for any other jump; args: before, after (offsets).</summary>
    public static readonly NoticeCode SkippedForOffsetChange = new("roster.skipped-for-offset-change");

    public static readonly RefusalCode ShiftEmpty = new("roster.shift-empty", ViolationKind.Invalid);
    public static readonly RefusalCode UnavailabilityEmpty = new("roster.unavailability-empty", ViolationKind.Invalid);

    // ---------------------------------------------------------------- periods
    /// <summary>Args: from, to (LocalDate).</summary>
    public static readonly RefusalCode PeriodEndsBeforeStart = new("roster.period-ends-before-start", ViolationKind.Invalid);

    public static readonly RefusalCode CoveragePeriodEmpty = new("roster.coverage-period-empty", ViolationKind.Invalid);

    /// <summary>Args: max (days).</summary>
    public static readonly RefusalCode PeriodTooLong = new("roster.period-too-long", ViolationKind.Invalid);

    // ---------------------------------------------------------------- functions and rotations
    public static readonly RefusalCode FunctionCodeMissing = new("roster.function-code-missing", ViolationKind.Invalid);

    /// <summary>Args: max, given.</summary>
    public static readonly RefusalCode FunctionMinimumOutOfRange = new("roster.function-minimum-out-of-range", ViolationKind.Invalid);

    public static readonly RefusalCode RotationFunctionMissing = new("roster.rotation-function-missing", ViolationKind.Invalid);
    public static readonly RefusalCode RotationPoolEmpty = new("roster.rotation-pool-empty", ViolationKind.Invalid);
    public static readonly RefusalCode RotationPoolUnnamed = new("roster.rotation-pool-unnamed", ViolationKind.Invalid);
    public static readonly RefusalCode RotationLengthNotFixed = new("roster.rotation-length-not-fixed", ViolationKind.Invalid);

    /// <summary>Args: max (days), given (ISO period).</summary>
    public static readonly RefusalCode RotationLengthOutOfRange = new("roster.rotation-length-out-of-range", ViolationKind.Invalid);

    public static readonly RefusalCode RotationHandoverDayMissing = new("roster.rotation-handover-day-missing", ViolationKind.Invalid);

    /// <summary>Args: shift (id), function, rotation (function codes).</summary>
    public static readonly RefusalCode RotationOtherFunction = new("roster.rotation-other-function", ViolationKind.Invalid);

    // ---------------------------------------------------------------- swaps
    public static readonly RefusalCode SwapNotYourShift = new("roster.swap-not-your-shift", ViolationKind.Forbidden);
    public static readonly RefusalCode SwapAskedMissing = new("roster.swap-asked-missing", ViolationKind.Invalid);
    public static readonly RefusalCode SwapAskedSelf = new("roster.swap-asked-self", ViolationKind.Invalid);
    public static readonly RefusalCode SwapPartEmpty = new("roster.swap-part-empty", ViolationKind.Invalid);

    /// <summary>Args: start, end (the part), shiftStart, shiftEnd (Instant).</summary>
    public static readonly RefusalCode SwapPartOutsideShift = new("roster.swap-part-outside-shift", ViolationKind.Invalid);

    /// <summary>The part asked for is over (a 400 on the request).</summary>
    public static readonly RefusalCode SwapPartOver = new("roster.swap-part-over", ViolationKind.Invalid);

    /// <summary>The part is over by the time it is accepted (a 409).</summary>
    public static readonly RefusalCode SwapOver = new("roster.swap-over", ViolationKind.Conflict);

    public static readonly RefusalCode SwapAcceptNotAsked = new("roster.swap-accept-not-asked", ViolationKind.Forbidden);
    public static readonly RefusalCode SwapDeclineNotAsked = new("roster.swap-decline-not-asked", ViolationKind.Forbidden);
    public static readonly RefusalCode SwapCancelNotRequester = new("roster.swap-cancel-not-requester", ViolationKind.Forbidden);
    public static readonly RefusalCode SwapShiftChanged = new("roster.swap-shift-changed", ViolationKind.Conflict);

    /// <summary>Args: status (Bilingual).</summary>
    public static readonly RefusalCode SwapDecided = new("roster.swap-decided", ViolationKind.Conflict);
}
