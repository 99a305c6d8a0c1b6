namespace Crisis.Domain.Teams;

/// <summary>One person's place in a team.</summary>
public sealed record TeamMember(Guid PersonId, TeamRole Role);

/// <summary>
/// A task team or working group of the Bevolkingszorg column. <see cref="HeadFunction"/> is the key function whose
/// on-call person heads a task team: an alert to the team reaches that person.
/// </summary>
public sealed record Team(string Code, string Name, TeamKind Kind, string? HeadFunction, IReadOnlyList<TeamMember> Members)
{
    /// <summary>The people in <paramref name="role"/>, in member order.</summary>
    public IReadOnlyList<Guid> InRole(TeamRole role) => Members.Where(m => m.Role == role).Select(m => m.PersonId).ToList();

    public bool IsMember(Guid personId) => Members.Any(m => m.PersonId == personId);
}
