using System.Security.Cryptography;
using System.Text;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Security;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>A token as <c>token list</c> shows it: never its secret.</summary>
public sealed record ApiTokenInfo(Guid Id, Guid UserId, string Email, Instant CreatedAt, Instant? ExpiresAt, Instant? RevokedAt);

/// <summary>Creates, checks and revokes bearer tokens. The token is shown once; only its hash is kept.</summary>
public sealed class ApiTokenService(CrisisDbContext db, IClock clock, OutboxDispatcher outbox, BearerTokenCache cache, CredentialCheck check)
{
    private const string Prefix = "crs_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Guid userId, Duration? lifetime = null, CancellationToken ct = default)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Hash = Hash(secret), CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>
    /// The token and its user, when the token is known, not revoked and not expired (and the user not locked): from
    /// <see cref="BearerTokenCache"/> when this node answered so a moment ago, else from the database.
    /// </summary>
    public async Task<(ApiToken Token, CrisisUser User)?> FindAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }
        var hash = Hash(secret);
        if (cache.Find(hash) is { } cached)
        {
            return cached;
        }
        var generation = cache.Generation;
        var now = clock.GetCurrentInstant();
        var found = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           where t.Hash == hash && t.RevokedAt == null
                           select new { t, u }).FirstOrDefaultAsync(ct);
        if (found is null || found.t.ExpiresAt <= now || CredentialCheck.IsLocked(found.u))
        {
            return null;
        }
        cache.Keep(hash, found.t, found.u, generation);
        return (found.t, found.u);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(Guid? userId, CancellationToken ct = default)
    {
        var rows = await (from t in db.ApiTokens.AsNoTracking()
                          join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                          where userId == null || t.UserId == userId
                          select new ApiTokenInfo(t.Id, t.UserId, u.Email ?? "", t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToListAsync(ct);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Revokes every token of a user (or the one <paramref name="tokenId"/>); returns how many were still valid. The
    /// <c>credentials-revoked</c> event is written in the same transaction, so every node closes their connections.
    /// </summary>
    public async Task<int> RevokeAsync(Guid userId, Guid? tokenId, Action<CrisisDbContext>? stage = null, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null && (tokenId == null || t.Id == tokenId))
            .ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }
        var message = CredentialEvents.Stage(db, userId, tokenId, tokenId is null ? "tokens revoked" : "token revoked", now);
        stage?.Invoke(db);
        await db.SaveChangesAsync(ct);
        check.Forget(userId);
        outbox.Notify([message.Id]);
        return tokens.Count;
    }

    internal static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
