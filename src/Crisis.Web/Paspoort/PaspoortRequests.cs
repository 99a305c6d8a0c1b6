using Crisis.Domain.Paspoort;
using NodaTime;

namespace Crisis.Web.Paspoort;

// What the paspoort's services are asked, in the domain's types: kinds and results already read from the wire (by
// the endpoints) or chosen from a list (by the pages). Free text and codes stay text: the rules check them.

/// <summary>A requirement to add to a function.</summary>
public sealed record NewRequirement(string? Function, string? Code, string? Name, ActivityKind? Kind, int? ValidForMonths, int? MinimumCount);

/// <summary>
/// The new name, validity and minimum count of a requirement; <see cref="Kind"/>, when given, must be the kind it
/// already has (the kind cannot change).
/// </summary>
public sealed record RequirementChange(string? Name, ActivityKind? Kind, int? ValidForMonths, int? MinimumCount);

/// <summary>One person in an attendance list, with how they did.</summary>
public sealed record AttendanceEntry(Guid PersonId, RecordResult? Result = null, string? Notes = null);

/// <summary>One activity, many people, one record each.</summary>
public sealed record AttendanceList(
    ActivityKind? Kind, string? Activity, LocalDate? Date, string? Function, string? Requirement, IReadOnlyList<AttendanceEntry> People);
