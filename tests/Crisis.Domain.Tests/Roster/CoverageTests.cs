using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class CoverageTests
{
    private static readonly Qualification Everyone = Qualifications.Everyone;

    private static CoverageReport Check(RosterPeriod period, IEnumerable<Shift> shifts, IEnumerable<Unavailability>? leave = null,
        RosterFunction? function = null, Qualification? qualification = null) =>
        Coverage.For(function ?? OvdFunction, period, shifts, leave ?? [], qualification ?? Everyone);

    [Fact]
    public void For_WeekWithChangeToSummerTime_TotalIs167Hours()
    {
        var report = Check(Days("2026-03-23", "2026-03-30"), []);

        report.TotalHours.ShouldBe(167m);
        report.CoveredHours.ShouldBe(0m);
        report.Gaps.ShouldHaveSingleItem().Hours.ShouldBe(167m);
    }

    [Fact]
    public void For_WeekWithChangeToWinterTime_TotalIs169Hours()
    {
        var report = Check(Days("2026-10-19", "2026-10-26"), []);

        report.TotalHours.ShouldBe(169m);
    }

    [Fact]
    public void For_PiketWeekAcrossSummerTime_Covers167Hours()
    {
        var shift = ShiftOf(Anna, "2026-03-23 08:00", "2026-03-30 08:00");

        var report = Check(Days("2026-03-23", "2026-03-31"), [shift]);

        report.CoveredHours.ShouldBe(167m);
        report.TotalHours.ShouldBe(191m);
        report.Gaps.Select(g => (g.Start, g.End)).ShouldBe([
            (At("2026-03-23 00:00"), At("2026-03-23 08:00")),
            (At("2026-03-30 08:00"), At("2026-03-31 00:00")),
        ]);
    }

    [Fact]
    public void For_PiketWeekAcrossWinterTime_Covers169Hours()
    {
        var shift = ShiftOf(Anna, "2026-10-19 08:00", "2026-10-26 08:00");

        var report = Check(Days("2026-10-19", "2026-10-27"), [shift]);

        report.CoveredHours.ShouldBe(169m);
        report.Gaps.Sum(g => g.Hours).ShouldBe(24m);
    }

    [Fact]
    public void For_ConsecutiveShifts_HandoverLeavesNoGap()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-03 00:00", "2026-05-04 08:00"),
            ShiftOf(Bram, "2026-05-04 08:00", "2026-05-06 00:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts);

        report.IsFullyCovered.ShouldBeTrue();
        report.CoveredHours.ShouldBe(24m);
    }

    [Fact]
    public void For_GapBetweenShifts_IsReportedExactly()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-04 12:00"),
            ShiftOf(Bram, "2026-05-04 12:17", "2026-05-05 00:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts);

        var gap = report.Gaps.ShouldHaveSingleItem();
        gap.Start.ShouldBe(At("2026-05-04 12:00"));
        gap.End.ShouldBe(At("2026-05-04 12:17"));
        gap.Length.ShouldBe(Duration.FromMinutes(17));
        gap.FewestOnCall.ShouldBe(0);
        report.Covered.ShouldBe(Duration.FromHours(24) - Duration.FromMinutes(17));
    }

    [Fact]
    public void For_ShiftsBeyondThePeriod_CountOnlyInside()
    {
        var shift = ShiftOf(Anna, "2026-05-01 08:00", "2026-05-08 08:00");

        var report = Check(Days("2026-05-04", "2026-05-06"), [shift]);

        report.CoveredHours.ShouldBe(48m);
        report.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void For_SamePersonTwiceAtOnce_CountsOnce()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00"),
            ShiftOf(Anna, "2026-05-04 06:00", "2026-05-04 18:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts, function: new RosterFunction(OvdBz, 2));

        report.CoveredHours.ShouldBe(0m);
        var gap = report.Gaps.ShouldHaveSingleItem();
        gap.FewestOnCall.ShouldBe(1);
        gap.Hours.ShouldBe(24m);
    }

    [Fact]
    public void For_MinimumOfTwo_CoversOnlyWhereTwoDistinctPeopleAreOnCall()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00"),
            ShiftOf(Bram, "2026-05-04 08:00", "2026-05-04 20:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts, function: new RosterFunction(OvdBz, 2));

        report.CoveredHours.ShouldBe(12m);
        report.Gaps.Select(g => (g.Start, g.End, g.FewestOnCall)).ShouldBe([
            (At("2026-05-04 00:00"), At("2026-05-04 08:00"), 1),
            (At("2026-05-04 20:00"), At("2026-05-05 00:00"), 1),
        ]);
    }

    [Fact]
    public void For_GapWhereCountChangesBelowMinimum_IsOneMaximalGap()
    {
        var shifts = new[] { ShiftOf(Anna, "2026-05-04 06:00", "2026-05-04 10:00") };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts, function: new RosterFunction(OvdBz, 2));

        var gap = report.Gaps.ShouldHaveSingleItem();
        gap.Hours.ShouldBe(24m);
        gap.FewestOnCall.ShouldBe(0);
    }

    [Fact]
    public void For_MinimumZero_HasNoGaps()
    {
        var report = Check(Days("2026-05-04", "2026-05-05"), [], function: new RosterFunction(OvdBz, 0));

        report.Gaps.ShouldBeEmpty();
        report.CoveredHours.ShouldBe(24m);
    }

    [Fact]
    public void For_ShiftsOfOtherFunctions_DoNotCover()
    {
        var shifts = new[] { ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00", Hin) };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts);

        report.CoveredHours.ShouldBe(0m);
        report.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void For_PersonOnLeave_DoesNotCoverAndIsAConflict()
    {
        var shift = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");
        var leave = Leave(Anna, "2026-05-04 09:00", "2026-05-04 17:00");

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], [leave]);

        report.CoveredHours.ShouldBe(16m);
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Start, gap.End).ShouldBe((At("2026-05-04 09:00"), At("2026-05-04 17:00")));
        report.Conflicts.ShouldBe([
            new RosterConflict(Anna, ConflictKind.Unavailable, At("2026-05-04 09:00"), At("2026-05-04 17:00"), shift.Id),
        ]);
    }

    [Fact]
    public void For_LeaveOverlappingTheShiftEdge_ConflictIsTheOverlapOnly()
    {
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-11 08:00");
        var leave = Leave(Anna, "2026-05-01 00:00", "2026-05-05 00:00");

        var report = Check(Days("2026-05-04", "2026-05-12"), [shift], [leave]);

        var conflict = report.Conflicts.ShouldHaveSingleItem();
        conflict.Kind.ShouldBe(ConflictKind.Unavailable);
        (conflict.Start, conflict.End).ShouldBe((At("2026-05-04 08:00"), At("2026-05-05 00:00")));
        conflict.Hours.ShouldBe(16m);
    }

    [Fact]
    public void For_OverlappingAndTouchingLeave_IsOneConflict()
    {
        var shift = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");
        var leave = new[]
        {
            Leave(Anna, "2026-05-04 09:00", "2026-05-04 12:00"),
            Leave(Anna, "2026-05-04 11:00", "2026-05-04 14:00"),
            Leave(Anna, "2026-05-04 14:00", "2026-05-04 15:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], leave);

        var conflict = report.Conflicts.ShouldHaveSingleItem();
        (conflict.Start, conflict.End).ShouldBe((At("2026-05-04 09:00"), At("2026-05-04 15:00")));
    }

    [Fact]
    public void For_LeaveOfSomeoneElse_IsNoConflict()
    {
        var shift = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], [Leave(Bram, "2026-05-04 00:00", "2026-05-05 00:00")]);

        report.Conflicts.ShouldBeEmpty();
        report.IsFullyCovered.ShouldBeTrue();
    }

    [Fact]
    public void For_SamePersonOnOverlappingShiftsOfTheFunction_IsOneDoubleBooking()
    {
        var first = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-04 12:00");
        var second = ShiftOf(Anna, "2026-05-04 10:00", "2026-05-05 00:00");

        var report = Check(Days("2026-05-04", "2026-05-05"), [first, second]);

        report.Conflicts.ShouldBe([
            new RosterConflict(Anna, ConflictKind.DoubleBooked, At("2026-05-04 10:00"), At("2026-05-04 12:00"), first.Id, second.Id),
        ]);
        report.IsFullyCovered.ShouldBeTrue();
    }

    [Fact]
    public void For_SamePersonOnCallForAnotherFunctionAtOnce_IsDoubleBookedInBothReports()
    {
        var ovd = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");
        var hin = ShiftOf(Anna, "2026-05-04 20:00", "2026-05-05 08:00", Hin);

        var region = Coverage.ForRegion([OvdFunction, new RosterFunction(Hin)], Days("2026-05-04", "2026-05-05"), [ovd, hin], [], Everyone);

        var onOvd = region[OvdBz]!.Conflicts.ShouldHaveSingleItem();
        onOvd.ShouldBe(new RosterConflict(Anna, ConflictKind.DoubleBooked, At("2026-05-04 20:00"), At("2026-05-05 00:00"), ovd.Id, hin.Id));
        var onHin = region[Hin]!.Conflicts.ShouldHaveSingleItem();
        onHin.ShouldBe(new RosterConflict(Anna, ConflictKind.DoubleBooked, At("2026-05-04 20:00"), At("2026-05-05 00:00"), hin.Id, ovd.Id));
        // Still on call for both: the conflict, not the coverage, tells the coordinator.
        region[OvdBz]!.IsFullyCovered.ShouldBeTrue();
    }

    [Fact]
    public void For_ShiftsThatOnlyTouch_AreNoDoubleBooking()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-04 12:00"),
            ShiftOf(Anna, "2026-05-04 12:00", "2026-05-05 00:00", Hin),
            ShiftOf(Anna, "2026-05-04 12:00", "2026-05-05 00:00"),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts);

        // The two afternoon shifts overlap each other, not the morning one.
        var conflict = report.Conflicts.ShouldHaveSingleItem();
        (conflict.Start, conflict.End).ShouldBe((At("2026-05-04 12:00"), At("2026-05-05 00:00")));
    }

    [Fact]
    public void For_DoubleBookingOutsideThePeriod_IsNotReported()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-06 00:00"),
            ShiftOf(Anna, "2026-05-05 12:00", "2026-05-05 14:00", Hin),
        };

        var report = Check(Days("2026-05-04", "2026-05-05"), shifts);

        report.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void For_DifferentPeopleOverlapping_IsNoConflict()
    {
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00"),
            ShiftOf(Bram, "2026-05-04 00:00", "2026-05-05 00:00"),
        };

        Check(Days("2026-05-04", "2026-05-05"), shifts).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void For_SameShiftPassedTwice_IsNoDoubleBooking()
    {
        var shift = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");

        Check(Days("2026-05-04", "2026-05-05"), [shift, shift]).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void For_PersonWhoDoesNotHoldTheFunction_IsUnqualifiedAndDoesNotCover()
    {
        var shift = ShiftOf(Bram, "2026-05-04 00:00", "2026-05-05 00:00");
        var holders = Qualifications.Holders((function, person) => function == OvdBz && person == Anna);

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], qualification: holders);

        report.Conflicts.ShouldBe([
            new RosterConflict(Bram, ConflictKind.Unqualified, At("2026-05-04 00:00"), At("2026-05-05 00:00"), shift.Id),
        ]);
        report.CoveredHours.ShouldBe(0m);
    }

    [Fact]
    public void For_HolderOfTheFunction_IsQualified()
    {
        var shift = ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00");
        var holders = Qualifications.Holders(new Dictionary<string, IReadOnlySet<Guid>> { [OvdBz] = new HashSet<Guid> { Anna } });

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], qualification: holders);

        report.Conflicts.ShouldBeEmpty();
        report.IsFullyCovered.ShouldBeTrue();
    }

    [Fact]
    public void For_QualificationLapsingMidShift_IsUnqualifiedFromThatMinute()
    {
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-11 08:00");
        var lapse = At("2026-05-06 00:00");
        Qualification paspoort = (_, _, during) => during.Start < lapse ? [new Interval(during.Start, lapse)] : [];

        var report = Check(Days("2026-05-04", "2026-05-12"), [shift], qualification: Qualifications.All(Qualifications.Everyone, paspoort));

        var conflict = report.Conflicts.ShouldHaveSingleItem();
        conflict.Kind.ShouldBe(ConflictKind.Unqualified);
        (conflict.Start, conflict.End).ShouldBe((lapse, At("2026-05-11 08:00")));
        report.CoveredHours.ShouldBe(40m);
    }

    [Fact]
    public void For_QualificationAnsweringOutsideTheShift_IsClipped()
    {
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-04 20:00");
        Qualification generous = (_, _, _) => [new Interval(At("2026-01-01 00:00"), At("2026-05-04 12:00"))];

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], qualification: generous);

        report.CoveredHours.ShouldBe(4m);
        var conflict = report.Conflicts.ShouldHaveSingleItem();
        (conflict.Start, conflict.End).ShouldBe((At("2026-05-04 12:00"), At("2026-05-04 20:00")));
    }

    [Fact]
    public void For_QualificationWithoutStartOrEnd_IsClippedToTheShift()
    {
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-04 20:00");
        Qualification sinceEver = (_, _, _) => [new Interval(null, At("2026-05-04 12:00")), new Interval(At("2026-05-04 18:00"), null)];

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], qualification: Qualifications.All(sinceEver));

        report.CoveredHours.ShouldBe(6m);
        var conflict = report.Conflicts.ShouldHaveSingleItem();
        (conflict.Start, conflict.End).ShouldBe((At("2026-05-04 12:00"), At("2026-05-04 18:00")));
    }

    [Fact]
    public void All_NeedsEveryRule()
    {
        var holders = Qualifications.Holders((_, person) => person == Anna);
        var shift = ShiftOf(Bram, "2026-05-04 00:00", "2026-05-05 00:00");

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift], qualification: Qualifications.All(Qualifications.Everyone, holders));

        report.Conflicts.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.Unqualified);
    }

    [Fact]
    public void For_ShiftWithEveryProblem_ReportsEachKindInTimeOrder()
    {
        var shift = ShiftOf(Bram, "2026-05-04 00:00", "2026-05-05 00:00");
        var other = ShiftOf(Bram, "2026-05-04 18:00", "2026-05-04 20:00", Hin);
        var leave = Leave(Bram, "2026-05-04 10:00", "2026-05-04 11:00");
        var holders = Qualifications.Holders((_, person) => person == Anna);

        var report = Check(Days("2026-05-04", "2026-05-05"), [shift, other], [leave], qualification: holders);

        report.Conflicts.Select(c => (c.Kind, c.Start)).ShouldBe([
            (ConflictKind.Unqualified, At("2026-05-04 00:00")),
            (ConflictKind.Unavailable, At("2026-05-04 10:00")),
            (ConflictKind.DoubleBooked, At("2026-05-04 18:00")),
        ]);
    }

    [Fact]
    public void For_ArbitraryInterval_UsesItAsThePeriod()
    {
        var from = At("2026-05-04 13:00");
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-11 08:00");

        var report = Coverage.For(OvdFunction, new Interval(from, from + Duration.FromDays(14)), [shift], [], Everyone);

        report.Period.Start.ShouldBe(from);
        report.Gaps.ShouldHaveSingleItem().Start.ShouldBe(At("2026-05-11 08:00"));
    }

    [Fact]
    public void For_EmptyInterval_IsInvalid()
    {
        var at = At("2026-05-04 13:00");

        Should.Throw<RuleViolationException>(() => Coverage.For(OvdFunction, new Interval(at, at), [], [], Everyone));
    }

    [Fact]
    public void ForRegion_ReportsEveryFunctionOnceInTheOrderGiven()
    {
        var functions = new[] { new RosterFunction(Hin), OvdFunction, new RosterFunction(Hin, 2) };
        var shifts = new[] { ShiftOf(Anna, "2026-05-04 00:00", "2026-05-05 00:00") };

        var region = Coverage.ForRegion(functions, Days("2026-05-04", "2026-05-05"), shifts, [], Everyone);

        region.Functions.Select(f => f.Function).ShouldBe([Hin, OvdBz]);
        region[Hin]!.CoveredHours.ShouldBe(0m);
        region[OvdBz]!.CoveredHours.ShouldBe(24m);
        region.GapCount.ShouldBe(1);
        region["AC-BZ"].ShouldBeNull();
    }

    [Fact]
    public void ForRegion_MatchesCoverageOfEachFunctionAlone()
    {
        var functions = new[] { OvdFunction, new RosterFunction(Hin, 2) };
        var shifts = new[]
        {
            ShiftOf(Anna, "2026-05-04 00:00", "2026-05-04 16:00"),
            ShiftOf(Bram, "2026-05-04 06:00", "2026-05-05 00:00", Hin),
            ShiftOf(Cor, "2026-05-04 12:00", "2026-05-05 00:00", Hin),
            ShiftOf(Cor, "2026-05-04 14:00", "2026-05-04 15:00"),
        };
        var leave = new[] { Leave(Bram, "2026-05-04 20:00", "2026-05-04 21:00") };
        var period = Days("2026-05-04", "2026-05-05");

        var region = Coverage.ForRegion(functions, period, shifts, leave, Everyone);

        foreach (var function in functions)
        {
            var alone = Coverage.For(function, period, shifts, leave, Everyone);
            var inRegion = region[function.Code]!;
            inRegion.Covered.ShouldBe(alone.Covered);
            inRegion.Gaps.ShouldBe(alone.Gaps);
            inRegion.Conflicts.ShouldBe(alone.Conflicts);
        }
        region[Hin]!.CoveredHours.ShouldBe(11m);
        region.ConflictCount.ShouldBe(3);
    }

    [Theory]
    [InlineData(ConflictKind.DoubleBooked, "double-booked")]
    [InlineData(ConflictKind.Unavailable, "unavailable")]
    [InlineData(ConflictKind.Unqualified, "unqualified")]
    public void ToWire_NamesEachKindAsTheContractDoes(ConflictKind kind, string wire)
    {
        kind.ToWire().ShouldBe(wire);
    }
}
