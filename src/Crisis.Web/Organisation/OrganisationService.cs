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
    /// <summary>The longest municipality name: it becomes part of the local AOV piket's code and name.</summary>
    public const int MaxMunicipalityName = 100;

    public async Task<IReadOnlyList<MunicipalityDto>> ListMunicipalitiesAsync(CancellationToken ct = default) =>
        (await db.Set<MunicipalityRecord>().AsNoTracking().ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).Select(m => new MunicipalityDto(m.Name)).ToList();

    /// <summary>Adds a municipality and its local AOV piket function.</summary>
    public async Task<MunicipalityDto> AddMunicipalityAsync(Actor actor, string? municipality, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "municipality.add", OrganisationServiceRefusals.MunicipalityAddDenied);
        var name = OrganisationRules.ValidateName(municipality);
        if (name.Length > MaxMunicipalityName)
        {
            throw OrganisationServiceRefusals.MunicipalityNameTooLong.RaiseFor("name", ("max", MaxMunicipalityName));
        }
        if (await db.Set<MunicipalityRecord>().AnyAsync(m => m.Name == name, ct))
        {
            throw OrganisationServiceRefusals.MunicipalityExists.Raise(("name", name));
        }
        var aov = FunctionCatalogue.LocalAov(name);
        if (string.IsNullOrEmpty(FunctionCatalogue.Slug(name)) || await db.Set<FunctionRecord>().AnyAsync(f => f.Code == aov.Code, ct))
        {
            throw OrganisationServiceRefusals.AovCodeTaken.Raise(("code", aov.Code), ("name", name));
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

    public async Task<FunctionDto> CreateFunctionAsync(Actor actor, NewFunction input, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "function.create", OrganisationServiceRefusals.FunctionCreateDenied);
        var code = OrganisationRules.ValidateFunctionCode(input.Code);
        var name = OrganisationRules.ValidateName(input.Name);
        var minimum = OrganisationRules.ValidateMinimumOnCall(input.MinimumOnCall);
        if (await db.Set<FunctionRecord>().AnyAsync(f => f.Code == code, ct))
        {
            throw OrganisationServiceRefusals.FunctionExists.Raise(("code", code));
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
        if (!TextRules.IsBlank(function))
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
            ?? throw OrganisationServiceRefusals.PersonNotFound.Raise(("id", id));
        return PersonDto.From(person);
    }

    /// <summary>The person record of a signed-in user (same email), if the region has one.</summary>
    public async Task<PersonDto?> PersonOfAsync(Actor actor, CancellationToken ct = default)
    {
        var normalized = Texts.NormalizeEmail(actor.Email);
        if (normalized.Length == 0)
        {
            return null;
        }
        var person = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions)
            .FirstOrDefaultAsync(p => p.NormalizedEmail == normalized, ct);
        return person is null ? null : PersonDto.From(person);
    }

    public async Task<PersonDto> CreatePersonAsync(Actor actor, NewPerson input, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "person.create", OrganisationServiceRefusals.PersonCreateDenied);
        var name = OrganisationRules.ValidateName(input.Name);
        var email = OrganisationRules.ValidateEmail(input.Email);
        var municipality = input.Municipality?.Trim();
        if (string.IsNullOrEmpty(municipality) || !await db.Set<MunicipalityRecord>().AnyAsync(m => m.Name == municipality, ct))
        {
            var known = await ListMunicipalitiesAsync(ct);
            throw known.Count == 0
                ? OrganisationServiceRefusals.NoMunicipalities.RaiseFor("municipality")
                : OrganisationServiceRefusals.MunicipalityUnknown.RaiseFor("municipality", ("municipality", municipality ?? ""), ("known", known.Select(m => m.Name).ToList()));
        }
        var codes = input.Functions.Select(f => OrganisationRules.ValidateFunctionCode(f, "functions")).Distinct().ToList();
        var existing = await db.Set<FunctionRecord>().Where(f => codes.Contains(f.Code)).Select(f => f.Code).ToListAsync(ct);
        var unknown = codes.Except(existing).ToList();
        if (unknown.Count > 0)
        {
            throw OrganisationServiceRefusals.FunctionsUnknown.RaiseFor("functions", ("codes", unknown));
        }
        var normalized = Texts.NormalizeEmail(email);
        if (await db.Set<PersonRecord>().AnyAsync(p => p.NormalizedEmail == normalized, ct))
        {
            throw OrganisationServiceRefusals.PersonExists.Raise(("email", email));
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
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            // Another node seeded the catalogue at the same moment; what it wrote is the same.
            db.ChangeTracker.Clear();
        }
    }

    private async Task RequireCoordinatorAsync(Actor actor, string action, RefusalCode refusal)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, null, refusal.Raise());
        }
    }
}
