using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// Set operations on half-open intervals of instants. Every list these helpers take or return is
/// "normalised": sorted, without empty intervals, and with no two intervals overlapping or touching.
/// </summary>
internal static class Intervals
{
    public static Interval? Intersect(Interval a, Interval b)
    {
        var start = Instant.Max(StartOf(a), StartOf(b));
        var end = Instant.Min(EndOf(a), EndOf(b));
        return start < end ? new Interval(start, end) : null;
    }

    /// <summary>
    /// The parts of <paramref name="intervals"/> inside the finite <paramref name="within"/>, normalised.
    /// Intervals from outside (a qualification "valid since ever") may be open-ended; clipping makes them finite.
    /// </summary>
    public static List<Interval> Clip(IEnumerable<Interval> intervals, Interval within) =>
        Normalize(intervals.Select(i => Intersect(i, within)).OfType<Interval>());

    private static Instant StartOf(Interval i) => i.HasStart ? i.Start : Instant.MinValue;

    private static Instant EndOf(Interval i) => i.HasEnd ? i.End : Instant.MaxValue;

    public static bool Overlap(Interval a, Interval b) => a.Start < b.End && b.Start < a.End;

    /// <summary>Sorts and merges; touching intervals become one so that gaps and conflicts come out maximal.</summary>
    public static List<Interval> Normalize(IEnumerable<Interval> intervals)
    {
        var sorted = intervals.Where(i => i.Start < i.End).ToList();
        sorted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Interval>(sorted.Count);
        foreach (var next in sorted)
        {
            if (merged.Count > 0 && merged[^1].End >= next.Start)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, Instant.Max(last.End, next.End));
            }
            else
            {
                merged.Add(next);
            }
        }
        return merged;
    }

    /// <summary>The parts of <paramref name="within"/> that also lie in the normalised <paramref name="set"/>.</summary>
    public static IEnumerable<Interval> IntersectAll(Interval within, IReadOnlyList<Interval> set)
    {
        for (var i = FirstEndingAfter(set, within.Start); i < set.Count && set[i].Start < within.End; i++)
        {
            if (Intersect(within, set[i]) is { } part)
            {
                yield return part;
            }
        }
    }

    /// <summary>The parts of <paramref name="from"/> outside the normalised <paramref name="set"/>, in order.</summary>
    public static IEnumerable<Interval> Subtract(Interval from, IReadOnlyList<Interval> set)
    {
        var cursor = from.Start;
        for (var i = FirstEndingAfter(set, from.Start); i < set.Count && set[i].Start < from.End; i++)
        {
            if (set[i].Start > cursor)
            {
                yield return new Interval(cursor, set[i].Start);
            }
            cursor = Instant.Max(cursor, set[i].End);
        }
        if (cursor < from.End)
        {
            yield return new Interval(cursor, from.End);
        }
    }

    /// <summary>Index of the first interval whose end lies after <paramref name="at"/>; binary search, so long leave lists stay cheap.</summary>
    private static int FirstEndingAfter(IReadOnlyList<Interval> set, Instant at)
    {
        int lo = 0, hi = set.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (set[mid].End <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
