using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// Checks that a function is staffed every minute of a period, and finds the conflicts coordinators must
/// resolve.
/// </summary>
/// <remarks>
/// <para>Who counts towards coverage: a person covers a moment when one of their shifts of the function
/// holds it, they are qualified then, and they are not unavailable then. A person on leave or no longer
/// qualified is reported as a conflict and does not count, because a coverage figure that counts them
/// would promise a response that will not come. People are counted once: the same person on two
/// overlapping shifts of the function is one person on call.</para>
/// <para>A person double-booked across two functions still counts for both: they are on call for each, and
/// which one gives way is the coordinator's decision, prompted by the <c>double-booked</c> conflict that
/// both functions' reports show.</para>
/// <para>Everything is computed on instants, so a week that loses or gains an hour at a DST change is
/// exactly 167 or 169 hours. The work is a sweep over sorted shift boundaries: O(n log n) in the number of
/// shifts and periods of unavailability.</para>
/// </remarks>
public static class Coverage
{
    /// <summary>The coverage of one function over whole local days.</summary>
    public static CoverageReport For(
        RosterFunction function, RosterPeriod period, IEnumerable<Shift> shifts,
        IEnumerable<Unavailability> unavailability, Qualification qualification)
    {
        ArgumentNullException.ThrowIfNull(period);
        return For(function, period.Interval, shifts, unavailability, qualification);
    }

