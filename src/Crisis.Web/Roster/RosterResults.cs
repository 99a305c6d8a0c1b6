using Crisis.Domain;
using Crisis.Domain.Roster;
using NodaTime;

namespace Crisis.Web.Roster;

// What the roster's services take and give: typed values, no wire strings. The endpoints parse requests into the
// inputs (RosterWire) and render the results as the contract's DTOs (RosterDtos); the pages use both directly.

/// <summary>A shift to store: local times of the region, resolved by <see cref="ShiftTimes.Resolve"/>.</summary>
public sealed record ShiftInput(string Function, Guid PersonId, LocalDateTime Start, LocalDateTime End);

/// <summary>A period of unavailability of one person, local times of the region.</summary>
public sealed record LeaveInput(LocalDateTime Start, LocalDateTime End, string? Reason);

/// <summary>A swap asked of <paramref name="AskedPersonId"/>: the whole shift, or the part from Start to End.</summary>
public sealed record SwapInput(Guid ShiftId, Guid AskedPersonId, LocalDateTime? Start = null, LocalDateTime? End = null);

/// <summary>A weekly rotation over the whole local days from <paramref name="From"/> up to <paramref name="To"/>.</summary>
public sealed record RotationInput(
    string Function, IReadOnlyList<Guid> Pool, IsoDayOfWeek HandoverDay, LocalTime HandoverTime, int Weeks, LocalDate From, LocalDate To);

/// <summary>A stored shift, with its local times, its person's name and, in the answer to a write, its warnings.</summary>
public sealed record ShiftEntry(
    Guid Id, string Function, Guid PersonId, string? PersonName, LocalDateTime Start, LocalDateTime End,
    Instant StartInstant, Instant EndInstant, decimal Hours, ShiftOrigin Origin, IReadOnlyList<Phrase> Warnings);

public sealed record LeaveEntry(
    Guid Id, Guid PersonId, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, decimal Hours, string? Reason);

public sealed record GapEntry(LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, decimal Hours, int FewestOnCall);

public sealed record ConflictEntry(
    Guid PersonId, string? PersonName, ConflictKind Kind, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant,
    decimal Hours, Guid ShiftId, Guid? OtherShiftId);

/// <summary>One function's coverage over whole local days.</summary>
public sealed record FunctionCoverage(
    string Function, string? Name, int MinimumOnCall, LocalDate From, LocalDate To, decimal TotalHours, decimal CoveredHours,
    IReadOnlyList<GapEntry> Gaps, IReadOnlyList<ConflictEntry> Conflicts);

public sealed record RegionCoverageView(LocalDate From, LocalDate To, int GapCount, int ConflictCount, IReadOnlyList<FunctionCoverage> Functions);

public sealed record OnCallEntry(
    string Function, Guid PersonId, string PersonName, LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, Guid ShiftId);

/// <summary>Per function: who is on call and who is next (the fallback).</summary>
public sealed record OnCallOverview(string Function, string Name, IReadOnlyList<OnCallEntry> OnCall, IReadOnlyList<OnCallEntry> Next);

public sealed record SwapEntry(
    Guid Id, Guid ShiftId, string Function, Guid RequesterId, string RequesterName, Guid AskedId, string AskedName,
    LocalDateTime Start, LocalDateTime End, Instant StartInstant, Instant EndInstant, SwapStatus Status,
    Instant RequestedAt, Instant? DecidedAt, IReadOnlyList<Phrase> Warnings);

public sealed record RotationOutcome(
    string Function, LocalDate From, LocalDate To, int Kept, int Unchanged, int Removed, int Added,
    IReadOnlyList<ShiftEntry> Shifts, IReadOnlyList<Phrase> Warnings);

public sealed record ImportOutcome(int Imported, IReadOnlyList<ShiftEntry> Shifts, IReadOnlyList<Phrase> Warnings);

/// <summary>One bad row of an import: its line in the file and what is wrong with it.</summary>
public sealed record ImportRowError(int Line, Phrase Problem);

public sealed record HoursRow(Guid PersonId, string Name, string Email, string Function, int Shifts, decimal Hours);

public sealed record HoursReport(YearMonth Month, LocalDate From, LocalDate To, decimal TotalHours, IReadOnlyList<HoursRow> Rows);

public sealed record CalendarLink(Guid PersonId, string Url, Instant CreatedAt);

/// <summary>A CSV import with bad rows: nothing was imported; every bad row is listed with its line number.</summary>
public sealed class RosterImportException(IReadOnlyList<ImportRowError> errors)
    : Exception($"The import was refused: {errors.Count} row(s) are wrong.")
{
    public IReadOnlyList<ImportRowError> Errors { get; } = errors;

    /// <summary>The summary of the refusal, for the problem's <c>detail</c> and the page's message.</summary>
    public Phrase Summary { get; } = RosterServiceRefusals.ImportRefused.With(("count", errors.Count));

    /// <summary>The summary as a refusal, for an adapter that says refusals (a page through its session).</summary>
    public RuleViolationException Refusal => new(ViolationKind.Invalid, Summary);
}
