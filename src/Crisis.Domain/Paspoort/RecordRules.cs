using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>
/// The rules for writing paspoort records. Nothing is ever edited: recording, correcting, confirming a
/// draft and withdrawing all produce a new record, so the dossier shows who changed what and when.
/// </summary>
public static class RecordRules
{
    public const int MaxActivityLength = 200;
    public const int MaxNotesLength = 2000;

    /// <summary>
    /// The earliest date a record may carry. Nobody now in a key function trained before it, so an earlier
    /// date is a typing error (a year of 0024, a date picker left at its minimum).
    /// </summary>
    public static readonly LocalDate EarliestDate = new(1970, 1, 1);

    /// <summary>
    /// Checks a request to record an activity (or, with <see cref="RecordRequest.VoidsRecordId"/>, to correct
    /// an earlier record) and returns the confirmed record to store.
    /// </summary>
    /// <param name="today">Today in the region's zone: a record cannot be dated after it.</param>
    /// <param name="knownFunctions">Codes of the functions that exist.</param>
    /// <param name="requirements">All requirements, of every function.</param>
    /// <param name="recordsOfPerson">The records the person already has, to check what a correction voids.</param>
    /// <exception cref="RuleViolationException">Invalid for bad fields; Conflict when the record to correct is already voided.</exception>
    public static PaspoortRecord Validate(
        RecordRequest request, RecordStamp stamp, LocalDate today,
        IReadOnlyCollection<string> knownFunctions, IReadOnlyCollection<Requirement> requirements,
        IReadOnlyCollection<PaspoortRecord> recordsOfPerson)
    {
        if (request.PersonId == Guid.Empty)
        {
            throw PaspoortRuleRefusals.PersonMissing.RaiseFor("personId");
        }
        var kind = request.Kind ?? throw PaspoortRuleRefusals.KindMissing.RaiseFor("kind", ("kinds", PaspoortRuleRefusals.AllKinds()));
        var activity = ValidateActivity(request.Activity);
        var date = ValidateDate(request.Date, today);
        var function = RequirementRules.ValidateFunction(request.Function, knownFunctions, "function");
        var requirementCode = ValidateRequirement(request.Requirement, kind, function, requirements);
        var result = request.Result;
        var notes = ValidateNotes(request.Notes);
        Guid? incidentId = null;
        if (request.VoidsRecordId is { } voids)
        {
            var target = EnsureVoidable(voids, request.PersonId, recordsOfPerson);
            // A correction of a deployment is still about the same incident.
            incidentId = target.IncidentId;
        }
        return new PaspoortRecord(
            stamp.Id, request.PersonId, kind, activity, date, function, requirementCode, result, notes,
            RecordStatus.Confirmed, stamp.RecordedBy, stamp.RecordedAt, request.VoidsRecordId, incidentId);
    }

    /// <summary>
    /// Confirms a draft (a deployment or evaluated exercise proposed by Crisis) with a result and notes. The
    /// answer is a new confirmed record that voids the draft, so the draft's own content stays visible.
    /// </summary>
    /// <exception cref="RuleViolationException">
    /// Invalid when <paramref name="draft"/> is not a draft or no result is given; Conflict when it was already
    /// confirmed or withdrawn.
    /// </exception>
    public static PaspoortRecord Confirm(
        PaspoortRecord draft, RecordResult? result, string? notes, RecordStamp stamp,
        IReadOnlyCollection<PaspoortRecord> recordsOfPerson)
    {
        if (draft.Status != RecordStatus.Draft)
        {
            throw PaspoortRuleRefusals.OnlyDraftsConfirmed.RaiseFor("recordId", ("status", PaspoortRuleRefusals.Word(draft.Status)));
        }
        if (result is not { } parsedResult)
        {
            throw PaspoortRuleRefusals.ConfirmNeedsResult.RaiseFor("result", ("results", PaspoortRuleRefusals.AllResults()));
        }
        var trimmedNotes = ValidateNotes(notes);
        EnsureVoidable(draft.Id, draft.PersonId, recordsOfPerson);
        return draft with
        {
            Id = stamp.Id,
            Result = parsedResult,
            Notes = trimmedNotes,
            Status = RecordStatus.Confirmed,
            RecordedBy = stamp.RecordedBy,
            RecordedAt = stamp.RecordedAt,
            VoidsRecordId = draft.Id,
        };
    }

    /// <summary>
    /// Withdraws a record that should not have been there (wrong person, never happened, a draft for someone
    /// who did not really take part). The answer is a void-only record that says why.
    /// </summary>
    /// <exception cref="RuleViolationException">
    /// Invalid when the record is unknown, is itself a withdrawal, or no reason is given; Conflict when it is
    /// already voided.
    /// </exception>
    public static PaspoortRecord Withdraw(
        Guid personId, Guid recordId, string? reason, RecordStamp stamp,
        IReadOnlyCollection<PaspoortRecord> recordsOfPerson)
    {
        var target = EnsureVoidable(recordId, personId, recordsOfPerson);
        var trimmedReason = ValidateNotes(reason)
            ?? throw PaspoortRuleRefusals.WithdrawNeedsReason.RaiseFor("notes");
        return target with
        {
            Id = stamp.Id,
            Result = null,
            Notes = trimmedReason,
            Status = RecordStatus.Void,
            RecordedBy = stamp.RecordedBy,
            RecordedAt = stamp.RecordedAt,
            VoidsRecordId = target.Id,
        };
    }

