using Crisis.Domain.Roster;
using CsCheck;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

/// <summary>
/// Rotations over random periods in zones with different DST rules (Lord Howe moves its clocks by half an
/// hour), with handovers at random times including the hours that are skipped or repeated.
/// </summary>
public class RotationPropertyTests
{
    private static readonly DateTimeZone[] Zones =
    [
        Amsterdam,
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
    ];

    private static readonly Guid[] People = [Anna, Bram, Cor, Dewi, Guid.Parse("00000000-0000-0000-0000-0000000000ee")];
    private static readonly LocalDate Base = new(2025, 1, 1);

    private sealed record Case(DateTimeZone Zone, Rotation Rotation, LocalDate From, LocalDate To)
    {
        public RosterPeriod Period => RosterPeriod.Of(From, To, Zone);
    }

    private static readonly Gen<Period> Lengths = Gen.OneOf(
        Gen.Int[1, 3].Select(Period.FromWeeks),
        Gen.Int[1, 10].Select(Period.FromDays),
        Gen.Int[1, 36].Select(h => Period.FromHours(h)),
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 23], Gen.Int[0, 59], (d, h, m) => Period.FromDays(d) + Period.FromHours(h) + Period.FromMinutes(m)));

    private static readonly Gen<Case> Cases =
        Gen.Select(
            Gen.Int[0, Zones.Length - 1],
            Gen.Int[1, People.Length],
            Lengths,
            Gen.Select(Gen.Int[0, 23], Gen.OneOf(Gen.Const(0), Gen.Const(30), Gen.Int[0, 59]), (h, m) => new LocalTime(h, m)),
            Gen.Int[0, 800],
            Gen.Int[-40, 400],
            Gen.Int[1, 120],
            (zone, poolSize, length, time, anchorDay, startDay, days) =>
            {
                var anchor = Base.PlusDays(anchorDay);
                var from = anchor.PlusDays(startDay);
                var rotation = Rotation.Create("F", People.Take(poolSize).ToList(), anchor.At(time), length);
                return new Case(Zones[zone], rotation, from, from.PlusDays(days));
            });

    [Fact]
    public void Generate_ShiftsFollowEachOtherWithoutGapOrOverlap()
    {
        Cases.Sample(c =>
        {
            var shifts = RotationPlanner.Generate(c.Rotation, c.Period);

            for (var i = 0; i < shifts.Count; i++)
            {
                shifts[i].Start.ShouldBeLessThan(shifts[i].End);
                if (i > 0)
                {
                    shifts[i].Start.ShouldBe(shifts[i - 1].End);
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void Generate_CoversFromTheFirstHandoverToTheLastShiftsEnd()
    {
        Cases.Sample(c =>
        {
            var shifts = RotationPlanner.Generate(c.Rotation, c.Period).Select(p => p.WithId(Guid.NewGuid())).ToList();
            if (shifts.Count == 0)
            {
                return;
            }

            var report = Coverage.For(new RosterFunction("F"), new Interval(shifts[0].Start, shifts[^1].End), shifts, [], Qualifications.Everyone);

            report.Gaps.ShouldBeEmpty();
            report.Conflicts.ShouldBeEmpty();
            report.Covered.ShouldBe(shifts[^1].End - shifts[0].Start);
        }, iter: 300);
    }

    [Fact]
    public void Generate_TakesEveryHandoverInThePeriodInPoolOrder()
    {
        Cases.Sample(c =>
        {
            var shifts = RotationPlanner.Generate(c.Rotation, c.Period);
            var periodStart = c.From.AtMidnight();
            var periodEnd = c.To.AtMidnight();

            // The handovers the rotation defines, worked out independently by stepping turn by turn, one past
            // the period so that the last turn's end is known.
            var turns = new List<(LocalDateTime Handover, Guid Person, Instant Start)>();
            var handover = c.Rotation.FirstHandover;
            for (var turn = 0; turns.Count == 0 || turns[^1].Handover < periodEnd; turn++, handover = handover.Plus(c.Rotation.ShiftLength))
            {
                if (handover >= periodStart)
                {
                    // A handover that exists happens at that local time (the earlier one if repeated); a
                    // skipped one happens at the end of the gap.
                    var mapping = c.Zone.MapLocal(handover);
                    var start = mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;
                    turns.Add((handover, c.Rotation.Pool[turn % c.Rotation.Pool.Count], start));
                }
            }
            // A turn that lies wholly in a skipped hour has no length and no shift.
            var expected = turns.Zip(turns.Skip(1), (turn, next) => (turn.Person, turn.Start, End: next.Start))
                .Where(t => t.Start < t.End)
                .ToList();

            shifts.Select(s => (s.PersonId, s.Start, s.End)).ShouldBe(expected);
        }, iter: 300);
    }

    [Fact]
    public void Generate_SplitPeriods_GiveTheSameShiftsAsTheWhole()
    {
        Cases.Select(Gen.Int[0, 119], (c, cut) => (c, cut)).Sample((c, cut) =>
        {
            var middle = c.From.PlusDays(Math.Min(cut, Period.DaysBetween(c.From, c.To) - 1) + 1);
            if (middle >= c.To)
            {
                return;
            }

            var whole = RotationPlanner.Generate(c.Rotation, c.Period);
            var parts = RotationPlanner.Generate(c.Rotation, RosterPeriod.Of(c.From, middle, c.Zone))
                .Concat(RotationPlanner.Generate(c.Rotation, RosterPeriod.Of(middle, c.To, c.Zone)));

            parts.ShouldBe(whole);
        }, iter: 200);
    }

    [Fact]
    public void Regenerate_NeverOverlapsKeptShiftsAndLosesNoCoverage()
    {
        var manual = Gen.Select(Gen.Int[0, People.Length - 1], Gen.Int[-48, 2000], Gen.Int[1, 200], Gen.Int[0, 2],
            (p, startHour, hours, origin) => (p, startHour, hours, origin)).Array[0, 6];

        Cases.Select(manual, (c, m) => (c, m)).Sample((c, m) =>
        {
            var period = c.Period;
            var kept = m.Select(x => new Shift(Guid.NewGuid(), "F", People[x.p],
                period.Start + Duration.FromHours(x.startHour), period.Start + Duration.FromHours(x.startHour + x.hours),
                (ShiftOrigin)(x.origin + 1))).ToList();
            var oldGeneration = RotationPlanner.Generate(c.Rotation, period)
                .Where((_, i) => i % 2 == 0)
                .Select(p => p.WithId(Guid.NewGuid()))
                .ToList();

            var plan = RotationPlanner.Regenerate(c.Rotation, period, kept.Concat(oldGeneration));

            plan.Kept.ShouldBe(kept.OrderBy(s => s.Start), ignoreOrder: true);
            var fresh = plan.Added.Select(a => a.Interval).Concat(plan.Unchanged.Select(u => u.Interval)).OrderBy(i => i.Start).ToList();
            for (var i = 1; i < fresh.Count; i++)
            {
                fresh[i - 1].End.ShouldBeLessThanOrEqualTo(fresh[i].Start);
            }
            fresh.Where(f => kept.Any(k => k.Start < f.End && f.Start < k.End)).ShouldBeEmpty();
            // Every instant the rotation would staff (one unbroken stretch) is staffed by the new plan or
            // by a kept shift.
            var generated = RotationPlanner.Generate(c.Rotation, period);
            if (generated.Count > 0)
            {
                var all = fresh.Concat(kept.Select(k => k.Interval)).ToList();
                UncoveredLength(new Interval(generated[0].Start, generated[^1].End), all).ShouldBe(Duration.Zero);
            }
            // Regenerating with the same rotation keeps what the earlier run produced, unless a kept shift
            // now cuts into it.
            bool Touched(Shift s) => kept.Any(k => k.Start < s.End && s.Start < k.End);
            plan.Unchanged.ShouldBe(oldGeneration.Where(s => !Touched(s)), ignoreOrder: true);
            plan.Removed.ShouldBe(oldGeneration.Where(Touched), ignoreOrder: true);
        }, iter: 200);
    }

    private static Duration UncoveredLength(Interval target, List<Interval> by)
    {
        var cursor = target.Start;
        var missing = Duration.Zero;
        foreach (var part in by.Where(b => b.End > target.Start && b.Start < target.End).OrderBy(b => b.Start))
        {
            if (part.Start > cursor)
            {
                missing += part.Start - cursor;
            }
            cursor = Instant.Max(cursor, part.End);
        }
        return cursor < target.End ? missing + (target.End - cursor) : missing;
    }
}
