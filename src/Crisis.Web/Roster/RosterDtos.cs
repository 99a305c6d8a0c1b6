using NodaTime;

namespace Crisis.Web.Roster;

// Requests take times as strings so that a malformed one is a 400 naming the field (see RosterWire).

public sealed record ShiftRequest(string? Function, Guid? PersonId, string? Start, string? End);

public sealed record OverrideRequest(Guid? PersonId);

public sealed record UnavailabilityRequest(string? Start, string? End, string? Reason);

public sealed record SwapCreateRequest(Guid? ShiftId, Guid? AskedPersonId, string? Start, string? End);

public sealed record RotationRequest(
    string? Function, IReadOnlyList<Guid>? Pool, string? HandoverDay, string? HandoverTime, int? Weeks, string? From, string? To);

/// <summary>
/// A shift. <c>start</c>/<c>end</c> are local date-times of the region (end exclusive), <c>startInstant</c>/<c>endInstant</c>
/// the instants they stand for; <c>hours</c> is real time, so 167 or 169 for a week across a DST change.
/// <c>warnings</c> is only non-empty in the answer to a write (e.g. the person is not qualified).
/// </summary>
public sealed record ShiftDto(
    Guid Id, string Function, Guid PersonId, string? PersonName, LocalDateTime Start, LocalDateTime End,
    Instant StartInstant, Instant EndInstant, decimal Hours, string Origin, IReadOnlyList<string> Warnings);

public sealed record UnavailabilityDto(
    Guid Id, Guid PersonId, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, decimal Hours, string? Reason);

public sealed record GapDto(LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, decimal Hours, int FewestOnCall);

public sealed record ConflictDto(
    Guid PersonId, string? PersonName, string Kind, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant,
    decimal Hours, Guid ShiftId, Guid? OtherShiftId);

/// <summary>The contract's coverage: <c>{function, totalHours, coveredHours, gaps, conflicts}</c>, plus the period and minimum.</summary>
public sealed record CoverageDto(
    string Function, string? Name, int MinimumOnCall, LocalDate From, LocalDate To, decimal TotalHours, decimal CoveredHours,
    IReadOnlyList<GapDto> Gaps, IReadOnlyList<ConflictDto> Conflicts);

public sealed record RegionCoverageDto(LocalDate From, LocalDate To, int GapCount, int ConflictCount, IReadOnlyList<CoverageDto> Functions);

public sealed record PersonRef(Guid Id, string Name);

/// <summary>One person on call (the contract's <c>[{function, person, start, end}]</c>), with the instants too.</summary>
public sealed record OnCallDto(string Function, PersonRef Person, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, Guid ShiftId);

/// <summary>Per function: who is on call now and who is next (the fallback), for the dashboard.</summary>
public sealed record OnCallOverviewDto(string Function, string Name, IReadOnlyList<OnCallDto> OnCall, IReadOnlyList<OnCallDto> Next);

public sealed record SwapDto(
    Guid Id, Guid ShiftId, string Function, PersonRef Requester, PersonRef Asked, LocalDateTime Start, LocalDateTime End,
    Instant StartInstant, Instant EndInstant, string Status, Instant RequestedAt, Instant? DecidedAt, IReadOnlyList<string> Warnings);

public sealed record RotationResultDto(
    string Function, LocalDate From, LocalDate To, int Kept, int Unchanged, int Removed, int Added,
    IReadOnlyList<ShiftDto> Shifts, IReadOnlyList<string> Warnings);

public sealed record ImportResultDto(int Imported, IReadOnlyList<ShiftDto> Shifts, IReadOnlyList<string> Warnings);

public sealed record ImportError(int Line, string Message);

public sealed record HoursRowDto(Guid PersonId, string Name, string Email, string Function, int Shifts, decimal Hours);

public sealed record HoursReportDto(string Month, LocalDate From, LocalDate To, decimal TotalHours, IReadOnlyList<HoursRowDto> Rows);

public sealed record SubscriptionDto(Guid PersonId, string Url, Instant CreatedAt);

/// <summary>What a <c>RosterChanged</c> hub message carries: enough for a client to know whether to reload.</summary>
public sealed record RosterChangeDto(
    string Kind, string? Function, IReadOnlyList<Guid> PersonIds, Instant? From, Instant? To, string Summary, Guid? SwapId = null);

/// <summary>What an <c>AlertRaised</c> hub message carries for roster gaps.</summary>
public sealed record RosterAlertDto(Guid Id, string Kind, string Function, string Message, IReadOnlyList<GapDto> Gaps, Instant RaisedAt);
