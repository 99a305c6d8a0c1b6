namespace Crisis.Domain.Exercises;

/// <summary>
/// One thing wrong with a scenario file: where (<see cref="File"/>, 1-based <see cref="Line"/>, and the
/// <see cref="Field"/> as a path such as <c>injects[2].to.team</c>) and what (<see cref="Problem"/>, rendered in English
/// or Dutch from the exercises' phrase table).
/// </summary>
public sealed record ScenarioProblem(string File, int Line, string Field, Phrase Problem);

/// <summary>The problems <see cref="ScenarioReader"/> finds in a scenario file.</summary>
public static class ScenarioProblems
{
    /// <summary>The text is not YAML at all (here the line is where the parser stopped).</summary>
    public static readonly NoticeCode YamlInvalid = new("exercises.scenario-yaml-invalid");

    public static readonly NoticeCode FieldMissing = new("exercises.scenario-field-missing");

    /// <summary>A key that is not part of the format (usually a typo); <c>{allowed}</c> lists the keys that are.</summary>
    public static readonly NoticeCode FieldUnknown = new("exercises.scenario-field-unknown");

    /// <summary>A value of the wrong shape: <c>{expected}</c> says which (a text, a list, a mapping, a number, yes/no).</summary>
    public static readonly NoticeCode WrongShape = new("exercises.scenario-wrong-shape");

    public static readonly NoticeCode SchemaUnknown = new("exercises.scenario-schema-unknown");

    /// <summary>A word that is not one of the <c>{allowed}</c> ones (type, method).</summary>
    public static readonly NoticeCode ValueUnknown = new("exercises.scenario-value-unknown");

    public static readonly NoticeCode TimeInvalid = new("exercises.scenario-time-invalid");
    public static readonly NoticeCode DateTimeInvalid = new("exercises.scenario-date-time-invalid");
    public static readonly NoticeCode NumberOutOfRange = new("exercises.scenario-number-out-of-range");
    public static readonly NoticeCode TextTooLong = new("exercises.scenario-text-too-long");
    public static readonly NoticeCode IdInvalid = new("exercises.scenario-id-invalid");
    public static readonly NoticeCode IdDuplicate = new("exercises.scenario-id-duplicate");

    /// <summary>An id that names nothing in the file: an objective, an expected action or an inject.</summary>
    public static readonly NoticeCode ReferenceUnknown = new("exercises.scenario-reference-unknown");

    /// <summary>A contingency names an inject that has an <c>at</c>: it would be delivered twice.</summary>
    public static readonly NoticeCode ContingencyNotContingencyOnly = new("exercises.scenario-contingency-scheduled");

    /// <summary><c>to</c> must name exactly one function or one team.</summary>
    public static readonly NoticeCode AddressInvalid = new("exercises.scenario-address-invalid");

    public static readonly NoticeCode TeamUnknown = new("exercises.scenario-team-unknown");
    public static readonly NoticeCode NoInjects = new("exercises.scenario-no-injects");
    public static readonly NoticeCode AtAfterEnd = new("exercises.scenario-at-after-end");

    /// <summary>An inject marked <c>contingencyOnly</c> that still has an <c>at</c>.</summary>
    public static readonly NoticeCode AtOnContingencyOnly = new("exercises.scenario-at-on-contingency");
}
