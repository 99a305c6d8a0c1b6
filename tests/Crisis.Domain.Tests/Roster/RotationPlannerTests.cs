using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class RotationPlannerTests
{
    private static readonly LocalTime Eight = new(8, 0);

    private static Rotation MondayWeekly(params Guid[] pool) =>
        Rotation.Weekly(OvdBz, pool, IsoDayOfWeek.Monday, Eight, Date("2026-01-05"));

    private static IEnumerable<(Guid Person, Instant Start, Instant End)> Summary(IEnumerable<PlannedShift> shifts) =>
        shifts.Select(s => (s.PersonId, s.Start, s.End));

    private static IEnumerable<(Guid Person, Instant Start, Instant End)> Summary(IEnumerable<Shift> shifts) =>
        shifts.Select(s => (s.PersonId, s.Start, s.End));

    [Fact]
    public void Generate_WeeksAroundSummerTime_Are168Then167Then168Hours()
    {
        var shifts = RotationPlanner.Generate(MondayWeekly(Anna, Bram, Cor), Days("2026-03-16", "2026-04-06"));

        shifts.Select(s => s.Hours).ShouldBe([168m, 167m, 168m]);
        shifts.Select(s => s.Start).ShouldBe([At("2026-03-16 08:00"), At("2026-03-23 08:00"), At("2026-03-30 08:00")]);
        shifts[^1].End.ShouldBe(At("2026-04-06 08:00"));
    }

    [Fact]
    public void Generate_WeekAroundWinterTime_Is169Hours()
    {
        var shifts = RotationPlanner.Generate(MondayWeekly(Anna, Bram), Days("2026-10-19", "2026-10-20"));

        var week = shifts.ShouldHaveSingleItem();
        week.Hours.ShouldBe(169m);
        (week.Start, week.End).ShouldBe((At("2026-10-19 08:00"), At("2026-10-26 08:00")));
    }

    [Fact]
    public void Generate_PoolOrder_CyclesFromTheFirstHandover()
    {
        // 2026-01-05 is turn 0 (Anna); 2026-02-02 is turn 4, so Bram again with a pool of three.
        var shifts = RotationPlanner.Generate(MondayWeekly(Anna, Bram, Cor), Days("2026-02-01", "2026-03-01"));

        shifts.Select(s => s.PersonId).ShouldBe([Bram, Cor, Anna, Bram]);
        shifts.ShouldAllBe(s => s.Function == OvdBz && s.Origin == ShiftOrigin.Rotation);
    }

    [Fact]
    public void Generate_PeriodStartingMidTurn_BeginsAtTheNextHandover()
    {
        var shifts = RotationPlanner.Generate(MondayWeekly(Anna, Bram), Days("2026-01-07", "2026-01-20"));

        shifts.Select(s => s.Start).ShouldBe([At("2026-01-12 08:00"), At("2026-01-19 08:00")]);
        // The last handover is inside the period, so that shift is whole even though it runs past the end.
        shifts[^1].End.ShouldBe(At("2026-01-26 08:00"));
    }

    [Fact]
    public void Generate_PeriodBeforeTheFirstHandover_IsEmpty()
    {
        RotationPlanner.Generate(MondayWeekly(Anna), Days("2025-12-01", "2026-01-05")).ShouldBeEmpty();
    }

    [Fact]
    public void Generate_HandoverInTheSkippedHour_HappensRightAfterTheGap()
    {
        var rotation = Rotation.Weekly(OvdBz, [Anna, Bram], IsoDayOfWeek.Sunday, new LocalTime(2, 30), Date("2026-03-22"));

        var shifts = RotationPlanner.Generate(rotation, Days("2026-03-22", "2026-04-06"));

        shifts.Select(s => s.Start).ShouldBe([At("2026-03-22 02:30"), Utc("2026-03-29T01:00:00Z"), At("2026-04-05 02:30")]);
        shifts[0].End.ShouldBe(shifts[1].Start);
        shifts[0].Hours.ShouldBe(167.5m);
        shifts[1].Hours.ShouldBe(167.5m);
    }

    [Fact]
    public void Generate_HandoverAtARepeatedTime_TakesTheEarlierOffset()
    {
        var rotation = Rotation.Daily(OvdBz, [Anna, Bram], new LocalTime(2, 30), Date("2026-10-24"));

        var shifts = RotationPlanner.Generate(rotation, Days("2026-10-24", "2026-10-26"));

        shifts.Select(s => s.Start).ShouldBe([Utc("2026-10-24T00:30:00Z"), Utc("2026-10-25T00:30:00Z")]);
        shifts.Select(s => s.Hours).ShouldBe([24m, 25m]);
    }

    [Fact]
    public void Generate_TwelveHourShifts_HandOverAtTheSameLocalTimesAcrossDst()
    {
        var rotation = Rotation.Create(OvdBz, [Anna, Bram], Local("2026-03-28 08:00"), Period.FromHours(12));

        var shifts = RotationPlanner.Generate(rotation, Days("2026-03-28", "2026-03-30"));

        shifts.Select(s => s.Start.InZone(Amsterdam).TimeOfDay).ShouldBe([Eight, new LocalTime(20, 0), Eight, new LocalTime(20, 0)]);
        shifts.Select(s => s.Hours).ShouldBe([12m, 11m, 12m, 12m]);
    }

    [Fact]
    public void Generate_ConsecutivePeriods_JoinWithoutDuplicatesOrSplits()
    {
        var rotation = MondayWeekly(Anna, Bram, Cor);

        var whole = RotationPlanner.Generate(rotation, Days("2026-01-01", "2026-07-01"));
        var quarters = RotationPlanner.Generate(rotation, Days("2026-01-01", "2026-04-01"))
            .Concat(RotationPlanner.Generate(rotation, Days("2026-04-01", "2026-07-01")));

        Summary(quarters).ShouldBe(Summary(whole));
    }

    [Fact]
    public void Weekly_FirstHandover_IsTheWeekdayOnOrAfterTheStartDate()
    {
        Rotation.Weekly(OvdBz, [Anna], IsoDayOfWeek.Monday, Eight, Date("2026-03-25")).FirstHandover.ShouldBe(Local("2026-03-30 08:00"));
        Rotation.Weekly(OvdBz, [Anna], IsoDayOfWeek.Monday, Eight, Date("2026-03-23")).FirstHandover.ShouldBe(Local("2026-03-23 08:00"));
    }

    [Fact]
    public void PersonOf_CyclesThroughThePoolAndRefusesNegativeTurns()
    {
        var rotation = MondayWeekly(Anna, Bram, Cor);

        Enumerable.Range(0, 7).Select(t => rotation.PersonOf(t)).ShouldBe([Anna, Bram, Cor, Anna, Bram, Cor, Anna]);
        Should.Throw<ArgumentOutOfRangeException>(() => rotation.PersonOf(-1));
    }

    [Fact]
    public void Create_EmptyPool_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Rotation.Create(OvdBz, [], Local("2026-03-23 08:00"), Period.FromWeeks(1)))
            .Field.ShouldBe("pool");
    }

    [Fact]
    public void Create_UnnamedPerson_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Rotation.Create(OvdBz, [Anna, Guid.Empty], Local("2026-03-23 08:00"), Period.FromWeeks(1)))
            .Field.ShouldBe("pool");
    }

    [Fact]
    public void Create_MonthlyShifts_AreInvalid()
    {
        var error = Should.Throw<RuleViolationException>(() => Rotation.Create(OvdBz, [Anna], Local("2026-03-23 08:00"), Period.FromMonths(1)));

        error.Field.ShouldBe("shiftLength");
        error.Code.ShouldBe(RosterRefusals.RotationLengthNotFixed.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(31 * 24 * 60 + 1)]
    [InlineData(-60)]
    public void Create_ShiftLengthOutOfRange_IsInvalid(int minutes)
    {
        Should.Throw<RuleViolationException>(() => Rotation.Create(OvdBz, [Anna], Local("2026-03-23 08:00"), Period.FromMinutes(minutes)))
            .Field.ShouldBe("shiftLength");
    }

    [Fact]
    public void Create_BlankFunction_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Rotation.Create("", [Anna], Local("2026-03-23 08:00"), Period.FromWeeks(1)))
            .Field.ShouldBe("function");
    }

    [Fact]
    public void Regenerate_NothingStored_AddsTheGeneratedShifts()
    {
        var rotation = MondayWeekly(Anna, Bram);
        var period = Days("2026-03-01", "2026-04-01");

        var plan = RotationPlanner.Regenerate(rotation, period, []);

        plan.Added.ShouldBe(RotationPlanner.Generate(rotation, period));
        plan.Kept.ShouldBeEmpty();
        plan.Removed.ShouldBeEmpty();
        plan.Unchanged.ShouldBeEmpty();
    }

    [Fact]
    public void Regenerate_SameRotationAgain_ChangesNothing()
    {
        var rotation = MondayWeekly(Anna, Bram);
        var period = Days("2026-03-01", "2026-04-01");
        var stored = RotationPlanner.Generate(rotation, period).Select(p => p.WithId(Guid.NewGuid())).ToList();

        var plan = RotationPlanner.Regenerate(rotation, period, stored);

        plan.Unchanged.ShouldBe(stored);
        plan.Added.ShouldBeEmpty();
        plan.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Regenerate_NewPool_ReplacesGeneratedShifts()
    {
        var period = Days("2026-03-01", "2026-04-01");
        var stored = RotationPlanner.Generate(MondayWeekly(Anna, Bram), period).Select(p => p.WithId(Guid.NewGuid())).ToList();

        var plan = RotationPlanner.Regenerate(MondayWeekly(Cor, Dewi), period, stored);

        plan.Removed.Count.ShouldBe(stored.Count);
        plan.Added.Select(s => s.PersonId).Distinct().OrderBy(p => p).ShouldBe([Cor, Dewi]);
        plan.Unchanged.ShouldBeEmpty();
    }

    [Fact]
    public void Regenerate_SwappedDayInAWeek_KeepsItAndTrimsTheWeekAroundIt()
    {
        var period = Days("2026-03-23", "2026-03-30");
        // Bram's week (turn 11); he asked Anna to take Wednesday.
        var swapped = ShiftOf(Anna, "2026-03-25 08:00", "2026-03-26 08:00", origin: ShiftOrigin.Swap);
        var before = ShiftOf(Bram, "2026-03-23 08:00", "2026-03-25 08:00", origin: ShiftOrigin.Swap);

        var plan = RotationPlanner.Regenerate(MondayWeekly(Anna, Bram), period, [swapped, before]);

        plan.Kept.ShouldBe([before, swapped]);
        Summary(plan.Added).ShouldBe([(Bram, At("2026-03-26 08:00"), At("2026-03-30 08:00"))]);
        plan.Added.ShouldAllBe(s => s.Origin == ShiftOrigin.Rotation);
    }

    [Fact]
    public void Regenerate_ManualShiftInsideAGeneratedWeek_SplitsIt()
    {
        var period = Days("2026-05-04", "2026-05-11");
        var manual = ShiftOf(Cor, "2026-05-06 12:00", "2026-05-06 18:00", origin: ShiftOrigin.Override);

        var plan = RotationPlanner.Regenerate(MondayWeekly(Anna, Bram), period, [manual]);

        Summary(plan.Added).ShouldBe([
            (Bram, At("2026-05-04 08:00"), At("2026-05-06 12:00")),
            (Bram, At("2026-05-06 18:00"), At("2026-05-11 08:00")),
        ]);
    }

    [Fact]
    public void Regenerate_GeneratedShiftStartingBeforeThePeriod_IsKeptAndNotOverlapped()
    {
        var period = Days("2026-05-06", "2026-05-20");
        // An earlier generation with another phase left a shift running into the period.
        var earlier = ShiftOf(Dewi, "2026-05-05 00:00", "2026-05-12 00:00", origin: ShiftOrigin.Rotation);

        var plan = RotationPlanner.Regenerate(MondayWeekly(Anna, Bram), period, [earlier]);

        plan.Kept.ShouldBe([earlier]);
        plan.Removed.ShouldBeEmpty();
        Summary(plan.Added).ShouldBe([
            (Anna, At("2026-05-12 00:00"), At("2026-05-18 08:00")),
            (Bram, At("2026-05-18 08:00"), At("2026-05-25 08:00")),
        ]);
    }

    [Fact]
    public void Regenerate_ShiftOfAnotherFunction_IsInvalid()
    {
        var other = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-11 08:00", Hin);

        Should.Throw<RuleViolationException>(() => RotationPlanner.Regenerate(MondayWeekly(Anna), Days("2026-05-04", "2026-05-11"), [other]))
            .Phrase["function"].ShouldBe(Hin);
    }
}
