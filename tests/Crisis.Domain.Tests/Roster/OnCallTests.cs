using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class OnCallTests
{
    private static readonly Shift AnnaWeek = ShiftOf(Anna, "2026-03-23 08:00", "2026-03-30 08:00");
    private static readonly Shift BramWeek = ShiftOf(Bram, "2026-03-30 08:00", "2026-04-06 08:00");
    private static readonly Shift CorWeek = ShiftOf(Cor, "2026-04-06 08:00", "2026-04-13 08:00");
    private static readonly Shift[] Weeks = [CorWeek, AnnaWeek, BramWeek];

    [Fact]
    public void At_MiddleOfAShift_IsThatPersonWithTheNextAsFallback()
    {
        var now = OnCall.At(Weeks, OvdBz, At("2026-03-26 14:00"));

        now.OnCall.ShouldBe([AnnaWeek]);
        now.Next.ShouldBe([BramWeek]);
        now.IsAnyoneOnCall.ShouldBeTrue();
    }

    [Fact]
    public void At_TheFirstInstantOfAShift_IsTheNewPerson()
    {
        var now = OnCall.At(Weeks, OvdBz, At("2026-03-30 08:00"));

        now.OnCall.ShouldBe([BramWeek]);
        now.Next.ShouldBe([CorWeek]);
    }

    [Fact]
    public void At_TheLastInstantBeforeTheHandover_IsStillTheOldPerson()
    {
        var now = OnCall.At(Weeks, OvdBz, At("2026-03-30 08:00") - Duration.Epsilon);

        now.OnCall.ShouldBe([AnnaWeek]);
        now.Next.ShouldBe([BramWeek]);
    }

    [Fact]
    public void At_AfterTheLastShift_IsNobodyAndNoFallback()
    {
        var now = OnCall.At(Weeks, OvdBz, At("2026-04-13 08:00"));

        now.OnCall.ShouldBeEmpty();
        now.Next.ShouldBeEmpty();
        now.IsAnyoneOnCall.ShouldBeFalse();
    }

    [Fact]
    public void At_InAGap_IsNobodyWithTheNextAsFallback()
    {
        var now = OnCall.At([AnnaWeek, CorWeek], OvdBz, At("2026-04-01 12:00"));

        now.OnCall.ShouldBeEmpty();
        now.Next.ShouldBe([CorWeek]);
    }

    [Fact]
    public void At_OtherFunctionsShifts_AreIgnored()
    {
        var hin = ShiftOf(Dewi, "2026-03-23 08:00", "2026-03-30 08:00", Hin);

        var now = OnCall.At([hin, AnnaWeek], Hin, At("2026-03-26 14:00"));

        now.OnCall.ShouldBe([hin]);
        now.Function.ShouldBe(Hin);
    }

    [Fact]
    public void At_TwoOnCall_ListsBothEarliestStartFirst()
    {
        var backup = ShiftOf(Dewi, "2026-03-26 08:00", "2026-03-27 08:00");

        var now = OnCall.At([backup, AnnaWeek, BramWeek], OvdBz, At("2026-03-26 14:00"));

        now.OnCall.ShouldBe([AnnaWeek, backup]);
    }

    [Fact]
    public void At_NextShiftOfSomeoneAlreadyOnCall_IsSkippedAsFallback()
    {
        // With a pool of two, Anna's next week is no help when Anna does not answer now.
        var annaAgain = ShiftOf(Anna, "2026-03-30 08:00", "2026-04-06 08:00");
        var bramLater = ShiftOf(Bram, "2026-04-06 08:00", "2026-04-13 08:00");

        var now = OnCall.At([annaAgain, AnnaWeek, bramLater], OvdBz, At("2026-03-26 14:00"));

        now.Next.ShouldBe([bramLater]);
    }

    [Fact]
    public void At_SeveralStartingAtTheSameNextInstant_ListsThemAll()
    {
        var bramBackup = ShiftOf(Dewi, "2026-03-30 08:00", "2026-03-31 08:00");

        var now = OnCall.At([AnnaWeek, BramWeek, bramBackup, CorWeek], OvdBz, At("2026-03-26 14:00"));

        now.Next.ShouldBe(new[] { BramWeek, bramBackup }.OrderBy(s => s.PersonId));
    }
}
