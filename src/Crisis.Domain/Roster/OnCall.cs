using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>
/// Who is on call for a function at an instant, and who comes next: the fallback when nobody on call
/// answers an alert.
/// </summary>
/// <param name="OnCall">The shifts of the function that hold the instant, earliest start first.</param>
/// <param name="Next">The shifts that start soonest after the instant with a person who is not on call at
/// it; several when more than one starts at that same instant.</param>
public sealed record OnCallNow(string Function, Instant At, IReadOnlyList<Shift> OnCall, IReadOnlyList<Shift> Next)
{
    public bool IsAnyoneOnCall => OnCall.Count > 0;
}

public static class OnCall
{
    /// <summary>
    /// The shifts of <paramref name="function"/> on call at <paramref name="at"/>: a shift holds an instant
    /// from its start (inclusive) to its end (exclusive), so at a handover the new person is on call and
    /// the old one is not.
    /// </summary>
    /// <remarks>
    /// The fallback skips people who are on call already: escalating an unanswered alert to the same
    /// person's next week would reach nobody new. Unavailability is not consulted here; coverage reports a
    /// person on call while on leave as a conflict to be fixed in the roster.
    /// </remarks>
    public static OnCallNow At(IEnumerable<Shift> shifts, string function, Instant at)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(function);
        var ofFunction = shifts
            .Where(s => string.Equals(s.Function, function, StringComparison.Ordinal))
            .DistinctBy(s => s.Id)
            .ToList();
        var onCall = ofFunction
            .Where(s => s.Contains(at))
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.PersonId)
            .ToList();
        var onCallPeople = onCall.Select(s => s.PersonId).ToHashSet();
        var later = ofFunction
            .Where(s => s.Start > at && !onCallPeople.Contains(s.PersonId))
            .ToList();
        IReadOnlyList<Shift> next = [];
        if (later.Count > 0)
        {
            var soonest = later.Min(s => s.Start);
            next = later.Where(s => s.Start == soonest).OrderBy(s => s.PersonId).ToList();
        }
        return new OnCallNow(function, at, onCall, next);
    }
}
