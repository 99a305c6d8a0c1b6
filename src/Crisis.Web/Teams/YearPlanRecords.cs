using Crisis.Domain.Paspoort;
using Crisis.Domain.Teams;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>One activity of the OTO year plan, as stored. Audience and quarters are kept as comma-separated text.</summary>
public sealed class YearPlanActivityRecord
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string TeamCode { get; set; }
    public Guid? ContactPersonId { get; set; }
    public string? Goal { get; set; }
    public string Audience { get; set; } = "";
    public string? Description { get; set; }
    public string? Result { get; set; }
    public string Quarters { get; set; } = "";
    public decimal? CostAmount { get; set; }
    public string? CostNote { get; set; }
    public PlanStatus Status { get; set; }
    public ActivityKind? Kind { get; set; }
    public string? RequirementFunction { get; set; }
    public string? RequirementCode { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    public PlanActivity ToActivity() => new(
        Year, Code, Title, TeamCode, ContactPersonId, Goal, Split(Audience), Description, Result,
        Split(Quarters).Select(int.Parse).ToList(), CostAmount is { } amount ? new PlanCosts(amount, CostNote) : null, Status, Kind,
        RequirementFunction, RequirementCode);

    public void Take(PlanActivity a)
    {
        Year = a.Year;
        Code = a.Code;
        Title = a.Title;
        TeamCode = a.Team;
        ContactPersonId = a.ContactPersonId;
        Goal = a.Goal;
        Audience = string.Join(",", a.Audience);
        Description = a.Description;
        Result = a.Result;
        Quarters = string.Join(",", a.Quarters);
        CostAmount = a.Costs?.Amount;
        CostNote = a.Costs?.Note;
        Status = a.Status;
        Kind = a.Kind;
        RequirementFunction = a.RequirementFunction;
        RequirementCode = a.RequirementCode;
    }

    private static List<string> Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>A held session of a year-plan activity: its date and who attended (each got a paspoort record).</summary>
public sealed class YearPlanSessionRecord
{
    public Guid Id { get; set; }
    public Guid ActivityId { get; set; }
    public LocalDate Date { get; set; }
    public Instant CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The exercise that held this session (an ended exercise whose scenario names the activity); null when registered by hand.</summary>
    public Guid? ExerciseId { get; set; }

    public List<YearPlanSessionAttendeeRecord> Attendees { get; set; } = [];
}

public sealed class YearPlanSessionAttendeeRecord
{
    public Guid SessionId { get; set; }
    public Guid PersonId { get; set; }
}

internal sealed class YearPlanActivityConfiguration : IEntityTypeConfiguration<YearPlanActivityRecord>
{
    public void Configure(EntityTypeBuilder<YearPlanActivityRecord> a)
    {
        a.ToTable("yearplan_activities");
        a.HasKey(x => x.Id);
        a.HasIndex(x => new { x.Year, x.Code }).IsUnique();
        a.Property(x => x.Code).HasMaxLength(YearPlanRules.MaxCodeLength);
        a.Property(x => x.Title).HasMaxLength(YearPlanRules.MaxTitleLength);
        a.Property(x => x.TeamCode).HasMaxLength(TeamRules.MaxCodeLength);
        a.Property(x => x.Goal).HasMaxLength(YearPlanRules.MaxTextLength);
        a.Property(x => x.Audience).HasMaxLength(1200);
        a.Property(x => x.Description).HasMaxLength(YearPlanRules.MaxTextLength);
        a.Property(x => x.Result).HasMaxLength(YearPlanRules.MaxTextLength);
        a.Property(x => x.Quarters).HasMaxLength(16);
        a.Property(x => x.CostAmount).HasPrecision(12, 2);
        a.Property(x => x.CostNote).HasMaxLength(YearPlanRules.MaxCostNoteLength);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.RequirementFunction).HasMaxLength(32);
        a.Property(x => x.RequirementCode).HasMaxLength(64);
        a.HasOne<TeamRecord>().WithMany().HasForeignKey(x => x.TeamCode).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class YearPlanSessionConfiguration : IEntityTypeConfiguration<YearPlanSessionRecord>
{
    public void Configure(EntityTypeBuilder<YearPlanSessionRecord> s)
    {
        s.ToTable("yearplan_sessions");
        s.HasKey(x => x.Id);
        s.Property(x => x.Date).HasConversion<LocalDateConverter>();
        s.Property(x => x.CreatedBy).HasMaxLength(200);
        s.HasIndex(x => x.ActivityId);
        // One session per exercise: the incident-closed event may come twice, the session is counted once.
        s.HasIndex(x => x.ExerciseId).IsUnique();
        s.HasOne<YearPlanActivityRecord>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class YearPlanSessionAttendeeConfiguration : IEntityTypeConfiguration<YearPlanSessionAttendeeRecord>
{
    public void Configure(EntityTypeBuilder<YearPlanSessionAttendeeRecord> a)
    {
        a.ToTable("yearplan_session_attendees");
        a.HasKey(x => new { x.SessionId, x.PersonId });
        a.HasIndex(x => x.PersonId);
        a.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
