using Crisis.Domain;
using Crisis.Domain.Teams;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>The refusals the action-list service raises beyond the domain's rules.</summary>
public static class ActionHostRefusals
{
    public static readonly RefusalCode GroupMembersOnly = new("actions.group-members-only", ViolationKind.Forbidden);
    public static readonly RefusalCode ActionUnknown = new("actions.action-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode SourceUnknown = new("actions.source-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode SourceNotExercise = new("actions.source-not-exercise", ViolationKind.Invalid);
    public static readonly RefusalCode BodyMissing = new("actions.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode Changed = new("actions.changed", ViolationKind.Conflict);
    public static readonly RefusalCode FormatUnknown = new("actions.format-unknown", ViolationKind.Invalid);
}

public sealed record PersonRefDto(Guid Id, string Name);

public sealed record ActionSourceDto(string Kind, Guid Id, string? Label);

public sealed record ActionHistoryDto(string? From, string To, Instant At, Guid ByUserId, string By, string? Note);

public sealed record ActionDto(
    Guid Id, string Team, string Title, PersonRefDto Owner, LocalDate? Due, string Status, string? Activity, ActionSourceDto? Source,
    Instant CreatedAt, Instant? ClosedAt, bool Overdue, IReadOnlyList<ActionHistoryDto> History);

public sealed record MeetingDto(
    Guid Id, string Team, LocalDate Date, IReadOnlyList<PersonRefDto> Attendees, string? Notes, Instant CreatedAt, string CreatedBy,
    IReadOnlyList<ActionDto> Agenda);

/// <summary>What a caller asks for a new action, parsed from the wire.</summary>
public sealed record ActionInput(string? Title, Guid? OwnerPersonId, LocalDate? Due, string? Activity, ActionSource? Source);

/// <summary>
/// The action lists (actielijsten) and meetings of the working groups, and the progress report across them.
/// Coordinators may do everything; the members of a working group (any role) read and write its list and meetings;
/// anyone else is refused (403, audited). The rules live in <see cref="ActionRules"/> and <see cref="MeetingRules"/>.
/// </summary>
public sealed class ActionListService(CrisisDbContext db, AuditTrail audit, IClock clock, DateTimeZone zone, OrganisationService organisation)
{
    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    public DateTimeZone Zone => zone;

    /// <summary>The group's actions: open and running ones first by due date, then the closed ones, latest first.</summary>
    public async Task<IReadOnlyList<ActionDto>> ListAsync(Actor actor, string code, CancellationToken ct = default)
    {
        var team = await GroupAsync(actor, "action.list", code, ct);
        var rows = await db.Set<ActionRecord>().AsNoTracking().Include(a => a.History).Where(a => a.TeamCode == team.Code).ToListAsync(ct);
        return await ToDtosAsync(Order(rows), ct);
    }

    public async Task<ActionDto> CreateAsync(Actor actor, string code, ActionInput input, CancellationToken ct = default)
    {
        var team = await GroupAsync(actor, "action.create", code, ct);
        var target = $"team/{team.Code}";
        var valid = await audit.CheckedAsync(actor, "action.create", target,
            () => ActionRules.ValidateNew(team, input.Title, input.OwnerPersonId, input.Due, input.Activity, input.Source, Today));
        if (valid.Source is { } source)
        {
            await audit.CheckedAsync(actor, "action.create", target, async () => await CheckSourceAsync(team, source, ct));
        }
        return await StoreAsync(actor, team, valid, ct);
    }

    /// <summary>
    /// Puts an exercise evaluation's finding on a working group's action list, owned by its chair, with the exercise as
    /// source (<c>POST /api/exercises/{id}/findings</c> calls this; the exercise's control-staff check is the caller's,
    /// so the group-membership check is not made here). <paramref name="team"/> names the working group, or the task
    /// team whose working group (<c>PIM</c> → <c>WG-PIM</c>) maintains its processes.
    /// </summary>
    public async Task<ActionDto> CreateFromFindingAsync(Actor actor, Guid exerciseId, string? team, string? text, CancellationToken ct = default)
    {
        var canonical = team?.Trim().ToUpperInvariant() ?? "";
        var rows = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members)
            .Where(t => t.Code == canonical || t.Code == "WG-" + canonical).ToListAsync(ct);
        var row = rows.FirstOrDefault(t => t.Code == canonical && t.Kind == TeamKind.WorkingGroup)
            ?? rows.FirstOrDefault(t => t.Code == "WG-" + canonical && t.Kind == TeamKind.WorkingGroup)
            ?? rows.FirstOrDefault()
            ?? throw await audit.RefuseAsync(actor, "action.finding", $"team/{Texts.Shorten(canonical)}",
                TeamsRefusals.TeamUnknown.RaiseFor("team", ("code", Texts.Shorten(team?.Trim() ?? ""))));
        var group = row.ToTeam();
        var chair = group.InRole(TeamRole.Chair).Cast<Guid?>().FirstOrDefault();
        var source = new ActionSource(ActionSourceKind.ExerciseFinding, exerciseId, "Bevinding uit de evaluatie");
        var target = $"team/{group.Code}";
        var valid = await audit.CheckedAsync(actor, "action.finding", target, () =>
        {
            if (chair is null)
            {
                // An unstaffed group cannot own a finding: the team rule says why (one chair, two members).
                TeamRules.ValidateMembers(group, group.Members, _ => true);
            }
            return ActionRules.ValidateNew(group, text, chair, null, null, source, Today);
        });
        await audit.CheckedAsync(actor, "action.finding", target, async () => await CheckSourceAsync(group, source, ct));
        return await StoreAsync(actor, group, valid, ct);
    }

    /// <summary>Moves an action to <paramref name="status"/> by the state machine of <see cref="ActionRules.Move"/>, with who, when and why in its history.</summary>
    public async Task<ActionDto> ChangeStatusAsync(Actor actor, string code, Guid id, ActionStatus status, string? note, CancellationToken ct = default)
    {
        var team = await GroupAsync(actor, "action.status", code, ct);
        var row = await db.Set<ActionRecord>().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id && a.TeamCode == team.Code, ct)
            ?? throw await audit.RefuseAsync(actor, "action.status", $"action/{id}", ActionHostRefusals.ActionUnknown.Raise(("id", id), ("team", team.Code)));
        var now = clock.GetCurrentInstant();
        var change = await audit.CheckedAsync(actor, "action.status", $"action/{id}", () => ActionRules.Move(row.Status, status, note, now, actor.Name));
        row.History.Add(new ActionStatusChangeRecord
        {
            ActionId = row.Id, Seq = row.History.Count == 0 ? 1 : row.History.Max(h => h.Seq) + 1, From = change.From, To = change.To,
            At = now, ByUserId = actor.UserId, ByName = actor.Name, Note = change.Note,
        });
        row.Status = change.To;
        row.ClosedAt = ActionRules.IsClosed(change.To) ? now : null;
        audit.Stage(db, actor, "action.status", $"action/{row.Id}", $"{change.From?.ToWire()}->{change.To.ToWire()}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, "action.status", $"action/{row.Id}", ActionHostRefusals.Changed.Raise(("title", Texts.Shorten(row.Title))));
        }
        return (await ToDtosAsync([row], ct))[0];
    }

