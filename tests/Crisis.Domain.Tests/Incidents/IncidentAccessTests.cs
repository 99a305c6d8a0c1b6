using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;

namespace Crisis.Domain.Tests.Incidents;

public class IncidentAccessTests
{
    // Every role, participant or not, real incident or exercise: what they may read, write and manage.
    public static TheoryData<CrisisRole, bool, bool, bool, bool, bool> AccessTable => new()
    {
        // role, participant, exercise => read, write, manage
        { CrisisRole.Coordinator, false, false, true, true, true },
        { CrisisRole.Coordinator, false, true, true, true, true },
        { CrisisRole.Coordinator, true, false, true, true, true },
        { CrisisRole.Coordinator, true, true, true, true, true },

        { CrisisRole.Officer, false, false, false, false, false },
        { CrisisRole.Officer, false, true, false, false, false },
        { CrisisRole.Officer, true, false, true, true, true },
        { CrisisRole.Officer, true, true, true, true, true },

        { CrisisRole.Member, false, false, false, false, false },
        { CrisisRole.Member, false, true, false, false, false },
        { CrisisRole.Member, true, false, true, true, false },
        { CrisisRole.Member, true, true, true, true, false },

        { CrisisRole.ExerciseLead, false, false, false, false, false },
        { CrisisRole.ExerciseLead, false, true, false, false, false },
        { CrisisRole.ExerciseLead, true, false, true, true, false },
        { CrisisRole.ExerciseLead, true, true, true, true, true },

        { CrisisRole.Viewer, false, false, false, false, false },
        { CrisisRole.Viewer, false, true, false, false, false },
        { CrisisRole.Viewer, true, false, true, false, false },
        { CrisisRole.Viewer, true, true, true, false, false },
    };

    [Theory]
    [MemberData(nameof(AccessTable))]
    public void For_RoleParticipationAndExercise_GivesTheTabledAccess(
        CrisisRole role, bool participant, bool exercise, bool read, bool write, bool manage) =>
        IncidentAccess.For(role, participant, exercise).ShouldBe(new IncidentAccess(read, write, manage));

    [Fact]
    public void AccessTable_CoversEveryRoleInEveryCombination()
    {
        // A new role must get rows in the table above before the tests pass.
        var rows = AccessTable.Select(r => ((CrisisRole)r[0], (bool)r[1], (bool)r[2])).ToHashSet();
        rows.Count.ShouldBe(AccessTable.Count);
        foreach (var role in Enum.GetValues<CrisisRole>())
        {
            foreach (var participant in new[] { false, true })
            {
                foreach (var exercise in new[] { false, true })
                {
                    rows.ShouldContain((role, participant, exercise), $"no row for {role}, participant {participant}, exercise {exercise}");
                }
            }
        }
    }

    [Fact]
    public void None_AllowsNothing() =>
        IncidentAccess.None.ShouldBe(new IncidentAccess(false, false, false));

    public static TheoryData<CrisisRole, bool, bool> OpenTable => new()
    {
        // role, exercise => may open
        { CrisisRole.Coordinator, false, true },
        { CrisisRole.Coordinator, true, true },
        { CrisisRole.Officer, false, true },
        { CrisisRole.Officer, true, true },
        { CrisisRole.Member, false, false },
        { CrisisRole.Member, true, false },
        { CrisisRole.ExerciseLead, false, false },
        { CrisisRole.ExerciseLead, true, true },
        { CrisisRole.Viewer, false, false },
        { CrisisRole.Viewer, true, false },
    };

    [Theory]
    [MemberData(nameof(OpenTable))]
    public void CanOpen_RoleAndExercise_GivesTheTabledAnswer(CrisisRole role, bool exercise, bool expected) =>
        IncidentAccess.CanOpen(role, exercise).ShouldBe(expected);

    [Fact]
    public void OpenTable_CoversEveryRoleForRealIncidentsAndExercises()
    {
        var rows = OpenTable.Select(r => ((CrisisRole)r[0], (bool)r[1])).ToHashSet();
        rows.Count.ShouldBe(OpenTable.Count);
        rows.Count.ShouldBe(Enum.GetValues<CrisisRole>().Length * 2);
    }
}
