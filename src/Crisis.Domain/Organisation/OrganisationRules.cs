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
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give the function's code, e.g. OVD-BZ.", field);
        }
        if (trimmed.Length < 2 || trimmed.Length > MaxCodeLength || !CodePattern().IsMatch(trimmed))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"'{Texts.Shorten(code!)}' is not a valid function code: use 2 to {MaxCodeLength} letters, digits and single dashes, e.g. OVD-BZ.", field);
        }
        return trimmed;
    }

    public static string ValidateName(string? name, string field = "name")
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "A name is required.", field);
        }
        if (trimmed.Length > MaxNameLength)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"The name is {trimmed.Length} characters long; at most {MaxNameLength} are allowed.", field);
        }
        return trimmed;
    }

    public static int ValidateMinimumOnCall(int? minimum)
    {
        var value = minimum ?? 1;
        if (value is < 0 or > MaxMinimumOnCall)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"minimumOnCall {value} is out of range; use 0 (no on-call duty) to {MaxMinimumOnCall}.", "minimumOnCall");
        }
        return value;
    }

    public static string ValidateEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 256 || !EmailPattern().IsMatch(trimmed))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"'{Texts.Shorten(email ?? "")}' is not a valid email address.", "email");
        }
        return trimmed;
    }

}
