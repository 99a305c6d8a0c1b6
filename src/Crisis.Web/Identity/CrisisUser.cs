using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>A person who signs in to Crisis. Exactly one role (see <see cref="Crisis.Domain.Identity.CrisisRole"/>).</summary>
public sealed class CrisisUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>The role's wire name, e.g. <c>coordinator</c>.</summary>
    public required string Role { get; set; }

    public Instant CreatedAt { get; set; }
}

/// <summary>A bearer token for machines and scripts; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Hash { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? RevokedAt { get; set; }

    /// <summary>When the token stops working by itself; null: it works until revoked.</summary>
    public Instant? ExpiresAt { get; set; }
}