    /// <summary>The activity: 1 to 200 characters once surrounding white space is removed.</summary>
    public static string ValidateActivity(string? activity)
    {
        var trimmed = TextRules.Required(activity, "activity", PaspoortRuleRefusals.ActivityMissing.RaiseFor("activity"));
        if (trimmed.Length > MaxActivityLength)
        {
            throw PaspoortRuleRefusals.ActivityTooLong.RaiseFor("activity", ("length", trimmed.Length), ("max", MaxActivityLength));
        }
        return trimmed;
    }

    /// <summary>Notes: optional, at most 2000 characters; blank becomes none.</summary>
    public static string? ValidateNotes(string? notes)
    {
        var trimmed = TextRules.Optional(notes, "notes", multiline: true);
        if (trimmed is { Length: > MaxNotesLength })
        {
            throw PaspoortRuleRefusals.NotesTooLong.RaiseFor("notes", ("length", trimmed.Length), ("max", MaxNotesLength));
        }
        return trimmed;
    }

    /// <summary>
    /// The date of an activity: required, not before <see cref="EarliestDate"/>, and not after
    /// <paramref name="today"/>: a paspoort records what happened, and a future date would count as evidence
    /// for a training that has not taken place.
    /// </summary>
    public static LocalDate ValidateDate(LocalDate? date, LocalDate today)
    {
        if (date is not { } value)
        {
            throw PaspoortRuleRefusals.DateMissing.RaiseFor("date");
        }
        if (value > today)
        {
            throw PaspoortRuleRefusals.DateInFuture.RaiseFor("date", ("date", value), ("today", today));
        }
        if (value < EarliestDate)
        {
            throw PaspoortRuleRefusals.DateTooEarly.RaiseFor("date", ("date", value), ("earliest", EarliestDate));
        }
        return value;
    }

    /// <summary>
    /// The requirement a record names: it must exist (under <paramref name="function"/> when one is given),
    /// and the record's kind must be able to meet it (see <see cref="Evidence.KindMeets"/>).
    /// <para>
    /// When none is named, a course or training in a function whose requirements include exactly one of that
    /// kind is taken to be for that one: "Basisopleiding" recorded as a course for OvD-BZ is the OVD-BASIS
    /// course. Courses and trainings never match implicitly when status is worked out (see <see cref="Evidence"/>),
    /// so without this such a record would silently count for nothing. Filling it in here, where the answer is
    /// stored and shown back, keeps the status rules independent of which requirements exist later. When the
    /// function has several of that kind, the recorder must choose.
    /// </para>
    /// </summary>
    private static string? ValidateRequirement(
        string? requirement, ActivityKind kind, string? function, IReadOnlyCollection<Requirement> requirements)
    {
        if (TextRules.IsBlank(requirement))
        {
            if (function is null || kind is not (ActivityKind.Course or ActivityKind.Training))
            {
                return null;
            }
            var candidates = requirements.Where(r => Texts.SameCode(r.Function, function) && r.Kind == kind).Take(2).ToList();
            return candidates.Count == 1 ? candidates[0].Code : null;
        }
        var code = RequirementRules.ValidateCode(requirement, "requirement");
        var named = requirements.Where(r => Texts.SameCode(r.Code, code)).ToList();
        if (named.Count == 0)
        {
            throw PaspoortRuleRefusals.RequirementUnknown.RaiseFor("requirement", ("code", code));
        }
        if (function is not null && !named.Any(r => Texts.SameCode(r.Function, function)))
        {
            throw PaspoortRuleRefusals.RequirementOfOtherFunction.RaiseFor("requirement",
                ("code", code), ("function", function), ("functions", named.Select(r => r.Function).ToList()));
        }
        // RequirementRules keeps one kind per code, so the first one speaks for all.
        var required = named[0].Kind;
        if (!Evidence.KindMeets(kind, required))
        {
            throw PaspoortRuleRefusals.KindCannotMeet.RaiseFor("kind", ("code", code), ("required", PaspoortRuleRefusals.Word(required)), ("kind", PaspoortRuleRefusals.Word(kind)));
        }
        return code;
    }

    /// <summary>
    /// The record <paramref name="recordId"/> may be voided: it is one of the person's records, not itself a
    /// withdrawal, and not voided already. Voiding is final: a voided record never counts again, and a
    /// withdrawal cannot be withdrawn, because "undoing an undo" makes a dossier nobody can read; to restore
    /// an activity, record it again.
    /// </summary>
    private static PaspoortRecord EnsureVoidable(Guid recordId, Guid personId, IReadOnlyCollection<PaspoortRecord> recordsOfPerson)
    {
        var target = recordsOfPerson.FirstOrDefault(r => r.Id == recordId && r.PersonId == personId)
            ?? throw PaspoortRuleRefusals.RecordNotOfPerson.RaiseFor("voidsRecordId", ("recordId", recordId));
        if (target.Status == RecordStatus.Void)
        {
            throw PaspoortRuleRefusals.WithdrawalNotVoidable.RaiseFor("voidsRecordId");
        }
        if (Voids.VoiderOf(recordId, personId, recordsOfPerson) is { } earlier)
        {
            throw PaspoortRuleRefusals.RecordAlreadyVoided.Raise(("recordId", recordId), ("by", earlier.Id));
        }
        return target;
    }
}
