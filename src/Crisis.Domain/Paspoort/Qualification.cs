using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>Where one person stands on one requirement on one day.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="Status">Current, expiring, expired or missing.</param>
/// <param name="ValidUntil">
/// The last day (inclusive) the requirement is met: for current and expiring the day it runs out without new
/// activity, for expired the day it ran out. Null for a once-only requirement (which never runs out) and for missing.
/// </param>
/// <param name="Evidence">Ids of the records that count, newest first.</param>
public sealed record RequirementStatus(
    Requirement Requirement,
    PaspoortStatus Status,
    LocalDate? ValidUntil,
    IReadOnlyList<Guid> Evidence);

/// <summary>Where one person stands in one function on one day: the worst of its requirements.</summary>
/// <param name="Function">The function code.</param>
/// <param name="Status">The worst status of <paramref name="Requirements"/>; current when there are none.</param>
/// <param name="QualifiedUntil">
/// While qualified, the earliest <see cref="RequirementStatus.ValidUntil"/>: the day the person stops being
/// qualified without new activity. Null when not qualified or when nothing runs out.
/// </param>
/// <param name="Requirements">Each requirement of the function, in the order given.</param>
public sealed record FunctionStatus(
    string Function,
    PaspoortStatus Status,
    LocalDate? QualifiedUntil,
    IReadOnlyList<RequirementStatus> Requirements);

/// <summary>
/// Derives the dossier vakbekwaamheid: from a person's records, whether they meet each requirement of a function.
/// <para>
/// <b>Validity.</b> A record dated D for a requirement valid N months is valid from D through
/// <c>D.PlusMonths(N)</c>, both days included. NodaTime's <see cref="LocalDate.PlusMonths"/> is calendar
/// arithmetic that clamps to the end of a shorter month, so 2026-01-31 + 1 month is 2026-02-28 (2028-02-29 in a
/// leap year), 2025-08-31 + 6 months is 2026-02-28, and 2028-02-29 + 12 months is 2029-02-28. On that day the
/// person is still qualified; the day after, they are not. The issue asks for exactly this: a record of
/// 31 January valid for a month runs out at the end of February, not in March.
/// </para>
/// <para>
/// <b>Minimum counts.</b> A requirement with minimum count K is met on day T when at least K counting records
/// are valid on T. Since later records run out later, that holds when the K-th newest record dated on or before
/// T is still valid, so <c>ValidUntil</c> is that record's date plus N months.
/// </para>
/// <para>
/// <b>Expired versus missing.</b> Expired means the requirement was met on some day up to T and no longer is;
/// missing means it was never met (with K &gt; 1, two records years apart never met it together). A once-only
/// requirement is current once K counting records exist and never expires.
/// </para>
/// <para>
/// <b>Expiring.</b> Met on T and running out within <see cref="ExpiringWindowDays"/> days:
/// <c>ValidUntil &lt;= T + 60 days</c>. Sixty days before <c>ValidUntil</c> it is expiring, sixty-one days
/// before it is current.
/// </para>
/// <para>
/// Records dated after T are ignored, so a status for a past day (a shift's start) is what it was then, as far as
/// we now know: voided records never count, not even for days before they were voided.
/// </para>
/// </summary>
public static class Qualification
{
    /// <summary>How many days before it runs out a requirement shows as expiring.</summary>
    public const int ExpiringWindowDays = 60;

    /// <summary>The last day (inclusive) a record dated <paramref name="date"/> is valid for <paramref name="months"/> months.</summary>
    public static LocalDate ValidUntil(LocalDate date, int months) => date.PlusMonths(months);

