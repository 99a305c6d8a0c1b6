using NodaTime;

namespace Crisis.Web.Audit;

/// <summary>One line of the audit trail: who did (or tried) what, when, from where, and how it ended.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public Instant At { get; set; }
    public Guid? UserId { get; set; }
    public string? Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public required string Outcome { get; set; }
    public string? Origin { get; set; }
    public string? Detail { get; set; }

    /// <summary>
    /// How many identical attempts this line stands for: 1 for every success; a denial or rejection repeated by the
    /// same actor, for the same action and target, with the same reason, within a minute counts up here instead of
    /// adding a line (see <see cref="AuditTrail.RecordAsync"/>).
    /// </summary>
    public int Count { get; set; } = 1;
}

public static class AuditOutcome
{
    public const string Succeeded = "succeeded";
    public const string Denied = "denied";
    public const string Rejected = "rejected";
}
