using Crisis.Domain.Teams;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>Where a Leerprikkel stands: waiting for its day, sent, or reminded (nothing left to do).</summary>
public enum LeerprikkelState
{
    Scheduled,
    Sent,
    Reminded,
}

/// <summary>
/// One Leerprikkel (question of the Leerprikkelaar) as stored. The row is also its durable timer: <see cref="NextDueAt"/>
/// says when it is sent or reminded next, and <see cref="Version"/> is the claim that lets exactly one node take each step.
/// </summary>
public sealed class LeerprikkelRecord
{
    public Guid Id { get; set; }
    public required string Question { get; set; }
    public string Audience { get; set; } = "";
    public LocalDate SendOn { get; set; }
    public int ReminderAfterDays { get; set; }
    public string? TrainingActivity { get; set; }
    public string? RequirementFunction { get; set; }
    public string? RequirementCode { get; set; }
    public LeerprikkelState State { get; set; }
    public Instant? NextDueAt { get; set; }
    public Instant? SentAt { get; set; }
    public Instant? RemindedAt { get; set; }
    public Instant CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> AudienceList => Split(Audience);

    public LeerprikkelTraining? Training => TrainingActivity is { } a ? new LeerprikkelTraining(a, RequirementFunction, RequirementCode) : null;

    internal static List<string> Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>
/// A Leerprikkel as it reached one person (the in-app item, and the e-mail's outcome): when it was sent and reminded,
/// and their answer. One per person and question, so nobody is sent it twice or answers twice.
/// </summary>
public sealed class LeerprikkelDeliveryRecord
{
    public Guid LeerprikkelId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The audience functions the person held when the question went out (what the rate counts them in).</summary>
    public string Functions { get; set; } = "";

    public Instant SentAt { get; set; }

    /// <summary>The e-mail's outcome: <c>sent</c>, <c>failed: …</c> or <c>skipped: …</c>; null while it is on its way.</summary>
    public string? Mail { get; set; }

    public Instant? RemindedAt { get; set; }
    public string? ReminderMail { get; set; }
    public Instant? AnsweredAt { get; set; }
    public string? Answer { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> FunctionList => LeerprikkelRecord.Split(Functions);
}

internal sealed class LeerprikkelConfiguration : IEntityTypeConfiguration<LeerprikkelRecord>
{
    public void Configure(EntityTypeBuilder<LeerprikkelRecord> l)
    {
        l.ToTable("leerprikkels");
        l.HasKey(x => x.Id);
        l.Property(x => x.Question).HasMaxLength(LeerprikkelRules.MaxQuestionLength);
        l.Property(x => x.Audience).HasMaxLength(1200);
        l.Property(x => x.SendOn).HasConversion<LocalDateConverter>();
        l.Property(x => x.TrainingActivity).HasMaxLength(LeerprikkelRules.MaxActivityLength);
        l.Property(x => x.RequirementFunction).HasMaxLength(32);
        l.Property(x => x.RequirementCode).HasMaxLength(64);
        l.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        l.Property(x => x.CreatedBy).HasMaxLength(200);
        l.Property(x => x.Version).IsConcurrencyToken();
        l.HasIndex(x => x.NextDueAt);
        l.HasIndex(x => x.SendOn);
    }
}

internal sealed class LeerprikkelDeliveryConfiguration : IEntityTypeConfiguration<LeerprikkelDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<LeerprikkelDeliveryRecord> d)
    {
        d.ToTable("leerprikkel_deliveries");
        d.HasKey(x => new { x.LeerprikkelId, x.PersonId });
        d.HasIndex(x => x.PersonId);
        d.Property(x => x.Functions).HasMaxLength(1200);
        d.Property(x => x.Mail).HasMaxLength(300);
        d.Property(x => x.ReminderMail).HasMaxLength(300);
        d.Property(x => x.Answer).HasMaxLength(LeerprikkelRules.MaxAnswerLength);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.HasOne<LeerprikkelRecord>().WithMany().HasForeignKey(x => x.LeerprikkelId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
