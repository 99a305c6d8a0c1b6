using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Domain.Teams;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>The refusals the year-plan service raises beyond the domain's rules.</summary>
public static class YearPlanHostRefusals
{
    public static readonly RefusalCode EditorsOnly = new("yearplan.editors-only", ViolationKind.Forbidden);
    public static readonly RefusalCode ActivityUnknown = new("yearplan.activity-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode CodeTaken = new("yearplan.code-taken", ViolationKind.Conflict);
    public static readonly RefusalCode CodeMismatch = new("yearplan.code-mismatch", ViolationKind.Invalid);
    public static readonly RefusalCode BodyMissing = new("yearplan.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode FormatUnknown = new("yearplan.format-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode ImportEmpty = new("yearplan.import-empty", ViolationKind.Invalid);
    public static readonly RefusalCode ImportUnreadable = new("yearplan.import-unreadable", ViolationKind.Invalid);
    public static readonly RefusalCode ImportRefused = new("yearplan.import-refused", ViolationKind.Invalid);
    public static readonly RefusalCode ImportTooLarge = new("yearplan.import-too-large", ViolationKind.Invalid);
    public static readonly RefusalCode WithoutKind = new("yearplan.activity-without-kind", ViolationKind.Conflict);
    public static readonly RefusalCode SessionOutsideYear = new("yearplan.session-outside-year", ViolationKind.Invalid);
    public static readonly RefusalCode AttendeeMissing = new("yearplan.attendee-missing", ViolationKind.Invalid);
    public static readonly RefusalCode Changed = new("yearplan.changed", ViolationKind.Conflict);
}

/// <summary>A year-plan import with bad rows: nothing was stored; each bad row is listed with its line.</summary>
public sealed class YearPlanImportException(IReadOnlyList<PlanRowError> errors)
    : Exception($"The import was refused: {errors.Count} row(s) are wrong.")
{
    public IReadOnlyList<PlanRowError> Errors { get; } = errors;

    public Phrase Summary { get; } = YearPlanHostRefusals.ImportRefused.With(("count", errors.Count));

    public RuleViolationException Refusal => new(ViolationKind.Invalid, Summary);
}

public sealed record PlanCostsDto(decimal Amount, string? Note);

public sealed record PlanSessionDto(Guid Id, LocalDate Date, IReadOnlyList<PersonRefDto> Attendees, Instant CreatedAt, string CreatedBy);

/// <summary>How many of the activity's audience (people holding one of its functions) attended a session of it.</summary>
public sealed record PlanAttendanceDto(int Audience, int Attended);

public sealed record PlanActivityDto(
    int Year, string Code, string Title, string Team, PersonRefDto? Contact, string? Goal, IReadOnlyList<string> Audience,
    string? Description, string? Result, IReadOnlyList<int> Quarters, PlanCostsDto? Costs, string Status, string? Kind,
    string? Requirement, PlanAttendanceDto Attendance, IReadOnlyList<PlanSessionDto> Sessions);

public sealed record PlanQuarterDto(int Quarter, IReadOnlyList<string> Activities);

public sealed record PlanGroupDto(string Team, string Name, IReadOnlyList<PlanActivityDto> Activities, IReadOnlyList<PlanQuarterDto> Quarters, decimal Costs);

public sealed record YearPlanDto(int Year, bool CanEdit, IReadOnlyList<PlanGroupDto> Groups, decimal Costs);

public sealed record PlanCopyDto(int From, int To, IReadOnlyList<string> Copied, IReadOnlyList<string> Skipped);

public sealed record PlanImportDto(int Year, int Created, int Updated);

public sealed record PlanSessionAttendee(Guid PersonId, RecordResult? Result);

/// <summary>
/// The OTO year plan (jaarplan): everyone signed in reads it; the members of WG-OTO and coordinators edit it (else 403,
/// audited). A held session writes a paspoort record for each attendee through <see cref="PaspoortRecordService"/>, in
/// the same save as the session itself; writing paspoort records stays with who the paspoort lets write them.
/// </summary>
public sealed class YearPlanService(
    CrisisDbContext db, AuditTrail audit, IClock clock, DateTimeZone zone, OrganisationService organisation, PaspoortRecordService paspoort)
{
    public const int MaxImportRows = 500;

    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    /// <summary>Whether the caller may edit the plan: a coordinator or a member of WG-OTO.</summary>
    public async Task<bool> CanEditAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.IsCoordinator)
        {
            return true;
        }
        var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
        return person is { } p && await db.Set<TeamMemberRecord>().AnyAsync(m => m.TeamCode == TeamCatalogue.WgOto && m.PersonId == p, ct);
    }

