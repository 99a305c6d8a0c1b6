using Crisis.Domain.Identity;
using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Who sees and writes paspoort records.</summary>
public class PaspoortAccessTests
{
    [Theory]
    [InlineData(CrisisRole.Coordinator, true)]
    [InlineData(CrisisRole.ExerciseLead, true)]
    [InlineData(CrisisRole.Officer, false)]
    [InlineData(CrisisRole.Member, false)]
    [InlineData(CrisisRole.Viewer, false)]
    public void CanRead_SomeoneElsesDossier_OnlyThoseWhoPlan(CrisisRole role, bool expected) =>
        PaspoortAccess.CanRead(role, Person, OtherPerson).ShouldBe(expected);

    [Theory]
    [InlineData(CrisisRole.Coordinator)]
    [InlineData(CrisisRole.ExerciseLead)]
    [InlineData(CrisisRole.Officer)]
    [InlineData(CrisisRole.Member)]
    [InlineData(CrisisRole.Viewer)]
    public void CanRead_OwnDossier_Everyone(CrisisRole role) =>
        PaspoortAccess.CanRead(role, Person, Person).ShouldBeTrue();

    [Fact]
    public void CanRead_UserWhoIsNoOfficial_SeesNoDossier() =>
        PaspoortAccess.CanRead(CrisisRole.Viewer, null, Person).ShouldBeFalse();

    [Theory]
    [InlineData(CrisisRole.Coordinator, true)]
    [InlineData(CrisisRole.ExerciseLead, true)]
    [InlineData(CrisisRole.Officer, false)]
    [InlineData(CrisisRole.Member, false)]
    [InlineData(CrisisRole.Viewer, false)]
    public void CanWrite_SomeoneElsesRecords_CoordinatorsAndExerciseLeads(CrisisRole role, bool expected) =>
        PaspoortAccess.CanWrite(role, Person, OtherPerson).ShouldBe(expected);

    [Theory]
    [InlineData(CrisisRole.Coordinator)]
    [InlineData(CrisisRole.ExerciseLead)]
    public void CanWrite_OwnRecords_Nobody(CrisisRole role)
    {
        PaspoortAccess.CanWrite(role, Person, Person).ShouldBeFalse();
        var ex = ShouldViolate(() => PaspoortAccess.EnsureCanWrite(role, Person, Person), ViolationKind.Forbidden);
        ex.Code.ShouldBe(PaspoortRuleRefusals.OwnRecord.Code);
    }

    [Fact]
    public void CanWrite_CoordinatorWhoIsNoOfficial_MayWrite() =>
        PaspoortAccess.CanWrite(CrisisRole.Coordinator, null, Person).ShouldBeTrue();

    [Fact]
    public void EnsureCanWrite_Viewer_IsForbidden()
    {
        var ex = ShouldViolate(() => PaspoortAccess.EnsureCanWrite(CrisisRole.Viewer, Person, OtherPerson), ViolationKind.Forbidden);
        ex.Code.ShouldBe(PaspoortRuleRefusals.WritersOnly.Code);
    }

    [Fact]
    public void EnsureCanWrite_Coordinator_Passes() =>
        Should.NotThrow(() => PaspoortAccess.EnsureCanWrite(CrisisRole.Coordinator, Person, OtherPerson));

    [Theory]
    [InlineData(CrisisRole.Coordinator, true, true)]
    [InlineData(CrisisRole.ExerciseLead, false, true)]
    [InlineData(CrisisRole.Officer, false, false)]
    [InlineData(CrisisRole.Viewer, false, false)]
    public void Requirements_AndOverviews(CrisisRole role, bool manageRequirements, bool overviews)
    {
        PaspoortAccess.CanManageRequirements(role).ShouldBe(manageRequirements);
        PaspoortAccess.CanSeeOverviews(role).ShouldBe(overviews);
    }
}
