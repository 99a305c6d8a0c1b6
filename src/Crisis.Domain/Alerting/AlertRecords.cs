using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>
/// One target of an alert and how far its escalation has come. <see cref="Policy"/> is the function's policy as it
/// was when the alert was raised (a later change of the policy does not change a running alert); null for a target
/// that names its people directly (<see cref="Named"/>: a person, or every member of a team).
/// </summary>
/// <param name="Round">The run of the policy, 0 for the first; at most the policy's repeat.</param>
/// <param name="NextStep">The index of the step to fire next; the step count means "the answer window after the last step".</param>
/// <param name="NextDueAt">When the next step falls due; null while the target is satisfied (held) or when it ran out.</param>
/// <param name="RanOut">The policy ran out while the target was not satisfied.</param>
/// <param name="ReachedAt">When a step of this run last reached somebody: the answer window counts from there.</param>
public sealed record AlertTargetState(
    AlertTarget Target,
    string? Function,
    EscalationPolicy? Policy,
    IReadOnlyList<Guid> Named,
    NotifyReason NamedReason,
    int Required,
    int Round,
    int NextStep,
    Instant? NextDueAt,
    bool RanOut,
    Instant? ReachedAt = null)
{
    /// <summary>How long a directly named target has to answer before it is unanswered.</summary>
    public static readonly Duration NamedAnswerWindow = Duration.FromMinutes(10);

    public int StepCount => Policy?.Steps.Count ?? 1;

    public int Repeat => Policy?.Repeat ?? 0;

    public Duration AnswerWindow => Policy?.AnswerWindow ?? NamedAnswerWindow;

    /// <summary>The wait before step index <paramref name="index"/>, counted from the previous step.</summary>
    public Duration WaitBefore(int index) => Duration.FromMinutes(Policy?.Steps[index].AfterMinutes ?? 0);
}

/// <summary>
/// One time a target reached a person. <see cref="Sent"/> is false when the person was not sent it again: they had
/// answered already, or were sent this alert at the same instant for another target. Either way the person now counts
/// for the target.
/// </summary>
public sealed record AlertNotice(int Target, int Round, int Step, Instant At, string? Function, NotifyReason Reason, bool Sent);

/// <summary>
/// A person the alert reached, with their latest answer. <see cref="Step"/>, <see cref="Function"/> and
/// <see cref="NotifiedAt"/> are those of the first notice; a later answer replaces an earlier one.
/// </summary>
public sealed record AlertRecipient(
    Guid PersonId,
    IReadOnlyList<AlertNotice> Notices,
    AlertResponse Response,
    Instant? RespondedAt,
    int? EtaMinutes,
    Instant? ExpectedAt,
    string? Note)
{
    public AlertNotice First => Notices[0];

    public int Step => First.Step;

    public int Round => First.Round;

    public string? Function => First.Function;

    public NotifyReason Reason => First.Reason;

    public Instant NotifiedAt => First.At;

    public bool HasAnswered => Response is AlertResponse.Coming or AlertResponse.Declined;

    public bool CountsFor(int target) => Notices.Any(n => n.Target == target);
}

/// <summary>
/// Somebody a step meant to reach but did not, and why: the host shows it as a recipient with a reason. No person
/// when there was nobody to reach (nobody on call, an empty pool …).
/// </summary>
public sealed record AlertSkip(int Target, int Round, int Step, Instant At, string? Function, Guid? PersonId, SkipReason Reason);

/// <summary>A person a step sent the alert to: whom the host notifies on every channel, and what the log line names.</summary>
public sealed record AlertNotification(Guid PersonId, string? Function, NotifyReason Reason);

/// <summary>
/// A step that fired: the data of its log line ("Alarmering OvD-BZ: … gealarmeerd") and the notifications to send.
/// <see cref="Notify"/> is null for a target that names its people directly.
/// </summary>
public sealed record StepFired(
    int Target, int Round, int Step, Instant At, string? Function, EscalationNotify? Notify,
    IReadOnlyList<AlertNotification> Notified, IReadOnlyList<AlertSkip> Skipped);

/// <summary>An answer recorded: the data of its log line ("komt, verwacht 14:25").</summary>
public sealed record ResponseRecorded(
    Guid PersonId, string? Function, int Step, AlertResponse Response, AlertResponse Previous, Instant At,
    int? EtaMinutes, Instant? ExpectedAt, string? Note);

/// <summary>
/// What one call on an <see cref="Alert"/> did: the alert after it, the steps that fired (in order), the answer it
/// recorded, and the status before, so the host knows what to store, send, log and broadcast.
/// </summary>
public sealed record AlertChange(Alert Alert, IReadOnlyList<StepFired> Fired, ResponseRecorded? Response, AlertStatus Before)
{
    public bool StatusChanged => Alert.Status != Before;
}

/// <summary>What the host passes to raise an alert, already parsed from the wire.</summary>
/// <param name="Participants">The people taking part when the alert belongs to an exercise; ignored otherwise.</param>
public sealed record AlertDraft(
    Guid Id,
    Guid? IncidentId,
    bool Exercise,
    bool Test,
    string? Message,
    Guid RaisedBy,
    Instant RaisedAt,
    IReadOnlyList<AlertTarget>? Targets,
    int? Required = null,
    IReadOnlySet<Guid>? Participants = null);
