using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>
/// An alert (alarmering) and its state: the targets and how far each has escalated, the people reached with their
/// answers, the people skipped and why. Immutable: every operation returns an <see cref="AlertChange"/> with the alert
/// after it. Deterministic: the clock instant and the roster are passed in, so the host's durable timer only has to
/// call <see cref="Advance"/> at <see cref="NextDueAt"/>, and calling it late, early or twice changes nothing.
/// </summary>
public sealed partial record Alert(
    Guid Id,
    Guid? IncidentId,
    bool Exercise,
    bool Test,
    string Message,
    Guid RaisedBy,
    Instant RaisedAt,
    IReadOnlySet<Guid>? Participants,
    IReadOnlyList<AlertTargetState> Targets,
    IReadOnlyList<AlertRecipient> Recipients,
    IReadOnlyList<AlertSkip> Skips,
    AlertStatus Status,
    Instant AdvancedTo,
    Instant? ClosedAt)
{
    public const int MaxTargets = 20;
    public const int MaxRequired = 50;
    public const int MaxMessageLength = 1000;
    public const int MaxNoteLength = 500;
    public const int MaxEtaMinutes = 24 * 60;

    /// <summary>
    /// Raises an alert: checks the draft against the organisation, captures each target's policy, and fires every
    /// step due at <see cref="AlertDraft.RaisedAt"/> (normally step 1 of each target).
    /// </summary>
    public static AlertChange Raise(AlertDraft draft, IAlertRoster roster)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(roster);
        var message = TextRules.Required(draft.Message, "message", AlertingRefusals.MessageMissing.RaiseFor("message"), multiline: true);
        if (message.Length > MaxMessageLength)
        {
            throw AlertingRefusals.MessageTooLong.RaiseFor("message", ("length", message.Length), ("max", MaxMessageLength));
        }
        var required = draft.Required ?? 1;
        if (required is < 1 or > MaxRequired)
        {
            throw AlertingRefusals.RequiredOutOfRange.RaiseFor("required", ("required", required), ("max", MaxRequired));
        }
        var targets = draft.Targets ?? [];
        if (targets.Count == 0)
        {
            throw AlertingRefusals.NoTargets.RaiseFor("targets");
        }
        if (targets.Count > MaxTargets)
        {
            throw AlertingRefusals.TooManyTargets.RaiseFor("targets", ("count", targets.Count), ("max", MaxTargets));
        }
        var states = new List<AlertTargetState>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets.Take(i).Contains(targets[i]))
            {
                throw AlertingRefusals.TargetTwice.RaiseFor($"targets[{i}]", ("target", targets[i].ToString()));
            }
            states.Add(Plan(targets[i], $"targets[{i}]", required, draft.RaisedAt, roster));
        }
        // An exercise without a participant list reaches nobody: never a real person by default.
        var participants = draft.Exercise ? draft.Participants ?? new HashSet<Guid>() : null;
        var alert = new Alert(draft.Id, draft.IncidentId, draft.Exercise, draft.Test, message, draft.RaisedBy, draft.RaisedAt,
            participants, states, [], [], AlertStatus.Open, draft.RaisedAt, null);
        return alert.Advance(draft.RaisedAt, roster);
    }

    private static AlertTargetState Plan(AlertTarget target, string field, int required, Instant raisedAt, IAlertRoster roster)
    {
        switch (target)
        {
            case FunctionTarget f:
                if (!roster.IsFunction(f.Function))
                {
                    throw AlertingRefusals.UnknownFunction.RaiseFor($"{field}.function", ("function", Texts.Shorten(f.Function)));
                }
                return Escalating(target, f.Function, roster.PolicyFor(f.Function), required, raisedAt);
            case TeamTarget t:
                var team = roster.FindTeam(t.Team)
                    ?? throw AlertingRefusals.UnknownTeam.RaiseFor($"{field}.team", ("team", Texts.Shorten(t.Team)));
                if (t.Everyone)
                {
                    return Direct(target, team.Members.Select(m => m.PersonId).Distinct().ToList(), NotifyReason.TeamMember, required, raisedAt);
                }
                if (team.HeadFunction is null)
                {
                    throw AlertingRefusals.TeamWithoutHeadFunction.RaiseFor($"{field}.team", ("team", team.Code));
                }
                return Escalating(target, team.HeadFunction, roster.PolicyFor(team.HeadFunction), required, raisedAt);
            case PersonTarget p:
                if (!roster.IsPerson(p.PersonId))
                {
                    throw AlertingRefusals.UnknownPerson.RaiseFor($"{field}.personId", ("personId", p.PersonId));
                }
                return Direct(target, [p.PersonId], NotifyReason.Named, required, raisedAt);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "Not a known kind of target.");
        }
    }

    private static AlertTargetState Escalating(AlertTarget target, string function, EscalationPolicy policy, int required, Instant raisedAt) =>
        new(target, function, policy, [], NotifyReason.Named, required, 0, 0,
            raisedAt + Duration.FromMinutes(policy.Steps[0].AfterMinutes), false);

    private static AlertTargetState Direct(AlertTarget target, IReadOnlyList<Guid> people, NotifyReason reason, int required, Instant raisedAt) =>
        new(target, null, null, people, reason, required, 0, 0, raisedAt, false);

    /// <summary>When the next escalation step falls due; null when nothing is waiting (closed, satisfied or run out).</summary>
    public Instant? NextDueAt => Status.IsClosed() ? null : Targets.Where(t => t.NextDueAt is not null).Min(t => t.NextDueAt);

    /// <summary>How many of the people the target reached say they are coming.</summary>
    public int ComingFor(int target) => Recipients.Count(r => r.Response == AlertResponse.Coming && r.CountsFor(target));

    public bool IsSatisfied(int target) => ComingFor(target) >= Targets[target].Required;

    /// <summary>The recipient <paramref name="personId"/>, or null when the alert never reached them.</summary>
    public AlertRecipient? Recipient(Guid personId) => Recipients.FirstOrDefault(r => r.PersonId == personId);
}
