using Crisis.Domain.Roster;
using Crisis.Domain.Teams;
using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>
/// An <see cref="IAlertRoster"/> over data in memory: the shifts, leave, pools and qualification the roster feature
/// already has. On-call and next-on-call come from <see cref="OnCall.At"/>, so alerting and the on-call API agree.
/// Deputies default to the deputies of the task team that the function heads.
/// </summary>
public sealed record RosterSnapshot(
    IReadOnlyList<Shift> Shifts,
    IReadOnlyList<Unavailability> Leave,
    IReadOnlyDictionary<string, IReadOnlyList<Guid>> Pools,
    Qualification Qualification,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Guid> CoordinatorIds,
    IReadOnlySet<Guid> People,
    IReadOnlyDictionary<string, EscalationPolicy>? Policies = null,
    IReadOnlyDictionary<string, IReadOnlyList<Guid>>? DeputiesByFunction = null) : IAlertRoster
{
    public bool IsFunction(string function) => Pools.ContainsKey(function);

    public bool IsPerson(Guid personId) => People.Contains(personId);

    public Team? FindTeam(string code) => TeamCatalogue.Find(Teams, code);

    public EscalationPolicy PolicyFor(string function) =>
        Policies is not null && Policies.TryGetValue(function, out var policy) ? policy : EscalationPolicy.Default;

    public IReadOnlyList<Guid> OnCall(string function, Instant at) =>
        Roster.OnCall.At(Shifts, function, at).OnCall.Select(s => s.PersonId).Distinct().ToList();

    public IReadOnlyList<Guid> NextOnCall(string function, Instant at) =>
        Roster.OnCall.At(Shifts, function, at).Next.Select(s => s.PersonId).Distinct().ToList();

    public IReadOnlyList<Guid> Deputies(string function, Instant at)
    {
        if (DeputiesByFunction is not null && DeputiesByFunction.TryGetValue(function, out var deputies))
        {
            return deputies;
        }
        return Teams.Where(t => t.Kind == TeamKind.TaskTeam && Texts.SameCode(t.HeadFunction, function))
            .SelectMany(t => t.InRole(TeamRole.Deputy)).Distinct().ToList();
    }

    public IReadOnlyList<Guid> Pool(string function) => Pools.TryGetValue(function, out var pool) ? pool : [];

    public IReadOnlyList<Guid> Coordinators() => CoordinatorIds;

    public bool IsOnLeave(Guid personId, Instant at) => Leave.Any(l => l.PersonId == personId && l.Start <= at && at < l.End);

    // A zero-length probe would be an empty interval; one tick is the smallest "at this instant".
    public bool IsQualified(Guid personId, string function, Instant at) =>
        Qualification(function, personId, new Interval(at, at + Duration.Epsilon)).Any(i => i.Contains(at));
}