    /// <summary>
    /// Actions across groups: <paramref name="mine"/> those the caller's person owns (same e-mail), otherwise every
    /// group's for a coordinator and the caller's groups' for anyone else; <paramref name="overdue"/> only the overdue ones.
    /// </summary>
    public async Task<IReadOnlyList<ActionDto>> QueryAsync(Actor actor, bool mine, bool overdue, CancellationToken ct = default)
    {
        var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
        var query = db.Set<ActionRecord>().AsNoTracking().Include(a => a.History).AsQueryable();
        if (mine)
        {
            if (person is null)
            {
                return [];
            }
            query = query.Where(a => a.OwnerPersonId == person);
        }
        else if (!actor.IsCoordinator)
        {
            var groups = person is null ? [] : await db.Set<TeamMemberRecord>().AsNoTracking()
                .Where(m => m.PersonId == person).Select(m => m.TeamCode).ToListAsync(ct);
            query = query.Where(a => groups.Contains(a.TeamCode) || a.OwnerPersonId == person);
        }
        var rows = await query.ToListAsync(ct);
        var today = Today;
        return await ToDtosAsync(Order(overdue ? rows.Where(a => ActionRules.IsOverdue(a.Status, a.Due, today)) : rows), ct);
    }

    public async Task<IReadOnlyList<MeetingDto>> MeetingsAsync(Actor actor, string code, CancellationToken ct = default)
    {
        var team = await GroupAsync(actor, "meeting.list", code, ct);
        var rows = await db.Set<MeetingRecord>().AsNoTracking().Include(m => m.Attendees).Where(m => m.TeamCode == team.Code).ToListAsync(ct);
        var agenda = await AgendaAsync(team.Code, ct);
        var names = await NamesAsync(rows.SelectMany(m => m.Attendees).Select(a => a.PersonId), ct);
        return rows.OrderByDescending(m => m.Date).ThenByDescending(m => m.CreatedAt).Select(m => ToDto(m, names, agenda)).ToList();
    }

