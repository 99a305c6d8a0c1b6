namespace Crisis.Web.Organisation;

public sealed record FunctionDto(string Code, string Name, int MinimumOnCall, string? Municipality)
{
    internal static FunctionDto From(FunctionRecord f) => new(f.Code, f.Name, f.MinimumOnCall, f.Municipality);
}

public sealed record PersonDto(Guid Id, string Name, string Email, string Municipality, IReadOnlyList<string> Functions)
{
    internal static PersonDto From(PersonRecord p) =>
        new(p.Id, p.Name, p.Email, p.Municipality, p.Functions.Select(f => f.FunctionCode).Order(StringComparer.Ordinal).ToList());
}

public sealed record MunicipalityDto(string Name);

public sealed record CreateFunctionRequest(string? Code, string? Name, int? MinimumOnCall);

public sealed record CreatePersonRequest(string? Name, string? Email, string? Municipality, IReadOnlyList<string>? Functions);

public sealed record CreateMunicipalityRequest(string? Name);

/// <summary>A function to add to the catalogue, as given (checked by <see cref="Crisis.Domain.Organisation.OrganisationRules"/>); no minimum means 1.</summary>
public sealed record NewFunction(string? Code, string? Name, int? MinimumOnCall = null);

/// <summary>A person to add to the region, holding <paramref name="Functions"/> (codes).</summary>
public sealed record NewPerson(string? Name, string? Email, string? Municipality, IReadOnlyList<string> Functions);
