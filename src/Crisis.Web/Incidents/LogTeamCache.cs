using Crisis.Domain.Incidents;

namespace Crisis.Web.Incidents;

/// <summary>
/// The task teams the log writer checks appends against, kept between batches: read from the team data when the
/// writer first needs them, and read again whenever a batch names a team they do not know. Teams are only ever
/// added (the contract has no way to remove a team or turn a task team into a working group), so a code once read
/// stays right; a task team a coordinator adds through <c>POST /api/teams</c>, on this node or another, is read in by
/// the first entry that names it. A batch whose entries name no team, or only known ones, costs no query.
/// </summary>
/// <remarks>
/// Used by the single reader of the writer's queue only, so it needs no lock. An entry naming a team that does not
/// exist costs one small query (the teams table) before it is refused.
/// </remarks>
internal sealed class LogTeamCache
{
    private LogTeams? _teams;

    /// <summary>Task teams that know every team <paramref name="named"/> does, if the team data has them.</summary>
    public async Task<LogTeams> ForAsync(IEnumerable<string?> named, Func<Task<IReadOnlyList<string>>> load)
    {
        var teams = _teams;
        if (teams is null || !teams.KnowsAll(named))
        {
            _teams = teams = LogTeams.Of(await load());
        }
        return teams;
    }
}