    /// <summary>
    /// The coverage of one function over <paramref name="period"/>.
    /// </summary>
    /// <param name="shifts">Shifts of every function that may touch the period. Those of
    /// <paramref name="function"/> are checked; the others only reveal people on call twice at once.</param>
    /// <param name="unavailability">Leave and illness of the people on these shifts.</param>
    /// <param name="qualification">When each person is qualified for the function.</param>
    public static CoverageReport For(
        RosterFunction function, Interval period, IEnumerable<Shift> shifts,
        IEnumerable<Unavailability> unavailability, Qualification qualification)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(qualification);
        var index = new RosterIndex(CheckPeriod(period), shifts, unavailability);
        return Compute(function, index, qualification);
    }

    /// <summary>The region view: the coverage of every function in <paramref name="functions"/> over whole local days.</summary>
    public static RegionCoverage ForRegion(
        IEnumerable<RosterFunction> functions, RosterPeriod period, IEnumerable<Shift> shifts,
        IEnumerable<Unavailability> unavailability, Qualification qualification)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ForRegion(functions, period.Interval, shifts, unavailability, qualification);
    }

    /// <summary>
    /// The region view: the coverage of every function in <paramref name="functions"/>, in the order given.
    /// The shifts and unavailability are indexed once for all functions.
    /// </summary>
    public static RegionCoverage ForRegion(
        IEnumerable<RosterFunction> functions, Interval period, IEnumerable<Shift> shifts,
        IEnumerable<Unavailability> unavailability, Qualification qualification)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(qualification);
        var index = new RosterIndex(CheckPeriod(period), shifts, unavailability);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<CoverageReport>();
        foreach (var function in functions)
        {
            if (seen.Add(function.Code))
            {
                reports.Add(Compute(function, index, qualification));
            }
        }
        return new RegionCoverage(period, reports);
    }

    private static Interval CheckPeriod(Interval period)
    {
        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException("Coverage needs a period with a start and an end.", nameof(period));
        }
        if (period.End <= period.Start)
        {
            throw RosterRefusals.CoveragePeriodEmpty.RaiseFor("to");
        }
        return period;
    }

    private static CoverageReport Compute(RosterFunction function, RosterIndex index, Qualification qualification)
    {
        var period = index.Period;
        var conflicts = new List<RosterConflict>();
        var coveringByPerson = new Dictionary<Guid, List<Interval>>();

        foreach (var shift in index.ShiftsOf(function.Code))
        {
            var inPeriod = Intervals.Intersect(shift.Interval, period)!.Value;
            var qualified = Intervals.Clip(qualification(function.Code, shift.PersonId, inPeriod), inPeriod);
            foreach (var part in Intervals.Subtract(inPeriod, qualified))
            {
                conflicts.Add(new RosterConflict(shift.PersonId, ConflictKind.Unqualified, part.Start, part.End, shift.Id));
            }

            var unavailable = index.UnavailabilityOf(shift.PersonId);
            foreach (var part in Intervals.IntersectAll(inPeriod, unavailable))
            {
                conflicts.Add(new RosterConflict(shift.PersonId, ConflictKind.Unavailable, part.Start, part.End, shift.Id));
            }

            if (!coveringByPerson.TryGetValue(shift.PersonId, out var covering))
            {
                coveringByPerson[shift.PersonId] = covering = [];
            }
            foreach (var part in qualified)
            {
                covering.AddRange(Intervals.Subtract(part, unavailable));
            }
        }

        foreach (var booking in index.DoubleBookings)
        {
            // Report each double booking once per function, on this function's shift (the earlier one
            // when both are of this function), naming the other shift.
            var (shift, other) = booking.First.Function == function.Code ? (booking.First, booking.Second)
                : booking.Second.Function == function.Code ? (booking.Second, booking.First)
                : (null, null);
            if (shift is not null)
            {
                conflicts.Add(new RosterConflict(
                    shift.PersonId, ConflictKind.DoubleBooked, booking.Overlap.Start, booking.Overlap.End, shift.Id, other!.Id));
            }
        }

        var (covered, gaps) = Sweep(period, coveringByPerson.Values, function.MinimumOnCall);
        // A fixed order, so that a report computed twice reads the same and the UI does not reshuffle.
        conflicts.Sort(static (a, b) => a.Start.CompareTo(b.Start) is var byStart and not 0 ? byStart
            : a.Kind.CompareTo(b.Kind) is var byKind and not 0 ? byKind
            : a.PersonId.CompareTo(b.PersonId) is var byPerson and not 0 ? byPerson
            : a.ShiftId.CompareTo(b.ShiftId));
        return new CoverageReport(function.Code, function.MinimumOnCall, period, covered, gaps, conflicts);
    }

    /// <summary>
    /// Walks the boundaries where someone comes on or goes off call, in time order, keeping the number on
    /// call; stretches below the minimum become gaps, the rest counts as covered.
    /// </summary>
    private static (Duration Covered, List<CoverageGap> Gaps) Sweep(
        Interval period, IEnumerable<List<Interval>> coveringByPerson, int minimum)
    {
        var boundaries = new List<(Instant At, int Change)>();
        foreach (var covering in coveringByPerson)
        {
            // Merging a person's own intervals first is what makes a person count once.
            foreach (var part in Intervals.Normalize(covering))
            {
                boundaries.Add((part.Start, +1));
                boundaries.Add((part.End, -1));
            }
        }
        boundaries.Sort(static (a, b) => a.At.CompareTo(b.At));

        var covered = Duration.Zero;
        var gaps = new List<CoverageGap>();
        var onCall = 0;
        var cursor = period.Start;

        void Account(Instant until)
        {
            if (until <= cursor)
            {
                return;
            }
            if (onCall >= minimum)
            {
                covered += until - cursor;
            }
            else if (gaps.Count > 0 && gaps[^1].End == cursor)
            {
                var last = gaps[^1];
                gaps[^1] = last with { End = until, FewestOnCall = Math.Min(last.FewestOnCall, onCall) };
            }
            else
            {
                gaps.Add(new CoverageGap(cursor, until, onCall));
            }
            cursor = until;
        }

        var i = 0;
        while (i < boundaries.Count)
        {
            var at = boundaries[i].At;
            Account(at);
            // Apply every change at the same instant before measuring again, so a handover (one off, one
            // on at the same instant) never shows as a zero-length dip.
            for (; i < boundaries.Count && boundaries[i].At == at; i++)
            {
                onCall += boundaries[i].Change;
            }
        }
        Account(period.End);
        return (covered, gaps);
    }

    /// <summary>The shifts and unavailability that touch the period, grouped the ways coverage needs them.</summary>
    private sealed class RosterIndex
    {
        private readonly Dictionary<string, List<Shift>> _byFunction = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, List<Interval>> _unavailable = [];
        private List<DoubleBooking>? _doubleBookings;
        private readonly Dictionary<Guid, List<Shift>> _byPerson = [];

        public RosterIndex(Interval period, IEnumerable<Shift> shifts, IEnumerable<Unavailability> unavailability)
        {
            ArgumentNullException.ThrowIfNull(shifts);
            ArgumentNullException.ThrowIfNull(unavailability);
            Period = period;
            // The same shift passed twice must not look like a double booking with itself.
            var seen = new HashSet<Guid>();
            foreach (var shift in shifts)
            {
                if (!Intervals.Overlap(shift.Interval, period) || !seen.Add(shift.Id))
                {
                    continue;
                }
                Add(_byFunction, shift.Function, shift);
                Add(_byPerson, shift.PersonId, shift);
            }
            var raw = new Dictionary<Guid, List<Interval>>();
            foreach (var leave in unavailability)
            {
                if (Intervals.Overlap(leave.Interval, period))
                {
                    Add(raw, leave.PersonId, leave.Interval);
                }
            }
            foreach (var (person, intervals) in raw)
            {
                _unavailable[person] = Intervals.Normalize(intervals);
            }
        }

        public Interval Period { get; }

        public List<Shift> ShiftsOf(string function) =>
            _byFunction.TryGetValue(function, out var shifts) ? shifts : [];

        public List<Interval> UnavailabilityOf(Guid person) =>
            _unavailable.TryGetValue(person, out var intervals) ? intervals : [];

        /// <summary>Every pair of overlapping shifts of the same person, found once for all functions.</summary>
        public IReadOnlyList<DoubleBooking> DoubleBookings => _doubleBookings ??= FindDoubleBookings();

        private List<DoubleBooking> FindDoubleBookings()
        {
            var found = new List<DoubleBooking>();
            var active = new List<Shift>();
            foreach (var shifts in _byPerson.Values)
            {
                if (shifts.Count < 2)
                {
                    continue;
                }
                shifts.Sort(static (a, b) => a.Start.CompareTo(b.Start));
                active.Clear();
                foreach (var shift in shifts)
                {
                    active.RemoveAll(a => a.End <= shift.Start);
                    foreach (var earlier in active)
                    {
                        // Sorted by start, so the overlap begins where the later shift begins.
                        var overlap = Intervals.Intersect(
                            new Interval(shift.Start, Instant.Min(earlier.End, shift.End)), Period);
                        if (overlap is { } inPeriod)
                        {
                            found.Add(new DoubleBooking(earlier, shift, inPeriod));
                        }
                    }
                    active.Add(shift);
                }
            }
            return found;
        }

        private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            list.Add(value);
        }
    }

    private sealed record DoubleBooking(Shift First, Shift Second, Interval Overlap);
}
