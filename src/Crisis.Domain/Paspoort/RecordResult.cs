namespace Crisis.Domain.Paspoort;

/// <summary>
/// How a person did in the activity a record is about. A record without a result counts as attended:
/// most trainings and exercises are not graded, and requiring a grade would only make people type one.
/// </summary>
public enum RecordResult
{
    /// <summary>Passed an assessed activity, such as a course with an exam. Counts.</summary>
    Passed,
    /// <summary>Took part but did not pass. Does not count towards any requirement.</summary>
    Failed,
    /// <summary>Took part in an activity that is not graded. Counts.</summary>
    Attended,
}

/// <summary>Wire names (API) and Dutch labels (UI) of <see cref="RecordResult"/>.</summary>
public static class RecordResults
{
    private static readonly WireNames<RecordResult> Names = new(
        (RecordResult.Passed, "passed", "Geslaagd"),
        (RecordResult.Failed, "failed", "Niet geslaagd"),
        (RecordResult.Attended, "attended", "Deelgenomen"));

    public static IReadOnlyList<string> WireNames => Names.All;

    public static string ToWire(this RecordResult result) => Names.Wire(result);

    public static string ToDutch(this RecordResult result) => Names.Dutch(result);

    public static bool TryParse(string? wire, out RecordResult result) => Names.TryParse(wire, out result);

    /// <summary>Whether a record with this result can be evidence: everything but a fail.</summary>
    public static bool Counts(this RecordResult? result) => result != RecordResult.Failed;

    /// <summary>Reads an optional result; blank means none, anything unknown is a 400 on <paramref name="field"/>.</summary>
    public static RecordResult? ParseOptional(string? wire, string field = "result")
    {
        if (TextRules.IsBlank(wire))
        {
            return null;
        }
        if (!TryParse(wire, out var result))
        {
            throw PaspoortRuleRefusals.ResultUnknown.RaiseFor(field,
                ("result", Texts.Shorten(wire)), ("results", PaspoortRuleRefusals.AllResults()));
        }
        return result;
    }
}
