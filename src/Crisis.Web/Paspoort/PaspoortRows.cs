using Crisis.Domain.Paspoort;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crisis.Web.Paspoort;

// Persistence shapes of the Veiligheidspaspoort. The domain's records (Requirement, PaspoortRecord) are what
// the rules work on; these rows exist for EF Core and are mapped at the edge.

/// <summary>A requirement of a function. Removing one keeps the row (with <see cref="RemovedAt"/>), so the seeding at
/// start-up, which only fills functions without any requirement rows, never brings a removed default back.</summary>
public sealed class PaspoortRequirementRow
{
    public required string Function { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public ActivityKind Kind { get; set; }
    public int? ValidForMonths { get; set; }
    public int MinimumCount { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? ChangedAt { get; set; }
    public Instant? RemovedAt { get; set; }

    public Requirement ToDomain() => new(Function, Code, Name, Kind, ValidForMonths, MinimumCount);

    public static PaspoortRequirementRow From(Requirement r, Instant createdAt) => new()
    {
        Function = r.Function, Code = r.Code, Name = r.Name, Kind = r.Kind,
        ValidForMonths = r.ValidForMonths, MinimumCount = r.MinimumCount, CreatedAt = createdAt,
    };
}

/// <summary>One immutable record of a person's paspoort. Rows are only ever inserted.</summary>
public sealed class PaspoortRecordRow
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Activity { get; set; }
    public LocalDate Date { get; set; }
    public string? Function { get; set; }
    public string? RequirementCode { get; set; }
    public RecordResult? Result { get; set; }
    public string? Notes { get; set; }
    public RecordStatus Status { get; set; }
    public Guid RecordedBy { get; set; }
    public required string RecordedByName { get; set; }
    public Instant RecordedAt { get; set; }
    public Guid? VoidsRecordId { get; set; }
    public Guid? IncidentId { get; set; }

    public PaspoortRecord ToDomain() =>
        new(Id, PersonId, Kind, Activity, Date, Function, RequirementCode, Result, Notes, Status, RecordedBy, RecordedAt, VoidsRecordId, IncidentId);

    public static PaspoortRecordRow From(PaspoortRecord r, string recordedByName) => new()
    {
        Id = r.Id,
        PersonId = r.PersonId,
        Kind = r.Kind,
        Activity = r.Activity,
        Date = r.Date,
        Function = r.Function,
        RequirementCode = r.RequirementCode,
        Result = r.Result,
        Notes = r.Notes,
        Status = r.Status,
        RecordedBy = r.RecordedBy,
        RecordedByName = recordedByName,
        RecordedAt = r.RecordedAt,
        VoidsRecordId = r.VoidsRecordId,
        IncidentId = r.IncidentId,
    };
}

/// <summary>
/// Dates are stored as <see cref="DateOnly"/> on both providers: PostgreSQL maps it to <c>date</c>, SQLite to ISO
/// text (<c>2026-03-23</c>), which sorts and compares as dates do. One converter, the same on both, rather than a
/// provider-specific NodaTime mapping that only PostgreSQL has.
/// </summary>
internal sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => new DateOnly(d.Year, d.Month, d.Day),
    d => new LocalDate(d.Year, d.Month, d.Day));

internal sealed class PaspoortRequirementConfiguration : IEntityTypeConfiguration<PaspoortRequirementRow>
{
    public void Configure(EntityTypeBuilder<PaspoortRequirementRow> r)
    {
        r.ToTable("paspoort_requirements");
        r.HasKey(x => new { x.Function, x.Code });
        r.Property(x => x.Function).HasMaxLength(32);
        r.Property(x => x.Code).HasMaxLength(RequirementRules.MaxCodeLength);
        r.Property(x => x.Name).HasMaxLength(RequirementRules.MaxNameLength);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        r.HasIndex(x => x.Code);
        r.HasOne<FunctionRecord>().WithMany().HasForeignKey(x => x.Function).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaspoortRecordConfiguration : IEntityTypeConfiguration<PaspoortRecordRow>
{
    public void Configure(EntityTypeBuilder<PaspoortRecordRow> r)
    {
        r.ToTable("paspoort_records");
        r.HasKey(x => x.Id);
        r.HasIndex(x => x.PersonId);
        r.HasIndex(x => x.IncidentId);
        // A record is voided at most once: two coordinators correcting the same record at the same moment
        // cannot both succeed (the loser gets a 409), on one node or several.
        r.HasIndex(x => x.VoidsRecordId).IsUnique();
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Activity).HasMaxLength(RecordRules.MaxActivityLength);
        r.Property(x => x.Notes).HasMaxLength(RecordRules.MaxNotesLength);
        r.Property(x => x.Function).HasMaxLength(32);
        r.Property(x => x.RequirementCode).HasMaxLength(RequirementRules.MaxCodeLength);
        r.Property(x => x.RecordedByName).HasMaxLength(200);
        r.Property(x => x.Date).HasConversion<LocalDateConverter>();
        r.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
