using System.Security.Cryptography;
using System.Text;
using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>Creates, checks and revokes bearer tokens. The token is shown once; only its hash is kept.</summary>
public sealed class ApiTokenService(CrisisDbContext db, IClock clock)
{
    private const string Prefix = "crs_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Guid userId, CancellationToken ct = default)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken { Id = Guid.NewGuid(), UserId = userId, Hash = Hash(secret), CreatedAt = clock.GetCurrentInstant() };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The user a token belongs to, when it is known and not revoked.</summary>
    public async Task<CrisisUser?> FindUserAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }
        var hash = Hash(secret);
        return await (from t in db.ApiTokens.AsNoTracking()
                      join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                      where t.Hash == hash && t.RevokedAt == null
                      select u).FirstOrDefaultAsync(ct);
    }

    /// <summary>Revokes every token of a user; returns how many were still valid.</summary>
    public Task<int> RevokeAllAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        return db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    internal static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
