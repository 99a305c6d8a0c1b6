using System.Text.RegularExpressions;

namespace Crisis.Domain.Organisation;

/// <summary>What a function, a person and a municipality must look like before they are stored.</summary>
public static partial class OrganisationRules
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 200;
    public const int MaxMinimumOnCall = 50;

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static string ValidateFunctionCode(string? code, string field = "code")
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length == 0)
        {
            throw OrganisationRefusals.FunctionCodeMissing.RaiseFor(field);
        }
        if (trimmed.Length < 2 || trimmed.Length > MaxCodeLength || !CodePattern().IsMatch(trimmed))
        {
            throw OrganisationRefusals.FunctionCodeInvalid.RaiseFor(field, ("code", Texts.Shorten(code!)), ("max", MaxCodeLength));
        }
        return trimmed;
    }

    public static string ValidateName(string? name, string field = "name")
    {
        var trimmed = TextRules.Required(name, field, OrganisationRefusals.NameMissing.RaiseFor(field));
        if (trimmed.Length > MaxNameLength)
        {
            throw OrganisationRefusals.NameTooLong.RaiseFor(field, ("length", trimmed.Length), ("max", MaxNameLength));
        }
        return trimmed;
    }

    public static int ValidateMinimumOnCall(int? minimum)
    {
        var value = minimum ?? 1;
        if (value is < 0 or > MaxMinimumOnCall)
        {
            throw OrganisationRefusals.MinimumOnCallOutOfRange.RaiseFor("minimumOnCall", ("value", value), ("max", MaxMinimumOnCall));
        }
        return value;
    }

    public static string ValidateEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 256 || !EmailPattern().IsMatch(trimmed))
        {
            throw OrganisationRefusals.EmailInvalid.RaiseFor("email", ("email", Texts.Shorten(email ?? "")));
        }
        return trimmed;
    }

}
