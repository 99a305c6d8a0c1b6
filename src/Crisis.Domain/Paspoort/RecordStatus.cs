namespace Crisis.Domain.Paspoort;

/// <summary>Where a record stands. Only confirmed records are evidence.</summary>
public enum RecordStatus
{
    /// <summary>
    /// Proposed by Crisis itself (a deployment from a closed incident, an evaluated exercise) and waiting for a
    /// coordinator. It does not count: nobody has yet said the person really did the work, nor how it went.
    /// </summary>
    Draft,
    /// <summary>Recorded or confirmed by a coordinator or exercise lead. Counts unless voided or failed.</summary>
    Confirmed,
    /// <summary>
    /// Exists only to void another record (entered for the wrong person, never happened). It is no evidence
    /// itself, but it keeps the trail: who withdrew what, when and why.
    /// </summary>
    Void,
}

/// <summary>Wire names (API) and Dutch labels (UI) of <see cref="RecordStatus"/>.</summary>
public static class RecordStatuses
{
    private static readonly WireNames<RecordStatus> Names = new(
        (RecordStatus.Draft, "draft", "Concept"),
        (RecordStatus.Confirmed, "confirmed", "Bevestigd"),
        (RecordStatus.Void, "void", "Ingetrokken"));

    public static IReadOnlyList<string> WireNames => Names.All;

    public static string ToWire(this RecordStatus status) => Names.Wire(status);

    public static string ToDutch(this RecordStatus status) => Names.Dutch(status);

    public static bool TryParse(string? wire, out RecordStatus status) => Names.TryParse(wire, out status);
}