    /// <summary>Where <paramref name="personId"/> stands on <paramref name="requirement"/> on day <paramref name="at"/>.</summary>
    /// <param name="records">The person's records; records of other people are ignored.</param>
    public static RequirementStatus Evaluate(
        Requirement requirement, Guid personId, IEnumerable<PaspoortRecord> records, LocalDate at)
    {
        var counting = Evidence.Counting(requirement, personId, records, at);
        var ids = counting.Select(r => r.Id).ToList();
        var k = Math.Max(1, requirement.MinimumCount);

        if (requirement.ValidForMonths is not { } months)
        {
            return counting.Count >= k
                ? new RequirementStatus(requirement, PaspoortStatus.Current, null, ids)
                : new RequirementStatus(requirement, PaspoortStatus.Missing, null, ids);
        }

        var lastMet = LastDayMet(counting.Select(r => r.Date).Reverse().ToList(), k, months);
        if (lastMet is not { } until)
        {
            return new RequirementStatus(requirement, PaspoortStatus.Missing, null, ids);
        }
        var status = until < at ? PaspoortStatus.Expired
            : until <= at.PlusDays(ExpiringWindowDays) ? PaspoortStatus.Expiring
            : PaspoortStatus.Current;
        return new RequirementStatus(requirement, status, until, ids);
    }

    /// <summary>
    /// Where <paramref name="personId"/> stands in <paramref name="function"/> on day <paramref name="at"/>:
    /// each of the function's requirements (others in <paramref name="requirements"/> are skipped) and the worst
    /// of them.
    /// </summary>
    public static FunctionStatus EvaluateFunction(
        Guid personId, string function, IEnumerable<Requirement> requirements, IEnumerable<PaspoortRecord> records, LocalDate at)
    {
        var own = records.Where(r => r.PersonId == personId).ToList();
        var statuses = requirements
            .Where(r => Texts.SameCode(r.Function, function))
            .Select(r => Evaluate(r, personId, own, at))
            .ToList();
        var worst = PaspoortStatuses.Worst(statuses.Select(s => s.Status));
        var qualifiedUntil = worst.IsQualified()
            ? statuses.Where(s => s.ValidUntil is not null).Select(s => s.ValidUntil).Min()
            : null;
        return new FunctionStatus(function, worst, qualifiedUntil, statuses);
    }

    /// <summary>The dossier of one person: their status in each of <paramref name="functions"/>, in that order.</summary>
    public static IReadOnlyList<FunctionStatus> Dossier(
        Guid personId, IEnumerable<string> functions, IEnumerable<Requirement> requirements, IEnumerable<PaspoortRecord> records, LocalDate at)
    {
        var requirementList = requirements.ToList();
        var own = records.Where(r => r.PersonId == personId).ToList();
        return functions.Select(f => EvaluateFunction(personId, f, requirementList, own, at)).ToList();
    }

    /// <summary>
    /// Whether <paramref name="personId"/> is qualified for <paramref name="function"/> on day <paramref name="at"/>:
    /// every requirement current or expiring. The roster flags a shift as <c>unqualified</c> when this is false on
    /// the local date of the shift's start. A function without requirements asks nothing, so everyone qualifies;
    /// whether the person holds the function at all is the roster's concern, not the paspoort's.
    /// </summary>
    public static bool IsQualified(
        Guid personId, string function, IEnumerable<Requirement> requirements, IEnumerable<PaspoortRecord> records, LocalDate at) =>
        EvaluateFunction(personId, function, requirements, records, at).Status.IsQualified();

    /// <summary>
    /// The last day a requirement with minimum count <paramref name="k"/> and validity <paramref name="months"/>
    /// was met, given the dates of the counting records in ascending order; null when it never was.
    /// </summary>
    /// <remarks>
    /// Between the j-th record and the next, the records in force are the first j, and the requirement holds
    /// from the j-th record's date while the k-th newest of them (index j-k+1) is still valid. Validity ends are
    /// in the same order as the dates, so the answer is the latest such end among the windows that are not empty.
    /// Taking the k-th newest record overall would be wrong for an expired requirement: with 12 months, k = 2 and
    /// records of 2024-01-15, 2024-02-15 and 2026-01-15, it was last met on 2025-01-15, when the first record ran
    /// out, not on 2025-02-15.
    /// </remarks>
    private static LocalDate? LastDayMet(List<LocalDate> ascending, int k, int months)
    {
        LocalDate? last = null;
        for (var j = k - 1; j < ascending.Count; j++)
        {
            var end = ValidUntil(ascending[j - k + 1], months);
            if (end >= ascending[j] && (last is null || end > last))
            {
                last = end;
            }
        }
        return last;
    }
}
