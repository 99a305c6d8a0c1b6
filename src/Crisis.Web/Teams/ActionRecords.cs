using Crisis.Domain.Teams;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>One action on a working group's action list, as stored, with its status history.</summary>
public sealed class ActionRecord
{
    public Guid Id { get; set; }
    public required string TeamCode { get; set; }
    public required string Title { get; set; }
    public Guid OwnerPersonId { get; set; }
    public LocalDate? Due { get; set; }
    public string? Activity { get; set; }
    public ActionStatus Status { get; set; }
    public ActionSourceKind? SourceKind { get; set; }
    public Guid? SourceId { get; set; }
    public string? SourceLabel { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public List<ActionStatusChangeRecord> History { get; set; } = [];

    public ActionSource? Source => SourceKind is { } kind && SourceId is { } id ? new ActionSource(kind, id, SourceLabel) : null;
}

/// <summary>One status change of an action; <see cref="Seq"/> orders them (the first is the creation, from nothing to open).</summary>
public sealed class ActionStatusChangeRecord
{
    public Guid ActionId { get; set; }
    public int Seq { get; set; }
    public ActionStatus? From { get; set; }
    public ActionStatus To { get; set; }
    public Instant At { get; set; }
    public Guid ByUserId { get; set; }
    public required string ByName { get; set; }
    public string? Note { get; set; }
}

/// <summary>A meeting (overleg) of a working group.</summary>
public sealed class MeetingRecord
{
    public Guid Id { get; set; }
    public required string TeamCode { get; set; }
    public LocalDate Date { get; set; }
    public string? Notes { get; set; }
    public Instant CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<MeetingAttendeeRecord> Attendees { get; set; } = [];
}

public sealed class MeetingAttendeeRecord
{
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public int Position { get; set; }
}

internal sealed class ActionConfiguration : IEntityTypeConfiguration<ActionRecord>
{
    public void Configure(EntityTypeBuilder<ActionRecord> a)
    {
        a.ToTable("team_actions");
        a.HasKey(x => x.Id);
        a.Property(x => x.TeamCode).HasMaxLength(TeamRules.MaxCodeLength);
        a.Property(x => x.Title).HasMaxLength(ActionRules.MaxTitleLength);
        a.Property(x => x.Due).HasConversion<LocalDateConverter>();
        a.Property(x => x.Activity).HasMaxLength(ActionRules.MaxActivityLength);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(24);
        a.Property(x => x.SourceLabel).HasMaxLength(ActionRules.MaxSourceLabelLength);
        a.Ignore(x => x.Source);
        a.HasIndex(x => new { x.TeamCode, x.Status });
        a.HasIndex(x => x.OwnerPersonId);
        a.HasOne<TeamRecord>().WithMany().HasForeignKey(x => x.TeamCode).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionStatusChangeConfiguration : IEntityTypeConfiguration<ActionStatusChangeRecord>
{
    public void Configure(EntityTypeBuilder<ActionStatusChangeRecord> h)
    {
        h.ToTable("team_action_history");
        h.HasKey(x => new { x.ActionId, x.Seq });
        h.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        h.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        h.Property(x => x.ByName).HasMaxLength(200);
        h.Property(x => x.Note).HasMaxLength(ActionRules.MaxNoteLength);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<MeetingRecord>
{
    public void Configure(EntityTypeBuilder<MeetingRecord> m)
    {
        m.ToTable("team_meetings");
        m.HasKey(x => x.Id);
        m.Property(x => x.TeamCode).HasMaxLength(TeamRules.MaxCodeLength);
        m.Property(x => x.Date).HasConversion<LocalDateConverter>();
        m.Property(x => x.Notes).HasMaxLength(MeetingRules.MaxNotesLength);
        m.Property(x => x.CreatedBy).HasMaxLength(200);
        m.HasIndex(x => new { x.TeamCode, x.Date });
        m.HasOne<TeamRecord>().WithMany().HasForeignKey(x => x.TeamCode).OnDelete(DeleteBehavior.Cascade);
        m.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendeeRecord>
{
    public void Configure(EntityTypeBuilder<MeetingAttendeeRecord> a)
    {
        a.ToTable("team_meeting_attendees");
        a.HasKey(x => new { x.MeetingId, x.PersonId });
        a.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
