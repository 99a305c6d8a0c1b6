using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class RosterRecordsTests
{
    [Fact]
    public void Shift_EndNotAfterStart_IsInvalid()
    {
        var at = Utc("2026-05-04T06:00:00Z");

        Should.Throw<RuleViolationException>(() => new Shift(Guid.NewGuid(), OvdBz, Anna, at, at)).Field.ShouldBe("end");
    }

    [Fact]
    public void Shift_Contains_StartInclusiveEndExclusive()
    {
        var shift = ShiftOf(Anna, "2026-05-04 08:00", "2026-05-11 08:00");

        shift.Contains(At("2026-05-04 08:00")).ShouldBeTrue();
        shift.Contains(At("2026-05-11 08:00") - Duration.Epsilon).ShouldBeTrue();
        shift.Contains(At("2026-05-11 08:00")).ShouldBeFalse();
        shift.Contains(At("2026-05-04 08:00") - Duration.Epsilon).ShouldBeFalse();
    }

    [Fact]
    public void Unavailability_EndNotAfterStart_IsInvalid()
    {
        var at = Utc("2026-05-04T06:00:00Z");

        Should.Throw<RuleViolationException>(() => new Unavailability(Anna, at, at - Duration.FromMinutes(1)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void RosterFunction_MinimumOutOfRange_IsInvalid(int minimum)
    {
        Should.Throw<RuleViolationException>(() => new RosterFunction(OvdBz, minimum)).Field.ShouldBe("minimumOnCall");
    }

    [Fact]
    public void RosterFunction_BlankCode_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => new RosterFunction(" ")).Field.ShouldBe("code");
    }

    [Fact]
    public void RosterPeriod_Of_RunsFromMidnightToMidnight()
    {
        var period = Days("2026-03-23", "2026-03-30");

        period.Start.ShouldBe(Utc("2026-03-22T23:00:00Z"));
        period.End.ShouldBe(Utc("2026-03-29T22:00:00Z"));
        period.Hours.ShouldBe(167m);
    }

    [Fact]
    public void RosterPeriod_Of_ToNotAfterFrom_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Days("2026-03-23", "2026-03-23")).Field.ShouldBe("to");
    }

    [Fact]
    public void RosterPeriod_Of_LongerThanTwoYears_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Days("2026-01-01", "2028-01-03")).Field.ShouldBe("to");
        Should.NotThrow(() => Days("2026-01-01", "2028-01-01"));
    }

    [Fact]
    public void PlannedShift_WithId_KeepsEverything()
    {
        var planned = new PlannedShift(OvdBz, Anna, Utc("2026-05-04T06:00:00Z"), Utc("2026-05-11T06:00:00Z"), ShiftOrigin.Rotation);
        var id = Guid.NewGuid();

        planned.WithId(id).ShouldBe(new Shift(id, OvdBz, Anna, planned.Start, planned.End, ShiftOrigin.Rotation));
    }

    [Theory]
    [InlineData(ShiftOrigin.Rotation, false)]
    [InlineData(ShiftOrigin.Manual, true)]
    [InlineData(ShiftOrigin.Swap, true)]
    [InlineData(ShiftOrigin.Override, true)]
    public void IsByHand_EveryOriginButRotation(ShiftOrigin origin, bool byHand)
    {
        origin.IsByHand().ShouldBe(byHand);
    }
}
