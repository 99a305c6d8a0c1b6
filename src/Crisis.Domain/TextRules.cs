using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Crisis.Domain;

/// <summary>
/// The one rule for text that people type, every feature's: no control characters (a long text may hold line breaks
/// and tabs, a one-line text not even those), and "not empty" means something visible once white space and the
/// invisible format characters (Unicode category Cf: zero-width space, joiners, direction marks, BOM) are trimmed.
/// The edge (API bodies and query strings, hub arguments) refuses control characters in every string before a
/// feature sees it; the features call <see cref="Required"/> / <see cref="Optional"/> for their fields.
/// </summary>
public static class TextRules
{
    /// <summary>White space or a format character: nothing a reader sees.</summary>
    public static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Null, empty, or nothing but invisible characters.</summary>
    public static bool IsBlank([NotNullWhen(false)] string? text)
    {
        if (text is null)
        {
            return true;
        }
        foreach (var c in text)
        {
            if (!IsInvisible(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The text without invisible characters at either end.</summary>
    public static string TrimInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        var end = text.Length;
        while (start < end && IsInvisible(text[start]))
        {
            start++;
        }
        while (end > start && IsInvisible(text[end - 1]))
        {
            end--;
        }
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>
    /// A character no text may hold: C0 controls (in a long text except tab, line feed and carriage return), DEL,
    /// C1 controls, and a surrogate half without its pair.
    /// </summary>
    public static bool IsForbidden(string text, int index, bool multiline)
    {
        var c = text[index];
        if (c is '\t' or '\n' or '\r')
        {
            return !multiline;
        }
        if (char.IsControl(c))
        {
            return true;
        }
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }
        return false;
    }

    /// <summary>The index of the first forbidden character, or -1.</summary>
    public static int FindForbidden(string? text, bool multiline)
    {
        if (text is null)
        {
            return -1;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbidden(text, i, multiline))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Refuses a text with a forbidden character, naming the field, the character and where it is.</summary>
    public static void CheckCharacters(string? text, string field, bool multiline = true)
    {
        var at = FindForbidden(text, multiline);
        if (at < 0)
        {
            return;
        }
        var c = text![at];
        if (!multiline && c is '\t' or '\n' or '\r')
        {
            throw InputRefusals.LineBreak.RaiseFor(field, ("field", field));
        }
        throw InputRefusals.ControlCharacter.RaiseFor(field, ("field", field), ("character", $"U+{(int)c:X4}"), ("position", at + 1));
    }

    /// <summary>An optional text: null when blank (white space, line breaks included, counts as nothing), else trimmed of invisible ends; refused when it holds a forbidden character.</summary>
    public static string? Optional(string? text, string field, bool multiline = false)
    {
        if (IsBlank(text))
        {
            return null;
        }
        CheckCharacters(text, field, multiline);
        return TrimInvisible(text);
    }

    /// <summary>A text the field needs: refused with <paramref name="missing"/> when blank; trimmed of invisible ends.</summary>
    public static string Required(string? text, string field, RuleViolationException missing, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return Optional(text, field, multiline) ?? throw missing;
    }
}
