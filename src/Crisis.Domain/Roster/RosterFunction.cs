namespace Crisis.Domain.Roster;

/// <summary>
/// A key function as the roster needs it: its code (e.g. <c>OvD-BZ</c>) and how many people must be on call
/// at every minute. Codes are compared exactly; the catalogue gives them their one spelling.
/// </summary>
public sealed record RosterFunction(string Code, int MinimumOnCall = 1)
{
    /// <summary>More than this is not a piket but a team; the limit catches typing errors.</summary>
    public const int MaxMinimumOnCall = 50;

    public string Code { get; init; } = string.IsNullOrWhiteSpace(Code)
        ? throw LegacyRefusals.Of(ViolationKind.Invalid, "A function needs a code, such as OvD-BZ.", "code")
        : Code;

    // Zero is allowed: a function without piket duty still gets its conflicts checked, and never has gaps.
    public int MinimumOnCall { get; init; } = MinimumOnCall is >= 0 and <= MaxMinimumOnCall
        ? MinimumOnCall
        : throw LegacyRefusals.Of(ViolationKind.Invalid, 
            $"The minimum number on call must be between 0 and {MaxMinimumOnCall}; {MinimumOnCall} was given.", "minimumOnCall");
}
