namespace Crisis.Domain.Paspoort;

/// <summary>Small text helpers shared by the paspoort rules.</summary>
internal static class Text
{
    /// <summary>Keeps echoed input short, so an error message cannot be made arbitrarily long.</summary>
    public static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Trimmed text, or null when nothing but white space is left.</summary>
    public static string? TrimToNull(string? s)
    {
        var trimmed = s?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Function and requirement codes are compared without regard to case.</summary>
    public static bool SameCode(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
