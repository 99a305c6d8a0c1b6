using System.Globalization;
using System.Text;

namespace Crisis.Domain.Organisation;

/// <summary>A function that can be staffed from a pool and carries on-call duty (piket).</summary>
public sealed record FunctionInfo(string Code, string Name, int MinimumOnCall, string? Municipality);

/// <summary>
/// The key functions (sleutelfuncties) every region starts with, and the local AOV piket that each municipality
/// has. Codes are upper-case ASCII with dashes; they are what the roster, the paspoort and the API use.
/// </summary>
public static class FunctionCatalogue
{
    public const string OvdBz = "OVD-BZ";
    public const string AcBz = "AC-BZ";
    public const string Hin = "HIN";
    public const string HoofdPubliekeZorg = "HOOFD-PUBLIEKE-ZORG";
    public const string HoofdOmgevingszorg = "HOOFD-OMGEVINGSZORG";
    public const string HoofdOndersteuning = "HOOFD-ONDERSTEUNING";
    public const string HoofdNafase = "HOOFD-NAFASE";

    /// <summary>The regional key functions, each to be staffed around the clock by at least one person.</summary>
    public static IReadOnlyList<FunctionInfo> KeyFunctions { get; } =
    [
        new(OvdBz, "Officier van Dienst Bevolkingszorg", 1, null),
        new(AcBz, "Algemeen Commandant Bevolkingszorg", 1, null),
        new(Hin, "Hoofd Informatie Bevolkingszorg", 1, null),
        new(HoofdPubliekeZorg, "Hoofd Publieke Zorg", 1, null),
        new(HoofdOmgevingszorg, "Hoofd Omgevingszorg", 1, null),
        new(HoofdOndersteuning, "Hoofd Ondersteuning", 1, null),
        new(HoofdNafase, "Hoofd Nafase", 1, null),
    ];

    /// <summary>The local AOV piket of a municipality, e.g. <c>AOV-BEEKHUIZEN</c>.</summary>
    public static FunctionInfo LocalAov(string municipality) =>
        new($"AOV-{Slug(municipality)}", $"AOV-piket {municipality}", 1, municipality);

    /// <summary>Upper-case ASCII letters, digits and single dashes: "'s-Gravenzande" becomes "S-GRAVENZANDE".</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }
}
