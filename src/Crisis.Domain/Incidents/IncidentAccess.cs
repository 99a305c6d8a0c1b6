using Crisis.Domain.Identity;

namespace Crisis.Domain.Incidents;

/// <summary>What a user may do with one incident.</summary>
public sealed record IncidentAccess(bool CanRead, bool CanWrite, bool CanManage)
{
    public static readonly IncidentAccess None = new(false, false, false);

    /// <summary>
    /// Coordinators may do everything with every incident. Participants may read; participants who are not
    /// viewers may write; participating officers (and exercise leads, for exercises) may also change the
    /// GRIP level, close the incident and add participants. Everyone else may do nothing.
    /// </summary>
    public static IncidentAccess For(CrisisRole role, bool isParticipant, bool exercise)
    {
        if (role == CrisisRole.Coordinator)
        {
            return new(true, true, true);
        }
        if (!isParticipant)
        {
            return None;
        }
        var canWrite = role != CrisisRole.Viewer;
        var canManage = role == CrisisRole.Officer || (exercise && role == CrisisRole.ExerciseLead);
        return new(true, canWrite, canManage);
    }

    /// <summary>Who may open a new incident: coordinators and officers; exercise leads open exercises only.</summary>
    public static bool CanOpen(CrisisRole role, bool exercise) =>
        role is CrisisRole.Coordinator or CrisisRole.Officer || (exercise && role == CrisisRole.ExerciseLead);
}
