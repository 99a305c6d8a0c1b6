namespace Crisis.Domain;

/// <summary>What kind of rule a request broke; the web layer maps it to an HTTP status.</summary>
public enum ViolationKind
{
    /// <summary>The input itself is wrong (400).</summary>
    Invalid,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>The thing named does not exist, or the caller may not know it exists (404).</summary>
    NotFound,
    /// <summary>The input is fine but the current state refuses it (409).</summary>
    Conflict,
    /// <summary>The input is larger than allowed (413).</summary>
    TooLarge,
    /// <summary>The caller sent too many requests in too short a time; it may try again later (429).</summary>
    TooMany,
    /// <summary>Crisis cannot answer now (its database is away or the outcome of a write is unknown); try again (503).</summary>
    Unavailable,
}

/// <summary>
/// A request that breaks a rule of the domain: the refusal's code and arguments (<see cref="Phrase"/>), which each
/// adapter renders for the person who made the request, saying what was wrong and, where it can, what would be right.
/// Raised through <see cref="RefusalCode.Raise"/>; never built from a message text.
/// </summary>
public sealed class RuleViolationException(ViolationKind kind, Phrase phrase, string? field = null)
    : Exception(phrase.ToString())
{
    public ViolationKind Kind { get; } = kind;

    /// <summary>The refusal's code and arguments.</summary>
    public Phrase Phrase { get; } = phrase;

    /// <summary>The stable code of the refusal, e.g. <c>roster.shift-skipped-time</c>.</summary>
    public string Code => Phrase.Code.Code;

    /// <summary>The input field at fault, in the API's camelCase, when there is one.</summary>
    public string? Field { get; } = field;
}
