namespace Crisis.Domain.Teams;

/// <summary>A task team acts during an incident; a working group plans, trains and maintains between incidents.</summary>
public enum TeamKind
{
    TaskTeam,
    WorkingGroup,
}

/// <summary>What a person is in a team. Head and deputy belong to task teams, chair to working groups.</summary>
public enum TeamRole
{
    Head,
    Deputy,
    Chair,
    Member,
}

/// <summary>Wire names and Dutch labels of the team enums.</summary>
public static class TeamNames
{
    public static readonly WireNames<TeamKind> Kinds = new(
        (TeamKind.TaskTeam, "taskteam", "Taakteam"),
        (TeamKind.WorkingGroup, "workinggroup", "Werkgroep"));

    public static readonly WireNames<TeamRole> Roles = new(
        (TeamRole.Head, "head", "Hoofd"),
        (TeamRole.Deputy, "deputy", "Plaatsvervanger"),
        (TeamRole.Chair, "chair", "Voorzitter"),
        (TeamRole.Member, "member", "Lid"));

    public static string ToWire(this TeamKind kind) => Kinds.Wire(kind);

    public static string ToDutch(this TeamKind kind) => Kinds.Dutch(kind);

    public static string ToWire(this TeamRole role) => Roles.Wire(role);

    public static string ToDutch(this TeamRole role) => Roles.Dutch(role);

    /// <summary>The roles a team of <paramref name="kind"/> can give.</summary>
    public static IReadOnlyList<TeamRole> RolesOf(TeamKind kind) => kind == TeamKind.TaskTeam
        ? [TeamRole.Head, TeamRole.Deputy, TeamRole.Member]
        : [TeamRole.Chair, TeamRole.Member];

    /// <summary>Parses a team kind from the wire; refuses with the kinds there are.</summary>
    public static TeamKind ParseKind(string? wire, string field = "kind") => Kinds.TryParse(wire, out var kind)
        ? kind
        : throw TeamsRefusals.KindUnknown.RaiseFor(field, ("kind", Texts.Shorten(wire ?? "")), ("kinds", Kinds.All));

    /// <summary>Parses a member's role from the wire; refuses with the roles there are.</summary>
    public static TeamRole ParseRole(string? wire, string field = "role") => Roles.TryParse(wire, out var role)
        ? role
        : throw TeamsRefusals.RoleUnknown.RaiseFor(field, ("role", Texts.Shorten(wire ?? "")), ("roles", Roles.All));
}
