using System.Text.RegularExpressions;

namespace Crisis.Domain.Teams;

/// <summary>What a team and its membership must look like before they are stored.</summary>
public static partial class TeamRules
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 200;
    public const int MaxMembers = 200;

    /// <summary>A working group needs this many members besides its chair (DOMAIN: "a chair and at least two AOV-ers").</summary>
    public const int MinimumWorkingGroupMembers = 2;

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    /// <summary>The canonical (upper-case, trimmed) form of a new team's code, e.g. <c>wg-oto</c> becomes <c>WG-OTO</c>.</summary>
    public static string ValidateCode(string? code, string field = "code")
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length == 0)
        {
            throw TeamsRefusals.CodeMissing.RaiseFor(field);
        }
        if (trimmed.Length < 2 || trimmed.Length > MaxCodeLength || !CodePattern().IsMatch(trimmed))
        {
            throw TeamsRefusals.CodeInvalid.RaiseFor(field, ("code", Texts.Shorten(code!.Trim())), ("max", MaxCodeLength));
        }
        return trimmed;
    }

    /// <summary>
    /// A new team, checked against the teams there are and the functions of the catalogue. A task team may name the
    /// function that heads it; a working group has a chair instead and names none.
    /// </summary>
    public static Team ValidateNew(
        string? code, string? name, TeamKind kind, string? headFunction, IEnumerable<Team> existing, Func<string, bool> isFunction)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(isFunction);
        var canonical = ValidateCode(code);
        var trimmedName = TextRules.Required(name, "name", TeamsRefusals.NameMissing.RaiseFor("name"));
        if (trimmedName.Length > MaxNameLength)
        {
            throw TeamsRefusals.NameTooLong.RaiseFor("name", ("length", trimmedName.Length), ("max", MaxNameLength));
        }
        var function = Texts.TrimToNull(headFunction)?.ToUpperInvariant();
        if (function is not null && kind == TeamKind.WorkingGroup)
        {
            throw TeamsRefusals.HeadFunctionOfWorkingGroup.RaiseFor("headFunction", ("function", Texts.Shorten(function)));
        }
        if (function is not null && !isFunction(function))
        {
            throw TeamsRefusals.HeadFunctionUnknown.RaiseFor("headFunction", ("function", Texts.Shorten(function)));
        }
        if (TeamCatalogue.Find(existing, canonical) is { } taken)
        {
            throw TeamsRefusals.CodeTaken.RaiseFor("code", ("code", taken.Code));
        }
        return new Team(canonical, trimmedName, kind, function, []);
    }

    /// <summary>
    /// The members that replace a team's membership, in the order given. Each person once, each role one the team's
    /// kind has; a task team has at most one head; a working group exactly one chair and at least
    /// <see cref="MinimumWorkingGroupMembers"/> members besides. Fields are named as the API's body names them
    /// (<c>members[2].role</c>).
    /// </summary>
    public static IReadOnlyList<TeamMember> ValidateMembers(Team team, IReadOnlyList<TeamMember> members, Func<Guid, bool> isPerson)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(isPerson);
        if (members.Count > MaxMembers)
        {
            throw TeamsRefusals.TooManyMembers.RaiseFor("members", ("count", members.Count), ("max", MaxMembers));
        }
        var seen = new HashSet<Guid>();
        var allowed = TeamNames.RolesOf(team.Kind);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (!seen.Add(member.PersonId))
            {
                throw TeamsRefusals.MemberTwice.RaiseFor($"members[{i}].personId", ("personId", member.PersonId));
            }
            if (!isPerson(member.PersonId))
            {
                throw TeamsRefusals.MemberUnknown.RaiseFor($"members[{i}].personId", ("personId", member.PersonId));
            }
            if (!allowed.Contains(member.Role))
            {
                throw TeamsRefusals.RoleNotForKind.RaiseFor($"members[{i}].role",
                    ("role", new Bilingual(member.Role.ToWire(), member.Role.ToDutch().ToLowerInvariant())),
                    ("kind", new Bilingual(team.Kind == TeamKind.TaskTeam ? "task team" : "working group", team.Kind.ToDutch().ToLowerInvariant())),
                    ("roles", new Bilingual(string.Join(", ", allowed.Select(r => r.ToWire())),
                        string.Join(", ", allowed.Select(r => r.ToDutch().ToLowerInvariant())))));
            }
        }
        var count = (TeamRole role) => members.Count(m => m.Role == role);
        if (team.Kind == TeamKind.TaskTeam && count(TeamRole.Head) > 1)
        {
            throw TeamsRefusals.TaskTeamOneHead.RaiseFor("members", ("team", team.Code), ("count", count(TeamRole.Head)));
        }
        if (team.Kind == TeamKind.WorkingGroup)
        {
            if (count(TeamRole.Chair) != 1)
            {
                throw TeamsRefusals.WorkingGroupOneChair.RaiseFor("members", ("team", team.Code), ("count", count(TeamRole.Chair)));
            }
            if (count(TeamRole.Member) < MinimumWorkingGroupMembers)
            {
                throw TeamsRefusals.WorkingGroupTooFewMembers.RaiseFor("members",
                    ("team", team.Code), ("count", count(TeamRole.Member)), ("minimum", MinimumWorkingGroupMembers));
            }
        }
        return members.ToList();
    }

    /// <summary>The team named <paramref name="code"/>, or the not-found refusal that says which code was not found.</summary>
    public static Team Require(IEnumerable<Team> teams, string? code) =>
        TeamCatalogue.Find(teams, code) ?? throw TeamsRefusals.TeamUnknown.Raise(("code", Texts.Shorten(code?.Trim() ?? "")));
}
