using Crisis.Web.Messaging;

namespace Crisis.Web.Incidents;

// Domain events of the Incidents feature, published on the bus through the outbox. Past-tense nouns,
// immutable records, no base classes (MassTransit's guidance).

/// <summary>An entry was appended to an incident's log.</summary>
[CrisisEvent]
public sealed record LogEntryAppended(LogEntryDto Entry);

/// <summary>An incident was opened, or its GRIP level or status changed.</summary>
[CrisisEvent]
public sealed record IncidentChanged(IncidentDto Incident);
