namespace Crisis.Domain.Organisation;

/// <summary>The rules a function, a person and a municipality must meet (<see cref="OrganisationRules"/>).</summary>
public static class OrganisationRefusals
{
    public static readonly RefusalCode FunctionCodeMissing = new("organisation.function-code-missing", ViolationKind.Invalid);

    /// <summary>Args: code (as given, shortened), max.</summary>
    public static readonly RefusalCode FunctionCodeInvalid = new("organisation.function-code-invalid", ViolationKind.Invalid);

    public static readonly RefusalCode NameMissing = new("organisation.name-missing", ViolationKind.Invalid);

    /// <summary>Args: length, max.</summary>
    public static readonly RefusalCode NameTooLong = new("organisation.name-too-long", ViolationKind.Invalid);

    /// <summary>Args: value, max.</summary>
    public static readonly RefusalCode MinimumOnCallOutOfRange = new("organisation.minimum-on-call-out-of-range", ViolationKind.Invalid);

    /// <summary>Args: email (as given, shortened).</summary>
    public static readonly RefusalCode EmailInvalid = new("organisation.email-invalid", ViolationKind.Invalid);
}
