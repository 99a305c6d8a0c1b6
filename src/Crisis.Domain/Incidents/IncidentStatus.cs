namespace Crisis.Domain.Incidents;

public enum IncidentStatus
{
    Open,
    Closed,
}

public static class IncidentStatuses
{
    public static string ToWire(this IncidentStatus status) => status == IncidentStatus.Open ? "open" : "closed";
}
