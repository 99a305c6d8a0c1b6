using Crisis.Domain.Roster;
using CsCheck;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

/// <summary>
/// Coverage against a slow but obviously right oracle: every quarter of an hour of four days around a DST
/// change, counted one by one. All generated times fall on quarter hours, so the oracle is exact.
/// </summary>
public class CoveragePropertyTests
{
    private static readonly Duration Slot = Duration.FromMinutes(15);
    private static readonly Guid[] People = [Anna, Bram, Cor, Dewi];

    private sealed record ShiftSpec(int Person, int StartSlot, int Slots, bool OfFunction);
    private sealed record LeaveSpec(int Person, int StartSlot, int Slots);
    private sealed record Scenario(bool October, int Minimum, ShiftSpec[] Shifts, LeaveSpec[] Leave, (int From, int To)[] Qualified);

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(
            Gen.Bool,
            Gen.Int[1, 3],
            Gen.Select(Gen.Int[0, 3], Gen.Int[-20, 400], Gen.Int[1, 200], Gen.Int[0, 9], (p, s, l, f) => new ShiftSpec(p, s, l, f != 0)).Array[0, 12],
            Gen.Select(Gen.Int[0, 3], Gen.Int[-20, 400], Gen.Int[1, 60], (p, s, l) => new LeaveSpec(p, s, l)).Array[0, 5],
            Gen.Select(Gen.Int[-10, 400], Gen.Int[0, 500], (from, length) => (from, from + length)).Array[4],
            (october, minimum, shifts, leave, qualified) => new Scenario(october, minimum, shifts, leave, qualified));

    private sealed record Built(RosterPeriod Period, RosterFunction Function, List<Shift> Shifts, List<Unavailability> Leave, Qualification Qualification, Scenario Scenario)
    {
        public Instant SlotStart(int slot) => Period.Start + Slot * slot;

        public int SlotCount => (int)((Period.End - Period.Start).BclCompatibleTicks / Slot.BclCompatibleTicks);

        public bool Qualified(Guid person, Instant at)
        {
            var (from, to) = Scenario.Qualified[Array.IndexOf(People, person)];
            return SlotStart(from) <= at && at < SlotStart(to);
        }

        public bool Unavailable(Guid person, Instant at) => Leave.Any(l => l.PersonId == person && l.Start <= at && at < l.End);
    }

    private static Built Build(Scenario scenario)
    {
        var period = scenario.October ? Days("2026-10-23", "2026-10-27") : Days("2026-03-27", "2026-03-31");
        Instant SlotStart(int slot) => period.Start + Slot * slot;
        var shifts = scenario.Shifts
            .Select(s => new Shift(Guid.NewGuid(), s.OfFunction ? OvdBz : Hin, People[s.Person], SlotStart(s.StartSlot), SlotStart(s.StartSlot + s.Slots)))
            .ToList();
        var leave = scenario.Leave
            .Select(l => new Unavailability(People[l.Person], SlotStart(l.StartSlot), SlotStart(l.StartSlot + l.Slots)))
            .ToList();
        Qualification qualification = (_, person, _) =>
        {
            var (from, to) = scenario.Qualified[Array.IndexOf(People, person)];
            return [new Interval(SlotStart(from), SlotStart(to))];
        };
        return new Built(period, new RosterFunction(OvdBz, scenario.Minimum), shifts, leave, qualification, scenario);
    }

    private static CoverageReport Run(Built built) =>
        Coverage.For(built.Function, built.Period, built.Shifts, built.Leave, built.Qualification);

    [Fact]
    public void For_CoveredPlusGaps_IsTotal()
    {
        Scenarios.Sample(scenario =>
        {
            var built = Build(scenario);
            var report = Run(built);

            (report.Covered + report.Gaps.Aggregate(Duration.Zero, (sum, g) => sum + g.Length)).ShouldBe(report.Total);
            report.Total.ShouldBe(built.Period.End - built.Period.Start);
        }, iter: 300);
    }

