using Crisis.Domain.Organisation;
using Crisis.Domain.Teams;

namespace Crisis.Domain.Tests.Teams;

public class TeamRulesTests
{
    private static readonly Guid Chair = new("00000000-0000-0000-0000-00000000c001");
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000b001");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000c002");
    private static readonly Guid Nobody = new("00000000-0000-0000-0000-000000000404");

    private static readonly Team WgOto = TeamCatalogue.Seeded.Single(t => t.Code == TeamCatalogue.WgOto);
    private static readonly Team Pim = TeamCatalogue.Seeded.Single(t => t.Code == TeamCatalogue.Pim);

    private static bool IsPerson(Guid id) => id != Nobody;

    private static bool IsFunction(string code) => FunctionCatalogue.KeyFunctions.Any(f => f.Code == code);

    private static IReadOnlyList<TeamMember> Members(Team team, params (Guid Person, TeamRole Role)[] members) =>
        TeamRules.ValidateMembers(team, members.Select(m => new TeamMember(m.Person, m.Role)).ToList(), IsPerson);

    private static RuleViolationException Refused(Func<object?> call, RefusalCode code, string field, string? because = null)
    {
        var refusal = Should.Throw<RuleViolationException>(call, because);
        (refusal.Code, refusal.Kind, refusal.Field).ShouldBe((code.Code, code.Kind, field), because);
        return refusal;
    }

    [Theory]
    [InlineData("already canonical", "WG-OTO", "WG-OTO")]
    [InlineData("lower case", "wg-nafase", "WG-NAFASE")]
    [InlineData("padded", "  PIM ", "PIM")]
    [InlineData("digits", "WG-2", "WG-2")]
    public void ValidateCode_GoodCode_IsUpperCaseAndTrimmed(string description, string code, string expected) =>
        TeamRules.ValidateCode(code).ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("spaces", "   ")]
    public void ValidateCode_Missing_IsCodeMissing(string description, string? code) =>
        Refused(() => TeamRules.ValidateCode(code), TeamsRefusals.CodeMissing, "code", description);

    [Theory]
    [InlineData("one letter", "P")]
    [InlineData("space inside", "WG OTO")]
    [InlineData("double dash", "WG--OTO")]
    [InlineData("leading dash", "-PIM")]
    [InlineData("ampersand", "PZ&I")]
    [InlineData("accent", "ÉÉN")]
    [InlineData("33 characters", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void ValidateCode_Malformed_IsCodeInvalidAndQuotesIt(string description, string code)
    {
        var refusal = Refused(() => TeamRules.ValidateCode(code, "team"), TeamsRefusals.CodeInvalid, "team", description);
        refusal.Phrase["code"].ShouldBe(Texts.Shorten(code), description);
        refusal.Phrase["max"].ShouldBe(32);
    }

    [Fact]
    public void ValidateNew_TaskTeamWithHeadFunction_IsMadeWithoutMembers()
    {
        var team = TeamRules.ValidateNew("nafase", " Nafase ", TeamKind.TaskTeam, "hoofd-nafase", TeamCatalogue.Seeded, IsFunction);

        team.ShouldBe(new Team("NAFASE", "Nafase", TeamKind.TaskTeam, FunctionCatalogue.HoofdNafase, team.Members));
        team.Members.ShouldBeEmpty();
    }

    [Fact]
    public void ValidateNew_TaskTeamWithoutHeadFunction_IsAllowed() =>
        TeamRules.ValidateNew("TELEFOONTEAM", "Telefoonteam", TeamKind.TaskTeam, "  ", TeamCatalogue.Seeded, IsFunction).HeadFunction.ShouldBeNull();

    [Theory]
    [InlineData("same case", "WG-OTO")]
    [InlineData("other case", "wg-oto")]
    [InlineData("today's spelling of a task team", "Omgevingszorg")]
    public void ValidateNew_CodeTaken_IsAConflict(string description, string code) =>
        Refused(() => TeamRules.ValidateNew(code, "Dubbel", TeamKind.WorkingGroup, null, TeamCatalogue.Seeded, IsFunction),
            TeamsRefusals.CodeTaken, "code", description);

    [Fact]
    public void ValidateNew_WorkingGroupWithHeadFunction_IsRefused() =>
        Refused(() => TeamRules.ValidateNew("WG-NAFASE", "Werkgroep Nafase", TeamKind.WorkingGroup, "HOOFD-NAFASE", TeamCatalogue.Seeded, IsFunction),
            TeamsRefusals.HeadFunctionOfWorkingGroup, "headFunction");

    [Fact]
    public void ValidateNew_UnknownHeadFunction_IsRefused() =>
        Refused(() => TeamRules.ValidateNew("NAFASE", "Nafase", TeamKind.TaskTeam, "HOOFD-BRANDWEER", TeamCatalogue.Seeded, IsFunction),
            TeamsRefusals.HeadFunctionUnknown, "headFunction");

    [Theory]
    [InlineData("missing", "  ", "teams.name-missing")]
    [InlineData("201 characters", null, "teams.name-too-long")]
    public void ValidateNew_BadName_IsRefusedOnName(string description, string? name, string code) =>
        Should.Throw<RuleViolationException>(() =>
            TeamRules.ValidateNew("NAFASE", name ?? new string('n', 201), TeamKind.TaskTeam, null, TeamCatalogue.Seeded, IsFunction))
            .Code.ShouldBe(code, description);

    [Fact]
    public void ValidateMembers_WorkingGroupWithChairAndTwoMembers_IsKeptInOrder() =>
        Members(WgOto, (A, TeamRole.Member), (Chair, TeamRole.Chair), (B, TeamRole.Member)).Select(m => m.PersonId)
            .ShouldBe([A, Chair, B]);

    [Fact]
    public void ValidateMembers_WorkingGroupWithoutChair_IsAConflictCountingNone()
    {
        var refusal = Refused(() => Members(WgOto, (A, TeamRole.Member), (B, TeamRole.Member), (C, TeamRole.Member)),
            TeamsRefusals.WorkingGroupOneChair, "members");
        refusal.Phrase["count"].ShouldBe(0);
        refusal.Phrase["team"].ShouldBe("WG-OTO");
    }

    [Fact]
    public void ValidateMembers_WorkingGroupWithTwoChairs_IsAConflictCountingTwo() =>
        Refused(() => Members(WgOto, (Chair, TeamRole.Chair), (A, TeamRole.Chair), (B, TeamRole.Member), (C, TeamRole.Member)),
            TeamsRefusals.WorkingGroupOneChair, "members").Phrase["count"].ShouldBe(2);

    [Theory]
    [InlineData("nobody at all", 0)]
    [InlineData("the chair alone", 1)]
    [InlineData("the chair and one member", 2)]
    public void ValidateMembers_WorkingGroupWithTooFewMembers_IsAConflict(string description, int size)
    {
        var all = new (Guid, TeamRole)[] { (Chair, TeamRole.Chair), (A, TeamRole.Member) }.Take(size).ToArray();

        var refusal = Should.Throw<RuleViolationException>(() => Members(WgOto, all), description);

        refusal.Kind.ShouldBe(ViolationKind.Conflict, description);
        refusal.Code.ShouldBe(size == 0 ? TeamsRefusals.WorkingGroupOneChair.Code : TeamsRefusals.WorkingGroupTooFewMembers.Code, description);
        if (size > 0)
        {
            refusal.Phrase["count"].ShouldBe(size - 1, description);
            refusal.Phrase["minimum"].ShouldBe(2, description);
        }
    }

    [Fact]
    public void ValidateMembers_TaskTeamWithHeadDeputyAndMembers_IsKept() =>
        Members(Pim, (A, TeamRole.Head), (B, TeamRole.Deputy), (C, TeamRole.Member)).Count.ShouldBe(3);

    [Fact]
    public void ValidateMembers_TaskTeamWithoutHeadOrAnyone_IsAllowed()
    {
        Members(Pim).ShouldBeEmpty();
        Members(Pim, (A, TeamRole.Member)).Count.ShouldBe(1);
    }

    [Fact]
    public void ValidateMembers_TaskTeamWithTwoHeads_IsAConflict() =>
        Refused(() => Members(Pim, (A, TeamRole.Head), (B, TeamRole.Head)), TeamsRefusals.TaskTeamOneHead, "members").Phrase["count"].ShouldBe(2);

    [Theory]
    [InlineData("a chair in a task team", TeamKind.TaskTeam, TeamRole.Chair)]
    [InlineData("a head in a working group", TeamKind.WorkingGroup, TeamRole.Head)]
    [InlineData("a deputy in a working group", TeamKind.WorkingGroup, TeamRole.Deputy)]
    public void ValidateMembers_RoleTheKindHasNot_IsInvalidOnThatMembersRole(string description, TeamKind kind, TeamRole role)
    {
        var team = kind == TeamKind.TaskTeam ? Pim : WgOto;

        var refusal = Refused(() => Members(team, (Chair, TeamRole.Member), (A, role)), TeamsRefusals.RoleNotForKind, "members[1].role", description);

        refusal.Phrase["role"].ShouldBe(new Bilingual(role.ToWire(), role.ToDutch().ToLowerInvariant()), description);
    }

    [Fact]
    public void ValidateMembers_SamePersonTwice_IsInvalidOnTheSecond() =>
        Refused(() => Members(Pim, (A, TeamRole.Head), (B, TeamRole.Member), (A, TeamRole.Member)), TeamsRefusals.MemberTwice, "members[2].personId")
            .Phrase["personId"].ShouldBe(A);

    [Fact]
    public void ValidateMembers_UnknownPerson_IsInvalidOnItsField() =>
        Refused(() => Members(Pim, (A, TeamRole.Head), (Nobody, TeamRole.Member)), TeamsRefusals.MemberUnknown, "members[1].personId");

    [Fact]
    public void ValidateMembers_MoreThanTwoHundred_IsRefused()
    {
        var many = Enumerable.Range(1, 201).Select(i => (new Guid(i, 0, 0, new byte[8]), TeamRole.Member)).ToArray();

        Refused(() => Members(Pim, many), TeamsRefusals.TooManyMembers, "members");
    }

    [Fact]
    public void Require_UnknownTeam_IsNotFound()
    {
        var refusal = Should.Throw<RuleViolationException>(() => TeamRules.Require(TeamCatalogue.Seeded, "brandweer"));
        (refusal.Code, refusal.Kind).ShouldBe((TeamsRefusals.TeamUnknown.Code, ViolationKind.NotFound));
        TeamRules.Require(TeamCatalogue.Seeded, "ondersteuning").Code.ShouldBe("ONDERSTEUNING");
    }

    [Fact]
    public void InRole_ListsThePeopleOfThatRoleInOrder()
    {
        var team = Pim with { Members = Members(Pim, (A, TeamRole.Deputy), (B, TeamRole.Head), (C, TeamRole.Deputy)) };

        team.InRole(TeamRole.Deputy).ShouldBe([A, C]);
        team.IsMember(B).ShouldBeTrue();
        team.IsMember(Nobody).ShouldBeFalse();
    }
}
