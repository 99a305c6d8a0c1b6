using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Domain.Identity;
using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Roster;
using Crisis.Web.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>The officials alerting deals with: names, and the users (same e-mail) whose hub connections to tell.</summary>
/// <remarks>
/// An official is a person of the region; a user who is no person (a coordinator of the regional office without a
/// roster entry) is an official under their user id, so that they can be reached as a coordinator and answer.
/// </remarks>
public sealed record OfficialDirectory(IReadOnlyDictionary<Guid, string> Names, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> UsersOf)
{
    public string NameOf(Guid official) => Names.GetValueOrDefault(official, official.ToString());

    public IReadOnlyList<Guid> UserIdsOf(Guid official) => UsersOf.GetValueOrDefault(official, []);
}

/// <summary>
/// The one place alerting reads the roster and the organisation: straight from their EF records, read-only. When the
/// roster feature offers a service for this, only this class changes.
/// </summary>
public sealed class AlertRosterSource(CrisisDbContext db, IEnumerable<IRosterQualificationRule> rules)
{
    /// <summary>How far ahead the next on-call person is looked for.</summary>
    private static readonly Duration Lookahead = Duration.FromDays(60);

    /// <summary>
    /// A roster view good for every instant in <paramref name="from"/>..<paramref name="to"/> (the steps an advance may
    /// fire): of every function (raising, which checks the targets), or only of <paramref name="only"/> (a running
    /// alert, which knows its functions), so a pass over many alerts does not load the whole region each time.
    /// </summary>
    public async Task<IAlertRoster> LoadAsync(Instant from, Instant to, IReadOnlyCollection<string>? only = null, CancellationToken ct = default)
    {
        var horizon = to + Lookahead;
        var allFunctions = await db.Set<FunctionRecord>().AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        var functions = only is null ? allFunctions : allFunctions.Where(only.Contains).ToList();
        var shifts = await db.Set<ShiftRecord>().AsNoTracking()
            .Where(s => s.End > from && s.Start < horizon && functions.Contains(s.Function)).ToListAsync(ct);
        var leave = await db.Set<UnavailabilityRecord>().AsNoTracking().Where(u => u.End > from && u.Start <= to).ToListAsync(ct);
        var held = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(pf => functions.Contains(pf.FunctionCode))
            .Select(pf => new { pf.FunctionCode, pf.PersonId }).ToListAsync(ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().Select(p => new { p.Id, p.NormalizedEmail }).ToListAsync(ct);
        var teams = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members).ToListAsync(ct);
        var policies = await db.Set<EscalationPolicyRecord>().AsNoTracking().ToListAsync(ct);
        var coordinators = await CoordinatorOfficialsAsync(people.ToDictionary(p => p.NormalizedEmail, p => p.Id), ct);

        var holders = held.Select(h => (h.FunctionCode, h.PersonId)).ToHashSet();
        var qualification = new List<Qualification> { Qualifications.Holders((f, p) => holders.Contains((f, p))) };
        var involved = held.Select(h => h.PersonId).Distinct().ToList();
        foreach (var rule in rules)
        {
            qualification.Add(await rule.LoadAsync(functions, involved, new Interval(from, to + Duration.FromMinutes(1)), ct));
        }
        var pools = functions.ToDictionary(f => f, f => (IReadOnlyList<Guid>)held.Where(h => h.FunctionCode == f).Select(h => h.PersonId).ToList());
        return new RosterSnapshot(
            shifts.Select(s => s.ToShift()).ToList(),
            leave.Select(u => u.ToUnavailability()).ToList(),
            pools,
            Qualifications.All([.. qualification]),
            teams.Select(t => t.ToTeam()).ToList(),
            coordinators,
            people.Select(p => p.Id).ToHashSet(),
            policies.ToDictionary(p => p.Function, PolicyOf));
    }

    /// <summary>The function's policy as stored, or null when it has none (then it has the default).</summary>
    public async Task<EscalationPolicy?> PolicyAsync(string function, CancellationToken ct = default) =>
        await db.Set<EscalationPolicyRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Function == function, ct) is { } row ? PolicyOf(row) : null;

    public async Task<bool> IsFunctionAsync(string function, CancellationToken ct = default) =>
        await db.Set<FunctionRecord>().AsNoTracking().AnyAsync(f => f.Code == function, ct);

    public async Task<bool> IsPersonAsync(Guid personId, CancellationToken ct = default) =>
        await db.Set<PersonRecord>().AsNoTracking().AnyAsync(p => p.Id == personId, ct);

    /// <summary>The official an actor is: the person with their e-mail, else their user id.</summary>
    public async Task<Guid> OfficialOfAsync(Actor actor, CancellationToken ct = default)
    {
        var email = Texts.NormalizeEmail(actor.Email);
        var person = await db.Set<PersonRecord>().AsNoTracking().Where(p => p.NormalizedEmail == email).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return person ?? actor.UserId;
    }

    /// <summary>The officials among the incident's participants: whom an exercise alert may reach.</summary>
    public async Task<IReadOnlySet<Guid>> ParticipantsAsync(Guid incidentId, CancellationToken ct = default)
    {
        var users = await (from p in db.Participants.AsNoTracking()
                           join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                           where p.IncidentId == incidentId
                           select new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var emails = users.Where(u => u.NormalizedEmail != null).Select(u => u.NormalizedEmail!).ToList();
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => emails.Contains(p.NormalizedEmail))
            .ToDictionaryAsync(p => p.NormalizedEmail, p => p.Id, ct);
        return users.Select(u => u.NormalizedEmail is { } e && people.TryGetValue(e, out var id) ? id : u.Id).ToHashSet();
    }

    /// <summary>Names and user ids of <paramref name="officials"/>.</summary>
    public async Task<OfficialDirectory> DirectoryAsync(IEnumerable<Guid> officials, CancellationToken ct = default)
    {
        var ids = officials.Distinct().ToList();
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.NormalizedEmail }).ToListAsync(ct);
        var emails = people.Select(p => p.NormalizedEmail).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || (u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)))
            .Select(u => new { u.Id, u.DisplayName, u.NormalizedEmail }).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        var usersOf = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var p in people)
        {
            names[p.Id] = p.Name;
            usersOf[p.Id] = users.Where(u => u.NormalizedEmail == p.NormalizedEmail).Select(u => u.Id).ToList();
        }
        foreach (var u in users.Where(u => ids.Contains(u.Id) && !names.ContainsKey(u.Id)))
        {
            names[u.Id] = u.DisplayName;
            usersOf[u.Id] = [u.Id];
        }
        return new OfficialDirectory(names, usersOf);
    }

    private async Task<IReadOnlyList<Guid>> CoordinatorOfficialsAsync(Dictionary<string, Guid> personByEmail, CancellationToken ct)
    {
        var role = CrisisRole.Coordinator.ToWire();
        var users = await db.Users.AsNoTracking().Where(u => u.Role == role).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        return users.OrderBy(u => u.Id)
            .Select(u => u.NormalizedEmail is { } e && personByEmail.TryGetValue(e, out var id) ? id : u.Id).Distinct().ToList();
    }

    internal static EscalationPolicy PolicyOf(EscalationPolicyRecord row) =>
        EscalationPolicy.Create(AlertPolicyJson.Read(row.Steps), row.Repeat);
}
