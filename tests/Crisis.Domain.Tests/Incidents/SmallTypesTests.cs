using Crisis.Domain.Incidents;

namespace Crisis.Domain.Tests.Incidents;

public class GripLevelTests
{
    [Theory]
    [InlineData(0, "Geen GRIP")]
    [InlineData(1, "GRIP 1")]
    [InlineData(5, "GRIP 5")]
    public void ToDutch_Level_NamesIt(int level, string expected) =>
        GripLevel.ToDutch(level).ShouldBe(expected);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void IsValid_AroundTheBounds_AcceptsZeroToFive(int level, bool expected) =>
        GripLevel.IsValid(level).ShouldBe(expected);
}

public class LogTeamsTests
{
    [Fact]
    public void Seeded_IsTheSeededTaskTeamsInReportOrder() =>
        LogTeams.Seeded.Codes.ShouldBe(["PIM", "OMGEVINGSZORG", "ONDERSTEUNING"]);

    [Theory]
    [InlineData("lower case", "pim", "PIM")]
    [InlineData("today's spelling", "Omgevingszorg", "OMGEVINGSZORG")]
    [InlineData("padded", " Ondersteuning ", "ONDERSTEUNING")]
    public void Normalize_KnownTeam_GivesItsCode(string description, string team, string expected) =>
        LogTeams.Seeded.Normalize(team).ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("column label", "Algemeen")]
    [InlineData("other team", "Brandweer")]
    [InlineData("a working group", "WG-PIM")]
    public void Normalize_NotATeam_IsNull(string description, string? team) =>
        LogTeams.Seeded.Normalize(team).ShouldBeNull(description);

    [Fact]
    public void Of_KeepsTheOrderGivenAndDropsBlanksAndRepeats() =>
        LogTeams.Of(["NAFASE", " ", "PIM", "nafase"]).Codes.ShouldBe(["NAFASE", "PIM"]);

    [Fact]
    public void KnowsAll_IgnoresBlanksAndCase()
    {
        LogTeams.Seeded.KnowsAll([null, " ", "pim", "Omgevingszorg"]).ShouldBeTrue();
        LogTeams.Seeded.KnowsAll(["PIM", "NAFASE"]).ShouldBeFalse();
    }
}

public class IncidentStatusesTests
{
    [Theory]
    [InlineData(IncidentStatus.Open, "open")]
    [InlineData(IncidentStatus.Closed, "closed")]
    public void ToWire_Status_IsItsWireName(IncidentStatus status, string expected) =>
        status.ToWire().ShouldBe(expected);
}
