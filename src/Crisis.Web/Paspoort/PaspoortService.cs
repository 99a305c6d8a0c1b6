using Crisis.Domain;
using Crisis.Domain.Incidents;
using Crisis.Domain.Paspoort;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Paspoort;

/// <summary>
/// The Veiligheidspaspoort: requirements per function, records per person, and what follows from them (the dossier
/// vakbekwaamheid, the matrix, the expiry list, attendance). The rules live in <c>Crisis.Domain.Paspoort</c>; this
/// class loads, checks access, stores and audits. Records are only ever inserted: corrections, confirmations and
/// withdrawals are new records that void earlier ones.
/// </summary>
public sealed class PaspoortService(CrisisDbContext db, AuditTrail audit, IClock clock, DateTimeZone zone, OrganisationService organisation)
{
    /// <summary>The most people one attendance list may hold: a large exercise, not a whole region by accident.</summary>
    public const int MaxAttendees = 200;

    /// <summary>The longest horizon of the expiry list.</summary>
    public const int MaxExpiryHorizonDays = 366;

    /// <summary>The name records written by Crisis itself (drafts from closed incidents) carry as their author.</summary>
    public const string SystemAuthor = "Crisis";

    /// <summary>Today in the region's zone: the day statuses are worked out for, and the latest date a record may carry.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    // ---- Requirements ------------------------------------------------------------------------------------------

