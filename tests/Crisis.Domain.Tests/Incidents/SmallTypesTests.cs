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

public class TeamsTests
{
    [Fact]
    public void All_IsTheTeamsInReportOrder() =>
        Teams.All.ShouldBe(["PIM", "Omgevingszorg", "Ondersteuning"]);

    [Theory]
    [InlineData("lower case", "pim", "PIM")]
    [InlineData("padded upper case", " ONDERSTEUNING ", "Ondersteuning")]
    public void Normalize_KnownTeam_GivesCanonicalSpelling(string description, string team, string expected) =>
        Teams.Normalize(team).ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("column label", "Algemeen")]
    [InlineData("other team", "Brandweer")]
    public void Normalize_NotATeam_IsNull(string description, string? team) =>
        Teams.Normalize(team).ShouldBeNull(description);
}

public class IncidentStatusesTests
{
    [Theory]
    [InlineData(IncidentStatus.Open, "open")]
    [InlineData(IncidentStatus.Closed, "closed")]
    public void ToWire_Status_IsItsWireName(IncidentStatus status, string expected) =>
        status.ToWire().ShouldBe(expected);
}
