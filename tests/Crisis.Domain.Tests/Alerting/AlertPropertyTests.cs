using Crisis.Domain.Alerting;
using Crisis.Domain.Teams;
using CsCheck;
using NodaTime;
using static Crisis.Domain.Tests.Alerting.TestRoster;

namespace Crisis.Domain.Tests.Alerting;

/// <summary>
/// The alert state machine over random rosters, policies, targets and sequences of answers and clock advances. The
/// timeline is in seconds from <see cref="TestRoster.T0"/>; answers fall on whole minutes, extra advances anywhere.
/// </summary>
public class AlertPropertyTests
{
    private static readonly Guid[] People = [Anna, Bram, Cor, Dewi, Gijs];
    private static readonly string[] Functions = [OvdBz, Hin, HoofdPz];

    private sealed record ShiftSpec(int Function, int Person, int Start, int Length);
    private sealed record EventSpec(int Minute, int Kind, int Person, int Eta);
    private sealed record Scenario(
        ShiftSpec[] Shifts,
        (int Person, int Start, int Length)[] Leave,
        (int Person, int Function)[] Unqualified,
        int[] PoolMasks,
        int TeamMask,
        (int After, int Notify)[] Steps,
        int Repeat,
        int[] Targets,
        int Required,
        bool Exercise,
        int ParticipantMask,
        bool Coordinator,
        EventSpec[] Events,
        int[] ExtraAdvanceSeconds)
    {
        public override string ToString() =>
            $"steps [{string.Join(", ", Steps)}] repeat {Repeat}, targets [{string.Join(", ", Targets)}], required {Required}, " +
            $"exercise {Exercise}/{ParticipantMask}, shifts [{string.Join(", ", Shifts.AsEnumerable())}], events [{string.Join(", ", Events.AsEnumerable())}]";
    }

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(
            Gen.Select(
                Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[-60, 90], Gen.Int[1, 120], (f, p, s, l) => new ShiftSpec(f, p, s, l)).Array[0, 8],
                Gen.Select(Gen.Int[0, 4], Gen.Int[-30, 60], Gen.Int[1, 60], (p, s, l) => (p, s, l)).Array[0, 3],
                Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], (p, f) => (p, f)).Array[0, 3],
                Gen.Int[0, 31].Array[3],
                Gen.Int[0, 31],
                (shifts, leave, unqualified, pools, team) => (shifts, leave, unqualified, pools, team)),
            Gen.Select(
                Gen.Select(Gen.Int[0, 12], Gen.Int[0, 4], (a, n) => (a, n)).Array[1, 5],
                Gen.Int[0, 3],
                Gen.Int[0, 8].Array[1, 3],
                Gen.Int[1, 2],
                (steps, repeat, targets, required) => (steps, repeat, targets, required)),
            Gen.Select(
                Gen.Int[0, 4],
                Gen.Int[0, 31],
                Gen.Bool,
                Gen.Select(Gen.Int[0, 90], Gen.Int[0, 19], Gen.Int[0, 4], Gen.Int[0, 60], (m, k, p, e) => new EventSpec(m, k, p, e)).Array[0, 8],
                Gen.Int[0, 150 * 60].Array[0, 12],
                (exercise, participants, coordinator, events, extra) => (exercise, participants, coordinator, events, extra)),
            (r, p, e) => new Scenario(r.shifts, r.leave, r.unqualified, r.pools, r.team, p.steps, p.repeat, p.targets.Distinct().ToArray(),
                p.required, e.exercise == 0, e.participants, e.coordinator, e.events.OrderBy(x => x.Minute).ToArray(), e.extra));

    private static RosterSnapshot Build(Scenario s)
    {
        var roster = new TestRoster();
        roster.Shifts.Clear();
        roster.Shifts.AddRange(s.Shifts.Select(x => Shift(Functions[x.Function], People[x.Person], x.Start, x.Start + x.Length)));
        foreach (var (person, start, length) in s.Leave)
        {
            roster.OnLeave(People[person], start, start + length);
        }
        foreach (var (person, function) in s.Unqualified)
        {
            roster.NotQualified(People[person], Functions[function]);
        }
        for (var f = 0; f < Functions.Length; f++)
        {
            roster.Pools[Functions[f]] = Masked(s.PoolMasks[f]);
        }
        roster.Teams[0] = roster.Teams[0] with
        {
            Members = Masked(s.TeamMask).Select((p, i) => new TeamMember(p, i == 0 ? TeamRole.Head : i == 1 ? TeamRole.Deputy : TeamRole.Member)).ToList(),
        };
        if (!s.Coordinator)
        {
            roster.Coordinators.Clear();
        }
        foreach (var function in Functions)
        {
            roster.WithPolicy(function, s.Repeat, s.Steps.Select(x => (x.After, (EscalationNotify)x.Notify)).ToArray());
        }
        return roster.Build();
    }

    private static List<Guid> Masked(int mask) => People.Where((_, i) => (mask & (1 << i)) != 0).ToList();

    private static AlertTarget Target(int index) => index switch
    {
        0 => new FunctionTarget(OvdBz),
        1 => new FunctionTarget(Hin),
        2 => new TeamTarget(TeamCatalogue.Pim, false),
        3 => new TeamTarget(TeamCatalogue.Pim, true),
        _ => new PersonTarget(People[index - 4]),
    };

    private static Instant Seconds(int seconds) => T0 + Duration.FromSeconds(seconds);

    /// <summary>The instant by which every policy has run out after the last answer, whatever happened before.</summary>
    private static Instant End(Scenario s, IAlertRoster roster)
    {
        var longest = Duration.Max(roster.PolicyFor(OvdBz).LongestRun, AlertTargetState.NamedAnswerWindow);
        var last = s.Events.Length == 0 ? 0 : s.Events[^1].Minute;
        return At(last) + longest + Duration.FromMinutes(1);
    }

    private sealed record Outcome(List<AlertChange> Changes, List<string> Log, Alert Final);

    private static Outcome Run(Scenario s, IAlertRoster roster, bool extraAdvances)
    {
        var participants = Masked(s.ParticipantMask).ToHashSet();
        var draft = Alerts.Draft(s.Targets.Select(Target).ToList(), s.Required, exercise: s.Exercise, participants: participants);
        var change = Alert.Raise(draft, roster);
        var changes = new List<AlertChange> { change };
        var log = new List<string>();
        var end = End(s, roster);
        // At one instant an extra advance goes first: the answer must then find the same state as without it.
        var timeline = s.Events.Select(e => (At: At(e.Minute), Order: 1, Event: (EventSpec?)e))
            .Concat(extraAdvances ? s.ExtraAdvanceSeconds.Select(x => (At: Seconds(x), Order: 0, Event: (EventSpec?)null)) : [])
            .Where(x => x.At <= end)
            .OrderBy(x => x.At).ThenBy(x => x.Order)
            .ToList();
        foreach (var (at, _, e) in timeline)
        {
            var alert = change.Alert;
            try
            {
                change = e switch
                {
                    null => alert.Advance(at, roster),
                    { Kind: < 10 } => alert.Respond(People[e.Person], AlertResponse.Coming, e.Eta, null, at, roster),
                    { Kind: < 18 } => alert.Respond(People[e.Person], AlertResponse.Declined, null, null, at, roster),
                    { Kind: 18 } => alert.Cancel(at, roster),
                    _ => alert.Resolve(at, roster),
                };
                changes.Add(change);
            }
            catch (RuleViolationException refusal)
            {
                log.Add($"{at} {e} refused {refusal.Code}");
            }
        }
        change = change.Alert.Advance(end, roster);
        changes.Add(change);
        return new Outcome(changes, log, change.Alert);
    }

    private static string Describe(StepFired f) =>
        $"{f.Target}/{f.Round}/{f.Step} at {f.At} {f.Notify}: sent {string.Join(",", f.Notified.Select(n => $"{n.PersonId}:{n.Reason}"))}" +
        $" skipped {string.Join(",", f.Skipped.Select(x => $"{x.PersonId}:{x.Reason}"))}";

    private static string Describe(Alert a) =>
        $"{a.Status} closed {a.ClosedAt} targets {string.Join(";", a.Targets.Select(t => $"{t.Round}/{t.NextStep}/{t.NextDueAt}/{t.RanOut}/{t.ReachedAt}"))}" +
        $" recipients {string.Join(";", a.Recipients.Select(r => $"{r.PersonId}:{r.Response}@{r.RespondedAt}/{r.ExpectedAt} [{string.Join(",", r.Notices)}]"))}" +
        $" skips {a.Skips.Count}";

    [Fact]
    public void Advance_APolicyNeverNotifiesOnePersonTwiceOnOneStep()
    {
        Scenarios.Sample(s =>
        {
            var roster = Build(s);
            var fired = Run(s, roster, extraAdvances: true).Changes.SelectMany(c => c.Fired).ToList();

            foreach (var step in fired)
            {
                step.Notified.Select(n => n.PersonId).ShouldBeUnique(Describe(step));
            }
            // Nor twice at one instant through two targets: one message per person per moment.
            foreach (var instant in fired.GroupBy(f => f.At))
            {
                instant.SelectMany(f => f.Notified.Select(n => n.PersonId)).ShouldBeUnique($"at {instant.Key}");
            }
            // Nor twice in one run of one target's policy.
            foreach (var run in fired.GroupBy(f => (f.Target, f.Round)))
            {
                run.SelectMany(f => f.Notified.Select(n => n.PersonId)).ShouldBeUnique($"target {run.Key.Target} run {run.Key.Round}");
            }
        }, iter: 400);
    }

    [Fact]
    public void Advance_AnyAnswersAndAdvances_EndSatisfiedUnansweredCancelledOrResolved()
    {
        Scenarios.Sample(s =>
        {
            var roster = Build(s);
            var final = Run(s, roster, extraAdvances: true).Final;

            final.Status.ShouldNotBe(AlertStatus.Open, Describe(final));
            final.NextDueAt.ShouldBeNull(Describe(final));
            var satisfied = Enumerable.Range(0, final.Targets.Count).All(final.IsSatisfied);
            if (!final.Status.IsClosed())
            {
                (final.Status == AlertStatus.Satisfied).ShouldBe(satisfied, Describe(final));
            }
            if (final.Status == AlertStatus.Unanswered)
            {
                final.Recipients.ShouldAllBe(r => r.Response != AlertResponse.Pending);
            }
        }, iter: 400);
    }

    [Fact]
    public void Advance_InSeveralSmallStepsFiresExactlyWhatAdvancingOnceDoes()
    {
        Scenarios.Sample(s =>
        {
            var roster = Build(s);
            var once = Run(s, roster, extraAdvances: false);
            var small = Run(s, roster, extraAdvances: true);

            small.Changes.SelectMany(c => c.Fired).Select(Describe).ShouldBe(once.Changes.SelectMany(c => c.Fired).Select(Describe), s.ToString());
            small.Changes.Select(c => c.Response).Where(r => r is not null).ShouldBe(once.Changes.Select(c => c.Response).Where(r => r is not null));
            small.Log.ShouldBe(once.Log);
            Describe(small.Final).ShouldBe(Describe(once.Final));
        }, iter: 400);
    }

    [Fact]
    public void Advance_StepsFireInTimeOrderAndNeverAfterTheInstantAdvancedTo()
    {
        Scenarios.Sample(s =>
        {
            var roster = Build(s);
            foreach (var change in Run(s, roster, extraAdvances: true).Changes)
            {
                change.Fired.Select(f => f.At).ShouldBeInOrder(SortDirection.Ascending);
                change.Fired.ShouldAllBe(f => f.At <= change.Alert.AdvancedTo);
            }
        }, iter: 300);
    }

    [Fact]
    public void Advance_ExerciseAlerts_NeverReachANonParticipant()
    {
        Scenarios.Where(s => s.Exercise).Sample(s =>
        {
            var roster = Build(s);
            var participants = Masked(s.ParticipantMask);
            var final = Run(s, roster, extraAdvances: false).Final;

            final.Recipients.ShouldAllBe(r => participants.Contains(r.PersonId));
        }, iter: 200);
    }
}
