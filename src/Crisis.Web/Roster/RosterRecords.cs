using Crisis.Domain.Roster;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// One person on call for one function, stored as instants with the zone it was entered in; shown in local time.
/// </summary>
public sealed class ShiftRecord
{
    public Guid Id { get; set; }
    public required string Function { get; set; }
    public Guid PersonId { get; set; }
    public Instant Start { get; set; }
    public Instant End { get; set; }

    /// <summary>The IANA zone the shift's local times were given in (the region's zone).</summary>
    public required string Zone { get; set; }

    public ShiftOrigin Origin { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>The last change; also the DTSTAMP of the calendar event, so a feed only changes when the shift does.</summary>
    public Instant UpdatedAt { get; set; }

    public Shift ToShift() => new(Id, Function, PersonId, Start, End, Origin);
}

/// <summary>Leave, illness or another reason a person cannot be on call, end exclusive.</summary>
public sealed class UnavailabilityRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Instant Start { get; set; }
    public Instant End { get; set; }
    public string? Reason { get; set; }
    public Instant CreatedAt { get; set; }

    public Unavailability ToUnavailability() => new(PersonId, Start, End, Reason);
}

/// <summary>A request by the person on a shift that another takes it, or part of it.</summary>
public sealed class SwapRecord
{
    public Guid Id { get; set; }
    public Guid ShiftId { get; set; }
    public required string Function { get; set; }
    public Guid RequesterId { get; set; }
    public Guid AskedPersonId { get; set; }
    public Instant Start { get; set; }
    public Instant End { get; set; }
    public SwapStatus Status { get; set; }
    public Instant RequestedAt { get; set; }
    public Instant? DecidedAt { get; set; }

    public SwapRequest ToRequest() =>
        new(Id, ShiftId, Function, RequesterId, AskedPersonId, Start, End, Status, RequestedAt, DecidedAt);

    public void Apply(SwapRequest request)
    {
        Status = request.Status;
        DecidedAt = request.DecidedAt;
    }
}

/// <summary>
/// A secret calendar subscription URL of one person. Only the SHA-256 hash of the token is stored, so a
/// database leak does not publish anyone's roster; revoking sets <see cref="RevokedAt"/>.
/// </summary>
public sealed class CalendarSubscriptionRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public required string TokenHash { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? RevokedAt { get; set; }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<ShiftRecord>
{
    public void Configure(EntityTypeBuilder<ShiftRecord> s)
    {
        s.ToTable("shifts");
        s.HasKey(x => x.Id);
        s.Property(x => x.Function).HasMaxLength(32);
        s.Property(x => x.Zone).HasMaxLength(64);
        s.Property(x => x.Origin).HasConversion<string>().HasMaxLength(16);
        s.HasIndex(x => new { x.Function, x.Start });
        s.HasIndex(x => new { x.PersonId, x.Start });
        s.HasIndex(x => x.End);
        s.HasOne<FunctionRecord>().WithMany().HasForeignKey(x => x.Function).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnavailabilityConfiguration : IEntityTypeConfiguration<UnavailabilityRecord>
{
    public void Configure(EntityTypeBuilder<UnavailabilityRecord> u)
    {
        u.ToTable("unavailability");
        u.HasKey(x => x.Id);
        u.Property(x => x.Reason).HasMaxLength(200);
        u.HasIndex(x => new { x.PersonId, x.Start });
        u.HasIndex(x => x.End);
        u.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SwapConfiguration : IEntityTypeConfiguration<SwapRecord>
{
    public void Configure(EntityTypeBuilder<SwapRecord> s)
    {
        s.ToTable("shift_swaps");
        s.HasKey(x => x.Id);
        s.Property(x => x.Function).HasMaxLength(32);
        s.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        s.HasIndex(x => new { x.AskedPersonId, x.Status });
        s.HasIndex(x => new { x.RequesterId, x.Status });
        s.HasIndex(x => x.ShiftId);
        s.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.RequesterId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.AskedPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarSubscriptionConfiguration : IEntityTypeConfiguration<CalendarSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<CalendarSubscriptionRecord> c)
    {
        c.ToTable("calendar_subscriptions");
        c.HasKey(x => x.Id);
        c.Property(x => x.TokenHash).HasMaxLength(64);
        c.HasIndex(x => x.TokenHash).IsUnique();
        c.HasIndex(x => x.PersonId);
        c.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
