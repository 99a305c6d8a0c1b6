using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Organisation;

public sealed class MunicipalityRecord
{
    public required string Name { get; set; }
    public Instant CreatedAt { get; set; }
}

public sealed class FunctionRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int MinimumOnCall { get; set; }

    /// <summary>Set for a local function (the AOV piket of one municipality); null for regional ones.</summary>
    public string? Municipality { get; set; }

    public Instant CreatedAt { get; set; }
}

/// <summary>An official of the region. A user with the same email address is the same official.</summary>
public sealed class PersonRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string Municipality { get; set; }
    public Instant CreatedAt { get; set; }
    public List<PersonFunctionRecord> Functions { get; set; } = [];
}

/// <summary>A person holds a function: together the holders of a function form its pool.</summary>
public sealed class PersonFunctionRecord
{
    public Guid PersonId { get; set; }
    public required string FunctionCode { get; set; }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<MunicipalityRecord>
{
    public void Configure(EntityTypeBuilder<MunicipalityRecord> m)
    {
        m.ToTable("municipalities");
        m.HasKey(x => x.Name);
        m.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class FunctionConfiguration : IEntityTypeConfiguration<FunctionRecord>
{
    public void Configure(EntityTypeBuilder<FunctionRecord> f)
    {
        f.ToTable("functions");
        f.HasKey(x => x.Code);
        f.Property(x => x.Code).HasMaxLength(32);
        f.Property(x => x.Name).HasMaxLength(200);
        f.Property(x => x.Municipality).HasMaxLength(100);
        f.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(x => x.Municipality).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> p)
    {
        p.ToTable("people");
        p.HasKey(x => x.Id);
        p.Property(x => x.Name).HasMaxLength(200);
        p.Property(x => x.Email).HasMaxLength(256);
        p.Property(x => x.NormalizedEmail).HasMaxLength(256);
        p.HasIndex(x => x.NormalizedEmail).IsUnique();
        p.Property(x => x.Municipality).HasMaxLength(100);
        p.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(x => x.Municipality).OnDelete(DeleteBehavior.Restrict);
        p.HasMany(x => x.Functions).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonFunctionConfiguration : IEntityTypeConfiguration<PersonFunctionRecord>
{
    public void Configure(EntityTypeBuilder<PersonFunctionRecord> pf)
    {
        pf.ToTable("person_functions");
        pf.HasKey(x => new { x.PersonId, x.FunctionCode });
        pf.Property(x => x.FunctionCode).HasMaxLength(32);
        pf.HasIndex(x => x.FunctionCode);
        pf.HasOne<FunctionRecord>().WithMany().HasForeignKey(x => x.FunctionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
