using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>A closed incident (or evaluated exercise) as the paspoort needs it.</summary>
/// <param name="ClosedOn">The day it was closed, in the region's zone: the date the drafts carry.</param>
public sealed record ClosedIncident(Guid Id, string Title, bool Exercise, LocalDate ClosedOn);

/// <summary>Someone who took part in an incident, and the function they took part in (null when none).</summary>
public sealed record IncidentParticipant(Guid PersonId, string? Function);

/// <summary>
/// Evidence from real work: when an incident is closed, every participant who took part in a function gets a
/// draft record for that function and incident, which a coordinator confirms with a result and notes
/// (<see cref="RecordRules.Confirm"/>). Exercise incidents give <see cref="ActivityKind.Exercise"/> drafts marked
/// OEFENING, so a drill never passes for a deployment; the same hook serves exercises when they are evaluated.
/// </summary>
public static class DeploymentEvidence
{
    /// <summary>The prefix that marks everything an exercise produces (DOMAIN: exercises).</summary>
    public const string ExerciseMark = "OEFENING";

    // Fixed namespace for the name-based draft ids; changing it would make a re-run produce duplicates.
    private static readonly Guid DraftNamespace = new("6b0f3f7e-2a47-4f0e-9d3c-5a1c3e2b9f10");

    /// <summary>
    /// The draft records for <paramref name="incident"/>: one per person and function (a person who served in
    /// two functions gets two; the same function named twice gives one), none for participants without a
    /// function. The drafts carry the function but no requirement code, so once confirmed they count through
    /// the function (see <see cref="Evidence"/>). Ids are derived from incident, person and function, so running
    /// this again for the same incident yields the same ids and the host can skip the ones it already stored.
    /// </summary>
    /// <param name="recordedBy">The id Crisis itself writes under.</param>
    /// <param name="recordedAt">When the drafts are made.</param>
    public static IReadOnlyList<PaspoortRecord> Drafts(
        ClosedIncident incident, IEnumerable<IncidentParticipant> participants, Guid recordedBy, Instant recordedAt)
    {
        var kind = incident.Exercise ? ActivityKind.Exercise : ActivityKind.Deployment;
        var activity = ActivityName(incident);
        return participants
            .Select(p => (p.PersonId, Function: Texts.TrimToNull(p.Function)))
            .Where(p => p.Function is not null && p.PersonId != Guid.Empty)
            .DistinctBy(p => (p.PersonId, p.Function!.ToUpperInvariant()))
            .Select(p => new PaspoortRecord(
                DraftId(incident.Id, p.PersonId, p.Function!),
                p.PersonId,
                kind,
                activity,
                incident.ClosedOn,
                p.Function,
                RequirementCode: null,
                Result: null,
                Notes: null,
                RecordStatus.Draft,
                recordedBy,
                recordedAt,
                VoidsRecordId: null,
                IncidentId: incident.Id))
            .ToList();
    }

    /// <summary>
    /// The activity name of a draft: "Inzet: title", or "OEFENING: title" for an exercise, shortened to fit
    /// <see cref="RecordRules.MaxActivityLength"/>.
    /// </summary>
    public static string ActivityName(ClosedIncident incident)
    {
        var prefix = incident.Exercise ? ExerciseMark : ActivityKind.Deployment.ToDutch();
        var title = incident.Title.Trim();
        var name = $"{prefix}: {title}";
        return name.Length <= RecordRules.MaxActivityLength ? name : name[..(RecordRules.MaxActivityLength - 1)] + "…";
    }

    /// <summary>
    /// A name-based (version 5, RFC 9562) id for the draft of one person and function in one incident. The
    /// function is compared without regard to case, like everywhere else.
    /// </summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "A name-based UUID version 5 (RFC 9562) is defined on SHA-1; the id must stay stable for drafts already stored, and it is not a secret.")]
    public static Guid DraftId(Guid incidentId, Guid personId, string function)
    {
        var name = $"{incidentId:D}/{personId:D}/{function.Trim().ToUpperInvariant()}";
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        DraftNamespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        // SHA-1 because RFC 9562 defines version 5 with it; the id needs to be stable, not secret.
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