    /// <summary>Records a meeting of a working group staffed by the rule (one chair, two members); its agenda is the open action list.</summary>
    public async Task<MeetingDto> CreateMeetingAsync(Actor actor, string code, LocalDate date, IReadOnlyList<Guid> attendees, string? notes, CancellationToken ct = default)
    {
        var team = await GroupAsync(actor, "meeting.create", code, ct);
        var known = (await db.Set<PersonRecord>().AsNoTracking().Where(p => attendees.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var valid = await audit.CheckedAsync(actor, "meeting.create", $"team/{team.Code}",
            () => MeetingRules.ValidateNew(team, date, attendees, notes, Today, known.Contains));
        var row = new MeetingRecord
        {
            Id = Guid.NewGuid(), TeamCode = team.Code, Date = valid.Date, Notes = valid.Notes, CreatedAt = clock.GetCurrentInstant(), CreatedBy = actor.Name,
        };
        row.Attendees = valid.Attendees.Select((p, i) => new MeetingAttendeeRecord { MeetingId = row.Id, PersonId = p, Position = i }).ToList();
        db.Add(row);
        audit.Stage(db, actor, "meeting.create", $"meeting/{row.Id}", $"team={team.Code} date={row.Date} attendees={row.Attendees.Count}");
        await db.SaveChangesAsync(ct);
        return ToDto(row, await NamesAsync(valid.Attendees, ct), await AgendaAsync(team.Code, ct));
    }

    /// <summary>
    /// The voortgangsoverleg since <paramref name="since"/>: every working group for a coordinator, the caller's own
    /// groups for anyone else.
    /// </summary>
    public async Task<ProgressReport> ProgressAsync(Actor actor, LocalDate since, CancellationToken ct = default)
    {
        var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
        var groups = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members).Where(t => t.Kind == TeamKind.WorkingGroup).ToListAsync(ct);
        var visible = groups.Where(g => actor.IsCoordinator || (person is { } p && g.Members.Any(m => m.PersonId == p)))
            .OrderBy(g => TeamCatalogue.Seeded.ToList().FindIndex(s => s.Code == g.Code) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        var codes = visible.Select(g => g.Code).ToList();
        var actions = await db.Set<ActionRecord>().AsNoTracking().Where(a => codes.Contains(a.TeamCode)).ToListAsync(ct);
        var names = await NamesAsync(actions.Select(a => a.OwnerPersonId), ct);
        ProgressAction ToProgress(ActionRecord a) => new(a.Id, a.Title, names.GetValueOrDefault(a.OwnerPersonId, ""), a.Due, a.Status,
            a.CreatedAt.InZone(zone).Date, a.ClosedAt?.InZone(zone).Date);
        return ProgressReport.Build(since, Today, visible.Select(g =>
            (g.Code, g.Name, (IReadOnlyList<ProgressAction>)actions.Where(a => a.TeamCode == g.Code).Select(ToProgress).ToList())));
    }

    /// <summary>The working groups the caller may open: every one for a coordinator, their own for anyone else.</summary>
    public async Task<IReadOnlyList<Team>> GroupsOfAsync(Actor actor, CancellationToken ct = default)
    {
        var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
        var groups = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members).Where(t => t.Kind == TeamKind.WorkingGroup).ToListAsync(ct);
        return groups.Select(g => g.ToTeam()).Where(g => actor.IsCoordinator || (person is { } p && g.IsMember(p)))
            .OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The working group <paramref name="code"/> if the caller may use it: 404 unknown, 409 a task team, 403 not a member.</summary>
    public async Task<Team> GroupAsync(Actor actor, string action, string? code, CancellationToken ct = default)
    {
        var canonical = code?.Trim().ToUpperInvariant() ?? "";
        var target = $"team/{Texts.Shorten(canonical)}";
        var row = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members).FirstOrDefaultAsync(t => t.Code == canonical, ct)
            ?? throw await audit.RefuseAsync(actor, action, target, TeamsRefusals.TeamUnknown.Raise(("code", Texts.Shorten(code?.Trim() ?? ""))));
        var team = row.ToTeam();
        if (!actor.IsCoordinator)
        {
            var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
            if (person is not { } p || !team.IsMember(p))
            {
                throw await audit.RefuseAsync(actor, action, target, ActionHostRefusals.GroupMembersOnly.Raise(("team", team.Code)));
            }
        }
        return await audit.CheckedAsync(actor, action, target, () =>
        {
            ActionRules.RequireWorkingGroup(team);
            return team;
        });
    }

    private async Task<ActionDto> StoreAsync(Actor actor, Team team, NewAction valid, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var row = new ActionRecord
        {
            Id = Guid.NewGuid(), TeamCode = team.Code, Title = valid.Title, OwnerPersonId = valid.OwnerPersonId, Due = valid.Due,
            Activity = valid.Activity, Status = ActionStatus.Open, SourceKind = valid.Source?.Kind, SourceId = valid.Source?.Id,
            SourceLabel = valid.Source?.Label, CreatedAt = now,
        };
        row.History.Add(new ActionStatusChangeRecord { ActionId = row.Id, Seq = 1, From = null, To = ActionStatus.Open, At = now, ByUserId = actor.UserId, ByName = actor.Name });
        db.Add(row);
        audit.Stage(db, actor, "action.create", $"action/{row.Id}",
            $"team={team.Code} owner={row.OwnerPersonId} due={row.Due?.ToString() ?? "-"} source={valid.Source?.Kind.ToWire() ?? "-"}");
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([row], ct))[0];
    }

