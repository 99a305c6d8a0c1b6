using NodaTime;

namespace Crisis.Domain.Alerting;

public sealed partial record Alert
{
    /// <summary>
    /// Fires every step due up to and including <paramref name="at"/>, each at the instant it fell due (not at
    /// <paramref name="at"/>), so advancing in several small steps fires exactly what advancing once does. A step that
    /// reaches nobody is followed by the next step at once; a target that is satisfied waits (its escalation resumes at
    /// once if an answer makes it unsatisfied again). An instant before the last one advanced to changes nothing.
    /// </summary>
    public AlertChange Advance(Instant at, IAlertRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var work = new Escalation(this);
        work.RunUntil(at, roster);
        return work.Finish(Status, null);
    }

    /// <summary>
    /// Records a recipient's answer at <paramref name="at"/> after firing the steps due before it. A later answer
    /// replaces an earlier one; <paramref name="etaMinutes"/> counts for "coming" only (it is dropped for "declined").
    /// Refused when the alert is cancelled or resolved (Conflict) and when the alert never reached the person (Forbidden).
    /// An unanswered alert still takes answers: enough "coming" makes it satisfied after all.
    /// </summary>
    public AlertChange Respond(
        Guid personId, AlertResponse response, int? etaMinutes, string? note, Instant at, IAlertRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        RefuseIfClosed();
        if (response is not (AlertResponse.Coming or AlertResponse.Declined))
        {
            throw AlertingRefusals.ResponseNotAnAnswer.RaiseFor("response", ("response", response.ToWire()));
        }
        if (etaMinutes is < 0 or > MaxEtaMinutes)
        {
            throw AlertingRefusals.EtaOutOfRange.RaiseFor("etaMinutes", ("etaMinutes", etaMinutes.Value), ("max", MaxEtaMinutes));
        }
        var trimmed = TextRules.Optional(note, "note", multiline: true);
        if (trimmed is { Length: > MaxNoteLength })
        {
            throw AlertingRefusals.NoteTooLong.RaiseFor("note", ("length", trimmed.Length), ("max", MaxNoteLength));
        }
        var work = new Escalation(this);
        work.RunUntil(at, roster);
        var recorded = work.Answer(personId, response, response == AlertResponse.Coming ? etaMinutes : null, trimmed);
        work.RunUntil(work.Now, roster);
        return work.Finish(Status, recorded);
    }

    /// <summary>Cancels the alert at <paramref name="at"/> (after the steps due before it); whoever had not answered gets no-answer.</summary>
    public AlertChange Cancel(Instant at, IAlertRoster roster) => Close(AlertStatus.Cancelled, at, roster);

    /// <summary>Resolves the alert at <paramref name="at"/> (after the steps due before it); whoever had not answered gets no-answer.</summary>
    public AlertChange Resolve(Instant at, IAlertRoster roster) => Close(AlertStatus.Resolved, at, roster);

    private AlertChange Close(AlertStatus status, Instant at, IAlertRoster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        RefuseIfClosed();
        var work = new Escalation(this);
        work.RunUntil(at, roster);
        work.Close(status);
        return work.Finish(Status, null);
    }

    private void RefuseIfClosed()
    {
        if (Status.IsClosed())
        {
            throw AlertingRefusals.AlertClosed.Raise(("status", new Bilingual(Status.ToWire(), Status.ToDutch())));
        }
    }

    /// <summary>The mutable working copy of one operation; the alert itself stays immutable.</summary>
    private sealed class Escalation(Alert alert)
    {
        private readonly List<AlertTargetState> _targets = [.. alert.Targets];
        private readonly List<AlertRecipient> _recipients = [.. alert.Recipients];
        private readonly List<AlertSkip> _skips = [.. alert.Skips];
        private readonly List<StepFired> _fired = [];
        private AlertStatus _status = alert.Status;
        private Instant? _closedAt = alert.ClosedAt;

        public Instant Now { get; private set; } = alert.AdvancedTo;

        public void RunUntil(Instant at, IAlertRoster roster)
        {
            var until = at > Now ? at : Now;
            while (!_status.IsClosed())
            {
                var due = _targets.Where(t => t.NextDueAt is { } d && d <= until).Select(t => t.NextDueAt).Min();
                if (due is not { } instant)
                {
                    break;
                }
                // "At once" puts a target back at the same instant, so go round until nothing is due at it.
                bool any;
                do
                {
                    any = false;
                    for (var k = 0; k < _targets.Count; k++)
                    {
                        if (_targets[k].NextDueAt == instant)
                        {
                            Process(k, instant, roster);
                            any = true;
                        }
                    }
                }
                while (any);
                UpdateStatus();
            }
            Now = until;
        }

