using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain.Roster;

/// <summary>
/// A rotation of a function's piketpool: the people in <see cref="Pool"/> take turns, in that order and
/// over and over, each for one <see cref="ShiftLength"/>. The first turn (Pool[0]) starts at
/// <see cref="FirstHandover"/>; every later handover falls at the same local clock time, so a Monday 08:00
/// rotation hands over at 08:00 in winter and in summer alike.
/// </summary>
/// <remarks>
/// The same person may appear more than once in the pool (to take more turns). Shift lengths are limited
/// to weeks, days, hours and minutes: months have no fixed length, so "every month" would drift.
/// </remarks>
public sealed record Rotation
{
    /// <summary>The shortest shift a rotation may produce; shorter turns are not a piket.</summary>
    public static readonly Duration MinShiftLength = Duration.FromHours(1);

    private Rotation(string function, IReadOnlyList<Guid> pool, LocalDateTime firstHandover, Period shiftLength, long shiftLengthTicks)
    {
        Function = function;
        Pool = pool;
        FirstHandover = firstHandover;
        ShiftLength = shiftLength;
        ShiftLengthTicks = shiftLengthTicks;
    }

    public string Function { get; }
    public IReadOnlyList<Guid> Pool { get; }
    public LocalDateTime FirstHandover { get; }
    public Period ShiftLength { get; }

    /// <summary>The shift length in local ticks; fixed because months and years are refused.</summary>
    private long ShiftLengthTicks { get; }

    /// <summary>
    /// A rotation whose first turn (the first person in <paramref name="pool"/>) starts at
    /// <paramref name="firstHandover"/> and lasts <paramref name="shiftLength"/>.
    /// </summary>
    public static Rotation Create(string function, IReadOnlyList<Guid> pool, LocalDateTime firstHandover, Period shiftLength)
    {
        if (TextRules.IsBlank(function))
        {
            throw RosterRefusals.RotationFunctionMissing.RaiseFor("function");
        }
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0)
        {
            throw RosterRefusals.RotationPoolEmpty.RaiseFor("pool");
        }
        if (pool.Any(p => p == Guid.Empty))
        {
            throw RosterRefusals.RotationPoolUnnamed.RaiseFor("pool");
        }
        ArgumentNullException.ThrowIfNull(shiftLength);
        if (shiftLength.Years != 0 || shiftLength.Months != 0)
        {
            throw RosterRefusals.RotationLengthNotFixed.RaiseFor("shiftLength");
        }
        var ticks = shiftLength.Normalize().ToDuration().BclCompatibleTicks;
        if (ticks < MinShiftLength.BclCompatibleTicks || ticks > ShiftTimes.MaxLength.BclCompatibleTicks)
        {
            throw RosterRefusals.RotationLengthOutOfRange.RaiseFor("shiftLength",
                ("max", ShiftTimes.MaxLength.Days), ("given", PeriodPattern.NormalizingIso.Format(shiftLength)));
        }
        return new Rotation(function, pool.ToArray(), firstHandover, shiftLength, ticks);
    }

    /// <summary>
    /// A rotation of <paramref name="weeks"/>-week turns handing over on <paramref name="handoverDay"/> at
    /// <paramref name="handoverTime"/>; the first turn starts on the first such day on or after
    /// <paramref name="startingOn"/>. The common piket: <c>Weekly(…, Monday, 08:00, …)</c>.
    /// </summary>
    public static Rotation Weekly(
        string function, IReadOnlyList<Guid> pool, IsoDayOfWeek handoverDay, LocalTime handoverTime,
        LocalDate startingOn, int weeks = 1)
    {
        if (handoverDay == IsoDayOfWeek.None)
        {
            throw RosterRefusals.RotationHandoverDayMissing.RaiseFor("handoverDay");
        }
        var first = startingOn.With(DateAdjusters.NextOrSame(handoverDay)).At(handoverTime);
        return Create(function, pool, first, Period.FromWeeks(weeks));
    }

    /// <summary>A rotation of <paramref name="days"/>-day turns handing over every day at <paramref name="handoverTime"/>, starting on <paramref name="startingOn"/>.</summary>
    public static Rotation Daily(string function, IReadOnlyList<Guid> pool, LocalTime handoverTime, LocalDate startingOn, int days = 1) =>
        Create(function, pool, startingOn.At(handoverTime), Period.FromDays(days));

    /// <summary>The local start of turn <paramref name="turn"/> (0 is the first).</summary>
    public LocalDateTime HandoverOf(long turn) => FirstHandover.PlusTicks(turn * ShiftLengthTicks);

    /// <summary>The person whose turn <paramref name="turn"/> is.</summary>
    public Guid PersonOf(long turn) =>
        turn >= 0 ? Pool[(int)(turn % Pool.Count)] : throw new ArgumentOutOfRangeException(nameof(turn), "Turns are counted from 0.");

    /// <summary>
    /// The first turn whose handover is at or after <paramref name="local"/>; turns before the first
    /// handover do not exist.
    /// </summary>
    internal long FirstTurnFrom(LocalDateTime local)
    {
        if (local <= FirstHandover)
        {
            return 0;
        }
        var elapsed = Period.Between(FirstHandover, local, PeriodUnits.Ticks).Ticks;
        return (elapsed + ShiftLengthTicks - 1) / ShiftLengthTicks;
    }
}
