using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>
/// Which records count towards which requirement.
/// <para>
/// A record counts towards a requirement when it is <see cref="RecordStatus.Confirmed"/>, not voided, not
/// <see cref="RecordResult.Failed"/>, and matches the requirement:
/// </para>
/// <list type="bullet">
/// <item>A record that names a requirement code matches every requirement with that code, whatever function it
/// belongs to: the code names the competence, so one LCMS training counts for OvD-BZ and HIN alike. The
/// recorder named it, so that is taken as said (the kind was checked when the record was written).</item>
/// <item>A record without a requirement code matches only through its function, and only for the "do the work"
/// track: an exercise or deployment in function F matches F's exercise requirements, and a deployment in F also
/// matches F's deployment requirements. Real work is at least as good as a drill, but a drill is not real work.
/// Courses and trainings never match implicitly: they are specific (the basic course, the LCMS training), and
/// "some training as OvD-BZ" must not tick off the LCMS requirement. (When a function has exactly one course
/// or training requirement, <see cref="RecordRules.Validate"/> fills in its code as the record is written.)
/// Matching through the function is what lets the draft deployments Crisis makes from closed incidents
/// (function, no code) count once confirmed.</item>
/// </list>
/// </summary>
public static class Evidence
{
    /// <summary>Whether an activity of kind <paramref name="record"/> can meet a requirement of kind <paramref name="required"/>.</summary>
    public static bool KindMeets(ActivityKind record, ActivityKind required) =>
        record == required || (record == ActivityKind.Deployment && required == ActivityKind.Exercise);

    /// <summary>Whether <paramref name="record"/> is about <paramref name="requirement"/> (ignoring status, voiding and result).</summary>
    public static bool Matches(PaspoortRecord record, Requirement requirement)
    {
        if (record.RequirementCode is { } code)
        {
            return Texts.SameCode(code, requirement.Code);
        }
        return record.Function is { } function
            && Texts.SameCode(function, requirement.Function)
            && record.Kind is ActivityKind.Exercise or ActivityKind.Deployment
            && requirement.Kind is ActivityKind.Exercise or ActivityKind.Deployment
            && KindMeets(record.Kind, requirement.Kind);
    }

    /// <summary>
    /// The records of <paramref name="personId"/> that count towards <paramref name="requirement"/>, dated on
    /// or before <paramref name="at"/>, newest first. Records of other people in <paramref name="records"/> are
    /// ignored, so callers may pass everyone's records; voids only act within one person's records.
    /// </summary>
    public static IReadOnlyList<PaspoortRecord> Counting(
        Requirement requirement, Guid personId, IEnumerable<PaspoortRecord> records, LocalDate at)
    {
        var own = records.Where(r => r.PersonId == personId).ToList();
        var voided = Voids.VoidedIds(own);
        return own
            .Where(r => r.Status == RecordStatus.Confirmed
                && !voided.Contains(r.Id)
                && r.Result.Counts()
                && r.Date <= at
                && Matches(r, requirement))
            .OrderByDescending(r => r.Date)
            .ThenByDescending(r => r.RecordedAt)
            .ToList();
    }
}
