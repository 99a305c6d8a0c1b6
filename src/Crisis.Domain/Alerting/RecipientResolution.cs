using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>Whom a step reaches and whom it meant to reach but skips, with the reason for each skip.</summary>
public sealed record StepAudience(IReadOnlyList<AlertNotification> Reach, IReadOnlyList<(Guid? PersonId, SkipReason Reason)> Skipped);

/// <summary>
/// Who a step reaches at an instant, by the roster's view of it. A person is skipped when the alert belongs to an
/// exercise they do not take part in (checked first: an exercise must never reach a real person who is not playing),
/// when they are on leave, or when they are not qualified for the function. Public so the host can show "who would
/// be alerted now" with the same rules.
/// </summary>
public static class RecipientResolution
{
    /// <summary>The audience of a policy step for <paramref name="function"/>.</summary>
    /// <param name="participants">The exercise's participants; null outside an exercise.</param>
    public static StepAudience Resolve(
        EscalationNotify notify, string function, Instant at, IAlertRoster roster, IReadOnlySet<Guid>? participants)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(roster);
        var reach = new List<AlertNotification>();
        var skipped = new List<(Guid?, SkipReason)>();
        switch (notify)
        {
            case EscalationNotify.OnCall:
                Check(roster.OnCall(function, at), SkipReason.NobodyOnCall, NotifyReason.OnCall, qualified: true);
                break;
            case EscalationNotify.NextOnCall:
                Check(roster.NextOnCall(function, at), SkipReason.NoNextOnCall, NotifyReason.NextOnCall, qualified: true);
                if (reach.Count == 0)
                {
                    // The contract's "the next on call (or the deputy)": nobody next who can come, so the deputy.
                    Check(roster.Deputies(function, at), SkipReason.NoDeputy, NotifyReason.Deputy, qualified: true);
                }
                break;
            case EscalationNotify.Deputy:
                Check(roster.Deputies(function, at), SkipReason.NoDeputy, NotifyReason.Deputy, qualified: true);
                break;
            case EscalationNotify.Pool:
                Check(roster.Pool(function), SkipReason.EmptyPool, NotifyReason.Pool, qualified: true);
                break;
            case EscalationNotify.Coordinators:
                // Coordinators are reached in their own right, not in the function, so qualification does not apply.
                Check(roster.Coordinators(), SkipReason.NoCoordinators, NotifyReason.Coordinator, qualified: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(notify), notify, "Not a known audience.");
        }
        return new StepAudience(reach, skipped);

        void Check(IReadOnlyList<Guid> people, SkipReason nobody, NotifyReason reason, bool qualified)
        {
            if (people.Count == 0)
            {
                skipped.Add((null, nobody));
                return;
            }
            foreach (var person in people.Distinct())
            {
                var skip = SkipOf(person, at, roster, participants, qualified ? function : null, checkLeave: true);
                if (skip is { } why)
                {
                    skipped.Add((person, why));
                }
                else
                {
                    reach.Add(new AlertNotification(person, reason == NotifyReason.Coordinator ? null : function, reason));
                }
            }
        }
    }

    /// <summary>
    /// The audience of a target that names its people: a named person is reached even on leave (they were asked for
    /// by name, and a proefalarm must reach them); a team's members are skipped while on leave.
    /// </summary>
    public static StepAudience Named(
        IReadOnlyList<Guid> people, NotifyReason reason, Instant at, IAlertRoster roster, IReadOnlySet<Guid>? participants)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(roster);
        if (people.Count == 0)
        {
            return new StepAudience([], [(null, SkipReason.NoMembers)]);
        }
        var reach = new List<AlertNotification>();
        var skipped = new List<(Guid?, SkipReason)>();
        foreach (var person in people.Distinct())
        {
            var skip = SkipOf(person, at, roster, participants, function: null, checkLeave: reason == NotifyReason.TeamMember);
            if (skip is { } why)
            {
                skipped.Add((person, why));
            }
            else
            {
                reach.Add(new AlertNotification(person, null, reason));
            }
        }
        return new StepAudience(reach, skipped);
    }

    private static SkipReason? SkipOf(
        Guid person, Instant at, IAlertRoster roster, IReadOnlySet<Guid>? participants, string? function, bool checkLeave)
    {
        if (participants is not null && !participants.Contains(person))
        {
            return SkipReason.NotParticipant;
        }
        if (checkLeave && roster.IsOnLeave(person, at))
        {
            return SkipReason.OnLeave;
        }
        if (function is not null && !roster.IsQualified(person, function, at))
        {
            return SkipReason.NotQualified;
        }
        return null;
    }
}
