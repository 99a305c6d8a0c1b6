using Crisis.Domain.Alerting;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// An alert as stored. The columns are what queries and the scheduler need; <see cref="State"/> holds the whole
/// domain state (targets and their escalation, recipients with every notice, skips) as JSON (<see cref="AlertState"/>).
/// <see cref="Version"/> is the concurrency token: a node claims a due alert by updating the row at the version it
/// read, so two nodes never fire one step twice.
/// </summary>
public sealed class AlertRecord
{
    public Guid Id { get; set; }
    public Guid? IncidentId { get; set; }
    public bool Exercise { get; set; }
    public bool Test { get; set; }
    public required string Message { get; set; }

    /// <summary>The official (person id, or user id for a user who is no person) who raised it.</summary>
    public Guid RaisedBy { get; set; }
    public required string RaisedByName { get; set; }
    public Instant RaisedAt { get; set; }
    public AlertStatus Status { get; set; }

    /// <summary>When the scheduler must advance the alert next; null when nothing waits (closed, satisfied, run out).</summary>
    public Instant? NextDueAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public int Version { get; set; }
    public required string State { get; set; }
    public List<AlertRecipientRecord> Recipients { get; set; } = [];
}

/// <summary>A person the alert reached, with their latest answer: a projection of the state, for queries by person.</summary>
public sealed class AlertRecipientRecord
{
    public Guid AlertId { get; set; }
    public Guid PersonId { get; set; }
    public string? Function { get; set; }
    public int Step { get; set; }
    public NotifyReason Reason { get; set; }
    public Instant NotifiedAt { get; set; }
    public AlertResponse Response { get; set; }
    public Instant? RespondedAt { get; set; }
    public int? EtaMinutes { get; set; }
    public Instant? ExpectedAt { get; set; }
}

/// <summary>
/// One message to one person on one channel, and its outcome. The hub row is <c>sent</c> when the step is stored;
/// e-mail, Web Push and the webhook rows are staged <c>pending</c> in the same transaction and get their outcome from
/// the delivery (<see cref="Channels.AlertChannelDelivery"/>).
/// </summary>
public sealed class AlertNotificationRecord
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public Guid PersonId { get; set; }
    public int Round { get; set; }
    public int Step { get; set; }
    public Instant At { get; set; }
    public required string Channel { get; set; }
    public required string Status { get; set; }
    public string? Detail { get; set; }

    /// <summary>Whom the channel addresses: the e-mail address, or the push subscription's id; null for the hub and webhook.</summary>
    public string? Target { get; set; }

    /// <summary>Set by the one delivery that took the row, so a redelivered event never sends it again.</summary>
    public Guid? Claim { get; set; }

    /// <summary>When the outcome was written.</summary>
    public Instant? DeliveredAt { get; set; }
}

/// <summary>Every answer given, in order: the state keeps only the latest per person.</summary>
public sealed class AlertAnswerRecord
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public Guid PersonId { get; set; }
    public AlertResponse Response { get; set; }
    public int? EtaMinutes { get; set; }
    public string? Note { get; set; }
    public Instant At { get; set; }
}

/// <summary>A function's escalation policy, set by a coordinator; without a row the function has the default.</summary>
public sealed class EscalationPolicyRecord
{
    public required string Function { get; set; }

    /// <summary>The steps as JSON: <c>[{"afterMinutes":0,"notify":"oncall"}, …]</c>.</summary>
    public required string Steps { get; set; }
    public int Repeat { get; set; }
    public Instant ChangedAt { get; set; }
}

/// <summary>How a person can be reached besides the hub (used by the channels of part 2).</summary>
public sealed class PersonContactRecord
{
    public Guid PersonId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public Instant ChangedAt { get; set; }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecord> a)
    {
        a.ToTable("alerts");
        a.HasKey(x => x.Id);
        a.Property(x => x.Message).HasMaxLength(Alert.MaxMessageLength + 16);
        a.Property(x => x.RaisedByName).HasMaxLength(200);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => x.NextDueAt);
        a.HasIndex(x => new { x.IncidentId, x.RaisedAt });
        a.HasIndex(x => new { x.Status, x.RaisedAt });
        a.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertRecipientConfiguration : IEntityTypeConfiguration<AlertRecipientRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecipientRecord> r)
    {
        r.ToTable("alert_recipients");
        r.HasKey(x => new { x.AlertId, x.PersonId });
        r.HasIndex(x => new { x.PersonId, x.NotifiedAt });
        r.Property(x => x.Function).HasMaxLength(32);
        r.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Response).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class AlertNotificationConfiguration : IEntityTypeConfiguration<AlertNotificationRecord>
{
    public void Configure(EntityTypeBuilder<AlertNotificationRecord> n)
    {
        n.ToTable("alert_notifications");
        n.HasKey(x => x.Id);
        n.HasIndex(x => new { x.AlertId, x.PersonId });
        n.Property(x => x.Channel).HasMaxLength(16);
        n.Property(x => x.Status).HasMaxLength(16);
        n.Property(x => x.Detail).HasMaxLength(500);
        n.Property(x => x.Target).HasMaxLength(256);
        n.HasOne<AlertRecord>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertAnswerConfiguration : IEntityTypeConfiguration<AlertAnswerRecord>
{
    public void Configure(EntityTypeBuilder<AlertAnswerRecord> n)
    {
        n.ToTable("alert_answers");
        n.HasKey(x => x.Id);
        n.HasIndex(x => new { x.AlertId, x.At });
        n.HasIndex(x => new { x.PersonId, x.At });
        n.Property(x => x.Response).HasConversion<string>().HasMaxLength(16);
        n.Property(x => x.Note).HasMaxLength(Alert.MaxNoteLength);
        n.HasOne<AlertRecord>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationPolicyConfiguration : IEntityTypeConfiguration<EscalationPolicyRecord>
{
    public void Configure(EntityTypeBuilder<EscalationPolicyRecord> p)
    {
        p.ToTable("escalation_policies");
        p.HasKey(x => x.Function);
        p.Property(x => x.Function).HasMaxLength(32);
        p.Property(x => x.Steps).HasMaxLength(2000);
        p.HasOne<FunctionRecord>().WithMany().HasForeignKey(x => x.Function).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonContactConfiguration : IEntityTypeConfiguration<PersonContactRecord>
{
    public void Configure(EntityTypeBuilder<PersonContactRecord> c)
    {
        c.ToTable("person_contacts");
        c.HasKey(x => x.PersonId);
        c.Property(x => x.Email).HasMaxLength(256);
        c.Property(x => x.Phone).HasMaxLength(32);
        c.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