    private async Task<bool> CheckSourceAsync(Team team, ActionSource source, CancellationToken ct)
    {
        var exists = source.Kind switch
        {
            ActionSourceKind.Meeting => await db.Set<MeetingRecord>().AnyAsync(m => m.Id == source.Id && m.TeamCode == team.Code, ct),
            _ => await db.Set<IncidentRecord>().AnyAsync(i => i.Id == source.Id, ct),
        };
        if (!exists)
        {
            throw ActionHostRefusals.SourceUnknown.RaiseFor("source.id",
                ("kind", new Bilingual(source.Kind.ToWire(), source.Kind.ToDutch().ToLowerInvariant())), ("id", source.Id));
        }
        if (source.Kind == ActionSourceKind.ExerciseFinding && !await db.Set<IncidentRecord>().AnyAsync(i => i.Id == source.Id && i.Exercise, ct))
        {
            throw ActionHostRefusals.SourceNotExercise.RaiseFor("source.id", ("id", source.Id));
        }
        return true;
    }

    private async Task<IReadOnlyList<ActionDto>> AgendaAsync(string teamCode, CancellationToken ct)
    {
        var open = await db.Set<ActionRecord>().AsNoTracking().Include(a => a.History)
            .Where(a => a.TeamCode == teamCode && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)).ToListAsync(ct);
        return await ToDtosAsync(Order(open), ct);
    }

    private static List<ActionRecord> Order(IEnumerable<ActionRecord> rows) =>
        rows.OrderBy(a => ActionRules.IsClosed(a.Status)).ThenBy(a => ActionRules.IsClosed(a.Status) ? 0 : a.Due is null ? 1 : 0)
            .ThenBy(a => ActionRules.IsClosed(a.Status) ? default : a.Due ?? default)
            .ThenByDescending(a => a.ClosedAt ?? a.CreatedAt).ThenBy(a => a.Id).ToList();

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private async Task<IReadOnlyList<ActionDto>> ToDtosAsync(IReadOnlyList<ActionRecord> rows, CancellationToken ct)
    {
        var names = await NamesAsync(rows.Select(r => r.OwnerPersonId), ct);
        var today = Today;
        return rows.Select(a => new ActionDto(
            a.Id, a.TeamCode, a.Title, new PersonRefDto(a.OwnerPersonId, names.GetValueOrDefault(a.OwnerPersonId, "")), a.Due, a.Status.ToWire(),
            a.Activity, a.Source is { } s ? new ActionSourceDto(s.Kind.ToWire(), s.Id, s.Label) : null, a.CreatedAt, a.ClosedAt,
            ActionRules.IsOverdue(a.Status, a.Due, today),
            a.History.OrderBy(h => h.Seq).Select(h => new ActionHistoryDto(h.From?.ToWire(), h.To.ToWire(), h.At, h.ByUserId, h.ByName, h.Note)).ToList()))
            .ToList();
    }

    private static MeetingDto ToDto(MeetingRecord m, IReadOnlyDictionary<Guid, string> names, IReadOnlyList<ActionDto> agenda) =>
        new(m.Id, m.TeamCode, m.Date, m.Attendees.OrderBy(a => a.Position).Select(a => new PersonRefDto(a.PersonId, names.GetValueOrDefault(a.PersonId, ""))).ToList(),
            m.Notes, m.CreatedAt, m.CreatedBy, agenda);
}
