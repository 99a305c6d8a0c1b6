using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>
/// One entry in a person's Veiligheidspaspoort: an activity they took part in. Records are immutable. A
/// correction is a new record whose <see cref="VoidsRecordId"/> names the record it replaces; the voided
/// record stays in the dossier but no longer counts. Confirming a draft works the same way.
/// </summary>
/// <param name="Id">Identity of this record.</param>
/// <param name="PersonId">The official the record is about.</param>
/// <param name="Kind">Course, training, exercise or deployment.</param>
/// <param name="Activity">What it was, as people name it ("LCMS-training voorjaar", "Inzet: brand Haven 4").</param>
/// <param name="Date">The day it took place, in the region's zone; validity runs from this day.</param>
/// <param name="Function">The function the person took part in, when it was in a function.</param>
/// <param name="RequirementCode">The requirement this record is evidence for, when the recorder named one.</param>
/// <param name="Result">How it went; null means attended (see <see cref="RecordResult"/>).</param>
/// <param name="Notes">The evaluator's notes.</param>
/// <param name="Status">Draft, confirmed, or a void-only record.</param>
/// <param name="RecordedBy">Who wrote this record (a user, or Crisis itself for drafts).</param>
/// <param name="RecordedAt">When it was written.</param>
/// <param name="VoidsRecordId">The earlier record of the same person this one voids, if any.</param>
/// <param name="IncidentId">The incident or exercise it stems from, for deployments and evaluated exercises.</param>
public sealed record PaspoortRecord(
    Guid Id,
    Guid PersonId,
    ActivityKind Kind,
    string Activity,
    LocalDate Date,
    string? Function,
    string? RequirementCode,
    RecordResult? Result,
    string? Notes,
    RecordStatus Status,
    Guid RecordedBy,
    Instant RecordedAt,
    Guid? VoidsRecordId = null,
    Guid? IncidentId = null);

/// <summary>
/// A request to record an activity before it is checked (its kind and result already read from the wire, the rest
/// as given; no kind is refused as the rules reach it). <see cref="VoidsRecordId"/> makes it a correction of an earlier record.
/// </summary>
public sealed record RecordRequest(
    Guid PersonId,
    ActivityKind? Kind,
    string? Activity,
    LocalDate? Date,
    string? Function = null,
    string? Requirement = null,
    RecordResult? Result = null,
    string? Notes = null,
    Guid? VoidsRecordId = null);

/// <summary>What the host adds to every record it stores: a new id, who writes it and when.</summary>
public sealed record RecordStamp(Guid Id, Guid RecordedBy, Instant RecordedAt);
