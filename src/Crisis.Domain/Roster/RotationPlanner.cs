using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// What regenerating a rotation over a period does to the stored shifts: which stay as they are, which
/// go, and which new ones come.
/// </summary>
/// <param name="Kept">Shifts left alone: those made or changed by hand, and generated shifts that start
/// outside the period (they belong to another period's generation).</param>
/// <param name="Unchanged">Generated shifts in the period that the rotation would produce again exactly;
/// kept as they are so that nobody is told about a change that is none.</param>
/// <param name="Removed">Generated shifts in the period that the new plan replaces.</param>
/// <param name="Added">New shifts to store.</param>
public sealed record RegenerationPlan(
    IReadOnlyList<Shift> Kept,
    IReadOnlyList<Shift> Unchanged,
    IReadOnlyList<Shift> Removed,
    IReadOnlyList<PlannedShift> Added);

/// <summary>Turns a <see cref="Rotation"/> into shifts.</summary>
public static class RotationPlanner
{
    /// <summary>
    /// The rotation's shifts whose handover falls in <paramref name="period"/> (from 00:00 of its first day
    /// to 00:00 of the day after its last), each whole: the last one may run past the end of the period.
    /// </summary>
    /// <remarks>
    /// <para>Taking the shifts that start in the period, rather than cutting shifts at its edges, lets
    /// consecutive periods (one quarter, then the next) join without splitting a week in two or producing
    /// it twice.</para>
    /// <para>Each shift ends exactly where the next one starts, as instants, so there are no gaps or
    /// overlaps, and a week across a DST change is 167 or 169 hours. A handover at a local time that the
    /// change to summer time skips takes place at the first instant after the gap; a repeated local time
    /// takes the earlier offset. A turn that would fall entirely inside a skipped hour has no length and is
    /// left out.</para>
    /// </remarks>
    public static IReadOnlyList<PlannedShift> Generate(Rotation rotation, RosterPeriod period)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ArgumentNullException.ThrowIfNull(period);
        var zone = period.Zone;
        var periodStart = period.From.AtMidnight();
        var periodEnd = period.To.AtMidnight();
        var shifts = new List<PlannedShift>();
        var turn = rotation.FirstTurnFrom(periodStart);
        var start = ShiftTimes.ResolveLenient(rotation.HandoverOf(turn), zone);
        for (; rotation.HandoverOf(turn) < periodEnd; turn++)
        {
            var end = ShiftTimes.ResolveLenient(rotation.HandoverOf(turn + 1), zone);
            if (end > start)
            {
                shifts.Add(new PlannedShift(rotation.Function, rotation.PersonOf(turn), start, end, ShiftOrigin.Rotation));
            }
            start = end;
        }
        return shifts;
    }

    /// <summary>
    /// Plans the regeneration of <paramref name="period"/> from <paramref name="rotation"/>, given the
    /// function's <paramref name="existing"/> shifts around the period (pass every one that overlaps the
    /// period and the last generated shift's tail).
    /// </summary>
    /// <remarks>
    /// Generated shifts that start in the period are replaced; shifts made or changed by hand (manual,
    /// swapped, overridden) are never touched. The new shifts are trimmed around every kept shift, so they
    /// never overlap one: a generated week with a swapped Wednesday in it becomes the parts before and after
    /// the swapped pieces. Trimming, rather than skipping a whole week that touches a hand-made shift,
    /// keeps the rest of that week covered.
    /// </remarks>
    public static RegenerationPlan Regenerate(Rotation rotation, RosterPeriod period, IEnumerable<Shift> existing)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(existing);

        var kept = new List<Shift>();
        var replaceable = new List<Shift>();
        foreach (var shift in existing.DistinctBy(s => s.Id))
        {
            if (!string.Equals(shift.Function, rotation.Function, StringComparison.Ordinal))
            {
                throw RosterRefusals.RotationOtherFunction.RaiseFor("shifts",
                    ("shift", shift.Id), ("function", shift.Function), ("rotation", rotation.Function));
            }
            var startsInPeriod = period.Start <= shift.Start && shift.Start < period.End;
            (shift.Origin.IsByHand() || !startsInPeriod ? kept : replaceable).Add(shift);
        }

        var fixedTimes = Intervals.Normalize(kept.Select(s => s.Interval));
        var planned = Generate(rotation, period)
            .SelectMany(p => Intervals.Subtract(p.Interval, fixedTimes).Select(part => p with { Start = part.Start, End = part.End }));

        // A regenerated shift that is already stored as it is stays, instead of being deleted and added.
        var stored = replaceable
            .GroupBy(s => (s.PersonId, s.Start, s.End))
            .ToDictionary(g => g.Key, g => new Queue<Shift>(g));
        var unchanged = new List<Shift>();
        var added = new List<PlannedShift>();
        foreach (var shift in planned)
        {
            if (stored.TryGetValue((shift.PersonId, shift.Start, shift.End), out var same) && same.Count > 0)
            {
                unchanged.Add(same.Dequeue());
            }
            else
            {
                added.Add(shift);
            }
        }
        var removed = stored.Values.SelectMany(q => q).OrderBy(s => s.Start).ToList();
        return new RegenerationPlan(kept.OrderBy(s => s.Start).ToList(), unchanged, removed, added);
    }
}
