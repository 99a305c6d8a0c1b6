using Crisis.Domain.Paspoort;
using Crisis.Web.Organisation;
using NodaTime;

namespace Crisis.Web.Paspoort;

// The shapes of the Veiligheidspaspoort API (serialised camelCase). Kinds, statuses and results travel as their
// wire names; dates as 2026-03-23, instants as 2026-11-22T10:15:00Z.

public sealed record PersonRefDto(Guid Id, string Name);

public sealed record RequirementDto(string Function, string Code, string Name, string Kind, int? ValidForMonths, int MinimumCount)
{
    public static RequirementDto From(Requirement r) =>
        new(r.Function, r.Code, r.Name, r.Kind.ToWire(), r.ValidForMonths, r.MinimumCount);
}

/// <summary>One record. <see cref="VoidedBy"/> names the later record that corrected, confirmed or withdrew it.</summary>
public sealed record RecordDto(
    Guid Id,
    Guid PersonId,
    string Kind,
    string Activity,
    LocalDate Date,
    string? Function,
    string? Requirement,
    string? Result,
    string? Notes,
    string Status,
    PersonRefDto RecordedBy,
    Instant RecordedAt,
    Guid? VoidsRecordId,
    Guid? VoidedBy,
    Guid? IncidentId)
{
    public static RecordDto From(StoredRecord stored)
    {
        var r = stored.Record;
        return new(r.Id, r.PersonId, r.Kind.ToWire(), r.Activity, r.Date, r.Function, r.RequirementCode, r.Result?.ToWire(), r.Notes,
            r.Status.ToWire(), new PersonRefDto(r.RecordedBy, stored.RecordedByName), r.RecordedAt, r.VoidsRecordId,
            stored.VoidedBy, r.IncidentId);
    }
}

public sealed record RequirementStatusDto(
    string Code, string Name, string Kind, int? ValidForMonths, int MinimumCount, string Status, LocalDate? ValidUntil, IReadOnlyList<Guid> Evidence)
{
    public static RequirementStatusDto From(RequirementStatus s) =>
        new(s.Requirement.Code, s.Requirement.Name, s.Requirement.Kind.ToWire(), s.Requirement.ValidForMonths, s.Requirement.MinimumCount,
            s.Status.ToWire(), s.ValidUntil, s.Evidence);
}

public sealed record FunctionStatusDto(string Function, string Name, string Status, LocalDate? QualifiedUntil, IReadOnlyList<RequirementStatusDto> Requirements)
{
    public static FunctionStatusDto From(DossierFunction f) =>
        new(f.Status.Function, f.Name, f.Status.Status.ToWire(), f.Status.QualifiedUntil, f.Status.Requirements.Select(RequirementStatusDto.From).ToList());
}

/// <summary>The dossier vakbekwaamheid of one person on day <see cref="At"/>.</summary>
public sealed record DossierDto(PersonDto Person, LocalDate At, IReadOnlyList<FunctionStatusDto> Functions, IReadOnlyList<RecordDto> Records)
{
    public static DossierDto From(Dossier d) =>
        new(d.Person, d.At, d.Functions.Select(FunctionStatusDto.From).ToList(), d.Records.Select(RecordDto.From).ToList());
}

public sealed record MatrixCellDto(string Code, string Status, LocalDate? ValidUntil);

public sealed record MatrixRowDto(PersonRefDto Person, string Municipality, string Status, IReadOnlyList<MatrixCellDto> Cells);

public sealed record MatrixDto(string Function, string Name, LocalDate At, IReadOnlyList<RequirementDto> Requirements, IReadOnlyList<MatrixRowDto> Rows)
{
    public static MatrixDto From(MatrixView m) => new(
        m.Function, m.Name, m.At, m.Requirements.Select(RequirementDto.From).ToList(),
        m.Rows.Select(line => new MatrixRowDto(
            new PersonRefDto(line.Person.Id, line.Person.Name), line.Person.Municipality, line.Row.Status.ToWire(),
            line.Row.Cells.Select(c => new MatrixCellDto(c.Requirement.Code, c.Status.ToWire(), c.ValidUntil)).ToList())).ToList());
}

public sealed record ExpiryItemDto(string Function, string Code, string Name, string Status, LocalDate ValidUntil, int DaysLeft);

public sealed record PersonExpiriesDto(PersonRefDto Person, IReadOnlyList<ExpiryItemDto> Items)
{
    public static PersonExpiriesDto From(PersonExpiryList g) => new(
        new PersonRefDto(g.Person.Id, g.Person.Name),
        g.Items.Select(i => new ExpiryItemDto(i.Function, i.Requirement.Code, i.Requirement.Name, i.Status.ToWire(), i.ValidUntil, i.DaysLeft)).ToList());
}

public sealed record AttendeeDto(PersonRefDto Person, Guid RecordId, string? Function, string? Result, string? Notes);

public sealed record ActivityDto(string Kind, string Activity, LocalDate Date, Guid? IncidentId, IReadOnlyList<AttendeeDto> Attendees)
{
    public static ActivityDto From(ActivityView v) => new(
        v.Activity.Kind.ToWire(), v.Activity.Activity, v.Activity.Date, v.Activity.IncidentId,
        v.Attendees.Select(x => new AttendeeDto(new PersonRefDto(x.Person.Id, x.Person.Name),
            x.Attendee.RecordId, x.Attendee.Function, x.Attendee.Result?.ToWire(), x.Attendee.Notes)).ToList());
}

/// <summary>Body of <c>POST /api/paspoort/requirements</c>.</summary>
public sealed record CreateRequirementRequest(string? Function, string? Code, string? Name, string? Kind, int? ValidForMonths, int? MinimumCount);

/// <summary>Body of <c>PUT /api/paspoort/requirements/{function}/{code}</c>: the new name, validity and minimum count.</summary>
public sealed record ChangeRequirementRequest(string? Name, string? Kind, int? ValidForMonths, int? MinimumCount);

/// <summary>Body of <c>POST /api/paspoort/records</c>; <see cref="VoidsRecordId"/> makes it a correction.</summary>
public sealed record CreateRecordRequest(
    Guid? PersonId, string? Kind, string? Activity, LocalDate? Date, string? Function = null, string? Requirement = null,
    string? Result = null, string? Notes = null, Guid? VoidsRecordId = null);

/// <summary>One person in an attendance list, with how they did.</summary>
public sealed record AttendeeRequest(Guid? PersonId, string? Result = null, string? Notes = null);

/// <summary>Body of <c>POST /api/paspoort/attendance</c>: one activity, many people, one record each.</summary>
public sealed record AttendanceRequest(
    string? Kind, string? Activity, LocalDate? Date, string? Function, string? Requirement, IReadOnlyList<AttendeeRequest>? People);

public sealed record ConfirmRecordRequest(string? Result, string? Notes);

/// <summary>Body of <c>POST /api/paspoort/records/{id}/withdraw</c>: <see cref="Notes"/> says why.</summary>
public sealed record WithdrawRecordRequest(string? Notes);
