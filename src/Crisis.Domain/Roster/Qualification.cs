using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// The parts of <paramref name="during"/> in which <paramref name="personId"/> is qualified for the function
/// <paramref name="function"/>. Intervals rather than a yes/no at one instant, because a qualification can
/// lapse in the middle of a shift (a Veiligheidspaspoort requirement expiring on a Wednesday) and coverage
/// must be exact to the minute. Parts outside <paramref name="during"/> are ignored; order does not matter.
/// </summary>
public delegate IEnumerable<Interval> Qualification(string function, Guid personId, Interval during);

/// <summary>Ready-made <see cref="Qualification"/>s.</summary>
public static class Qualifications
{
    /// <summary>Everybody is qualified for everything, all the time.</summary>
    public static Qualification Everyone { get; } = static (_, _, during) => [during];

    /// <summary>
    /// Qualified for the whole of any shift when the person holds the function (is in its pool), never
    /// otherwise. The rule that applies until the Veiligheidspaspoort adds requirements.
    /// </summary>
    public static Qualification Holders(Func<string, Guid, bool> holds)
    {
        ArgumentNullException.ThrowIfNull(holds);
        return (function, personId, during) => holds(function, personId) ? [during] : [];
    }

    /// <summary>Holders from a table: function code to the people who hold it.</summary>
    public static Qualification Holders(IReadOnlyDictionary<string, IReadOnlySet<Guid>> holdersByFunction)
    {
        ArgumentNullException.ThrowIfNull(holdersByFunction);
        return Holders((function, personId) =>
            holdersByFunction.TryGetValue(function, out var holders) && holders.Contains(personId));
    }

    /// <summary>
    /// Whether <paramref name="personId"/> is qualified for <paramref name="function"/> at the start of
    /// <paramref name="shift"/>: the one check the roster applies when a shift is given to someone (by hand, by import,
    /// by a swap or a rotation). An interval without a start or an end counts as open on that side.
    /// </summary>
    public static bool QualifiedAtStart(this Qualification qualification, string function, Guid personId, Interval shift)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        var start = shift.Start;
        return qualification(function, personId, shift).Any(i => (!i.HasStart || i.Start <= start) && (!i.HasEnd || start < i.End));
    }

    /// <summary>
    /// Qualified only where every one of <paramref name="rules"/> says so: how the Veiligheidspaspoort's
    /// currency is added on top of holding the function. With no rules at all, everyone is qualified.
    /// </summary>
    public static Qualification All(params Qualification[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return (function, personId, during) =>
        {
            List<Interval> result = [during];
            foreach (var rule in rules)
            {
                var allowed = Intervals.Clip(rule(function, personId, during), during);
                result = result.SelectMany(part => Intervals.IntersectAll(part, allowed)).ToList();
                if (result.Count == 0)
                {
                    break;
                }
            }
            return result;
        };
    }
}
