using Crisis.Domain;
using Crisis.Domain.Teams;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>The refusals the teams service raises beyond the domain's rules.</summary>
public static class TeamsHostRefusals
{
    public static readonly RefusalCode CoordinatorsOnly = new("teams.coordinators-only", ViolationKind.Forbidden);
    public static readonly RefusalCode BodyMissing = new("teams.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode Changed = new("teams.changed", ViolationKind.Conflict);
}

/// <summary>
/// The task teams and working groups: read by everyone signed in, created and staffed by coordinators. The rules
/// live in <see cref="TeamRules"/>; this class loads, checks access, stores and audits.
/// </summary>
public sealed class TeamService(CrisisDbContext db, AuditTrail audit, IClock clock)
{
    /// <summary>Every team, task teams first in catalogue order, then the others by code.</summary>
    public async Task<IReadOnlyList<Team>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<TeamRecord>().AsNoTracking().Include(t => t.Members).ToListAsync(ct);
        var order = TeamCatalogue.Seeded.Select(t => t.Code).ToList();
        return rows.OrderBy(t => t.Kind).ThenBy(t => order.IndexOf(t.Code) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(t => t.Code, StringComparer.Ordinal).Select(t => t.ToTeam()).ToList();
    }

    /// <summary>The codes of the task teams (what the log files entries under), in the order of <see cref="ListAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> TaskTeamCodesAsync(CancellationToken ct = default)
    {
        var codes = await db.Set<TeamRecord>().AsNoTracking().Where(t => t.Kind == TeamKind.TaskTeam).Select(t => t.Code).ToListAsync(ct);
        var order = TeamCatalogue.Seeded.Select(t => t.Code).ToList();
        return codes.OrderBy(c => order.IndexOf(c) is var i && i >= 0 ? i : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds a team (coordinators). The code is made canonical (upper case) and must be new.</summary>
    public async Task<Team> CreateAsync(Actor actor, string? code, string? name, TeamKind kind, string? headFunction, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "team.create", code);
        var functions = await db.Set<FunctionRecord>().AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        var existing = await ListAsync(ct);
        var team = await audit.CheckedAsync(actor, "team.create", $"team/{Texts.Shorten(code ?? "")}",
            () => TeamRules.ValidateNew(code, name, kind, headFunction, existing, f => functions.Contains(f)));
        db.Add(new TeamRecord { Code = team.Code, Name = team.Name, Kind = team.Kind, HeadFunction = team.HeadFunction, CreatedAt = clock.GetCurrentInstant() });
        audit.Stage(db, actor, "team.create", $"team/{team.Code}", $"kind={team.Kind.ToWire()} head={team.HeadFunction ?? "-"}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, "team.create", $"team/{team.Code}", TeamsRefusals.CodeTaken.RaiseFor("code", ("code", team.Code)));
        }
        return team;
    }

    /// <summary>Replaces a team's members (coordinators); a working group keeps one chair and at least two members.</summary>
    public async Task<Team> SetMembersAsync(Actor actor, string code, IReadOnlyList<TeamMember> members, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "team.members", code);
        var canonical = code.Trim().ToUpperInvariant();
        var row = await db.Set<TeamRecord>().Include(t => t.Members).FirstOrDefaultAsync(t => t.Code == canonical, ct);
        if (row is null)
        {
            throw await audit.RefuseAsync(actor, "team.members", $"team/{Texts.Shorten(code)}", TeamsRefusals.TeamUnknown.Raise(("code", Texts.Shorten(code.Trim()))));
        }
        var ids = members.Select(m => m.PersonId).Distinct().ToList();
        var known = (await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var valid = await audit.CheckedAsync(actor, "team.members", $"team/{row.Code}",
            () => TeamRules.ValidateMembers(row.ToTeam(), members, known.Contains));
        db.RemoveRange(row.Members);
        row.Members = valid.Select((m, i) => new TeamMemberRecord { TeamCode = row.Code, PersonId = m.PersonId, Role = m.Role, Position = i }).ToList();
        row.MembersChangedAt = clock.GetCurrentInstant();
        audit.Stage(db, actor, "team.members", $"team/{row.Code}",
            string.Join(", ", valid.Select(m => $"{m.PersonId}={m.Role.ToWire()}")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, "team.members", $"team/{row.Code}", TeamsHostRefusals.Changed.Raise(("team", row.Code)));
        }
        return row.ToTeam();
    }

    /// <summary>The names of people, for rendering members.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Team> teams, CancellationToken ct = default)
    {
        var ids = teams.SelectMany(t => t.Members).Select(m => m.PersonId).Distinct().ToList();
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    /// <summary>
    /// Adds the teams of <see cref="TeamCatalogue.Seeded"/> that are missing (never changes one that exists); run at
    /// start-up on every node, so harmless to repeat and safe when nodes start at once.
    /// </summary>
    internal static async Task EnsureSeededAsync(CrisisDbContext db, IClock clock, CancellationToken ct = default)
    {
        var existing = await db.Set<TeamRecord>().Select(t => t.Code).ToListAsync(ct);
        var functions = await db.Set<FunctionRecord>().Select(f => f.Code).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        var missing = TeamCatalogue.Seeded.Where(t => !existing.Contains(t.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var team in missing)
        {
            db.Add(new TeamRecord
            {
                Code = team.Code, Name = team.Name, Kind = team.Kind, CreatedAt = now,
                HeadFunction = team.HeadFunction is { } f && functions.Contains(f) ? f : null,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            // Another node seeded the same teams at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    private async Task RequireCoordinatorAsync(Actor actor, string action, string? code)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, action, $"team/{Texts.Shorten(code ?? "")}", TeamsHostRefusals.CoordinatorsOnly.Raise());
        }
    }
}

/// <summary>Seeds the contract's teams once the database is migrated (hosted services start after the migration).</summary>
internal sealed class TeamSeeder(IServiceScopeFactory scopes, IClock clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await TeamService.EnsureSeededAsync(scope.ServiceProvider.GetRequiredService<CrisisDbContext>(), clock, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
