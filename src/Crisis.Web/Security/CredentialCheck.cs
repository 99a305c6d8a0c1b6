using System.Collections.Concurrent;
using System.Security.Claims;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Security;

/// <summary>
/// The one answer to "does this signed-in principal still stand?": its token (for a bearer principal) is not revoked or
/// expired, its user exists and is not locked, the login cookie's security stamp is the user's current one, and the role
/// in the principal is the user's role now. Used by the cookie validation, the hub filter and the Blazor circuits'
/// authentication state. Answers are kept <see cref="CacheFor"/> (on the injected clock), and forgotten at once when a
/// <c>credentials-revoked</c> event arrives for the user, or when this node changes the credential (<see cref="Forget"/>);
/// so are the other answers about the user that this node keeps (<see cref="BearerTokenCache"/>,
/// <see cref="Incidents.IncidentAccessCache"/>).
/// </summary>
public sealed class CredentialCheck(
    IServiceScopeFactory scopes, IClock clock, IOptions<IdentityOptions> identity, BearerTokenCache tokens, Incidents.IncidentAccessCache access)
{
    public static readonly Duration CacheFor = Duration.FromSeconds(2);

    private readonly ConcurrentDictionary<Key, (bool Valid, Instant Until)> _cache = new();

    // Bumped by every Forget: an answer read from the database before a forget is not kept after it.
    private long _generation;

    private readonly record struct Key(Guid UserId, Guid? TokenId, string? Stamp, string? Role);

    /// <summary>True while the principal's credential stands; an anonymous principal never does.</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }
        var key = new Key(userId, TokenIdOf(principal), principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType),
            principal.FindFirstValue(ClaimTypes.Role));
        var now = clock.GetCurrentInstant();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Valid;
        }
        var generation = Interlocked.Read(ref _generation);
        var valid = await CheckAsync(key, now, ct);
        _cache[key] = (valid, now + CacheFor);
        if (Interlocked.Read(ref _generation) != generation)
        {
            // A change of the credential raced with the check: the answer may be older than it.
            _cache.TryRemove(key, out _);
        }
        return valid;
    }

    /// <summary>
    /// Drops what this node knows of a user's credentials and rights (the credential answers, the user's bearer tokens, their
    /// incident access): the next check reads the database. Called by whoever changes them, after the commit, and on every
    /// node by the <c>credentials-revoked</c> event.
    /// </summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _cache.Keys.Where(k => k.UserId == userId))
        {
            _cache.TryRemove(key, out _);
        }
        tokens.Forget(userId);
        access.Forget(userId);
    }

    /// <summary>The API token a bearer principal was made from (null for the login cookie).</summary>
    public static Guid? TokenIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(CrisisClaims.TokenId), out var id) ? id : null;

    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>
    /// An administrative lock (<c>user lock</c>) runs to the end of time; the lockout after failed logins lasts minutes and
    /// only stops new logins, so a password-spraying stranger cannot end the sessions of people at work.
    /// </summary>
    public static bool IsLocked(CrisisUser user) => user.LockoutEnd is { } end && end >= UserAdministration.LockedUntil;

    private async Task<bool> CheckAsync(Key key, Instant now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == key.UserId)
            .Select(u => new { u.Role, u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (user is null || (user.LockoutEnd is { } end && end >= UserAdministration.LockedUntil)
            || !string.Equals(user.Role, key.Role, StringComparison.Ordinal))
        {
            return false;
        }
        if (key.TokenId is { } tokenId)
        {
            var token = await db.ApiTokens.AsNoTracking().Where(t => t.Id == tokenId && t.UserId == key.UserId)
                .Select(t => new { t.RevokedAt, t.ExpiresAt }).FirstOrDefaultAsync(ct);
            return token is not null && token.RevokedAt is null && (token.ExpiresAt is not { } expires || expires > now);
        }
        // A cookie principal carries the stamp it was issued with; logout, a lock or a role change replaces the user's.
        return key.Stamp is not null && string.Equals(user.SecurityStamp, key.Stamp, StringComparison.Ordinal);
    }
}
