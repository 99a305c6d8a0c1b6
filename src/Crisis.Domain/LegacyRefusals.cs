namespace Crisis.Domain;

// TRANSITION ONLY (issue 7): the refusals that still carry an English sentence instead of a code. Every feature moves
// its refusals to RefusalCode fields; when no call is left this file is deleted.
public static class LegacyRefusals
{
    public static readonly RefusalCode Invalid = new("legacy.invalid", ViolationKind.Invalid);
    public static readonly RefusalCode Forbidden = new("legacy.forbidden", ViolationKind.Forbidden);
    public static readonly RefusalCode NotFound = new("legacy.not-found", ViolationKind.NotFound);
    public static readonly RefusalCode Conflict = new("legacy.conflict", ViolationKind.Conflict);
    public static readonly RefusalCode TooLarge = new("legacy.too-large", ViolationKind.TooLarge);

    public static RuleViolationException Of(ViolationKind kind, string message, string? field = null)
    {
        var code = kind switch
        {
            ViolationKind.Forbidden => Forbidden,
            ViolationKind.NotFound => NotFound,
            ViolationKind.Conflict => Conflict,
            ViolationKind.TooLarge => TooLarge,
            _ => Invalid,
        };
        return new RuleViolationException(kind, code.With(("message", message)), field);
    }
}
