using Crisis.Domain.Incidents;
using Crisis.Domain.Paspoort;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Paspoort;

/// <summary>A person as the paspoort's overviews name them.</summary>
public sealed record PaspoortPerson(Guid Id, string Name);

/// <summary>A holder of a function, as the matrix lists them.</summary>
public sealed record FunctionHolder(Guid Id, string Name, string Municipality);

/// <summary>An incident as the paspoort needs it to make drafts: whether it is over, and who took part in what.</summary>
public sealed record IncidentForDrafts(Guid Id, string Title, bool Exercise, bool Closed, Instant? ClosedAt);

/// <summary>
/// Everything the paspoort reads from other features: the organisation (functions, people, who the signed-in user
/// is), incidents and their participants, and the users behind them. The paspoort's services read other tables only
/// through here, so what it depends on is in one place.
/// </summary>
public sealed class PaspoortSources(CrisisDbContext db, OrganisationService organisation)
{
    /// <summary>The codes of the functions there are, in order.</summary>
    public Task<List<string>> FunctionCodesAsync(CancellationToken ct) => FunctionCodesAsync(db, ct);

    /// <summary>The codes of the functions there are, in order (for the seeding at start-up, which has no scope of its own).</summary>
    internal static Task<List<string>> FunctionCodesAsync(CrisisDbContext db, CancellationToken ct) =>
        db.Set<FunctionRecord>().AsNoTracking().OrderBy(f => f.Code).Select(f => f.Code).ToListAsync(ct);

    /// <summary>The functions of the catalogue.</summary>
    public Task<IReadOnlyList<FunctionDto>> FunctionsAsync(CancellationToken ct) => organisation.ListFunctionsAsync(ct);

    /// <summary>The function with this code (any case), or null.</summary>
    public async Task<FunctionDto?> FunctionAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var record = await db.Set<FunctionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Code == normalized, ct);
        return record is null ? null : FunctionDto.From(record);
    }

    /// <summary>The person the signed-in user is (same e-mail), if the region has one.</summary>
    public Task<PersonDto?> PersonOfAsync(Actor actor, CancellationToken ct) => organisation.PersonOfAsync(actor, ct);

    /// <summary>A person with their functions; a 404 when there is none.</summary>
    public async Task<PersonDto> PersonAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw PaspoortRefusals.PersonNotFound.Raise(("personId", id));
        return PersonDto.From(person);
    }

    /// <summary>Everyone in the region, by name.</summary>
    public Task<IReadOnlyList<PersonDto>> PeopleAsync(CancellationToken ct) => organisation.ListPeopleAsync(null, ct);

    /// <summary>The names of the people that exist among <paramref name="people"/>.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    /// <summary>The holders of a function, by name.</summary>
    public async Task<List<FunctionHolder>> HoldersAsync(string function, CancellationToken ct)
    {
        var holders = await db.Set<PersonRecord>().AsNoTracking()
            .Where(p => p.Functions.Any(f => f.FunctionCode == function))
            .Select(p => new FunctionHolder(p.Id, p.Name, p.Municipality)).ToListAsync(ct);
        return holders.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Everyone who holds a function, with their functions (in code order), and their names.</summary>
    public async Task<(List<PersonFunctions> People, Dictionary<Guid, string> Names)> PeopleWithFunctionsAsync(CancellationToken ct)
    {
        var people = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).Where(p => p.Functions.Any()).ToListAsync(ct);
        return (
            people.Select(p => new PersonFunctions(p.Id, p.Functions.Select(f => f.FunctionCode).Order(StringComparer.Ordinal).ToList())).ToList(),
            people.ToDictionary(p => p.Id, p => p.Name));
    }

    /// <summary>The incident, or null when there is none.</summary>
    public async Task<IncidentForDrafts?> IncidentAsync(Guid incidentId, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new IncidentForDrafts(i.Id, i.Title, i.Exercise, i.Status == IncidentStatus.Closed, i.ClosedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The participants of an incident who took part in a function and are people of the region (a user and a person
    /// are the same official when their e-mail is).
    /// </summary>
    public async Task<List<IncidentParticipant>> ParticipantsInFunctionAsync(Guid incidentId, CancellationToken ct) =>
        await (from p in db.Participants.AsNoTracking()
               join u in db.Users.AsNoTracking() on p.UserId equals u.Id
               join person in db.Set<PersonRecord>().AsNoTracking() on u.NormalizedEmail equals person.NormalizedEmail
               where p.IncidentId == incidentId && p.Function != null
               select new IncidentParticipant(person.Id, p.Function)).ToListAsync(ct);
}
