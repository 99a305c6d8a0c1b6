using Crisis.Domain.Alerting;
using NodaTime;

namespace Crisis.Web.Alerting;

// The shapes of the alerting API and hub messages (camelCase). Enums travel as their wire names.

public sealed record OfficialDto(Guid Id, string Name);

/// <summary>A target as the request names it: exactly one of function, team (with everyone) or personId.</summary>
public sealed record AlertTargetDto(string? Function, string? Team, bool? Everyone, Guid? PersonId)
{
    public static AlertTargetDto From(AlertTarget target) => target switch
    {
        FunctionTarget f => new(f.Function, null, null, null),
        TeamTarget t => new(null, t.Team, t.Everyone, null),
        PersonTarget p => new(null, null, null, p.PersonId),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}

public sealed record AlertTargetStatusDto(AlertTargetDto Target, int Required, bool Satisfied, int Coming, string? Function);

/// <summary>How one channel fared for a recipient: <c>sent</c>, <c>pending</c>, <c>failed</c> or <c>skipped</c>, with why (diagnostics, English).</summary>
public sealed record ChannelOutcomeDto(string Channel, string Status, string? Detail = null)
{
    /// <summary>A channel's rows for one person: the latest notification speaks, and of its rows (several browsers) the best.</summary>
    public static ChannelOutcomeDto Of(string channel, IEnumerable<AlertNotificationRecord> rows)
    {
        var latest = rows.GroupBy(n => n.At).MaxBy(g => g.Key)!;
        var best = latest.OrderBy(n => Channels.ChannelStatus.Rank(n.Status)).First();
        return new ChannelOutcomeDto(channel, best.Status, best.Detail);
    }
}

/// <summary>
/// A person the alert reached (or meant to reach: <see cref="Skipped"/> with the reason, and no person when there was
/// nobody to reach, e.g. nobody on call).
/// </summary>
public sealed record AlertRecipientDto(
    Guid? PersonId,
    string? Name,
    string? Function,
    int Step,
    string Reason,
    Instant? NotifiedAt,
    IReadOnlyList<ChannelOutcomeDto> Channels,
    string Response,
    Instant? RespondedAt,
    int? EtaMinutes,
    Instant? ExpectedAt,
    string? Note,
    bool Skipped);

public sealed record AlertDto(
    Guid Id,
    Guid? IncidentId,
    bool Exercise,
    bool Test,
    string Message,
    OfficialDto RaisedBy,
    Instant RaisedAt,
    string Status,
    IReadOnlyList<AlertTargetStatusDto> Targets,
    IReadOnlyList<AlertRecipientDto> Recipients,
    Instant? NextDueAt,
    Instant? ClosedAt)
{
    public static AlertDto From(Alert alert, string raisedByName, OfficialDirectory names, IReadOnlyList<AlertNotificationRecord> notifications)
    {
        var targets = alert.Targets.Select((t, k) => new AlertTargetStatusDto(
            AlertTargetDto.From(t.Target), t.Required, alert.IsSatisfied(k), alert.ComingFor(k), t.Function)).ToList();
        var reached = alert.Recipients.Select(r => new AlertRecipientDto(
            r.PersonId, names.NameOf(r.PersonId), r.Function, r.Step, r.Reason.ToWire(), r.NotifiedAt,
            notifications.Where(n => n.PersonId == r.PersonId).GroupBy(n => n.Channel)
                .Select(g => ChannelOutcomeDto.Of(g.Key, g)).ToList(),
            r.Response.ToWire(), r.RespondedAt, r.EtaMinutes, r.ExpectedAt, r.Note, false));
        var skipped = alert.Skips.Select(s => new AlertRecipientDto(
            s.PersonId, s.PersonId is { } id ? names.NameOf(id) : null, s.Function, s.Step, s.Reason.ToWire(), null, [],
            AlertResponse.NoAnswer.ToWire(), null, null, null, null, true));
        return new AlertDto(alert.Id, alert.IncidentId, alert.Exercise, alert.Test, alert.Message,
            new OfficialDto(alert.RaisedBy, raisedByName), alert.RaisedAt, alert.Status.ToWire(), targets,
            reached.Concat(skipped).OrderBy(r => r.NotifiedAt ?? Instant.MaxValue).ThenBy(r => r.Step).ToList(),
            alert.Status == AlertStatus.Open ? alert.NextDueAt : null, alert.ClosedAt);
    }
}

public sealed record RaiseAlertRequest(Guid? IncidentId, IReadOnlyList<AlertTargetDto?>? Targets, string? Message, int? Required);

public sealed record RespondRequest(string? Response, int? EtaMinutes, string? Note);

public sealed record TestAlertRequest(Guid? PersonId, string? Message);

public sealed record EscalationStepDto(int? AfterMinutes, string? Notify);

public sealed record EscalationPolicyDto(string Function, IReadOnlyList<EscalationStepDto> Steps, int Repeat, bool IsDefault)
{
    public static EscalationPolicyDto From(string function, EscalationPolicy policy, bool isDefault) =>
        new(function, policy.Steps.Select(s => new EscalationStepDto(s.AfterMinutes, s.Notify.ToWire())).ToList(), policy.Repeat, isDefault);
}

public sealed record EscalationPolicyRequest(IReadOnlyList<EscalationStepDto?>? Steps, int? Repeat);

public sealed record ContactRequest(string? Email, string? Phone);

/// <summary>The last proefalarm of a person: when it was sent and how long the answer took (null: never answered).</summary>
public sealed record LastTestDto(Guid AlertId, Instant SentAt, string Response, Instant? RespondedAt, double? DelaySeconds);

public sealed record ContactDto(Guid PersonId, string? Email, string? Phone, LastTestDto? LastTest);
