using System.Collections.Concurrent;
using Crisis.Web.Data;
using Crisis.Web.Security;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>
/// The bearer tokens this node found valid in the last <see cref="CredentialCheck.CacheFor"/>, by the hash of their secret,
/// with the user they belong to, so that a client sending request after request is not looked up in the database each
/// time (it was a third of the append path's CPU). A revoked or expired token, a locked, deleted or re-roled user stops
/// working here as it does in the hub: at once on the node that made the change and wherever the
/// <c>credentials-revoked</c> event arrives (<see cref="Forget"/>), and on every node within <see cref="CredentialCheck.CacheFor"/>
/// at the latest (a change made elsewhere, e.g. by the command line). Only found tokens are kept: an unknown secret is
/// looked up (and audited) every time.
/// </summary>
public sealed class BearerTokenCache(IClock clock)
{
    /// <summary>At most this many tokens are kept; beyond it the cache starts again (a bound, not a working set).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);

    // Bumped by every Forget: an answer read from the database before a forget is not kept after it.
    private long _generation;

    private sealed record Entry(ApiToken Token, CrisisUser User, Instant Until);

    /// <summary>A number to pass to <see cref="Keep"/>: taken before the database is read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The token and its user, when this node found them valid a moment ago and still may say so.</summary>
    public (ApiToken Token, CrisisUser User)? Find(string hash)
    {
        if (_byHash.TryGetValue(hash, out var entry))
        {
            var now = clock.GetCurrentInstant();
            if (entry.Until > now && (entry.Token.ExpiresAt is not { } expires || expires > now))
            {
                return (entry.Token, entry.User);
            }
            _byHash.TryRemove(KeyValuePair.Create(hash, entry));
        }
        return null;
    }

    /// <summary>Keeps a token found valid, unless a credential was forgotten since <paramref name="generation"/>.</summary>
    public void Keep(string hash, ApiToken token, CrisisUser user, long generation)
    {
        if (_byHash.Count >= MaxEntries)
        {
            _byHash.Clear();
        }
        _byHash[hash] = new Entry(token, user, clock.GetCurrentInstant() + CredentialCheck.CacheFor);
        if (Generation != generation)
        {
            // A revocation raced with the lookup: the answer may be older than it.
            _byHash.TryRemove(hash, out _);
        }
    }

    /// <summary>Drops every token of the user: the next request with one of them reads the database.</summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.User.Id == userId)
            {
                _byHash.TryRemove(KeyValuePair.Create(hash, entry));
            }
        }
    }
}
