using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Web.Audit;
using Crisis.Web.Identity;
using NodaTime;
using static Crisis.Web.Paspoort.PaspoortAuditText;

namespace Crisis.Web.Paspoort;

/// <summary>
/// Writing a person's paspoort: recording, correcting, confirming drafts, withdrawing, and attendance lists. Records
/// are only ever inserted: corrections, confirmations and withdrawals are new records that void earlier ones (the
/// rules are <see cref="RecordRules"/>); who may write is <see cref="PaspoortGuard"/>.
/// </summary>
public sealed class PaspoortRecordService(
    PaspoortStore store, PaspoortSources sources, PaspoortGuard guard, AuditTrail audit, IClock clock, DateTimeZone zone)
{
    /// <summary>The most people one attendance list may hold: a large exercise, not a whole region by accident.</summary>
    public const int MaxAttendees = 200;

    /// <summary>Today in the region's zone: the latest date a record may carry.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    /// <summary>Records an activity for a person, or with <see cref="RecordRequest.VoidsRecordId"/> corrects an earlier record.</summary>
    public async Task<StoredRecord> RecordAsync(Actor actor, RecordRequest request, CancellationToken ct = default)
    {
        if (request.PersonId == Guid.Empty)
        {
            throw PaspoortRuleRefusals.PersonMissing.RaiseFor("personId");
        }
        var action = request.VoidsRecordId is null ? "paspoort.record.create" : "paspoort.record.correct";
        await guard.RequireWriterAsync(actor, [request.PersonId], action, ct);
        await EnsurePeopleExistAsync([request.PersonId], ct);
        var record = RecordRules.Validate(
            request, Stamp(actor), Today, await sources.FunctionCodesAsync(ct), await store.ActiveRequirementsAsync(ct),
            await store.RecordsOfAsync(request.PersonId, ct));
        var stored = store.Add(record, actor.Name);
        audit.Stage(store.Db, actor, action, $"person/{request.PersonId}", Describe(record));
        await store.SaveAsync(request.VoidsRecordId is { } voids
            ? PaspoortRefusals.RecordVoidedMeanwhile.Raise(("recordId", voids))
            : PaspoortRefusals.RecordClash.Raise(), ct);
        return stored;
    }

    /// <summary>
    /// Records one activity for many people at once (an attendance list): all records are stored together, or none
    /// when any of them is refused.
    /// </summary>
    public async Task<IReadOnlyList<StoredRecord>> RecordAttendanceAsync(Actor actor, AttendanceList list, CancellationToken ct = default)
    {
        var people = list.People;
        if (people.Count == 0)
        {
            throw PaspoortRefusals.AttendanceEmpty.RaiseFor("people");
        }
        if (people.Count > MaxAttendees)
        {
            throw PaspoortRefusals.AttendanceTooLarge.RaiseFor("people", ("max", MaxAttendees), ("count", people.Count));
        }
        if (people.Any(p => p.PersonId == Guid.Empty))
        {
            throw PaspoortRefusals.AttendeeWithoutPerson.RaiseFor("people");
        }
        var ids = people.Select(p => p.PersonId).ToList();
        if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw PaspoortRefusals.AttendeeTwice.RaiseFor("people", ("personId", twice.Key));
        }
        await guard.RequireWriterAsync(actor, ids, "paspoort.attendance", ct);
        var names = await EnsurePeopleExistAsync(ids, ct);
        var known = await sources.FunctionCodesAsync(ct);
        var requirements = await store.ActiveRequirementsAsync(ct);
        var today = Today;
        var stored = new List<StoredRecord>();
        for (var i = 0; i < people.Count; i++)
        {
            var attendee = people[i];
            PaspoortRecord record;
            try
            {
                record = RecordRules.Validate(
                    new RecordRequest(attendee.PersonId, list.Kind, list.Activity, list.Date, list.Function, list.Requirement,
                        attendee.Result, attendee.Notes),
                    Stamp(actor), today, known, requirements, []);
            }
            catch (RuleViolationException ex) when (ex.Field is "result" or "notes")
            {
                throw PaspoortRefusals.AttendeeRefused.RaiseFor($"people[{i}].{ex.Field}",
                    ("name", names[attendee.PersonId]), ("reason", ex.Phrase));
            }
            stored.Add(store.Add(record, actor.Name));
            audit.Stage(store.Db, actor, "paspoort.record.create", $"person/{attendee.PersonId}", Describe(record));
        }
        await store.SaveAsync(PaspoortRefusals.AttendanceClash.Raise(), ct);
        return stored;
    }

    /// <summary>Confirms a draft with a result and notes: a new confirmed record that voids the draft.</summary>
    public async Task<StoredRecord> ConfirmAsync(Actor actor, Guid recordId, RecordResult? result, string? notes, CancellationToken ct = default)
    {
        var target = await store.RecordAsync(recordId, ct);
        await guard.RequireWriterAsync(actor, [target.PersonId], "paspoort.record.confirm", ct);
        var confirmed = RecordRules.Confirm(target, result, notes, Stamp(actor), await store.RecordsOfAsync(target.PersonId, ct));
        var stored = store.Add(confirmed, actor.Name);
        audit.Stage(store.Db, actor, "paspoort.record.confirm", $"person/{target.PersonId}", $"draft={recordId} {Describe(confirmed)}");
        await store.SaveAsync(PaspoortRefusals.DraftConfirmedMeanwhile.Raise(("recordId", recordId)), ct);
        return stored;
    }

    /// <summary>Withdraws a record that should not be there; <paramref name="reason"/> says why.</summary>
    public async Task<StoredRecord> WithdrawAsync(Actor actor, Guid recordId, string? reason, CancellationToken ct = default)
    {
        var target = await store.RecordAsync(recordId, ct);
        await guard.RequireWriterAsync(actor, [target.PersonId], "paspoort.record.withdraw", ct);
        var withdrawal = RecordRules.Withdraw(target.PersonId, recordId, reason, Stamp(actor), await store.RecordsOfAsync(target.PersonId, ct));
        var stored = store.Add(withdrawal, actor.Name);
        audit.Stage(store.Db, actor, "paspoort.record.withdraw", $"person/{target.PersonId}", $"record={recordId} reason={withdrawal.Notes}");
        await store.SaveAsync(PaspoortRefusals.RecordVoidedMeanwhile.Raise(("recordId", recordId)), ct);
        return stored;
    }

    /// <summary>Checks that every person exists (a 400 naming the unknown ones) and returns their names.</summary>
    private async Task<Dictionary<Guid, string>> EnsurePeopleExistAsync(IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var names = await sources.NamesAsync(people, ct);
        var unknown = people.Where(p => !names.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            throw PaspoortRefusals.PersonUnknown.RaiseFor("personId", ("people", unknown.Take(5).Select(id => id.ToString()).ToList()));
        }
        return names;
    }

    private RecordStamp Stamp(Actor actor) => new(Guid.NewGuid(), actor.UserId, clock.GetCurrentInstant());
}
