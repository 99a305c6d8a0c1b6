namespace Crisis.Domain.Teams;

/// <summary>The rules of teams and working groups a request can break.</summary>
public static class TeamsRefusals
{
    public static readonly RefusalCode CodeMissing = new("teams.code-missing", ViolationKind.Invalid);
    public static readonly RefusalCode CodeInvalid = new("teams.code-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode CodeTaken = new("teams.code-taken", ViolationKind.Conflict);
    public static readonly RefusalCode NameMissing = new("teams.name-missing", ViolationKind.Invalid);
    public static readonly RefusalCode NameTooLong = new("teams.name-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode KindUnknown = new("teams.kind-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode RoleUnknown = new("teams.role-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode HeadFunctionUnknown = new("teams.head-function-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode HeadFunctionOfWorkingGroup = new("teams.head-function-of-working-group", ViolationKind.Invalid);
    public static readonly RefusalCode TeamUnknown = new("teams.team-unknown", ViolationKind.NotFound);
    public static readonly RefusalCode MemberUnknown = new("teams.member-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode MemberTwice = new("teams.member-twice", ViolationKind.Invalid);
    public static readonly RefusalCode TooManyMembers = new("teams.too-many-members", ViolationKind.Invalid);
    public static readonly RefusalCode RoleNotForKind = new("teams.role-not-for-kind", ViolationKind.Invalid);
    public static readonly RefusalCode TaskTeamOneHead = new("teams.task-team-one-head", ViolationKind.Conflict);
    public static readonly RefusalCode WorkingGroupOneChair = new("teams.working-group-one-chair", ViolationKind.Conflict);
    public static readonly RefusalCode WorkingGroupTooFewMembers = new("teams.working-group-too-few-members", ViolationKind.Conflict);
}
