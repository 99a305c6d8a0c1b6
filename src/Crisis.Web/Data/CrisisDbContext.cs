using Crisis.Web.Audit;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Data;

/// <summary>
/// The one database of Crisis. Each provider has a subclass of its own (<see cref="SqliteCrisisDbContext"/>,
/// <see cref="PostgresCrisisDbContext"/>) so that each keeps its own migrations; the model is defined once, here.
/// </summary>
public abstract class CrisisDbContext(DbContextOptions options)
    : IdentityDbContext<CrisisUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect login cookies and circuits, shared so that every node can read them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<LogEntryRecord> LogEntries => Set<LogEntryRecord>();
    public DbSet<ParticipantRecord> Participants => Set<ParticipantRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditRecord> AuditTrail => Set<AuditRecord>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<CrisisUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.Role).HasMaxLength(32);
        });

        builder.Entity<OutboxMessage>(o =>
        {
            o.ToTable("outbox");
            o.HasKey(x => x.Id);
            o.HasIndex(x => x.EventId).IsUnique();
            o.HasIndex(x => x.PublishedAt);
            o.Property(x => x.Type).HasMaxLength(100);
        });

        builder.Entity<AuditRecord>(a =>
        {
            a.ToTable("audit_trail");
            a.HasKey(x => x.Id);
            a.HasIndex(x => x.At);
            a.Property(x => x.Actor).HasMaxLength(256);
            a.Property(x => x.Action).HasMaxLength(64);
            a.Property(x => x.Target).HasMaxLength(128);
            a.Property(x => x.Outcome).HasMaxLength(16);
            a.Property(x => x.Origin).HasMaxLength(64);
            a.Property(x => x.Detail).HasMaxLength(1000);
            // Lines written before repeats were counted stand for one attempt each.
            a.Property(x => x.Count).HasDefaultValue(1).HasSentinel(0);
        });

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        // Features keep their own mappings (IEntityTypeConfiguration classes beside their code).
        builder.ApplyConfigurationsFromAssembly(typeof(CrisisDbContext).Assembly);

        builder.Entity<ApiToken>(t =>
        {
            t.ToTable("api_tokens");
            t.HasKey(x => x.Id);
            t.HasIndex(x => x.Hash).IsUnique();
            t.Property(x => x.Hash).HasMaxLength(64);
            t.HasOne<CrisisUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class SqliteCrisisDbContext(DbContextOptions<SqliteCrisisDbContext> options) : CrisisDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<NodaTime.Instant>().HaveConversion<InstantTicksConverter>();
    }
}

/// <summary>PostgreSQL maps NodaTime natively (timestamptz) through Npgsql's NodaTime plugin.</summary>
public sealed class PostgresCrisisDbContext(DbContextOptions<PostgresCrisisDbContext> options) : CrisisDbContext(options);