    /// <summary>The requirements in force, of one function or of all, by function and then track (courses first).</summary>
    public async Task<IReadOnlyList<RequirementDto>> ListRequirementsAsync(string? function = null, CancellationToken ct = default)
    {
        var all = await ActiveRequirementsAsync(ct);
        if (!string.IsNullOrWhiteSpace(function))
        {
            var known = await FunctionCodesAsync(ct);
            var code = known.FirstOrDefault(f => string.Equals(f, function.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"'{Texts.Shorten(function.Trim())}' is not a function.", "function");
            all = all.Where(r => r.Function == code).ToList();
        }
        return all.Select(RequirementDto.From).ToList();
    }

    /// <summary>Adds a requirement to a function (coordinators). A removed requirement with the same code comes back with the new values.</summary>
    public async Task<RequirementDto> CreateRequirementAsync(Actor actor, CreateRequirementRequest? request, CancellationToken ct = default)
    {
        await RequireManagerAsync(actor, "paspoort.requirement.create");
        var requirement = RequirementRules.Validate(
            request?.Function, request?.Code, request?.Name, request?.Kind, request?.ValidForMonths, request?.MinimumCount,
            await FunctionCodesAsync(ct), await ActiveRequirementsAsync(ct));
        var now = clock.GetCurrentInstant();
        var row = await db.Set<PaspoortRequirementRow>().FirstOrDefaultAsync(
            r => r.Function == requirement.Function && r.Code == requirement.Code, ct);
        if (row is null)
        {
            db.Add(new PaspoortRequirementRow
            {
                Function = requirement.Function, Code = requirement.Code, Name = requirement.Name, Kind = requirement.Kind,
                ValidForMonths = requirement.ValidForMonths, MinimumCount = requirement.MinimumCount, CreatedAt = now,
            });
        }
        else
        {
            row.Name = requirement.Name;
            row.Kind = requirement.Kind;
            row.ValidForMonths = requirement.ValidForMonths;
            row.MinimumCount = requirement.MinimumCount;
            row.RemovedAt = null;
            row.ChangedAt = now;
        }
        audit.Stage(db, actor, "paspoort.requirement.create", $"requirement/{requirement.Function}/{requirement.Code}", Describe(requirement));
        await SaveAsync($"{requirement.Function} already has a requirement {requirement.Code}.", ct);
        return RequirementDto.From(requirement);
    }

    /// <summary>
    /// Changes a requirement's name, validity and minimum count (coordinators); the request replaces all three, so
    /// leaving <c>validForMonths</c> out makes it once-only. The kind cannot change: records already name the code as
    /// evidence of that kind of activity.
    /// </summary>
    public async Task<RequirementDto> ChangeRequirementAsync(
        Actor actor, string function, string code, ChangeRequirementRequest? request, CancellationToken ct = default)
    {
        await RequireManagerAsync(actor, "paspoort.requirement.change");
        var row = await FindActiveRequirementAsync(function, code, ct);
        if (!string.IsNullOrWhiteSpace(request?.Kind)
            && (!ActivityKinds.TryParse(request.Kind, out var kind) || kind != row.Kind))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"{row.Code} is a {row.Kind.ToWire()} requirement and stays one: records already name it. Remove it and add one with another code instead.",
                "kind");
        }
        var others = (await ActiveRequirementsAsync(ct)).Where(r => !(r.Function == row.Function && r.Code == row.Code)).ToList();
        var changed = RequirementRules.Validate(
            row.Function, row.Code, request?.Name, row.Kind.ToWire(), request?.ValidForMonths, request?.MinimumCount,
            await FunctionCodesAsync(ct), others);
        var before = Describe(row.ToDomain());
        row.Name = changed.Name;
        row.ValidForMonths = changed.ValidForMonths;
        row.MinimumCount = changed.MinimumCount;
        row.ChangedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, "paspoort.requirement.change", $"requirement/{row.Function}/{row.Code}", $"{before} -> {Describe(changed)}");
        await SaveAsync("The requirement was changed by someone else at the same moment; reload and try again.", ct);
        return RequirementDto.From(changed);
    }

    /// <summary>Removes a requirement (coordinators). Records that name it stay; they simply count for nothing in that function any more.</summary>
    public async Task RemoveRequirementAsync(Actor actor, string function, string code, CancellationToken ct = default)
    {
        await RequireManagerAsync(actor, "paspoort.requirement.remove");
        var row = await FindActiveRequirementAsync(function, code, ct);
        row.RemovedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, "paspoort.requirement.remove", $"requirement/{row.Function}/{row.Code}", Describe(row.ToDomain()));
        await SaveAsync("The requirement was changed by someone else at the same moment; reload and try again.", ct);
    }

    /// <summary>
    /// Gives every key function that has never had a requirement the defaults of <see cref="DefaultRequirements"/>;
    /// run at start-up, harmless to repeat, and safe when several nodes start at once.
    /// </summary>
    internal static async Task EnsureDefaultRequirementsAsync(CrisisDbContext db, IClock clock, CancellationToken ct = default)
    {
        var functions = await db.Set<FunctionRecord>().Select(f => f.Code).ToListAsync(ct);
        var withRows = await db.Set<PaspoortRequirementRow>().Select(r => r.Function).Distinct().ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        var added = 0;
        foreach (var requirement in DefaultRequirements.All)
        {
            if (functions.Contains(requirement.Function) && !withRows.Contains(requirement.Function))
            {
                db.Add(new PaspoortRequirementRow
                {
                    Function = requirement.Function, Code = requirement.Code, Name = requirement.Name, Kind = requirement.Kind,
                    ValidForMonths = requirement.ValidForMonths, MinimumCount = requirement.MinimumCount, CreatedAt = now,
                });
                added++;
            }
        }
        if (added == 0)
        {
            return;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same defaults at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    // ---- Records -----------------------------------------------------------------------------------------------

    /// <summary>Records an activity for a person, or with <c>voidsRecordId</c> corrects an earlier record.</summary>
    public async Task<RecordDto> RecordAsync(Actor actor, CreateRecordRequest? request, CancellationToken ct = default)
    {
        var personId = request?.PersonId ?? Guid.Empty;
        if (personId == Guid.Empty)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Say whose record this is (personId).", "personId");
        }
        var action = request!.VoidsRecordId is null ? "paspoort.record.create" : "paspoort.record.correct";
        await EnsureCanWriteAsync(actor, [personId], action, ct);
        await EnsurePeopleExistAsync([personId], ct);
        var record = RecordRules.Validate(
            new RecordRequest(personId, request.Kind, request.Activity, request.Date, request.Function, request.Requirement,
                request.Result, request.Notes, request.VoidsRecordId),
            Stamp(actor), Today, await FunctionCodesAsync(ct), await ActiveRequirementsAsync(ct), await RecordsOfAsync(personId, ct));
        var row = PaspoortRecordRow.From(record, actor.Name);
        db.Add(row);
        audit.Stage(db, actor, action, $"person/{personId}", Describe(record));
        await SaveAsync($"Record {request.VoidsRecordId} was corrected or withdrawn by someone else at the same moment; reload the dossier.", ct);
        return RecordDto.From(row, null);
    }

    /// <summary>
    /// Records one activity for many people at once (an attendance list): all records are stored together, or none
    /// when any of them is refused.
    /// </summary>
    public async Task<IReadOnlyList<RecordDto>> RecordAttendanceAsync(Actor actor, AttendanceRequest? request, CancellationToken ct = default)
    {
        var people = request?.People ?? [];
        if (people.Count == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Choose at least one person who took part.", "people");
        }
        if (people.Count > MaxAttendees)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"One attendance list holds at most {MaxAttendees} people; this one has {people.Count}. Split it up.", "people");
        }
        if (people.Any(p => p is null || p.PersonId is null || p.PersonId == Guid.Empty))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Every entry in people needs a personId.", "people");
        }
        var ids = people.Select(p => p.PersonId!.Value).ToList();
        if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"Person {twice.Key} is listed twice.", "people");
        }
        await EnsureCanWriteAsync(actor, ids, "paspoort.attendance", ct);
        var names = await EnsurePeopleExistAsync(ids, ct);
        var known = await FunctionCodesAsync(ct);
        var requirements = await ActiveRequirementsAsync(ct);
        var today = Today;
        var rows = new List<PaspoortRecordRow>();
        for (var i = 0; i < people.Count; i++)
        {
            var attendee = people[i];
            var personId = attendee.PersonId!.Value;
            PaspoortRecord record;
            try
            {
                record = RecordRules.Validate(
                    new RecordRequest(personId, request!.Kind, request.Activity, request.Date, request.Function, request.Requirement,
                        attendee.Result, attendee.Notes),
                    Stamp(actor), today, known, requirements, []);
            }
            catch (RuleViolationException ex) when (ex.Field is "result" or "notes")
            {
                throw LegacyRefusals.Of(ViolationKind.Invalid, $"{names[personId]}: {ex.Message}", $"people[{i}].{ex.Field}");
            }
            var row = PaspoortRecordRow.From(record, actor.Name);
            rows.Add(row);
            db.Add(row);
            audit.Stage(db, actor, "paspoort.record.create", $"person/{personId}", Describe(record));
        }
        await SaveAsync("The attendance list could not be stored because something changed at the same moment; try again.", ct);
        return rows.Select(r => RecordDto.From(r, null)).ToList();
    }

    /// <summary>Confirms a draft with a result and notes: a new confirmed record that voids the draft.</summary>
    public async Task<RecordDto> ConfirmAsync(Actor actor, Guid recordId, ConfirmRecordRequest? request, CancellationToken ct = default)
    {
        var target = await FindRecordAsync(recordId, ct);
        await EnsureCanWriteAsync(actor, [target.PersonId], "paspoort.record.confirm", ct);
        var confirmed = RecordRules.Confirm(target.ToDomain(), request?.Result, request?.Notes, Stamp(actor), await RecordsOfAsync(target.PersonId, ct));
        var row = PaspoortRecordRow.From(confirmed, actor.Name);
        db.Add(row);
        audit.Stage(db, actor, "paspoort.record.confirm", $"person/{target.PersonId}", $"draft={recordId} {Describe(confirmed)}");
        await SaveAsync($"Record {recordId} was confirmed or withdrawn by someone else at the same moment; reload the dossier.", ct);
        return RecordDto.From(row, null);
    }

    /// <summary>Withdraws a record that should not be there; <c>notes</c> say why.</summary>
    public async Task<RecordDto> WithdrawAsync(Actor actor, Guid recordId, WithdrawRecordRequest? request, CancellationToken ct = default)
    {
        var target = await FindRecordAsync(recordId, ct);
        await EnsureCanWriteAsync(actor, [target.PersonId], "paspoort.record.withdraw", ct);
        var withdrawal = RecordRules.Withdraw(target.PersonId, recordId, request?.Notes, Stamp(actor), await RecordsOfAsync(target.PersonId, ct));
        var row = PaspoortRecordRow.From(withdrawal, actor.Name);
        db.Add(row);
        audit.Stage(db, actor, "paspoort.record.withdraw", $"person/{target.PersonId}", $"record={recordId} reason={withdrawal.Notes}");
        await SaveAsync($"Record {recordId} was corrected or withdrawn by someone else at the same moment; reload the dossier.", ct);
        return RecordDto.From(row, null);
    }

    /// <summary>Drafts waiting for a coordinator, oldest first (coordinators and exercise leads; their own are left out).</summary>
    public async Task<IReadOnlyList<(RecordDto Record, PersonRefDto Person)>> PendingDraftsAsync(Actor actor, CancellationToken ct = default)
    {
        await RequireOverviewAsync(actor, "paspoort.drafts.read");
        var own = (await organisation.PersonOfAsync(actor, ct))?.Id;
        var drafts = await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.Status == RecordStatus.Draft).ToListAsync(ct);
        var ids = drafts.Select(d => d.Id).ToList();
        var voided = await db.Set<PaspoortRecordRow>().AsNoTracking()
            .Where(r => r.VoidsRecordId != null && ids.Contains(r.VoidsRecordId.Value)).Select(r => r.VoidsRecordId!.Value).ToListAsync(ct);
        var pending = drafts.Where(d => !voided.Contains(d.Id) && d.PersonId != own).ToList();
        var names = await NamesAsync(pending.Select(d => d.PersonId), ct);
        return pending.OrderBy(d => d.Date).ThenBy(d => d.RecordedAt).ThenBy(d => names.GetValueOrDefault(d.PersonId), StringComparer.CurrentCultureIgnoreCase)
            .Select(d => (RecordDto.From(d, null), new PersonRefDto(d.PersonId, names.GetValueOrDefault(d.PersonId) ?? "?")))
            .ToList();
    }

    // ---- Evidence from real work -------------------------------------------------------------------------------

    /// <summary>
    /// Makes the draft records of a closed incident: one per participant who took part in a function and is a person
    /// of the region. Idempotent: draft ids follow from incident, person and function, so running it again (on another
    /// node, on a redelivered event, or for an exercise being evaluated) adds only what is not there yet. Returns the
    /// number of drafts added; nothing for an incident that is unknown or still open.
    /// </summary>
    public async Task<int> CreateDraftsAsync(Guid incidentId, CancellationToken ct = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null || incident.Status != IncidentStatus.Closed)
        {
            return 0;
        }
        var now = clock.GetCurrentInstant();
        var closedOn = (incident.ClosedAt ?? now).InZone(zone).Date;
        var participants = await (from p in db.Participants.AsNoTracking()
                                  join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                                  join person in db.Set<PersonRecord>().AsNoTracking() on u.NormalizedEmail equals person.NormalizedEmail
                                  where p.IncidentId == incidentId && p.Function != null
                                  select new IncidentParticipant(person.Id, p.Function)).ToListAsync(ct);
        var drafts = DeploymentEvidence.Drafts(
            new ClosedIncident(incident.Id, incident.Title, incident.Exercise, closedOn), participants, Guid.Empty, now);
        if (drafts.Count == 0)
        {
            return 0;
        }
        var draftIds = drafts.Select(d => d.Id).ToList();
        var system = Actor.System("paspoort");
        for (var attempt = 0; ; attempt++)
        {
            var present = await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => draftIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            var missing = drafts.Where(d => !present.Contains(d.Id)).ToList();
            if (missing.Count == 0)
            {
                return 0;
            }
            foreach (var draft in missing)
            {
                db.Add(PaspoortRecordRow.From(draft, SystemAuthor));
                audit.Stage(db, system, "paspoort.draft.create", $"person/{draft.PersonId}", $"incident={incidentId} {Describe(draft)}");
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return missing.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node (or a redelivery) stored some of the same drafts at the same moment: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The hook for exercises when they are evaluated (and for any closed incident whose drafts need making again,
    /// e.g. after a participant's function was filled in late): coordinators and exercise leads. Returns the drafts
    /// still waiting for confirmation for that incident.
    /// </summary>
    public async Task<IReadOnlyList<RecordDto>> DraftsFromIncidentAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        await RequireOverviewAsync(actor, "paspoort.draft.create");
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no incident {incidentId}.");
        if (incident.Status != IncidentStatus.Closed)
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, 
                incident.Exercise ? "Close the exercise first; its drafts are made when it is over." : "Close the incident first; its drafts are made when it is over.");
        }
        await CreateDraftsAsync(incidentId, ct);
        var rows = await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.IncidentId == incidentId).ToListAsync(ct);
        var voided = rows.Where(r => r.VoidsRecordId is not null).Select(r => r.VoidsRecordId!.Value).ToHashSet();
        return rows.Where(r => r.Status == RecordStatus.Draft && !voided.Contains(r.Id)).Select(r => RecordDto.From(r, null)).ToList();
    }

    // ---- Reading -------------------------------------------------------------------------------------------------

    /// <summary>The dossier of a person on day <paramref name="at"/> (default today): themself, coordinators and exercise leads.</summary>
    public async Task<DossierDto> DossierAsync(Actor actor, Guid personId, LocalDate? at = null, CancellationToken ct = default)
    {
        var own = (await organisation.PersonOfAsync(actor, ct))?.Id;
        if (!PaspoortAccess.CanRead(actor.Role, own, personId))
        {
            const string message = "You may read only your own paspoort; coordinators and exercise leads read everyone's.";
            throw await audit.DenyAsync(actor, "paspoort.read", $"person/{personId}", message);
        }
        var person = await organisation.GetPersonAsync(personId, ct);
        return await BuildDossierAsync(person, at ?? Today, ct);
    }

    /// <summary>The signed-in person's own dossier ("Mijn paspoort").</summary>
    public async Task<DossierDto> MyDossierAsync(Actor actor, LocalDate? at = null, CancellationToken ct = default)
    {
        var own = await organisation.PersonOfAsync(actor, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, 
                $"Your account ({actor.Email}) is not registered as an official of the region, so there is no paspoort for it.");
        return await BuildDossierAsync(own, at ?? Today, ct);
    }

    /// <summary>People by requirements for one function, with the status of each (coordinators and exercise leads).</summary>
    public async Task<MatrixDto> MatrixAsync(Actor actor, string? function, LocalDate? at = null, CancellationToken ct = default)
    {
        await RequireOverviewAsync(actor, "paspoort.matrix.read");
        var functionRecord = await FindFunctionAsync(function, ct);
        var day = at ?? Today;
        var holders = await db.Set<PersonRecord>().AsNoTracking()
            .Where(p => p.Functions.Any(f => f.FunctionCode == functionRecord.Code)).ToListAsync(ct);
        holders = holders.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var ids = holders.Select(p => p.Id).ToList();
        var records = await RecordsOfAsync(ids, ct);
        var matrix = PaspoortOverviews.Matrix(functionRecord.Code, ids, await ActiveRequirementsAsync(ct), records, day);
        var byId = holders.ToDictionary(p => p.Id);
        return new MatrixDto(
            functionRecord.Code, functionRecord.Name, day,
            matrix.Requirements.Select(RequirementDto.From).ToList(),
            matrix.Rows.Select(row => new MatrixRowDto(
                new PersonRefDto(row.PersonId, byId[row.PersonId].Name), byId[row.PersonId].Municipality, row.Status.ToWire(),
                row.Cells.Select(c => new MatrixCellDto(c.Requirement.Code, c.Status.ToWire(), c.ValidUntil)).ToList())).ToList());
    }

    /// <summary>What runs out in the next <paramref name="days"/> days (default 90), per person, soonest first.</summary>
    public async Task<IReadOnlyList<PersonExpiriesDto>> ExpiriesAsync(Actor actor, int? days = null, CancellationToken ct = default)
    {
        await RequireOverviewAsync(actor, "paspoort.expiries.read");
        var horizon = days ?? PaspoortOverviews.DefaultExpiryHorizonDays;
        if (horizon is < 0 or > MaxExpiryHorizonDays)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"days must be 0 to {MaxExpiryHorizonDays}; {horizon} is not.", "days");
        }
        var people = await db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions)
            .Where(p => p.Functions.Any()).ToListAsync(ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var records = await RecordsOfAsync(people.Select(p => p.Id).ToList(), ct);
        var expiries = PaspoortOverviews.Expiries(
            people.Select(p => new PersonFunctions(p.Id, p.Functions.Select(f => f.FunctionCode).Order(StringComparer.Ordinal).ToList())),
            await ActiveRequirementsAsync(ct), records, Today, horizon);
        return expiries
            .Select(g => new PersonExpiriesDto(
                new PersonRefDto(g.PersonId, names[g.PersonId]),
                g.Items.Select(i => new ExpiryItemDto(i.Function, i.Requirement.Code, i.Requirement.Name, i.Status.ToWire(), i.ValidUntil, i.DaysLeft)).ToList()))
            .ToList();
    }

    /// <summary>
    /// Who attended what between <paramref name="from"/> and <paramref name="to"/> (both included; default the last
    /// twelve months), confirmed records only, newest activity first.
    /// </summary>
    public async Task<IReadOnlyList<ActivityDto>> AttendanceAsync(
        Actor actor, LocalDate? from = null, LocalDate? to = null, string? kind = null, CancellationToken ct = default)
    {
        await RequireOverviewAsync(actor, "paspoort.attendance.read");
        var last = to ?? Today;
        var first = from ?? last.PlusYears(-1);
        if (first > last)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"from ({first:uuuu-MM-dd}) is after to ({last:uuuu-MM-dd}).", "from");
        }
        ActivityKind? kindFilter = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            kindFilter = ActivityKinds.TryParse(kind, out var k) ? k
                : throw LegacyRefusals.Of(ViolationKind.Invalid, 
                    $"'{Texts.Shorten(kind)}' is not a kind of activity; use one of {string.Join(", ", ActivityKinds.WireNames)}.", "kind");
        }
        var query = db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.Date >= first && r.Date <= last && r.Status == RecordStatus.Confirmed);
        if (kindFilter is { } only)
        {
            query = query.Where(r => r.Kind == only);
        }
        var rows = await query.ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // A correction may carry another date than what it corrects, so voids are looked up by id, not by date.
        var voided = (await db.Set<PaspoortRecordRow>().AsNoTracking()
            .Where(r => r.VoidsRecordId != null && ids.Contains(r.VoidsRecordId.Value))
            .Select(r => r.VoidsRecordId!.Value).ToListAsync(ct)).ToHashSet();
        var inForce = rows.Where(r => !voided.Contains(r.Id)).Select(r => r.ToDomain()).ToList();
        var names = await NamesAsync(inForce.Select(r => r.PersonId), ct);
        return PaspoortOverviews.Attendance(inForce)
            .Select(a => new ActivityDto(a.Kind.ToWire(), a.Activity, a.Date, a.IncidentId,
                a.Attendees.Select(x => new AttendeeDto(new PersonRefDto(x.PersonId, names.GetValueOrDefault(x.PersonId) ?? "?"),
                    x.RecordId, x.Function, x.Result?.ToWire(), x.Notes)).ToList()))
            .ToList();
    }

    /// <summary>The people whose dossiers the actor may open: everyone for coordinators and exercise leads, else only themself.</summary>
    public async Task<IReadOnlyList<PersonDto>> ReadablePeopleAsync(Actor actor, CancellationToken ct = default)
    {
        if (PaspoortAccess.CanSeeOverviews(actor.Role))
        {
            return await organisation.ListPeopleAsync(null, ct);
        }
        return await organisation.PersonOfAsync(actor, ct) is { } own ? [own] : [];
    }

    /// <summary>The person the actor is (same email), if any.</summary>
    public async Task<Guid?> OwnPersonIdAsync(Actor actor, CancellationToken ct = default) =>
        (await organisation.PersonOfAsync(actor, ct))?.Id;

    /// <summary>The functions of the catalogue, for choosing one in a form.</summary>
    public async Task<IReadOnlyList<FunctionDto>> FunctionsAsync(CancellationToken ct = default) =>
        await organisation.ListFunctionsAsync(ct);

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private async Task<DossierDto> BuildDossierAsync(PersonDto person, LocalDate at, CancellationToken ct)
    {
        var rows = await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.PersonId == person.Id).ToListAsync(ct);
        var records = rows.Select(r => r.ToDomain()).ToList();
        var functionNames = (await organisation.ListFunctionsAsync(ct)).ToDictionary(f => f.Code, f => f.Name);
        var statuses = Qualification.Dossier(person.Id, person.Functions, await ActiveRequirementsAsync(ct), records, at);
        var voidedBy = rows.Where(r => r.VoidsRecordId is not null)
            .GroupBy(r => r.VoidsRecordId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        return new DossierDto(
            person, at,
            statuses.Select(s => new FunctionStatusDto(
                s.Function, functionNames.GetValueOrDefault(s.Function) ?? s.Function, s.Status.ToWire(), s.QualifiedUntil,
                s.Requirements.Select(RequirementStatusDto.From).ToList())).ToList(),
            rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.RecordedAt)
                .Select(r => RecordDto.From(r, voidedBy.TryGetValue(r.Id, out var by) ? by : null)).ToList());
    }

    private async Task<List<Requirement>> ActiveRequirementsAsync(CancellationToken ct)
    {
        var rows = await db.Set<PaspoortRequirementRow>().AsNoTracking().Where(r => r.RemovedAt == null).ToListAsync(ct);
        return rows.OrderBy(r => r.Function, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => r.ToDomain()).ToList();
    }

    private async Task<List<string>> FunctionCodesAsync(CancellationToken ct) =>
        await db.Set<FunctionRecord>().AsNoTracking().OrderBy(f => f.Code).Select(f => f.Code).ToListAsync(ct);

    private async Task<List<PaspoortRecord>> RecordsOfAsync(Guid personId, CancellationToken ct) =>
        (await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct)).Select(r => r.ToDomain()).ToList();

    private async Task<List<PaspoortRecord>> RecordsOfAsync(List<Guid> people, CancellationToken ct) =>
        (await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => people.Contains(r.PersonId)).ToListAsync(ct)).Select(r => r.ToDomain()).ToList();

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private async Task<PaspoortRecordRow> FindRecordAsync(Guid recordId, CancellationToken ct) =>
        await db.Set<PaspoortRecordRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no paspoort record {recordId}.");

    private async Task<PaspoortRequirementRow> FindActiveRequirementAsync(string function, string code, CancellationToken ct)
    {
        var f = (function ?? "").Trim().ToUpperInvariant();
        var c = (code ?? "").Trim().ToUpperInvariant();
        return await db.Set<PaspoortRequirementRow>().FirstOrDefaultAsync(r => r.Function == f && r.Code == c && r.RemovedAt == null, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"{Texts.Shorten(f)} has no requirement {Texts.Shorten(c)}.");
    }

    private async Task<FunctionRecord> FindFunctionAsync(string? function, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Choose a function, such as OVD-BZ.", "function");
        }
        var code = function.Trim().ToUpperInvariant();
        return await db.Set<FunctionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"'{Texts.Shorten(function.Trim())}' is not a function.", "function");
    }

    /// <summary>Checks that every person exists (a 400 naming the unknown ones) and returns their names.</summary>
    private async Task<Dictionary<Guid, string>> EnsurePeopleExistAsync(IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var names = await NamesAsync(people, ct);
        var unknown = people.Where(p => !names.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"There is no person {string.Join(", ", unknown.Take(5))}.", "personId");
        }
        return names;
    }

    private async Task EnsureCanWriteAsync(Actor actor, IReadOnlyCollection<Guid> people, string action, CancellationToken ct)
    {
        var own = (await organisation.PersonOfAsync(actor, ct))?.Id;
        foreach (var personId in people)
        {
            if (!PaspoortAccess.CanWrite(actor.Role, own, personId))
            {
                try
                {
                    PaspoortAccess.EnsureCanWrite(actor.Role, own, personId);
                }
                catch (RuleViolationException ex)
                {
                    await audit.RecordAsync(actor, action, $"person/{personId}", AuditOutcome.Denied, ex.Message);
                    throw;
                }
            }
        }
    }

    private async Task RequireManagerAsync(Actor actor, string action)
    {
        if (!PaspoortAccess.CanManageRequirements(actor.Role))
        {
            const string message = "Only coordinators set the requirements of functions.";
            throw await audit.DenyAsync(actor, action, null, message);
        }
    }

    private async Task RequireOverviewAsync(Actor actor, string action)
    {
        if (!PaspoortAccess.CanSeeOverviews(actor.Role))
        {
            const string message = "Only coordinators and exercise leads see everyone's paspoort; you can open your own under Mijn paspoort.";
            throw await audit.DenyAsync(actor, action, null, message);
        }
    }

    private RecordStamp Stamp(Actor actor) => new(Guid.NewGuid(), actor.UserId, clock.GetCurrentInstant());

    /// <summary>Saves; a unique key or concurrency clash (another node, another coordinator) becomes a 409 that says what to do.</summary>
    private async Task SaveAsync(string conflictMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw LegacyRefusals.Of(ViolationKind.Conflict, conflictMessage);
        }
    }

    private static string Describe(Requirement r) =>
        $"{r.Kind.ToWire()} '{r.Name}' validForMonths={r.ValidForMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "once"} minimumCount={r.MinimumCount}";

    private static string Describe(PaspoortRecord r) =>
        $"{r.Kind.ToWire()} '{r.Activity}' {r.Date:uuuu-MM-dd} function={r.Function ?? "-"} requirement={r.RequirementCode ?? "-"} result={r.Result?.ToWire() ?? "-"}"
        + (r.VoidsRecordId is { } v ? $" voids={v}" : "");

}
