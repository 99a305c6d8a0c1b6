using NodaTime;

namespace Crisis.Domain.Teams;

/// <summary>A working-group meeting as its rules accept it.</summary>
public sealed record NewMeeting(LocalDate Date, IReadOnlyList<Guid> Attendees, string? Notes);

/// <summary>What a meeting (overleg) of a working group must look like before it is stored.</summary>
public static class MeetingRules
{
    public const int MaxNotesLength = 4000;
    public const int MaxAttendees = TeamRules.MaxMembers;

    public static readonly Period DateAtMostBefore = Period.FromYears(1);

    public static readonly Period DateAtMostAfter = Period.FromYears(1);

    /// <summary>
    /// A meeting of <paramref name="team"/>: a working group staffed by the rule of <see cref="TeamRules.ValidateMembers"/>
    /// (one chair, at least two members), on a date within a year of today, its attendees known people, each once.
    /// </summary>
    public static NewMeeting ValidateNew(Team team, LocalDate date, IReadOnlyList<Guid> attendees, string? notes, LocalDate today, Func<Guid, bool> isPerson)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(isPerson);
        ActionRules.RequireWorkingGroup(team);
        // The membership stored has passed this rule, unless nobody staffed the group yet: then it cannot meet.
        TeamRules.ValidateMembers(team, team.Members, _ => true);
        if (date < today.Plus(-DateAtMostBefore) || date > today.Plus(DateAtMostAfter))
        {
            throw MeetingRefusals.DateOutOfRange.RaiseFor("date",
                ("date", date), ("earliest", today.Plus(-DateAtMostBefore)), ("latest", today.Plus(DateAtMostAfter)));
        }
        if (attendees.Count > MaxAttendees)
        {
            throw MeetingRefusals.TooManyAttendees.RaiseFor("attendees", ("count", attendees.Count), ("max", MaxAttendees));
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < attendees.Count; i++)
        {
            if (!seen.Add(attendees[i]))
            {
                throw MeetingRefusals.AttendeeTwice.RaiseFor($"attendees[{i}]", ("personId", attendees[i]));
            }
            if (!isPerson(attendees[i]))
            {
                throw MeetingRefusals.AttendeeUnknown.RaiseFor($"attendees[{i}]", ("personId", attendees[i]));
            }
        }
        var trimmed = Texts.TrimToNull(notes);
        if (trimmed is { Length: > MaxNotesLength })
        {
            throw MeetingRefusals.NotesTooLong.RaiseFor("notes", ("length", trimmed.Length), ("max", MaxNotesLength));
        }
        return new NewMeeting(date, attendees.ToList(), trimmed);
    }
}
