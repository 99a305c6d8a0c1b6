namespace Crisis.Domain;

/// <summary>Small text rules every feature shares: quoting input back, e-mail identity, optional text.</summary>
public static class Texts
{
    /// <summary>Quotes at most 40 characters of bad input, never cutting a surrogate pair (an emoji) in half.</summary>
    public static string Shorten(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length <= 40)
        {
            return s;
        }
        var cut = char.IsHighSurrogate(s[39]) ? 39 : 40;
        return s[..cut] + "…";
    }

    /// <summary>
    /// The form of an e-mail address that identifies an official: trimmed and upper case, as ASP.NET Core Identity
    /// normalises it, so that a user and a person with the same e-mail are found as one.
    /// </summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    /// <summary>Trimmed text, or null when nothing visible is left (white space and zero-width characters, see <see cref="TextRules"/>).</summary>
    public static string? TrimToNull(string? s) => TextRules.IsBlank(s) ? null : TextRules.TrimInvisible(s!);

    /// <summary>Function, team and requirement codes are compared without regard to case.</summary>
    public static bool SameCode(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
