using Crisis.Domain.Incidents;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Incidents;


// Persistence shapes of incidents and their logs. The domain's records (IncidentInfo, LogEntry) are what the rest
// of the code uses; these classes exist for EF Core, with their mappings below.

public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public bool Exercise { get; set; }
    public string? Municipality { get; set; }
    public int Grip { get; set; }
    public IncidentStatus Status { get; set; }
    public Instant OpenedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public Guid OpenedById { get; set; }

    /// <summary>The highest sequence number handed out; also the concurrency token that serialises writers across nodes.</summary>
    public int LastSeq { get; set; }

    public IncidentInfo ToInfo() => new(Id, Title, Exercise, Municipality, Grip, Status, OpenedAt, ClosedAt, LastSeq);
}

public sealed class LogEntryRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public int Seq { get; set; }
    public Instant At { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public LogEntryKind Kind { get; set; }
    public string? Team { get; set; }
    public required string Text { get; set; }
    public int? CorrectsSeq { get; set; }
    public int? CompletesSeq { get; set; }
    public bool Exercise { get; set; }

    // An exercise inject's address and scenario id (mapped by Exercises.InjectLogFieldsConfiguration).
    public string? AddressedToFunction { get; set; }
    public string? AddressedToTeam { get; set; }
    public string? InjectId { get; set; }

    /// <summary>
    /// What makes a write happen once however often it is tried (an inject's id, an alert's log line): unique per
    /// incident, so a retry, a redelivery or a second node finds the entry the first one wrote. Null for most entries.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    public LogEntry ToEntry() =>
        new(Id, IncidentId, Seq, At, new AuthorRef(AuthorId, AuthorName), Kind, Team, Text, CorrectsSeq, CompletesSeq, Exercise,
            AddressedToFunction is null && AddressedToTeam is null ? null : new Addressee(AddressedToFunction, AddressedToTeam), InjectId);
}

public sealed class ParticipantRecord
{
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
    public Instant AddedAt { get; set; }
    public Guid AddedById { get; set; }

    /// <summary>The function the person takes part in (e.g. OVD-BZ), when given: evidence for their paspoort.</summary>
    public string? Function { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> i)
    {
        i.ToTable("incidents");
        i.HasKey(x => x.Id);
        i.Property(x => x.Title).HasMaxLength(200);
        i.Property(x => x.Municipality).HasMaxLength(100);
        i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        i.Property(x => x.LastSeq).IsConcurrencyToken();
        i.HasIndex(x => new { x.Status, x.Exercise });
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntryRecord>
{
    public void Configure(EntityTypeBuilder<LogEntryRecord> e)
    {
        e.ToTable("log_entries");
        e.HasKey(x => x.Id);
        // The per-incident sequence: unique, so no two writers can ever hand out the same number.
        e.HasIndex(x => new { x.IncidentId, x.Seq }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Team).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.IdempotencyKey).HasMaxLength(LogWrite.MaxIdempotencyKey);
        e.HasIndex(x => new { x.IncidentId, x.IdempotencyKey }).IsUnique();
        e.HasOne<IncidentRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<ParticipantRecord>
{
    public void Configure(EntityTypeBuilder<ParticipantRecord> p)
    {
        p.ToTable("incident_participants");
        p.HasKey(x => new { x.IncidentId, x.UserId });
        p.HasIndex(x => x.UserId);
        p.Property(x => x.Function).HasMaxLength(32);
        p.HasOne<IncidentRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<CrisisUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
