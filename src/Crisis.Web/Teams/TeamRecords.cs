using Crisis.Domain.Teams;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>A task team or working group as stored; <see cref="Team"/> is what the rest of the code uses.</summary>
public sealed class TeamRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public string? HeadFunction { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? MembersChangedAt { get; set; }
    public List<TeamMemberRecord> Members { get; set; } = [];

    public Team ToTeam() => new(Code, Name, Kind, HeadFunction,
        Members.OrderBy(m => m.Position).Select(m => new TeamMember(m.PersonId, m.Role)).ToList());
}

/// <summary>One person in a team; <see cref="Position"/> keeps the order the coordinator gave.</summary>
public sealed class TeamMemberRecord
{
    public required string TeamCode { get; set; }
    public Guid PersonId { get; set; }
    public TeamRole Role { get; set; }
    public int Position { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<TeamRecord>
{
    public void Configure(EntityTypeBuilder<TeamRecord> t)
    {
        t.ToTable("teams");
        t.HasKey(x => x.Code);
        t.Property(x => x.Code).HasMaxLength(TeamRules.MaxCodeLength);
        t.Property(x => x.Name).HasMaxLength(TeamRules.MaxNameLength);
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        t.Property(x => x.HeadFunction).HasMaxLength(32);
        t.HasOne<FunctionRecord>().WithMany().HasForeignKey(x => x.HeadFunction).OnDelete(DeleteBehavior.Restrict);
        t.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TeamCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMemberRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberRecord> m)
    {
        m.ToTable("team_members");
        m.HasKey(x => new { x.TeamCode, x.PersonId });
        m.Property(x => x.TeamCode).HasMaxLength(TeamRules.MaxCodeLength);
        m.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        m.HasIndex(x => x.PersonId);
        m.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
