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
}

/// <summary>
/// A request that breaks a rule of the domain. The message is written for the person who made the
/// request: it says what was wrong and, where it can, what would be right.
/// </summary>
public sealed class RuleViolationException(ViolationKind kind, string message, string? field = null)
    : Exception(message)
{
    public ViolationKind Kind { get; } = kind;

    /// <summary>The input field at fault, in the API's camelCase, when there is one.</summary>
    public string? Field { get; } = field;

    public static RuleViolationException Invalid(string message, string? field = null) => new(ViolationKind.Invalid, message, field);
    public static RuleViolationException Forbidden(string message) => new(ViolationKind.Forbidden, message);
    public static RuleViolationException NotFound(string message) => new(ViolationKind.NotFound, message);
    public static RuleViolationException Conflict(string message) => new(ViolationKind.Conflict, message);
}
