using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Duration = NodaTime.Duration;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>A person's shifts as iCalendar (RFC 5545): downloaded, or behind a secret subscription URL.</summary>
public sealed class CalendarFeeds(CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup)
{
    /// <summary>How far back a feed reaches: enough for last quarter's allowance questions, small enough to stay quick.</summary>
    public static readonly Duration FeedHistory = Duration.FromDays(92);

    /// <summary>The person's shifts as iCalendar, for the person themself or a coordinator.</summary>
    public async Task<string> CalendarAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "calendar.read", S.CalendarReadDenied);
        return await BuildAsync(person, ct);
    }

    /// <summary>The feed behind a subscription URL, or null when the token is unknown or revoked.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        var subscription = await db.Set<CalendarSubscriptionRecord>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
        if (subscription is null)
        {
            return null;
        }
        var person = await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == subscription.PersonId, ct);
        return person is null ? null : await BuildAsync(person, ct);
    }

    /// <summary>
    /// A new secret subscription URL for the person (self or coordinator); any earlier one stops working. The token is
    /// shown once and stored only as its SHA-256 hash.
    /// </summary>
    public async Task<CalendarLink> SubscribeAsync(Actor actor, Guid personId, Uri baseUri, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "calendar.subscribe", S.CalendarSubscribeDenied);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        var active = await db.Set<CalendarSubscriptionRecord>().Where(s => s.PersonId == personId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var old in active)
        {
            old.RevokedAt = now;
        }
        db.Add(new CalendarSubscriptionRecord { Id = Guid.NewGuid(), PersonId = personId, TokenHash = HashToken(token), CreatedAt = now });
        audit.Stage(db, actor, "calendar.subscribe", $"person/{personId}", active.Count > 0 ? $"replaced {active.Count}" : null);
        await db.SaveChangesAsync(ct);
        return new CalendarLink(personId, new Uri(baseUri, $"/feeds/roster/{token}.ics").ToString(), now);
    }

    public async Task RevokeAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await lookup.PersonInPathAsync(personId, ct);
        await lookup.RequireSelfOrCoordinatorAsync(actor, person, "calendar.revoke", S.CalendarRevokeDenied);
        var now = clock.GetCurrentInstant();
        var active = await db.Set<CalendarSubscriptionRecord>().Where(s => s.PersonId == personId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var s in active)
        {
            s.RevokedAt = now;
        }
        audit.Stage(db, actor, "calendar.revoke", $"person/{personId}", $"{active.Count} link(s)");
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> BuildAsync(PersonRecord person, CancellationToken ct)
    {
        var since = clock.GetCurrentInstant() - FeedHistory;
        var shifts = await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.PersonId == person.Id && s.End > since).ToListAsync(ct);
        var names = await db.Set<FunctionRecord>().AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, ct);
        var zone = lookup.Zone;
        var calendar = new Ical.Net.Calendar { ProductId = "-//Crisis//Piketrooster//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"Piket {person.Name}");
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        foreach (var s in shifts.OrderBy(s => s.Start))
        {
            var name = names.GetValueOrDefault(s.Function) ?? s.Function;
            // UTC times: every client (Outlook, Google, Apple) reads them the same, without relying on VTIMEZONE rules.
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.Id:N}@crisis-piket",
                Summary = $"Piket {name}",
                Description = $"{name} ({s.Function}), {RosterWire.Format(lookup.Local(s.Start))} tot {RosterWire.Format(lookup.Local(s.End))} ({zone.Id}), {ShiftTimes.Hours(s.End - s.Start).ToString(CultureInfo.InvariantCulture)} uur.",
                DtStart = new CalDateTime(s.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(s.End.ToDateTimeUtc()),
                DtStamp = new CalDateTime(s.UpdatedAt.ToDateTimeUtc()),
                Transparency = TransparencyType.Transparent,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    internal static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
