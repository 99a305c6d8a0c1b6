namespace Crisis.Domain;

/// <summary>The refusals every feature shares for raw input: times outside the sane range, control characters.</summary>
public static class InputRefusals
{
    /// <summary>Args: field, value (as given), min, max (<see cref="NodaTime.LocalDate"/>s).</summary>
    public static readonly RefusalCode DateOutOfRange = new("input.date-out-of-range", ViolationKind.Invalid);

    /// <summary>Args: field, character (<c>U+0000</c>), position (1-based).</summary>
    public static readonly RefusalCode ControlCharacter = new("input.control-character", ViolationKind.Invalid);

    /// <summary>Args: field: a line break or tab in a one-line text (a title, a name, a code).</summary>
    public static readonly RefusalCode LineBreak = new("input.line-break", ViolationKind.Invalid);
}
