using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Domain.Incidents;
using Crisis.Web.Contracts;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Crisis.Web.Platform;
using MassTransit;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// Writes what an alert did into its incident's log as <c>system</c> entries. The one place alerting calls the
/// incidents feature, so a change of <see cref="IncidentService.AppendOnceAsSystemAsync"/> is fixed here only.
/// </summary>
/// <remarks>
/// The log has its own writer (group commit), so the lines cannot be written inside the alert's transaction. Instead
/// the transaction stages them (<see cref="Plan"/>, an <see cref="AlertLogDue"/> in the outbox); the node that made the
/// change writes them just after the commit, and <see cref="AlertLogDueConsumer"/> writes them again from the shared
/// queue, where each line's key makes a second write find the first. So a crash between the commit and the lines loses
/// none; a failure never undoes the alert or turns its acknowledgement into an error.
/// </remarks>
public sealed partial class AlertLog(IncidentService incidents, DateTimeZone zone, ILogger<AlertLog> logger)
{
    /// <summary>The lines of <paramref name="change"/>, keyed by the alert's <paramref name="version"/> after it; null outside an incident.</summary>
    public AlertLogDue? Plan(AlertChange change, int version, bool raised, string raisedByName, OfficialDirectory names, string? closedBy)
    {
        if (change.Alert.IncidentId is not { } incidentId)
        {
            return null;
        }
        var lines = AlertLogLines.Of(change, raised, raisedByName, names, closedBy, zone)
            .Select((text, i) => new AlertLogLine(FormattableString.Invariant($"alert:{change.Alert.Id:N}:{version}:{i}"), text))
            .ToList();
        return lines.Count == 0 ? null : new AlertLogDue(change.Alert.Id, incidentId, lines);
    }

    /// <summary>Writes the lines just after the alert's commit; a failure is logged, and the queued event tries again.</summary>
    public async Task WriteAsync(AlertLogDue? due, CancellationToken ct)
    {
        if (due is null)
        {
            return;
        }
        try
        {
            await WriteOnceAsync(due, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLineFailed(logger, due.AlertId, due.IncidentId, ex);
        }
    }

    /// <summary>
    /// Writes each line that is not in the log yet, in order. A line the incident refuses (it was closed meanwhile) is
    /// left out: the alert's record on the board stays whole.
    /// </summary>
    internal async Task WriteOnceAsync(AlertLogDue due, CancellationToken ct)
    {
        foreach (var line in due.Lines)
        {
            try
            {
                await incidents.AppendOnceAsSystemAsync(due.IncidentId, new AppendEntry(LogEntryKind.System, line.Text), line.Key, ct);
            }
            catch (RuleViolationException ex)
            {
                LogLineRefused(logger, due.AlertId, due.IncidentId, ex.Code);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the log lines of alert {AlertId} into incident {IncidentId} now; the queued event writes them")]
    private static partial void LogLineFailed(ILogger logger, Guid alertId, Guid incidentId, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "The log of incident {IncidentId} refused a line of alert {AlertId}: {Code}")]
    private static partial void LogLineRefused(ILogger logger, Guid alertId, Guid incidentId, string code);
}

/// <summary>Writes the lines of an alert change that are not in the log yet (one node per event, from the shared queue).</summary>
[WorkConsumer]
public sealed class AlertLogDueConsumer(AlertLog log) : IConsumer<AlertLogDue>
{
    public Task Consume(ConsumeContext<AlertLogDue> context) => log.WriteOnceAsync(context.Message, context.CancellationToken);
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
