using Crisis.Domain.Roster;
using Crisis.Web.Platform;
using NodaTime.Text;

namespace Crisis.Web.Roster;

/// <summary>The roster's results as the contract's DTOs (<see cref="RosterDtos"/>): wire names, and warnings in English.</summary>
internal static class RosterDtoMapping
{
    public static ShiftDto ToDto(this ShiftEntry s, Phrasebook phrases) =>
        new(s.Id, s.Function, s.PersonId, s.PersonName, s.Start, s.End, s.StartInstant, s.EndInstant, s.Hours, s.Origin.ToWire(),
            s.Warnings.Select(phrases.English).ToList());

    public static List<ShiftDto> ToDtos(this IEnumerable<ShiftEntry> shifts, Phrasebook phrases) => shifts.Select(s => s.ToDto(phrases)).ToList();

    public static UnavailabilityDto ToDto(this LeaveEntry u) =>
        new(u.Id, u.PersonId, u.Start, u.End, u.StartInstant, u.EndInstant, u.Hours, u.Reason);

    public static GapDto ToDto(GapEntry g) => new(g.Start, g.End, g.StartInstant, g.EndInstant, g.Hours, g.FewestOnCall);

    public static CoverageDto ToDto(this FunctionCoverage c) =>
        new(c.Function, c.Name, c.MinimumOnCall, c.From, c.To, c.TotalHours, c.CoveredHours, c.Gaps.Select(ToDto).ToList(),
            c.Conflicts.Select(x => new ConflictDto(x.PersonId, x.PersonName, x.Kind.ToWire(), x.Start, x.End, x.StartInstant, x.EndInstant,
                x.Hours, x.ShiftId, x.OtherShiftId)).ToList());

    public static RegionCoverageDto ToDto(this RegionCoverageView r) =>
        new(r.From, r.To, r.GapCount, r.ConflictCount, r.Functions.Select(f => f.ToDto()).ToList());

    public static OnCallDto ToDto(this OnCallEntry o) =>
        new(o.Function, new PersonRef(o.PersonId, o.PersonName), o.Start, o.End, o.StartInstant, o.EndInstant, o.ShiftId);

    public static OnCallOverviewDto ToDto(this OnCallOverview o) =>
        new(o.Function, o.Name, o.OnCall.Select(ToDto).ToList(), o.Next.Select(ToDto).ToList());

    public static SwapDto ToDto(this SwapEntry s, Phrasebook phrases) =>
        new(s.Id, s.ShiftId, s.Function, new PersonRef(s.RequesterId, s.RequesterName), new PersonRef(s.AskedId, s.AskedName),
            s.Start, s.End, s.StartInstant, s.EndInstant, s.Status.ToWire(), s.RequestedAt, s.DecidedAt, s.Warnings.Select(phrases.English).ToList());

    public static RotationResultDto ToDto(this RotationOutcome r, Phrasebook phrases) =>
        new(r.Function, r.From, r.To, r.Kept, r.Unchanged, r.Removed, r.Added, r.Shifts.ToDtos(phrases), r.Warnings.Select(phrases.English).ToList());

    public static ImportResultDto ToDto(this ImportOutcome r, Phrasebook phrases) =>
        new(r.Imported, r.Shifts.ToDtos(phrases), r.Warnings.Select(phrases.English).ToList());

    public static List<ImportError> ToDtos(this IEnumerable<ImportRowError> errors, Phrasebook phrases) =>
        errors.Select(e => new ImportError(e.Line, phrases.English(e.Problem))).ToList();

    public static HoursReportDto ToDto(this HoursReport r) =>
        new(YearMonthPattern.Iso.Format(r.Month), r.From, r.To, r.TotalHours,
            r.Rows.Select(x => new HoursRowDto(x.PersonId, x.Name, x.Email, x.Function, x.Shifts, x.Hours)).ToList());

    public static SubscriptionDto ToDto(this CalendarLink l) => new(l.PersonId, l.Url, l.CreatedAt);
}