    [Fact]
    public void For_CoveredTime_MatchesCountingEveryQuarterHour()
    {
        Scenarios.Sample(scenario =>
        {
            var built = Build(scenario);
            var report = Run(built);

            var uncovered = new List<int>();
            for (var slot = 0; slot < built.SlotCount; slot++)
            {
                var at = built.SlotStart(slot);
                var onCall = built.Shifts
                    .Where(s => s.Function == OvdBz && s.Contains(at) && built.Qualified(s.PersonId, at) && !built.Unavailable(s.PersonId, at))
                    .Select(s => s.PersonId)
                    .Distinct()
                    .Count();
                if (onCall < scenario.Minimum)
                {
                    uncovered.Add(slot);
                }
            }

            report.Covered.ShouldBe(Slot * (built.SlotCount - uncovered.Count));
            var inGaps = report.Gaps
                .SelectMany(g => Enumerable.Range(0, built.SlotCount).Where(slot => g.Start <= built.SlotStart(slot) && built.SlotStart(slot) < g.End))
                .ToList();
            inGaps.ShouldBe(uncovered);
        }, iter: 200);
    }

    [Fact]
    public void For_Gaps_AreOrderedMaximalAndInsideThePeriod()
    {
        Scenarios.Sample(scenario =>
        {
            var built = Build(scenario);
            var report = Run(built);

            foreach (var gap in report.Gaps)
            {
                gap.Start.ShouldBeLessThan(gap.End);
                gap.Start.ShouldBeGreaterThanOrEqualTo(built.Period.Start);
                gap.End.ShouldBeLessThanOrEqualTo(built.Period.End);
                gap.FewestOnCall.ShouldBeLessThan(scenario.Minimum);
            }
            for (var i = 1; i < report.Gaps.Count; i++)
            {
                // Strictly less: touching gaps would be one gap cut in two.
                report.Gaps[i - 1].End.ShouldBeLessThan(report.Gaps[i].Start);
            }
        }, iter: 300);
    }

    [Fact]
    public void For_ConflictTime_MatchesCountingEveryQuarterHour()
    {
        Scenarios.Sample(scenario =>
        {
            var built = Build(scenario);
            var report = Run(built);
            var ofFunction = built.Shifts.Where(s => s.Function == OvdBz).ToList();

            int Slots(Func<Instant, bool> inConflict) =>
                Enumerable.Range(0, built.SlotCount).Count(slot => inConflict(built.SlotStart(slot)));
            int ConflictSlots(Shift shift, ConflictKind kind) =>
                (int)(report.Conflicts.Where(c => c.ShiftId == shift.Id && c.Kind == kind)
                    .Aggregate(Duration.Zero, (sum, c) => sum + (c.End - c.Start)).BclCompatibleTicks / Slot.BclCompatibleTicks);

            foreach (var shift in ofFunction)
            {
                ConflictSlots(shift, ConflictKind.Unavailable).ShouldBe(Slots(at => shift.Contains(at) && built.Unavailable(shift.PersonId, at)));
                ConflictSlots(shift, ConflictKind.Unqualified).ShouldBe(Slots(at => shift.Contains(at) && !built.Qualified(shift.PersonId, at)));
            }

            var overlapSlots = 0;
            for (var i = 0; i < built.Shifts.Count; i++)
            {
                for (var j = i + 1; j < built.Shifts.Count; j++)
                {
                    var (a, b) = (built.Shifts[i], built.Shifts[j]);
                    if (a.PersonId == b.PersonId && (a.Function == OvdBz || b.Function == OvdBz))
                    {
                        overlapSlots += Slots(at => a.Contains(at) && b.Contains(at));
                    }
                }
            }
            var doubleBooked = report.Conflicts.Where(c => c.Kind == ConflictKind.DoubleBooked)
                .Aggregate(Duration.Zero, (sum, c) => sum + (c.End - c.Start));
            doubleBooked.ShouldBe(Slot * overlapSlots);
        }, iter: 200);
    }
}
