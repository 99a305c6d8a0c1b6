using System.Security.Cryptography;
using Crisis.Domain;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>A browser's push subscription, checked (<see cref="PushWire.Parse"/>): the endpoint and its keys in base64url.</summary>
public sealed record BrowserSubscription(string Endpoint, string P256dh, string Auth);

/// <summary>
/// The Web Push subscriptions of people: a browser subscribes for a person (the person themselves, or a coordinator)
/// and unsubscribes again. One row per endpoint: subscribing the same browser again updates it.
/// </summary>
public sealed class PushSubscriptions(CrisisDbContext db, AuditTrail audit, VapidKeys keys, IClock clock)
{
    /// <summary>The application server key a browser subscribes with.</summary>
    public async Task<string> PublicKeyAsync(CancellationToken ct = default) => (await keys.GetAsync(ct)).PublicKey;

    /// <summary>Stores the subscription for the person; <c>Created</c> is false when the endpoint was known (then updated).</summary>
    public async Task<(PushSubscriptionRecord Subscription, bool Created)> SubscribeAsync(
        Actor actor, Guid personId, BrowserSubscription browser, CancellationToken ct = default)
    {
        const string action = "person.push.subscribe";
        await RequireAccessAsync(actor, personId, action, ct);
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.Set<PushSubscriptionRecord>().FirstOrDefaultAsync(s => s.Endpoint == browser.Endpoint, ct);
            var created = row is null;
            var now = clock.GetCurrentInstant();
            if (row is null)
            {
                row = new PushSubscriptionRecord { Id = Guid.NewGuid(), Endpoint = browser.Endpoint, P256dh = "", Auth = "", CreatedAt = now };
                db.Add(row);
            }
            row.PersonId = personId;
            row.P256dh = browser.P256dh;
            row.Auth = browser.Auth;
            row.ChangedAt = now;
            audit.Stage(db, actor, action, $"person/{personId}", $"{(created ? "added" : "updated")} {HostOf(browser.Endpoint)}");
            try
            {
                await db.SaveChangesAsync(ct);
                return (row, created);
            }
            catch (DbUpdateException ex) when (created && attempt == 1 && DbErrors.IsRace(ex))
            {
                // The same browser subscribed at the same moment through another request: update that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task UnsubscribeAsync(Actor actor, Guid personId, string endpoint, CancellationToken ct = default)
    {
        const string action = "person.push.unsubscribe";
        await RequireAccessAsync(actor, personId, action, ct);
        var row = await db.Set<PushSubscriptionRecord>().FirstOrDefaultAsync(s => s.PersonId == personId && s.Endpoint == endpoint, ct)
            ?? throw AlertingHostRefusals.PushSubscriptionUnknown.RaiseFor("endpoint");
        db.Remove(row);
        audit.Stage(db, actor, action, $"person/{personId}", $"removed {HostOf(endpoint)}");
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireAccessAsync(Actor actor, Guid personId, string action, CancellationToken ct)
    {
        var person = await db.Set<PersonRecord>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.NormalizedEmail })
            .FirstOrDefaultAsync(ct) ?? throw AlertingHostRefusals.PersonUnknown.Raise(("personId", personId));
        if (!actor.IsCoordinator && person.NormalizedEmail != Texts.NormalizeEmail(actor.Email))
        {
            throw await audit.RefuseAsync(actor, action, $"person/{personId}", AlertingHostRefusals.PushNotAllowed.Raise());
        }
    }

    /// <summary>The push service, for the audit line: the endpoint itself is a secret of the browser.</summary>
    private static string HostOf(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : "?";
}

/// <summary>Checks a subscription as a browser hands it over (<c>PushSubscription.toJSON()</c>), naming the field that is wrong.</summary>
public static class PushWire
{
    public static BrowserSubscription Parse(string? endpoint, string? p256dh, string? auth)
    {
        var url = Endpoint(endpoint);
        if (!Base64Url.TryDecode(Texts.TrimToNull(p256dh), out var point) || !IsP256Point(point))
        {
            throw AlertingHostRefusals.PushKeyInvalid.RaiseFor("keys.p256dh", ("key", "p256dh"));
        }
        if (!Base64Url.TryDecode(Texts.TrimToNull(auth), out var secret) || secret.Length != 16)
        {
            throw AlertingHostRefusals.PushKeyInvalid.RaiseFor("keys.auth", ("key", "auth"));
        }
        return new BrowserSubscription(url, Base64Url.Encode(point), Base64Url.Encode(secret));
    }

    /// <summary>An https URL (or http on 127.0.0.1, for a push service on this machine, as the tests run one).</summary>
    public static string Endpoint(string? endpoint)
    {
        var text = Texts.TrimToNull(endpoint);
        var ok = text is not null && text.Length <= PushSubscriptionRecord.MaxEndpointLength
            && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.Host == "127.0.0.1"));
        return ok ? text! : throw AlertingHostRefusals.PushEndpointInvalid.RaiseFor("endpoint",
            ("endpoint", Texts.Shorten(text ?? "")), ("max", PushSubscriptionRecord.MaxEndpointLength));
    }

    private static bool IsP256Point(byte[] point)
    {
        if (point.Length != 65 || point[0] != 0x04)
        {
            return false;
        }
        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