        private void Process(int k, Instant at, IAlertRoster roster)
        {
            var target = _targets[k];
            if (Satisfied(k))
            {
                _targets[k] = target with { NextDueAt = null };
                return;
            }
            if (target.NextStep == target.StepCount)
            {
                _targets[k] = target.Round < target.Repeat
                    ? target with { Round = target.Round + 1, NextStep = 0, NextDueAt = at + target.WaitBefore(0), ReachedAt = null }
                    : target with { NextDueAt = null, RanOut = true };
                return;
            }
            var reachedAt = Fire(k, target, at, roster) ? at : target.ReachedAt;
            var next = target.NextStep + 1;
            Instant due;
            if (next < target.StepCount)
            {
                // A step that reached nobody is no reason to wait: the next one follows at once.
                due = reachedAt == at ? at + target.WaitBefore(next) : at;
            }
            else
            {
                // Whoever the run reached gets the whole answer window, even when a last step (the coordinators) reached nobody.
                due = reachedAt is { } r && r + target.AnswerWindow > at ? r + target.AnswerWindow : at;
            }
            _targets[k] = target with { NextStep = next, NextDueAt = due, ReachedAt = reachedAt };
        }

        /// <summary>Fires one step; whether it reached anybody who can still answer.</summary>
        private bool Fire(int k, AlertTargetState target, Instant at, IAlertRoster roster)
        {
            var step = target.NextStep + 1;
            var notify = target.Policy?.Steps[target.NextStep].Notify;
            var audience = notify is { } n
                ? RecipientResolution.Resolve(n, target.Function!, at, roster, alert.Participants)
                : RecipientResolution.Named(target.Named, target.NamedReason, at, roster, alert.Participants);
            var notified = new List<AlertNotification>();
            var reached = false;
            foreach (var person in audience.Reach.DistinctBy(p => p.PersonId))
            {
                var index = _recipients.FindIndex(r => r.PersonId == person.PersonId);
                var existing = index < 0 ? null : _recipients[index];
                if (existing is not null && existing.Notices.Any(x => x.Target == k && x.Round == target.Round))
                {
                    // Once per target and run: the pool step does not call again whoever step 1 already called.
                    continue;
                }
                // One message per person per instant, and none to whoever already answered; they still count for this target.
                var sent = existing is null || (!existing.HasAnswered && !existing.Notices.Any(x => x.Sent && x.At == at));
                var notice = new AlertNotice(k, target.Round, step, at, person.Function, person.Reason, sent);
                if (existing is null)
                {
                    _recipients.Add(new AlertRecipient(person.PersonId, [notice], AlertResponse.Pending, null, null, null, null));
                }
                else
                {
                    _recipients[index] = existing with { Notices = [.. existing.Notices, notice] };
                }
                if (sent)
                {
                    notified.Add(person);
                }
                reached |= sent || existing is { HasAnswered: false };
            }
            var skipped = audience.Skipped
                .Select(s => new AlertSkip(k, target.Round, step, at, target.Function, s.PersonId, s.Reason))
                .ToList();
            _skips.AddRange(skipped);
            _fired.Add(new StepFired(k, target.Round, step, at, target.Function, notify, notified, skipped));
            return reached;
        }

        public ResponseRecorded Answer(Guid personId, AlertResponse response, int? etaMinutes, string? note)
        {
            var index = _recipients.FindIndex(r => r.PersonId == personId);
            if (index < 0)
            {
                throw AlertingRefusals.NotARecipient.Raise(("personId", personId));
            }
            var before = _recipients[index];
            var after = before with
            {
                Response = response,
                RespondedAt = Now,
                EtaMinutes = etaMinutes,
                ExpectedAt = etaMinutes is { } m ? Now + Duration.FromMinutes(m) : null,
                Note = note,
            };
            _recipients[index] = after;
            for (var k = 0; k < _targets.Count; k++)
            {
                // A target that waited while satisfied escalates again at once when an answer leaves it short.
                if (_targets[k] is { NextDueAt: null, RanOut: false } && !Satisfied(k))
                {
                    _targets[k] = _targets[k] with { NextDueAt = Now };
                }
            }
            UpdateStatus();
            return new ResponseRecorded(personId, before.Function, before.Step, response, before.Response, Now,
                after.EtaMinutes, after.ExpectedAt, note);
        }

        public void Close(AlertStatus status)
        {
            _status = status;
            _closedAt = Now;
            for (var k = 0; k < _targets.Count; k++)
            {
                _targets[k] = _targets[k] with { NextDueAt = null };
            }
            MarkNoAnswer();
        }

        private bool Satisfied(int k) =>
            _recipients.Count(r => r.Response == AlertResponse.Coming && r.CountsFor(k)) >= _targets[k].Required;

        private void UpdateStatus()
        {
            var all = Enumerable.Range(0, _targets.Count).ToList();
            var status = all.All(Satisfied) ? AlertStatus.Satisfied
                : all.All(k => Satisfied(k) || _targets[k].RanOut) ? AlertStatus.Unanswered
                : AlertStatus.Open;
            if (status == AlertStatus.Unanswered && _status != AlertStatus.Unanswered)
            {
                MarkNoAnswer();
            }
            _status = status;
        }

        private void MarkNoAnswer()
        {
            for (var i = 0; i < _recipients.Count; i++)
            {
                if (_recipients[i].Response == AlertResponse.Pending)
                {
                    _recipients[i] = _recipients[i] with { Response = AlertResponse.NoAnswer };
                }
            }
        }

        public AlertChange Finish(AlertStatus before, ResponseRecorded? response) => new(
            alert with
            {
                Targets = _targets.ToList(),
                Recipients = _recipients.ToList(),
                Skips = _skips.ToList(),
                Status = _status,
                AdvancedTo = Now,
                ClosedAt = _closedAt,
            },
            _fired,
            response,
            before);
    }
}
