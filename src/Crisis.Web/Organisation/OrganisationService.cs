using Crisis.Domain;
using Crisis.Domain.Organisation;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Organisation;

/// <summary>The region's municipalities, its function catalogue and its people. Coordinators change them; everyone signed in reads them.</summary>
public sealed class OrganisationService(CrisisDbContext db, AuditTrail audit, IClock clock)
{
    public async Task<IReadOnlyList<MunicipalityDto>> ListMunicipalitiesAsync(CancellationToken ct = default) =>
        (await db.Set<MunicipalityRecord>().AsNoTracking().ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).Select(m => new MunicipalityDto(m.Name)).ToList();

    /// <summary>Adds a municipality and its local AOV piket function.</summary>
    public async Task<MunicipalityDto> AddMunicipalityAsync(Actor actor, CreateMunicipalityRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "municipality.add", "Only coordinators can add municipalities.");
        var name = OrganisationRules.ValidateName(request?.Name);
        if (name.Length > 100)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "A municipality name has at most 100 characters.", "name");
        }
        if (await db.Set<MunicipalityRecord>().AnyAsync(m => m.Name == name, ct))
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"Municipality {name} already exists.");
        }
        var aov = FunctionCatalogue.LocalAov(name);
        if (string.IsNullOrEmpty(FunctionCatalogue.Slug(name)) || await db.Set<FunctionRecord>().AnyAsync(f => f.Code == aov.Code, ct))
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"The local AOV piket code {aov.Code} for {name} is already taken or cannot be made.");
        }
        var now = clock.GetCurrentInstant();
        db.Add(new MunicipalityRecord { Name = name, CreatedAt = now });
        db.Add(new FunctionRecord { Code = aov.Code, Name = aov.Name, MinimumOnCall = aov.MinimumOnCall, Municipality = name, CreatedAt = now });
        audit.Stage(db, actor, "municipality.add", $"municipality/{name}");
        await db.SaveChangesAsync(ct);
        return new MunicipalityDto(name);
    }

    public async Task<IReadOnlyList<FunctionDto>> ListFunctionsAsync(CancellationToken ct = default) =>
        (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Municipality is null ? 0 : 1).ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(FunctionDto.From).ToList();

    public async Task<FunctionDto> CreateFunctionAsync(Actor actor, CreateFunctionRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "function.create", "Only coordinators can add functions.");
        var code = OrganisationRules.ValidateFunctionCode(request?.Code);
        var name = OrganisationRules.ValidateName(request?.Name);
        var minimum = OrganisationRules.ValidateMinimumOnCall(request?.MinimumOnCall);
        if (await db.Set<FunctionRecord>().AnyAsync(f => f.Code == code, ct))
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"Function {code} already exists.");
        }
        var record = new FunctionRecord { Code = code, Name = name, MinimumOnCall = minimum, CreatedAt = clock.GetCurrentInstant() };
        db.Add(record);
        audit.Stage(db, actor, "function.create", $"function/{code}", $"minimumOnCall={minimum}");
        await db.SaveChangesAsync(ct);
        return FunctionDto.From(record);
    }

    public async Task<IReadOnlyList<PersonDto>> ListPeopleAsync(string? function = null, CancellationToken ct = default)
    {
        var query = db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).AsQueryable();
        if (!string.IsNullOrWhiteSpace(function))
        {
            var code = function.Trim().ToUpperInvariant();
            query = query.Where(p => p.Functions.Any(f => f.FunctionCode == code));
        }
        return (await query.ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(PersonDto.From).ToList();
    }

    public async Task<PersonDto> GetPersonAsync(Guid id, CancellationToken ct = default)
    {
        var person = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no person {id}.");
        return PersonDto.From(person);
    }

    /// <summary>The person record of a signed-in user (same email), if the region has one.</summary>
    public async Task<PersonDto?> PersonOfAsync(Actor actor, CancellationToken ct = default)
    {
        var normalized = actor.Email.Trim().ToUpperInvariant();
        if (normalized.Length == 0)
        {
            return null;
        }
        var person = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions)
            .FirstOrDefaultAsync(p => p.NormalizedEmail == normalized, ct);
        return person is null ? null : PersonDto.From(person);
    }

    public async Task<PersonDto> CreatePersonAsync(Actor actor, CreatePersonRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "person.create", "Only coordinators can add people.");
        var name = OrganisationRules.ValidateName(request?.Name);
        var email = OrganisationRules.ValidateEmail(request?.Email);
        var municipality = request?.Municipality?.Trim();
        if (string.IsNullOrEmpty(municipality) || !await db.Set<MunicipalityRecord>().AnyAsync(m => m.Name == municipality, ct))
        {
            var known = await ListMunicipalitiesAsync(ct);
            throw LegacyRefusals.Of(ViolationKind.Invalid, known.Count == 0
                ? "Add municipalities to the region first (POST /api/municipalities)."
                : $"'{municipality}' is not a municipality of the region; use one of {string.Join(", ", known.Select(m => m.Name))}.", "municipality");
        }
        var codes = (request?.Functions ?? []).Select(f => OrganisationRules.ValidateFunctionCode(f, "functions")).Distinct().ToList();
        var existing = await db.Set<FunctionRecord>().Where(f => codes.Contains(f.Code)).Select(f => f.Code).ToListAsync(ct);
        var unknown = codes.Except(existing).ToList();
        if (unknown.Count > 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"Unknown function(s): {string.Join(", ", unknown)}.", "functions");
        }
        var normalized = email.ToUpperInvariant();
        if (await db.Set<PersonRecord>().AnyAsync(p => p.NormalizedEmail == normalized, ct))
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"A person with email {email} already exists.");
        }
        var person = new PersonRecord
        {
            Id = Guid.NewGuid(),
            Name = name,
            Email = email,
            NormalizedEmail = normalized,
            Municipality = municipality,
            CreatedAt = clock.GetCurrentInstant(),
            Functions = codes.Select(c => new PersonFunctionRecord { FunctionCode = c }).ToList(),
        };
        db.Add(person);
        audit.Stage(db, actor, "person.create", $"person/{person.Id}", $"functions={string.Join(',', codes)}");
        await db.SaveChangesAsync(ct);
        return PersonDto.From(person);
    }

    /// <summary>Makes sure the regional key functions exist; run at start-up, harmless to repeat.</summary>
    internal static async Task EnsureCatalogueAsync(CrisisDbContext db, IClock clock, CancellationToken ct = default)
    {
        var present = await db.Set<FunctionRecord>().Select(f => f.Code).ToListAsync(ct);
        var missing = FunctionCatalogue.KeyFunctions.Where(k => !present.Contains(k.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var now = clock.GetCurrentInstant();
        foreach (var k in missing)
        {
            db.Add(new FunctionRecord { Code = k.Code, Name = k.Name, MinimumOnCall = k.MinimumOnCall, CreatedAt = now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the catalogue at the same moment; what it wrote is the same.
            db.ChangeTracker.Clear();
        }
    }

    private async Task RequireCoordinatorAsync(Actor actor, string action, string message)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.DenyAsync(actor, action, null, message);
        }
    }
}
