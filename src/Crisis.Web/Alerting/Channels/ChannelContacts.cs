using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Alerting.Channels;

/// <summary>How an official is reached off the hub: the e-mail and phone of their contact details.</summary>
public sealed record OfficialContact(string? Email, string? Phone);

/// <summary>
/// The contact details of officials, read-only: the e-mail of <see cref="PersonContactRecord"/>, else the person's own
/// (every person of the organisation has one), else the user's for an official who is a user and no person.
/// </summary>
public sealed class ChannelContacts(CrisisDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, OfficialContact>> OfAsync(IReadOnlyCollection<Guid> officials, CancellationToken ct)
    {
        if (officials.Count == 0)
        {
            return new Dictionary<Guid, OfficialContact>();
        }
        var ids = officials.Distinct().ToList();
        var contacts = await db.Set<PersonContactRecord>().AsNoTracking().Where(c => ids.Contains(c.PersonId))
            .ToDictionaryAsync(c => c.PersonId, ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Email, ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        return ids.ToDictionary(id => id, id =>
        {
            var contact = contacts.GetValueOrDefault(id);
            var email = contact?.Email ?? people.GetValueOrDefault(id) ?? users.GetValueOrDefault(id);
            return new OfficialContact(email, contact?.Phone);
        });
    }
}
