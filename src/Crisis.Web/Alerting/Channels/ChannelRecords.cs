using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>The channels a notification row (<see cref="AlertNotificationRecord.Channel"/>) can be on.</summary>
public static class ChannelNames
{
    public const string Hub = AlertStore.HubChannel;
    public const string Email = "email";
    public const string Push = "push";
    public const string Webhook = "webhook";
}

/// <summary>The outcomes of a notification row (<see cref="AlertNotificationRecord.Status"/>).</summary>
public static class ChannelStatus
{
    /// <summary>Staged with the step; the delivery has not written its outcome yet.</summary>
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>Tried and not delivered; the row's detail says why (the SMTP error, the push service's status …).</summary>
    public const string Failed = "failed";

    /// <summary>Not tried, for the reason in the detail (the alert was closed first, the subscription is gone …).</summary>
    public const string Skipped = "skipped";

    /// <summary>Which of several rows of one channel and one moment speaks for it: any sent, else any still pending …</summary>
    public static int Rank(string status) => status switch
    {
        Sent => 0,
        Pending => 1,
        Failed => 2,
        _ => 3,
    };
}

/// <summary>
/// A browser's Web Push subscription (<c>PushManager.subscribe</c>): where to send, and the keys the payload is
/// encrypted for. One row per endpoint: the same browser subscribing again (or for another person) updates it.
/// </summary>
public sealed class PushSubscriptionRecord
{
    public const int MaxEndpointLength = 1024;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Endpoint { get; set; }

    /// <summary>The browser's P-256 public key (base64url).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's authentication secret (base64url).</summary>
    public required string Auth { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant ChangedAt { get; set; }
}

/// <summary>The VAPID key pair generated on first start when none is configured: one row, <see cref="Id"/> 1.</summary>
public sealed class VapidKeyRecord
{
    public const int TheOne = 1;

    public int Id { get; set; }
    public required string PublicKey { get; set; }
    public required string PrivateKey { get; set; }
    public Instant CreatedAt { get; set; }
}

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<PushSubscriptionRecord> s)
    {
        s.ToTable("push_subscriptions");
        s.HasKey(x => x.Id);
        s.Property(x => x.Endpoint).HasMaxLength(PushSubscriptionRecord.MaxEndpointLength);
        s.HasIndex(x => x.Endpoint).IsUnique();
        s.HasIndex(x => x.PersonId);
        s.Property(x => x.P256dh).HasMaxLength(128);
        s.Property(x => x.Auth).HasMaxLength(64);
        s.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VapidKeyConfiguration : IEntityTypeConfiguration<VapidKeyRecord>
{
    public void Configure(EntityTypeBuilder<VapidKeyRecord> k)
    {
        k.ToTable("vapid_keys");
        k.HasKey(x => x.Id);
        k.Property(x => x.Id).ValueGeneratedNever();
        k.Property(x => x.PublicKey).HasMaxLength(128);
        k.Property(x => x.PrivateKey).HasMaxLength(64);
    }
}
