using System.Text.Json;
using System.Text.Json.Serialization;
using Crisis.Domain.Alerting;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crisis.Web.Alerting;

/// <summary>
/// The domain <see cref="Alert"/> to and from the JSON of <see cref="AlertRecord.State"/>. A private document shape
/// (not the API's), so the domain records stay free of serialisation concerns; enums travel by name.
/// </summary>
internal static class AlertState
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        o.Converters.Add(new JsonStringEnumConverter());
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return o;
    }

    public static string Write(Alert alert) => JsonSerializer.Serialize(new Doc(
        alert.Participants?.Order().ToList(),
        alert.AdvancedTo,
        alert.Targets.Select(t => new TargetDoc(
            t.Target switch { FunctionTarget => "function", TeamTarget => "team", _ => "person" },
            t.Target switch { FunctionTarget f => f.Function, TeamTarget tt => tt.Team, _ => null },
            t.Target is TeamTarget { Everyone: true },
            (t.Target as PersonTarget)?.PersonId,
            t.Function,
            t.Policy is null ? null : new PolicyDoc(t.Policy.Steps.ToList(), t.Policy.Repeat),
            t.Named.ToList(), t.NamedReason, t.Required, t.Round, t.NextStep, t.NextDueAt, t.RanOut, t.ReachedAt)).ToList(),
        alert.Recipients.Select(r => new RecipientDoc(
            r.PersonId, r.Notices.ToList(), r.Response, r.RespondedAt, r.EtaMinutes, r.ExpectedAt, r.Note)).ToList(),
        alert.Skips.ToList()), Options);

    public static Alert Read(AlertRecord row)
    {
        var doc = JsonSerializer.Deserialize<Doc>(row.State, Options)
            ?? throw new InvalidOperationException($"Alert {row.Id} has no state.");
        var targets = doc.Targets.Select(t => new AlertTargetState(
            t.Kind switch
            {
                "function" => new FunctionTarget(t.Code!),
                "team" => new TeamTarget(t.Code!, t.Everyone),
                _ => (AlertTarget)new PersonTarget(t.PersonId!.Value),
            },
            t.Function,
            t.Policy is null ? null : EscalationPolicy.Create(t.Policy.Steps, t.Policy.Repeat),
            t.Named, t.NamedReason, t.Required, t.Round, t.NextStep, t.NextDueAt, t.RanOut, t.ReachedAt)).ToList();
        var recipients = doc.Recipients.Select(r => new AlertRecipient(
            r.PersonId, r.Notices, r.Response, r.RespondedAt, r.EtaMinutes, r.ExpectedAt, r.Note)).ToList();
        return new Alert(row.Id, row.IncidentId, row.Exercise, row.Test, row.Message, row.RaisedBy, row.RaisedAt,
            doc.Participants?.ToHashSet(), targets, recipients, doc.Skips, row.Status, doc.AdvancedTo, row.ClosedAt);
    }

    private sealed record Doc(
        List<Guid>? Participants, Instant AdvancedTo, List<TargetDoc> Targets, List<RecipientDoc> Recipients, List<AlertSkip> Skips);

    private sealed record TargetDoc(
        string Kind, string? Code, bool Everyone, Guid? PersonId, string? Function, PolicyDoc? Policy,
        List<Guid> Named, NotifyReason NamedReason, int Required, int Round, int NextStep, Instant? NextDueAt, bool RanOut, Instant? ReachedAt);

    private sealed record PolicyDoc(List<EscalationStep> Steps, int Repeat);

    private sealed record RecipientDoc(
        Guid PersonId, List<AlertNotice> Notices, AlertResponse Response, Instant? RespondedAt, int? EtaMinutes, Instant? ExpectedAt, string? Note);
}

/// <summary>A policy's steps as stored: the wire names of the API, so a stored policy reads like the one that was PUT.</summary>
internal static class AlertPolicyJson
{
    private sealed record StepDoc(int AfterMinutes, string Notify);

    public static string Write(IEnumerable<EscalationStep> steps) =>
        JsonSerializer.Serialize(steps.Select(s => new StepDoc(s.AfterMinutes, s.Notify.ToWire())), Platform.CrisisJson.Options);

    public static IReadOnlyList<EscalationStep> Read(string json) =>
        (JsonSerializer.Deserialize<List<StepDoc>>(json, Platform.CrisisJson.Options) ?? [])
            .Select((s, i) => new EscalationStep(s.AfterMinutes, AlertingNames.ParseNotify(s.Notify, $"steps[{i}].notify"))).ToList();
}
