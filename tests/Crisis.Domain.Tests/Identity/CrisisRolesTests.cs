using Crisis.Domain.Identity;

namespace Crisis.Domain.Tests.Identity;

public class CrisisRolesTests
{
    public static TheoryData<CrisisRole, string, string> Roles => new()
    {
        // role, wire name, Dutch label
        { CrisisRole.Coordinator, "coordinator", "Coördinator" },
        { CrisisRole.Officer, "officer", "Officier" },
        { CrisisRole.Member, "member", "Teamlid" },
        { CrisisRole.ExerciseLead, "exercise-lead", "Oefenleider" },
        { CrisisRole.Viewer, "viewer", "Meelezer" },
    };

    [Fact]
    public void Roles_CoversEveryRole() =>
        Roles.Select(r => (CrisisRole)r[0]).ShouldBe(Enum.GetValues<CrisisRole>(), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Roles))]
    public void ToWireAndToDutch_EveryRole_AreItsNames(CrisisRole role, string wire, string dutch)
    {
        role.ToWire().ShouldBe(wire);
        role.ToDutch().ShouldBe(dutch);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void TryParse_EveryWireName_GivesItsRole(CrisisRole role, string wire, string dutch)
    {
        CrisisRoles.TryParse(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(role, $"{wire} ({dutch})");
    }

    [Fact]
    public void TryParse_ToWireOfEveryRole_RoundTrips()
    {
        foreach (var role in Enum.GetValues<CrisisRole>())
        {
            CrisisRoles.TryParse(role.ToWire(), out var parsed).ShouldBeTrue(role.ToString());
            parsed.ShouldBe(role);
        }
    }

    [Theory]
    [InlineData("upper case", "EXERCISE-LEAD", CrisisRole.ExerciseLead)]
    [InlineData("padded", " viewer\n", CrisisRole.Viewer)]
    [InlineData("mixed case", "Officer", CrisisRole.Officer)]
    public void TryParse_OtherCaseOrPadded_GivesTheRole(string description, string wire, CrisisRole expected)
    {
        CrisisRoles.TryParse(wire, out var parsed).ShouldBeTrue(description);
        parsed.ShouldBe(expected, description);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("enum name", "ExerciseLead")]
    [InlineData("without dash", "exerciselead")]
    [InlineData("Dutch label", "Coördinator")]
    [InlineData("enum number", "0")]
    [InlineData("unknown role", "admin")]
    public void TryParse_NotAWireName_Fails(string description, string? wire) =>
        CrisisRoles.TryParse(wire, out _).ShouldBeFalse(description);

    [Fact]
    public void WireNames_AreAllRolesInEnumOrder() =>
        CrisisRoles.WireNames.ShouldBe(["coordinator", "officer", "member", "exercise-lead", "viewer"]);
}
