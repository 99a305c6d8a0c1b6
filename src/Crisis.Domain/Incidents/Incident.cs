using NodaTime;

namespace Crisis.Domain.Incidents;

/// <summary>An incident (or an exercise incident) as the rest of the system sees it.</summary>
public sealed record IncidentInfo(
    Guid Id,
    string Title,
    bool Exercise,
    string? Municipality,
    int Grip,
    IncidentStatus Status,
    Instant OpenedAt,
    Instant? ClosedAt,
    int LastSeq);

/// <summary>A request to open an incident: the title and municipality as given, checked by <see cref="LogRules"/>.</summary>
public sealed record NewIncident(string? Title, bool Exercise = false, string? Municipality = null, int Grip = GripLevel.Min);

/// <summary>A person taking part in an incident, in the function they were added in when one was given.</summary>
public sealed record ParticipantInfo(Guid UserId, string Name, string Email, Identity.CrisisRole Role, Instant AddedAt, string? Function);
