using Crisis.Domain.Identity;

namespace Crisis.Domain.Paspoort;

/// <summary>
/// Who may see and write paspoort records. Everyone sees their own dossier; coordinators and exercise leads
/// (who run the trainings and exercises) see everyone's and write records, but never their own: a record is
/// evidence that someone else saw the work done.
/// </summary>
public static class PaspoortAccess
{
    /// <summary>Whether a user may read the dossier of <paramref name="subjectPersonId"/>.</summary>
    /// <param name="ownPersonId">The person the user is (same email), or null for a user who is no official.</param>
    public static bool CanRead(CrisisRole role, Guid? ownPersonId, Guid subjectPersonId) =>
        role is CrisisRole.Coordinator or CrisisRole.ExerciseLead || ownPersonId == subjectPersonId;

    /// <summary>
    /// Whether a user may write records about <paramref name="subjectPersonId"/>: record, correct, withdraw, or
    /// confirm a draft.
    /// </summary>
    public static bool CanWrite(CrisisRole role, Guid? ownPersonId, Guid subjectPersonId) =>
        role is CrisisRole.Coordinator or CrisisRole.ExerciseLead && ownPersonId != subjectPersonId;

    /// <summary>Requirements shape who may stand on call, so only coordinators set them.</summary>
    public static bool CanManageRequirements(CrisisRole role) => role == CrisisRole.Coordinator;

    /// <summary>The matrix and expiry list cover everyone, so they are for those who plan: coordinators and exercise leads.</summary>
    public static bool CanSeeOverviews(CrisisRole role) => role is CrisisRole.Coordinator or CrisisRole.ExerciseLead;

    /// <summary>Why the user may not write records about <paramref name="subjectPersonId"/>; null when <see cref="CanWrite"/>.</summary>
    public static RuleViolationException? WriteRefusal(CrisisRole role, Guid? ownPersonId, Guid subjectPersonId)
    {
        if (CanWrite(role, ownPersonId, subjectPersonId))
        {
            return null;
        }
        return ownPersonId == subjectPersonId && role is CrisisRole.Coordinator or CrisisRole.ExerciseLead
            ? PaspoortRuleRefusals.OwnRecord.Raise()
            : PaspoortRuleRefusals.WritersOnly.Raise();
    }

    /// <summary>Throws a 403 that says why (<see cref="WriteRefusal"/>), unless <see cref="CanWrite"/>.</summary>
    public static void EnsureCanWrite(CrisisRole role, Guid? ownPersonId, Guid subjectPersonId)
    {
        if (WriteRefusal(role, ownPersonId, subjectPersonId) is { } refusal)
        {
            throw refusal;
        }
    }
}
