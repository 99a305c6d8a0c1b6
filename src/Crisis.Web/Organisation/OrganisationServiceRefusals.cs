using Crisis.Domain;
using Crisis.Domain.Organisation;

namespace Crisis.Web.Organisation;

/// <summary>What <see cref="OrganisationService"/> refuses; the rules of a function, person or name are <see cref="OrganisationRefusals"/>.</summary>
public static class OrganisationServiceRefusals
{
    public static readonly RefusalCode MunicipalityAddDenied = new("organisation.municipality-add-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode FunctionCreateDenied = new("organisation.function-create-denied", ViolationKind.Forbidden);
    public static readonly RefusalCode PersonCreateDenied = new("organisation.person-create-denied", ViolationKind.Forbidden);

    /// <summary>Args: max.</summary>
    public static readonly RefusalCode MunicipalityNameTooLong = new("organisation.municipality-name-too-long", ViolationKind.Invalid);

    /// <summary>Args: name.</summary>
    public static readonly RefusalCode MunicipalityExists = new("organisation.municipality-exists", ViolationKind.Conflict);

    /// <summary>Args: code, name (of the municipality).</summary>
    public static readonly RefusalCode AovCodeTaken = new("organisation.aov-code-taken", ViolationKind.Conflict);

    /// <summary>Args: code.</summary>
    public static readonly RefusalCode FunctionExists = new("organisation.function-exists", ViolationKind.Conflict);

    /// <summary>Args: id.</summary>
    public static readonly RefusalCode PersonNotFound = new("organisation.person-not-found", ViolationKind.NotFound);

    public static readonly RefusalCode NoMunicipalities = new("organisation.no-municipalities", ViolationKind.Invalid);

    /// <summary>Args: municipality (as given), known (names).</summary>
    public static readonly RefusalCode MunicipalityUnknown = new("organisation.municipality-unknown", ViolationKind.Invalid);

    /// <summary>Args: codes.</summary>
    public static readonly RefusalCode FunctionsUnknown = new("organisation.functions-unknown", ViolationKind.Invalid);

    /// <summary>Args: email.</summary>
    public static readonly RefusalCode PersonExists = new("organisation.person-exists", ViolationKind.Conflict);
}
