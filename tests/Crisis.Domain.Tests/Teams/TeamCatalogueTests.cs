using Crisis.Domain.Organisation;
using Crisis.Domain.Teams;

namespace Crisis.Domain.Tests.Teams;

public class TeamCatalogueTests
{
    [Fact]
    public void Seeded_AreTheContractsTaskTeamsAndWorkingGroups()
    {
        TeamCatalogue.Seeded.Select(t => (t.Code, t.Kind, t.HeadFunction)).ShouldBe(
        [
            ("PIM", TeamKind.TaskTeam, (string?)FunctionCatalogue.HoofdPubliekeZorg),
            ("OMGEVINGSZORG", TeamKind.TaskTeam, FunctionCatalogue.HoofdOmgevingszorg),
            ("ONDERSTEUNING", TeamKind.TaskTeam, FunctionCatalogue.HoofdOndersteuning),
            ("WG-PIM", TeamKind.WorkingGroup, null),
            ("WG-OMGEVINGSZORG", TeamKind.WorkingGroup, null),
            ("WG-ONDERSTEUNING", TeamKind.WorkingGroup, null),
            ("WG-OTO", TeamKind.WorkingGroup, null),
        ]);
        TeamCatalogue.Seeded[0].Name.ShouldBe("Publieke Zorg & Informatie");
        TeamCatalogue.Seeded.ShouldAllBe(t => t.Members.Count == 0);
    }

    [Fact]
    public void Seeded_CodesAreValidTeamCodes() =>
        TeamCatalogue.Seeded.ShouldAllBe(t => TeamRules.ValidateCode(t.Code, "code") == t.Code);

    [Fact]
    public void Seeded_HeadFunctionsAreKeyFunctionsOfTheCatalogue() =>
        TeamCatalogue.Seeded.Where(t => t.HeadFunction is not null)
            .ShouldAllBe(t => FunctionCatalogue.KeyFunctions.Any(f => f.Code == t.HeadFunction));

    [Theory]
    [InlineData("today's spelling", "PIM", "PIM")]
    [InlineData("today's spelling", "Omgevingszorg", "OMGEVINGSZORG")]
    [InlineData("today's spelling", "Ondersteuning", "ONDERSTEUNING")]
    [InlineData("lower case", "pim", "PIM")]
    [InlineData("padded", "  ondersteuning ", "ONDERSTEUNING")]
    [InlineData("working group", "wg-oto", "WG-OTO")]
    public void Find_IgnoresCaseAndSpace(string description, string code, string expected) =>
        TeamCatalogue.Find(TeamCatalogue.Seeded, code)!.Code.ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("the name, not the code", "Publieke Zorg & Informatie")]
    [InlineData("unknown", "BRANDWEER")]
    [InlineData("a prefix", "WG")]
    public void Find_NotACode_IsNull(string description, string? code) =>
        TeamCatalogue.Find(TeamCatalogue.Seeded, code).ShouldBeNull(description);

    [Theory]
    [InlineData("Omgevingszorg", "OMGEVINGSZORG")]
    [InlineData("pim", "PIM")]
    public void TaskTeamCode_TaskTeam_IsItsCanonicalCode(string team, string expected) =>
        TeamCatalogue.TaskTeamCode(TeamCatalogue.Seeded, team).ShouldBe(expected);

    [Theory]
    [InlineData("a working group files no log entries", "WG-PIM")]
    [InlineData("unknown", "Nafase")]
    [InlineData("null", null)]
    public void TaskTeamCode_NoTaskTeam_IsNull(string description, string? team) =>
        TeamCatalogue.TaskTeamCode(TeamCatalogue.Seeded, team).ShouldBeNull(description);

    [Fact]
    public void TaskTeamCode_AcceptsEverySpellingTheLogAcceptedBefore()
    {
        foreach (var team in new[] { "PIM", "Omgevingszorg", "Ondersteuning" })
        {
            TeamCatalogue.TaskTeamCode(TeamCatalogue.Seeded, team).ShouldNotBeNull(team);
            TeamCatalogue.TaskTeamCode(TeamCatalogue.Seeded, team.ToUpperInvariant()).ShouldNotBeNull(team);
        }
    }

    [Theory]
    [InlineData(TeamKind.TaskTeam, "taskteam", "Taakteam")]
    [InlineData(TeamKind.WorkingGroup, "workinggroup", "Werkgroep")]
    public void Kind_HasTheContractsWireNameAndADutchLabel(TeamKind kind, string wire, string dutch)
    {
        kind.ToWire().ShouldBe(wire);
        kind.ToDutch().ShouldBe(dutch);
        TeamNames.ParseKind(wire.ToUpperInvariant()).ShouldBe(kind);
    }

    [Theory]
    [InlineData(TeamRole.Head, "head", "Hoofd")]
    [InlineData(TeamRole.Deputy, "deputy", "Plaatsvervanger")]
    [InlineData(TeamRole.Chair, "chair", "Voorzitter")]
    [InlineData(TeamRole.Member, "member", "Lid")]
    public void Role_HasTheContractsWireNameAndADutchLabel(TeamRole role, string wire, string dutch)
    {
        role.ToWire().ShouldBe(wire);
        role.ToDutch().ShouldBe(dutch);
        TeamNames.ParseRole($" {wire} ").ShouldBe(role);
    }

    [Theory]
    [InlineData("Dutch label", "werkgroep")]
    [InlineData("spaced words", "task team")]
    [InlineData("null", null)]
    public void ParseKind_Unknown_IsRefusedWithTheKinds(string description, string? wire)
    {
        var refusal = Should.Throw<RuleViolationException>(() => TeamNames.ParseKind(wire), description);
        (refusal.Code, refusal.Kind, refusal.Field).ShouldBe((TeamsRefusals.KindUnknown.Code, ViolationKind.Invalid, "kind"), description);
        refusal.Phrase["kinds"].ShouldBe(new[] { "taskteam", "workinggroup" });
    }

    [Fact]
    public void ParseRole_Unknown_IsRefusedOnTheGivenField()
    {
        var refusal = Should.Throw<RuleViolationException>(() => TeamNames.ParseRole("voorzitter", "members[3].role"));
        (refusal.Code, refusal.Field).ShouldBe((TeamsRefusals.RoleUnknown.Code, "members[3].role"));
    }
}
