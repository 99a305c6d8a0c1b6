namespace Crisis.Domain.Paspoort;

/// <summary>
/// What sort of activity a paspoort record or requirement is about. Courses make someone qualified
/// (opleiden); trainings and exercises keep them qualified (trainen, oefenen); deployments are real work
/// (inzet) in a function.
/// </summary>
public enum ActivityKind
{
    Course,
    Training,
    Exercise,
    Deployment,
}

/// <summary>Wire names (API) and Dutch labels (UI) of <see cref="ActivityKind"/>.</summary>
public static class ActivityKinds
{
    private static readonly WireNames<ActivityKind> Names = new(
        (ActivityKind.Course, "course", "Cursus"),
        (ActivityKind.Training, "training", "Training"),
        (ActivityKind.Exercise, "exercise", "Oefening"),
        (ActivityKind.Deployment, "deployment", "Inzet"));

    /// <summary>All wire names, in the order of the enum: what the API accepts.</summary>
    public static IReadOnlyList<string> WireNames => Names.All;

    public static string ToWire(this ActivityKind kind) => Names.Wire(kind);

    public static string ToDutch(this ActivityKind kind) => Names.Dutch(kind);

    /// <summary>Reads a wire name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? wire, out ActivityKind kind) => Names.TryParse(wire, out kind);

    /// <summary>Reads a required wire name or throws a 400 naming <paramref name="field"/>.</summary>
    public static ActivityKind Parse(string? wire, string field)
    {
        if (TextRules.IsBlank(wire))
        {
            throw PaspoortRuleRefusals.KindMissing.RaiseFor(field, ("kinds", PaspoortRuleRefusals.AllKinds()));
        }
        return ParseOptional(wire, field)!.Value;
    }

    /// <summary>Reads an optional wire name: blank is none, anything unknown a 400 naming <paramref name="field"/>.</summary>
    public static ActivityKind? ParseOptional(string? wire, string field)
    {
        if (TextRules.IsBlank(wire))
        {
            return null;
        }
        if (!TryParse(wire, out var kind))
        {
            throw PaspoortRuleRefusals.KindUnknown.RaiseFor(field,
                ("kind", Texts.Shorten(wire)), ("kinds", PaspoortRuleRefusals.AllKinds()));
        }
        return kind;
    }
}
