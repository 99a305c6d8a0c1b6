namespace Crisis.Domain.Roster;

/// <summary>
/// A key function as the roster needs it: its code (e.g. <c>OvD-BZ</c>) and how many people must be on call
/// at every minute. Codes are compared exactly; the catalogue gives them their one spelling.
/// </summary>
public sealed record RosterFunction(string Code, int MinimumOnCall = 1)
{
    /// <summary>More than this is not a piket but a team; the limit catches typing errors.</summary>
    public const int MaxMinimumOnCall = 50;

    public string Code { get; init; } = TextRules.IsBlank(Code)
        ? throw RosterRefusals.FunctionCodeMissing.RaiseFor("code")
        : Code;

    // Zero is allowed: a function without piket duty still gets its conflicts checked, and never has gaps.
    public int MinimumOnCall { get; init; } = MinimumOnCall is >= 0 and <= MaxMinimumOnCall
        ? MinimumOnCall
        : throw RosterRefusals.FunctionMinimumOutOfRange.RaiseFor("minimumOnCall", ("max", MaxMinimumOnCall), ("given", MinimumOnCall));
}
