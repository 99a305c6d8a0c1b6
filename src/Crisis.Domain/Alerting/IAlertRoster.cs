using Crisis.Domain.Teams;
using NodaTime;

namespace Crisis.Domain.Alerting;

/// <summary>
/// What alerting needs to know of the organisation and the roster, asked at the instant a step falls due. The host
/// fills it from the database (or uses <see cref="RosterSnapshot"/>); the rules never read a clock or a store.
/// Function codes arrive upper case, as the catalogue writes them.
/// </summary>
public interface IAlertRoster
{
    bool IsFunction(string function);

    bool IsPerson(Guid personId);

    Team? FindTeam(string code);

    /// <summary>The function's escalation policy; <see cref="EscalationPolicy.Default"/> when none was set.</summary>
    EscalationPolicy PolicyFor(string function);

    /// <summary>The people on call for the function at <paramref name="at"/>, earliest shift first.</summary>
    IReadOnlyList<Guid> OnCall(string function, Instant at);

    /// <summary>The people whose shift of the function starts soonest after <paramref name="at"/> (none of them on call at it).</summary>
    IReadOnlyList<Guid> NextOnCall(string function, Instant at);

    /// <summary>The deputies (plaatsvervangers) for the function at <paramref name="at"/>.</summary>
    IReadOnlyList<Guid> Deputies(string function, Instant at);

    /// <summary>Everyone who holds the function (its piketpool), qualified or not.</summary>
    IReadOnlyList<Guid> Pool(string function);

    IReadOnlyList<Guid> Coordinators();

    bool IsOnLeave(Guid personId, Instant at);

    bool IsQualified(Guid personId, string function, Instant at);
}
