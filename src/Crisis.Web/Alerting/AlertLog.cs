using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Domain.Incidents;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// Writes what an alert did into its incident's log as <c>system</c> entries. The one place alerting calls the
/// incidents feature, so a change of <see cref="IncidentService.AppendAsSystemAsync"/> is fixed here only.
/// </summary>
/// <remarks>
/// The log has its own writer (group commit), so these entries are written just after the alert's transaction
/// commits, not inside it. A failure (the incident closed meanwhile, or any fault of the writer) is logged and never
/// undoes the alert or turns its acknowledgement into an error; a crash between the commit and the line loses the line.
/// </remarks>
public sealed partial class AlertLog(IncidentService incidents, DateTimeZone zone, ILogger<AlertLog> logger)
{
    public async Task WriteAsync(AlertChange change, bool raised, string raisedByName, OfficialDirectory names, string? closedBy, CancellationToken ct)
    {
        if (change.Alert.IncidentId is not { } incidentId)
        {
            return;
        }
        foreach (var line in AlertLogLines.Of(change, raised, raisedByName, names, closedBy, zone))
        {
            try
            {
                await incidents.AppendAsSystemAsync(incidentId, new AppendEntry(LogEntryKind.System, line), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLineFailed(logger, change.Alert.Id, incidentId, ex);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the log line of alert {AlertId} into incident {IncidentId}")]
    private static partial void LogLineFailed(ILogger logger, Guid alertId, Guid incidentId, Exception ex);
}

/// <summary>The Dutch log lines of one change of an alert ("Alarmering OvD-BZ: Jeroen Bakhuis gealarmeerd; komt, verwacht 14:25").</summary>
public static class AlertLogLines
{
    public const string ExercisePrefix = "OEFENING ";

    public static IReadOnlyList<string> Of(
        AlertChange change, bool raised, string raisedByName, OfficialDirectory names, string? closedBy, DateTimeZone zone)
    {
        var alert = change.Alert;
        var lines = new List<string>();
        if (raised)
        {
            lines.Add($"Alarmering door {raisedByName}: {Clip(Unprefixed(alert.Message), 300)}");
        }
        foreach (var step in change.Fired)
        {
            var label = LabelOf(alert, step.Target, step.Function);
            var head = step.Step == 1 && step.Round == 0 ? $"Alarmering {label}"
                : $"Alarmering {label}, stap {step.Step}{(step.Round > 0 ? $" (ronde {step.Round + 1})" : "")}{(step.Notify is { } n ? $" ({n.ToDutch()})" : "")}";
            var reached = step.Notified.Count == 0 ? "niemand gealarmeerd"
                : $"{string.Join(", ", step.Notified.Select(n => names.NameOf(n.PersonId)))} gealarmeerd";
            var skipped = step.Skipped.Count == 0 ? ""
                : "; overgeslagen: " + string.Join(", ", step.Skipped.Select(s =>
                    s.PersonId is { } id ? $"{names.NameOf(id)} ({s.Reason.ToDutch()})" : s.Reason.ToDutch()));
            lines.Add($"{head}: {reached}{skipped}");
        }
        if (change.Response is { } answer)
        {
            var recipient = alert.Recipient(answer.PersonId);
            var label = LabelOf(alert, recipient?.First.Target ?? 0, answer.Function);
            var what = answer.Response == AlertResponse.Coming
                ? answer.ExpectedAt is { } at ? $"komt, verwacht {DutchFormat.Time(at.InZone(zone).TimeOfDay)}" : "komt"
                : "kan niet";
            var note = answer.Note is { } n ? $" ({Clip(n, 200)})" : "";
            lines.Add($"Alarmering {label}: {names.NameOf(answer.PersonId)} gealarmeerd; {what}{note}");
        }
        if (change.StatusChanged && alert.Status != AlertStatus.Open)
        {
            var by = closedBy is not null && alert.Status is AlertStatus.Cancelled or AlertStatus.Resolved ? $" door {closedBy}" : "";
            var tail = alert.Status == AlertStatus.Unanswered ? "; de coördinatoren zijn ingelicht" : "";
            lines.Add($"Alarmering {alert.Status.ToDutch()}{by}{tail}: {Clip(Unprefixed(alert.Message), 120)}");
        }
        return alert.Exercise ? lines.Select(l => ExercisePrefix + l).ToList() : lines;
    }

    /// <summary>How the log names what a target alerted: the function as people write it, the team, or "persoonlijk".</summary>
    public static string LabelOf(Alert alert, int target, string? function)
    {
        var t = target >= 0 && target < alert.Targets.Count ? alert.Targets[target].Target : null;
        return t switch
        {
            TeamTarget { Everyone: true } team => $"{team.Team} (alle leden)",
            TeamTarget team => $"{team.Team} ({FunctionLabel(function ?? "")})",
            FunctionTarget f => FunctionLabel(f.Function),
            _ => function is null ? "persoonlijk" : FunctionLabel(function),
        };
    }

    public static string FunctionLabel(string code) => code switch
    {
        Crisis.Domain.Organisation.FunctionCatalogue.OvdBz => "OvD-BZ",
        _ => code,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Unprefixed(string message) =>
        message.StartsWith(ExercisePrefix, StringComparison.Ordinal) ? message[ExercisePrefix.Length..] : message;
}