    public async Task<IReadOnlyList<PlanActivityDto>> ActivitiesAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await CheckedYearAsync(actor, "yearplan.read", year);
        var rows = await RowsAsync(year, ct);
        return await ToDtosAsync(rows, ct);
    }

    /// <summary>The plan of <paramref name="year"/> as the grid: working groups × quarters, with cost totals.</summary>
    public async Task<YearPlanDto> PlanAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await CheckedYearAsync(actor, "yearplan.read", year);
        var rows = await RowsAsync(year, ct);
        var dtos = (await ToDtosAsync(rows, ct)).ToDictionary(d => d.Code);
        var grid = YearPlanGrid.Build(year, rows.Select(r => r.ToActivity()), await GroupsAsync(ct));
        return new YearPlanDto(year, await CanEditAsync(actor, ct), grid.Groups.Select(g => new PlanGroupDto(g.Team, g.Name,
            g.Activities.Select(a => dtos[a.Code]).ToList(), g.Quarters.Select((q, i) => new PlanQuarterDto(i + 1, q)).ToList(), g.Costs)).ToList(),
            grid.Costs);
    }

    public async Task<PlanActivityDto> CreateAsync(Actor actor, int year, PlanActivityInput input, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.create", year, ct);
        var context = await ContextAsync(ct);
        var valid = await audit.CheckedAsync(actor, "yearplan.create", $"yearplan/{year}", () => YearPlanRules.Validate(year, input, context));
        if (await db.Set<YearPlanActivityRecord>().AnyAsync(a => a.Year == year && a.Code == valid.Code, ct))
        {
            throw await audit.RefuseAsync(actor, "yearplan.create", $"yearplan/{year}/{valid.Code}", YearPlanHostRefusals.CodeTaken.RaiseFor("code", ("code", valid.Code), ("year", year)));
        }
        var now = clock.GetCurrentInstant();
        var row = new YearPlanActivityRecord { Id = Guid.NewGuid(), Code = valid.Code, Title = valid.Title, TeamCode = valid.Team, CreatedAt = now, UpdatedAt = now };
        row.Take(valid);
        db.Add(row);
        audit.Stage(db, actor, "yearplan.create", $"yearplan/{year}/{row.Code}", Describe(valid));
        await SaveAsync(actor, "yearplan.create", $"yearplan/{year}/{row.Code}", YearPlanHostRefusals.CodeTaken.RaiseFor("code", ("code", valid.Code), ("year", year)), ct);
        return (await ToDtosAsync([row], ct))[0];
    }

    public async Task<PlanActivityDto> UpdateAsync(Actor actor, int year, string code, PlanActivityInput input, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.update", year, ct);
        var row = await RowAsync(actor, "yearplan.update", year, code, ct);
        var target = $"yearplan/{year}/{row.Code}";
        var context = await ContextAsync(ct);
        var valid = await audit.CheckedAsync(actor, "yearplan.update", target, () =>
        {
            if (!TextRules.IsBlank(input.Code) && !Texts.SameCode(input.Code.Trim(), row.Code))
            {
                throw YearPlanHostRefusals.CodeMismatch.RaiseFor("code", ("code", Texts.Shorten(input.Code)), ("path", row.Code));
            }
            return YearPlanRules.Validate(year, input with { Code = row.Code }, context);
        });
        row.Take(valid);
        row.UpdatedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, "yearplan.update", target, Describe(valid));
        await SaveAsync(actor, "yearplan.update", target, YearPlanHostRefusals.Changed.Raise(("code", row.Code)), ct);
        return (await ToDtosAsync([row], ct))[0];
    }

    public async Task DeleteAsync(Actor actor, int year, string code, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.delete", year, ct);
        var row = await RowAsync(actor, "yearplan.delete", year, code, ct);
        db.Remove(row);
        audit.Stage(db, actor, "yearplan.delete", $"yearplan/{year}/{row.Code}", row.Title);
        await SaveAsync(actor, "yearplan.delete", $"yearplan/{year}/{row.Code}", YearPlanHostRefusals.Changed.Raise(("code", row.Code)), ct);
    }

    /// <summary>The plan as CSV (Dutch Excel): one row per activity in the grid's order.</summary>
    public async Task<string> CsvAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await CheckedYearAsync(actor, "yearplan.export", year);
        var rows = await RowsAsync(year, ct);
        var emails = await EmailsAsync(rows.Where(r => r.ContactPersonId is not null).Select(r => r.ContactPersonId!.Value), ct);
        var grid = YearPlanGrid.Build(year, rows.Select(r => r.ToActivity()), await GroupsAsync(ct));
        return Platform.CsvFile.Write(YearPlanCsv.Header,
            grid.Groups.SelectMany(g => g.Activities).Select(a => YearPlanCsv.ToRow(a, id => emails.GetValueOrDefault(id))));
    }

    /// <summary>
    /// Reads a CSV (as <see cref="CsvAsync"/> writes it) into the plan of <paramref name="year"/>: known codes are
    /// updated, new ones added. Any bad row and nothing is stored (<see cref="YearPlanImportException"/>).
    /// </summary>
    public async Task<PlanImportDto> ImportAsync(Actor actor, int year, string? csvText, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.import", year, ct);
        if (TextRules.IsBlank(csvText))
        {
            throw await audit.RefuseAsync(actor, "yearplan.import", $"yearplan/{year}", YearPlanHostRefusals.ImportEmpty.Raise());
        }
        var context = await ContextAsync(ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().Select(p => new { p.Id, p.NormalizedEmail }).ToListAsync(ct);
        var byEmail = people.ToDictionary(p => p.NormalizedEmail, p => p.Id, StringComparer.Ordinal);
        IReadOnlyList<PlanActivity> activities;
        IReadOnlyList<PlanRowError> errors;
        try
        {
            (activities, errors) = await audit.CheckedAsync(actor, "yearplan.import", $"yearplan/{year}", () => ReadCsv(year, csvText, context,
                e => byEmail.TryGetValue(Texts.NormalizeEmail(e), out var id) ? id : null));
        }
        catch (CsvHelper.CsvFormatException ex)
        {
            throw await audit.RefuseAsync(actor, "yearplan.import", $"yearplan/{year}", YearPlanHostRefusals.ImportUnreadable.Raise(("reason", Texts.Shorten(ex.Message))));
        }
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, "yearplan.import", $"yearplan/{year}", AuditOutcome.Rejected, $"{errors.Count} bad row(s), first on line {errors.Min(e => e.Line)}");
            throw new YearPlanImportException(errors);
        }
        var existing = await db.Set<YearPlanActivityRecord>().Where(a => a.Year == year).ToDictionaryAsync(a => a.Code, ct);
        var now = clock.GetCurrentInstant();
        var (created, updated) = (0, 0);
        foreach (var a in activities)
        {
            if (existing.TryGetValue(a.Code, out var row))
            {
                updated++;
            }
            else
            {
                created++;
                row = new YearPlanActivityRecord { Id = Guid.NewGuid(), Code = a.Code, Title = a.Title, TeamCode = a.Team, CreatedAt = now };
                db.Add(row);
            }
            row.Take(a);
            row.UpdatedAt = now;
        }
        audit.Stage(db, actor, "yearplan.import", $"yearplan/{year}", $"created={created} updated={updated}");
        await SaveAsync(actor, "yearplan.import", $"yearplan/{year}", YearPlanHostRefusals.Changed.Raise(("code", "-")), ct);
        return new PlanImportDto(year, created, updated);
    }

    /// <summary>Copies the plan of <paramref name="year"/> into <paramref name="next"/> as ideas; codes already there are skipped.</summary>
    public async Task<PlanCopyDto> CopyAsync(Actor actor, int year, int next, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.copy", year, ct);
        await audit.CheckedAsync(actor, "yearplan.copy", $"yearplan/{year}", () =>
        {
            YearPlanRules.ValidateCopy(year, next);
            return true;
        });
        var rows = await RowsAsync(year, ct);
        var taken = (await db.Set<YearPlanActivityRecord>().AsNoTracking().Where(a => a.Year == next).Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var now = clock.GetCurrentInstant();
        var copied = new List<string>();
        var skipped = new List<string>();
        foreach (var row in rows.OrderBy(r => r.Code, Comparer<string>.Create(YearPlanRules.CompareCodes)))
        {
            if (taken.Contains(row.Code))
            {
                skipped.Add(row.Code);
                continue;
            }
            var copy = new YearPlanActivityRecord { Id = Guid.NewGuid(), Code = row.Code, Title = row.Title, TeamCode = row.TeamCode, CreatedAt = now, UpdatedAt = now };
            copy.Take(YearPlanRules.CopyTo(row.ToActivity(), next));
            db.Add(copy);
            copied.Add(row.Code);
        }
        audit.Stage(db, actor, "yearplan.copy", $"yearplan/{year}", $"to={next} copied={copied.Count} skipped={skipped.Count}");
        await SaveAsync(actor, "yearplan.copy", $"yearplan/{next}", YearPlanHostRefusals.Changed.Raise(("code", "-")), ct);
        return new PlanCopyDto(year, next, copied, skipped);
    }

    /// <summary>
    /// Records a held session of an activity: the session and a paspoort record of the activity's kind (and
    /// requirement) for each attendee, in one save; any refusal and nothing is stored.
    /// </summary>
    public async Task<PlanActivityDto> RegisterSessionAsync(
        Actor actor, int year, string code, LocalDate date, IReadOnlyList<PlanSessionAttendee> attendees, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, "yearplan.session", year, ct);
        var row = await RowAsync(actor, "yearplan.session", year, code, ct);
        var target = $"yearplan/{year}/{row.Code}";
        var activity = row.ToActivity();
        await audit.CheckedAsync(actor, "yearplan.session", target, () =>
        {
            if (activity.Kind is null)
            {
                throw YearPlanHostRefusals.WithoutKind.RaiseFor("kind", ("code", row.Code));
            }
            if (date.Year != year)
            {
                throw YearPlanHostRefusals.SessionOutsideYear.RaiseFor("date", ("date", date), ("year", year));
            }
            if (attendees.Any(a => a.PersonId == Guid.Empty))
            {
                throw YearPlanHostRefusals.AttendeeMissing.RaiseFor("attendees");
            }
            return true;
        });
        var session = new YearPlanSessionRecord { Id = Guid.NewGuid(), ActivityId = row.Id, Date = date, CreatedAt = clock.GetCurrentInstant(), CreatedBy = actor.Name };
        session.Attendees = attendees.Select(a => a.PersonId).Distinct()
            .Select(p => new YearPlanSessionAttendeeRecord { SessionId = session.Id, PersonId = p }).ToList();
        db.Add(session);
        audit.Stage(db, actor, "yearplan.session", target, $"date={date} attendees={attendees.Count}");
        try
        {
            var list = new AttendanceList(activity.Kind, activity.RecordName, date, activity.RequirementFunction, activity.RequirementCode,
                attendees.Select(a => new AttendanceEntry(a.PersonId, a.Result)).ToList());
            // The paspoort stages its records next to the session staged above and saves them all in one SaveChanges:
            // one transaction, so a refused attendee leaves neither the session nor anyone's record behind.
            await audit.CheckedAsync(actor, "yearplan.session", target, () => paspoort.RecordAttendanceAsync(actor, list, ct));
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        return (await ToDtosAsync([await db.Set<YearPlanActivityRecord>().AsNoTracking().FirstAsync(a => a.Id == row.Id, ct)], ct))[0];
    }

    /// <summary>
    /// An ended exercise whose scenario names a plan activity (<c>otoActivity</c>) counts as a session of it, in the plan
    /// of the year it ended in, with its participants in a function as attendees. Their paspoort records come from the
    /// incident-closed drafts (confirmed by a coordinator), so none are written here. Once per exercise; false when the
    /// plan has no such activity that year, or the session was counted already.
    /// </summary>
    public async Task<bool> RecordExerciseSessionAsync(
        Guid exerciseId, string code, LocalDate date, IReadOnlyCollection<Guid> attendees, CancellationToken ct = default)
    {
        var canonical = code.Trim().ToUpperInvariant();
        var row = await db.Set<YearPlanActivityRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Year == date.Year && a.Code == canonical, ct);
        if (row is null || await db.Set<YearPlanSessionRecord>().AnyAsync(x => x.ExerciseId == exerciseId, ct))
        {
            return false;
        }
        var system = Actor.System("exercise");
        var session = new YearPlanSessionRecord
        {
            Id = Guid.NewGuid(), ActivityId = row.Id, Date = date, CreatedAt = clock.GetCurrentInstant(), CreatedBy = "Oefening", ExerciseId = exerciseId,
        };
        session.Attendees = attendees.Distinct().Select(p => new YearPlanSessionAttendeeRecord { SessionId = session.Id, PersonId = p }).ToList();
        db.Add(session);
        audit.Stage(db, system, "yearplan.session", $"yearplan/{date.Year}/{row.Code}", $"exercise={exerciseId} date={date} attendees={session.Attendees.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another node counted it meanwhile.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// For each (function, requirement code) the plan activity that would renew it: one with that requirement, not
    /// cancelled, in this year or the nearest later year, else the latest earlier one. Pairs without one are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string, string), (int, string, string)>> RenewalsAsync(
        IReadOnlyCollection<(string Function, string Code)> pairs, CancellationToken ct = default)
    {
        var functions = pairs.Select(p => p.Function.ToUpperInvariant()).Distinct().ToList();
        var rows = await db.Set<YearPlanActivityRecord>().AsNoTracking()
            .Where(a => a.RequirementFunction != null && functions.Contains(a.RequirementFunction) && a.Status != PlanStatus.Cancelled).ToListAsync(ct);
        var year = Today.Year;
        var result = new Dictionary<(string, string), (int, string, string)>();
        foreach (var (function, code) in pairs)
        {
            var best = rows.Where(r => Texts.SameCode(r.RequirementFunction, function) && Texts.SameCode(r.RequirementCode, code))
                .OrderBy(r => r.Year >= year ? 0 : 1).ThenBy(r => r.Year >= year ? r.Year : -r.Year)
                .ThenBy(r => r.Code, Comparer<string>.Create(YearPlanRules.CompareCodes)).FirstOrDefault();
            if (best is not null)
            {
                result[(function, code)] = (best.Year, best.Code, best.Title);
            }
        }
        return result;
    }

    private static (IReadOnlyList<PlanActivity>, IReadOnlyList<PlanRowError>) ReadCsv(
        int year, string csvText, PlanContext context, Func<string, Guid?> personByEmail)
    {
        var options = new CsvHelper.CsvReaderOptions { TrackLineNumbers = true, MissingField = CsvHelper.CsvMissingFieldHandling.ReturnEmpty };
        using var csv = CsvHelper.CsvReader.Create(new StringReader(Platform.CsvFile.StripBom(csvText)), options, false);
        var header = csv.Headers.ToList();
        var index = header.Select((h, i) => (YearPlanCsv.Key(h), i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var rows = new List<(int, Func<string, string?>)>();
        while (csv.Read())
        {
            if (rows.Count >= MaxImportRows)
            {
                throw YearPlanHostRefusals.ImportTooLarge.Raise(("max", MaxImportRows));
            }
            var cells = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList();
            if (cells.All(TextRules.IsBlank))
            {
                continue;
            }
            rows.Add(((int)csv.LineNumber, key => index.TryGetValue(key, out var i) && i < cells.Count ? cells[i] : null));
        }
        if (rows.Count == 0)
        {
            throw YearPlanHostRefusals.ImportEmpty.Raise();
        }
        return YearPlanCsv.Read(year, header, rows, context, personByEmail);
    }

    private async Task CheckedYearAsync(Actor actor, string action, int year) =>
        await audit.CheckedAsync(actor, action, $"yearplan/{year}", () => YearPlanRules.ValidateYear(year));

    private async Task RequireEditorAsync(Actor actor, string action, int year, CancellationToken ct)
    {
        if (!await CanEditAsync(actor, ct))
        {
            throw await audit.RefuseAsync(actor, action, $"yearplan/{year}", YearPlanHostRefusals.EditorsOnly.Raise());
        }
        await CheckedYearAsync(actor, action, year);
    }

    private async Task<YearPlanActivityRecord> RowAsync(Actor actor, string action, int year, string code, CancellationToken ct)
    {
        var canonical = code.Trim().ToUpperInvariant();
        return await db.Set<YearPlanActivityRecord>().FirstOrDefaultAsync(a => a.Year == year && a.Code == canonical, ct)
            ?? throw await audit.RefuseAsync(actor, action, $"yearplan/{year}/{Texts.Shorten(canonical)}",
                YearPlanHostRefusals.ActivityUnknown.Raise(("code", Texts.Shorten(canonical)), ("year", year)));
    }

    private async Task SaveAsync(Actor actor, string action, string target, RuleViolationException conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, action, target, conflict);
        }
    }

    private Task<List<YearPlanActivityRecord>> RowsAsync(int year, CancellationToken ct) =>
        db.Set<YearPlanActivityRecord>().AsNoTracking().Where(a => a.Year == year).ToListAsync(ct);

    private async Task<PlanContext> ContextAsync(CancellationToken ct)
    {
        var groups = await db.Set<TeamRecord>().AsNoTracking().Where(t => t.Kind == TeamKind.WorkingGroup).Select(t => t.Code).ToListAsync(ct);
        var functions = await db.Set<FunctionRecord>().AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        var people = (await db.Set<PersonRecord>().AsNoTracking().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return new PlanContext(groups, functions, people.Contains);
    }

    private async Task<IReadOnlyList<(string Code, string Name)>> GroupsAsync(CancellationToken ct)
    {
        var groups = await db.Set<TeamRecord>().AsNoTracking().Where(t => t.Kind == TeamKind.WorkingGroup).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        var order = TeamCatalogue.Seeded.Select(s => s.Code).ToList();
        return groups.OrderBy(g => order.IndexOf(g.Code) is var i && i >= 0 ? i : int.MaxValue).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => (g.Code, g.Name)).ToList();
    }

    private async Task<Dictionary<Guid, string>> EmailsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Email, ct);
    }

    private async Task<IReadOnlyList<PlanActivityDto>> ToDtosAsync(IReadOnlyList<YearPlanActivityRecord> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var sessions = await db.Set<YearPlanSessionRecord>().AsNoTracking().Include(s => s.Attendees).Where(s => ids.Contains(s.ActivityId)).ToListAsync(ct);
        var functions = rows.SelectMany(r => r.ToActivity().Audience).Distinct().ToList();
        var holders = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(f => functions.Contains(f.FunctionCode)).ToListAsync(ct);
        var people = rows.Where(r => r.ContactPersonId is not null).Select(r => r.ContactPersonId!.Value)
            .Concat(sessions.SelectMany(s => s.Attendees).Select(a => a.PersonId)).Distinct().ToList();
        var names = await db.Set<PersonRecord>().AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.OrderBy(r => r.Code, Comparer<string>.Create(YearPlanRules.CompareCodes)).Select(r =>
        {
            var a = r.ToActivity();
            var mine = sessions.Where(s => s.ActivityId == r.Id).OrderBy(s => s.Date).ThenBy(s => s.CreatedAt).ToList();
            var audience = holders.Where(h => a.Audience.Contains(h.FunctionCode)).Select(h => h.PersonId).ToHashSet();
            var attended = mine.SelectMany(s => s.Attendees).Select(x => x.PersonId).Where(audience.Contains).Distinct().Count();
            return new PlanActivityDto(
                a.Year, a.Code, a.Title, a.Team, a.ContactPersonId is { } c ? new PersonRefDto(c, names.GetValueOrDefault(c, "")) : null,
                a.Goal, a.Audience, a.Description, a.Result, a.Quarters, a.Costs is { } k ? new PlanCostsDto(k.Amount, k.Note) : null,
                a.Status.ToWire(), a.Kind?.ToWire(), a.Requirement, new PlanAttendanceDto(audience.Count, attended),
                mine.Select(s => new PlanSessionDto(s.Id, s.Date, s.Attendees.Select(x => new PersonRefDto(x.PersonId, names.GetValueOrDefault(x.PersonId, ""))).ToList(),
                    s.CreatedAt, s.CreatedBy)).ToList());
        }).ToList();
    }

    private static string Describe(PlanActivity a) =>
        $"team={a.Team} status={a.Status.ToWire()} quarters={string.Join(",", a.Quarters)} costs={a.Costs?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} kind={a.Kind?.ToWire() ?? "-"}";
}
