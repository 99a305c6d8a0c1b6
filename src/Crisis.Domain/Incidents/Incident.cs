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
