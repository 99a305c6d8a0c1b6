using System.Text.RegularExpressions;

namespace Crisis.Domain.Paspoort;

/// <summary>
/// Something a person in a function must have done: for example an OvD-BZ needs the basic course once
/// (<see cref="ValidForMonths"/> null) and an exercise in the function every 12 months.
/// </summary>
/// <param name="Function">The function code (e.g. <c>OVD-BZ</c>) this requirement belongs to.</param>
/// <param name="Code">
/// Names the competence, upper-case ASCII with dashes (e.g. <c>LCMS-TRAINING</c>). Unique within a function.
/// The same code under several functions means the same competence: one record naming it counts for each.
/// </param>
/// <param name="Name">Dutch name shown to people.</param>
/// <param name="Kind">The kind of activity that meets it.</param>
/// <param name="ValidForMonths">
/// How long one activity stays valid, in calendar months; null when once is enough (becoming qualified).
/// </param>
/// <param name="MinimumCount">
/// How many activities must be valid at the same time; for a once-only requirement, how many in total.
/// </param>
public sealed record Requirement(
    string Function,
    string Code,
    string Name,
    ActivityKind Kind,
    int? ValidForMonths,
    int MinimumCount = 1)
{
    /// <summary>Met once, met for good: the track of becoming qualified rather than staying qualified.</summary>
    public bool OnceOnly => ValidForMonths is null;
}

/// <summary>The rules a new requirement must satisfy before coordinators can use it.</summary>
public static partial class RequirementRules
{
    public const int MinCodeLength = 2;
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 200;
    public const int MinValidForMonths = 1;
    /// <summary>Ten years: anything longer is a once-only requirement in disguise.</summary>
    public const int MaxValidForMonths = 120;
    public const int MinMinimumCount = 1;
    public const int MaxMinimumCount = 50;

    /// <summary>
    /// Checks a request to add a requirement and returns it normalised: the function spelled as in
    /// <paramref name="knownFunctions"/>, the code in upper case, the minimum count defaulting to 1.
    /// Throws <see cref="RuleViolationException"/>: Invalid for bad fields, Conflict when the function
    /// already has a requirement with this code.
    /// </summary>
    /// <param name="knownFunctions">Codes of the functions that exist.</param>
    /// <param name="existing">All requirements there are now, of every function.</param>
    public static Requirement Validate(
        string? function, string? code, string? name, ActivityKind? kind, int? validForMonths, int? minimumCount,
        IReadOnlyCollection<string> knownFunctions, IReadOnlyCollection<Requirement> existing)
    {
        var knownFunction = ValidateFunction(function, knownFunctions, "function")
            ?? throw PaspoortRuleRefusals.RequirementFunctionMissing.RaiseFor("function");
        var normalizedCode = ValidateCode(code);
        var trimmedName = TextRules.Required(name, "name", PaspoortRuleRefusals.RequirementNameMissing.RaiseFor("name"));
        if (trimmedName.Length > MaxNameLength)
        {
            throw PaspoortRuleRefusals.RequirementNameTooLong.RaiseFor("name", ("length", trimmedName.Length), ("max", MaxNameLength));
        }
        var parsedKind = kind ?? throw PaspoortRuleRefusals.KindMissing.RaiseFor("kind", ("kinds", PaspoortRuleRefusals.AllKinds()));
        if (validForMonths is { } months && months is < MinValidForMonths or > MaxValidForMonths)
        {
            throw PaspoortRuleRefusals.ValidForMonthsOutOfRange.RaiseFor("validForMonths",
                ("min", MinValidForMonths), ("max", MaxValidForMonths), ("months", months));
        }
        var count = minimumCount ?? 1;
        if (count is < MinMinimumCount or > MaxMinimumCount)
        {
            throw PaspoortRuleRefusals.MinimumCountOutOfRange.RaiseFor("minimumCount",
                ("min", MinMinimumCount), ("max", MaxMinimumCount), ("count", count));
        }

        if (existing.Any(r => Texts.SameCode(r.Function, knownFunction) && Texts.SameCode(r.Code, normalizedCode)))
        {
            throw PaspoortRuleRefusals.RequirementExists.Raise(("function", knownFunction), ("code", normalizedCode));
        }
        // A record naming a code counts for that code under every function, so the code must mean the
        // same kind of activity everywhere; otherwise one training could satisfy an exercise requirement.
        if (existing.FirstOrDefault(r => Texts.SameCode(r.Code, normalizedCode) && r.Kind != parsedKind) is { } clash)
        {
            throw PaspoortRuleRefusals.CodeKindClash.RaiseFor("code",
                ("code", normalizedCode), ("kind", PaspoortRuleRefusals.Word(clash.Kind)), ("function", clash.Function));
        }
        return new Requirement(knownFunction, normalizedCode, trimmedName, parsedKind, validForMonths, count);
    }

    /// <summary>A requirement code: 2 to 32 characters of A-Z, 0-9 and single dashes between them, upper-cased.</summary>
    public static string ValidateCode(string? code, string field = "code")
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw PaspoortRuleRefusals.CodeMissing.RaiseFor(field);
        }
        if (trimmed.Length is < MinCodeLength or > MaxCodeLength)
        {
            throw PaspoortRuleRefusals.CodeLength.RaiseFor(field,
                ("min", MinCodeLength), ("max", MaxCodeLength), ("code", Texts.Shorten(trimmed)), ("length", trimmed.Length));
        }
        // Checked before upper-casing: ToUpperInvariant turns 'ı' and 'ſ' into ASCII 'I' and 'S', which would
        // let look-alike codes in.
        if (!CodePattern().IsMatch(trimmed))
        {
            throw PaspoortRuleRefusals.CodeUnusable.RaiseFor(field, ("code", Texts.Shorten(trimmed)));
        }
        return trimmed.ToUpperInvariant();
    }

    /// <summary>
    /// The function as spelled in <paramref name="knownFunctions"/>; null when none was given; a 400 on
    /// <paramref name="field"/> when it is not a known function.
    /// </summary>
    internal static string? ValidateFunction(string? function, IReadOnlyCollection<string> knownFunctions, string field)
    {
        var trimmed = Texts.TrimToNull(function);
        if (trimmed is null)
        {
            return null;
        }
        return knownFunctions.FirstOrDefault(f => Texts.SameCode(f, trimmed))
            ?? throw PaspoortRuleRefusals.FunctionUnknown.RaiseFor(field, ("function", Texts.Shorten(trimmed)), ("functions", knownFunctions.ToList()));
    }

    // Explicit ASCII classes and no IgnoreCase: \w, or case-insensitive matching, would let the Kelvin sign
    // and other non-ASCII letters through.
    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
