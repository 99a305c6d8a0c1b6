using Crisis.Web.Messaging;
using Crisis.Web.Roster;

namespace Crisis.Web.Contracts;

// The bus contracts of the roster. They carry the hub's payload (RosterChangeDto, RosterAlertDto) as it is sent to
// clients, so every node forwards the same words.

/// <summary>The roster changed. <paramref name="NotifyUserIds"/> are the users (same email as the people involved) to tell.</summary>
[CrisisEvent("roster-changed")]
public sealed record RosterChanged(RosterChangeDto Change, IReadOnlyList<Guid> NotifyUserIds);

/// <summary>A change opened a gap in the coverage of the coming days; coordinators are told.</summary>
[CrisisEvent("roster-gaps-opened")]
public sealed record RosterGapsOpened(RosterAlertDto Alert);
