using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>One step of an escalation: <see cref="AfterMinutes"/> after the previous step, notify <see cref="Notify"/>.</summary>
public sealed record EscalationStep(int AfterMinutes, EscalationNotify Notify);

/// <summary>
/// How an alert to a function escalates while not enough people say they are coming: the steps in order, then the
/// whole policy again up to <see cref="Repeat"/> more times, then the alert is unanswered. Build one with
/// <see cref="Create"/>, which checks the rules; <see cref="Default"/> is what a function has until a coordinator sets one.
/// </summary>
public sealed record EscalationPolicy
{
    public const int MaxSteps = 10;
    public const int MaxRepeat = 3;

    /// <summary>A day: a longer wait is not an escalation any more.</summary>
    public const int MaxAfterMinutes = 24 * 60;

    /// <summary>The least time people get to answer after the last step before the policy runs out or starts again.</summary>
    public static readonly Duration MinimumAnswerWindow = Duration.FromMinutes(5);

    private EscalationPolicy(IReadOnlyList<EscalationStep> steps, int repeat)
    {
        Steps = steps;
        Repeat = repeat;
    }

    /// <summary>The steps, numbered from 1 on the wire (<c>Steps[0]</c> is step 1).</summary>
    public IReadOnlyList<EscalationStep> Steps { get; }

    /// <summary>How many times the whole policy runs again after its first run (0 to <see cref="MaxRepeat"/>).</summary>
    public int Repeat { get; }

    /// <summary>
    /// The contract's default: the on-call person at once; after 5 minutes without enough "coming" the next on call
    /// (or the deputy); after 10 more the whole qualified pool and, with it, the coordinators; no repeat.
    /// </summary>
    public static EscalationPolicy Default { get; } = new(
    [
        new(0, EscalationNotify.OnCall),
        new(5, EscalationNotify.NextOnCall),
        new(10, EscalationNotify.Pool),
        new(0, EscalationNotify.Coordinators),
    ], 0);

    /// <summary>
    /// How long people get to answer after the last step before the policy starts again or runs out: as long as the
    /// longest wait between its steps, and at least <see cref="MinimumAnswerWindow"/>. The contract has no field for
    /// it; deriving it keeps a policy of one step from running out the moment it fires.
    /// </summary>
    public Duration AnswerWindow
    {
        get
        {
            var longest = Duration.FromMinutes(Steps.Max(s => s.AfterMinutes));
            return longest > MinimumAnswerWindow ? longest : MinimumAnswerWindow;
        }
    }

    /// <summary>
    /// The longest an alert under this policy can stay open without an answer: every wait of every run plus the answer
    /// windows. A step that reaches nobody shortens it (the next step follows at once).
    /// </summary>
    public Duration LongestRun => (Duration.FromMinutes(Steps.Sum(s => s.AfterMinutes)) + AnswerWindow) * (Repeat + 1);

    /// <summary>
    /// A policy from the API's body, checked: at least one and at most <see cref="MaxSteps"/> steps, each
    /// <c>afterMinutes</c> 0 to <see cref="MaxAfterMinutes"/>, <c>repeat</c> 0 to <see cref="MaxRepeat"/> (absent is 0).
    /// Refusals name the field as the body does, e.g. <c>steps[1].afterMinutes</c>, and the step by its number.
    /// </summary>
    public static EscalationPolicy Create(IReadOnlyList<EscalationStep>? steps, int? repeat)
    {
        if (steps is null || steps.Count == 0)
        {
            throw AlertingRefusals.PolicyNoSteps.RaiseFor("steps");
        }
        if (steps.Count > MaxSteps)
        {
            throw AlertingRefusals.PolicyTooManySteps.RaiseFor("steps", ("count", steps.Count), ("max", MaxSteps));
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var minutes = steps[i].AfterMinutes;
            if (minutes < 0)
            {
                throw AlertingRefusals.PolicyNegativeMinutes.RaiseFor($"steps[{i}].afterMinutes", ("step", i + 1), ("minutes", minutes));
            }
            if (minutes > MaxAfterMinutes)
            {
                throw AlertingRefusals.PolicyMinutesTooLarge.RaiseFor($"steps[{i}].afterMinutes",
                    ("step", i + 1), ("minutes", minutes), ("max", MaxAfterMinutes));
            }
            if (!Enum.IsDefined(steps[i].Notify))
            {
                throw AlertingRefusals.PolicyUnknownNotify.RaiseFor($"steps[{i}].notify",
                    ("notify", ((int)steps[i].Notify).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("allowed", AlertingNames.Notifies.All));
            }
        }
        var rounds = repeat ?? 0;
        if (rounds is < 0 or > MaxRepeat)
        {
            throw AlertingRefusals.PolicyRepeatOutOfRange.RaiseFor("repeat", ("repeat", rounds), ("max", MaxRepeat));
        }
        return new EscalationPolicy(steps.ToList(), rounds);
    }

    /// <summary>
    /// When each step falls due, counted from the moment the alert is raised, if every step reaches somebody and
    /// nobody answers: what a coordinator sees when setting a policy. Round 0 is the first run.
    /// </summary>
    public IReadOnlyList<(int Round, int Step, Duration After, EscalationNotify Notify)> Timeline()
    {
        var result = new List<(int, int, Duration, EscalationNotify)>();
        var at = Duration.Zero;
        for (var round = 0; round <= Repeat; round++)
        {
            if (round > 0)
            {
                at += AnswerWindow;
            }
            for (var i = 0; i < Steps.Count; i++)
            {
                at += Duration.FromMinutes(Steps[i].AfterMinutes);
                result.Add((round, i + 1, at, Steps[i].Notify));
            }
        }
        return result;
    }

    public bool Equals(EscalationPolicy? other) =>
        other is not null && Repeat == other.Repeat && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Repeat, Steps.Count, Steps.Count > 0 ? Steps[0] : null);
}
