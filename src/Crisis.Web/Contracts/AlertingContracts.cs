using Crisis.Web.Alerting;
using Crisis.Web.Messaging;

namespace Crisis.Web.Contracts;

// The bus contracts of alerting, published through the outbox in the transaction that changed the alert. They carry
// the alert as the hub sends it (AlertDto), so every node forwards the same state.

/// <summary>
/// An alert was raised, or a later step reached people for the first time. <paramref name="NotifyUserIds"/> are the users
/// (same e-mail as the recipients) to tell; with <paramref name="Broadcast"/> also the incident and the coordinators.
/// </summary>
[CrisisEvent("alert-raised")]
public sealed record AlertRaised(AlertDto Alert, IReadOnlyList<Guid> NotifyUserIds, bool Broadcast);

/// <summary>An alert escalated, was answered, cancelled or resolved, or changed status.</summary>
[CrisisEvent("alert-changed")]
public sealed record AlertChanged(AlertDto Alert, IReadOnlyList<Guid> NotifyUserIds);

/// <summary>
/// A step stored notifications for e-mail, Web Push or the webhook (<c>pending</c> rows, <paramref name="NotificationIds"/>):
/// work for the one node that takes it from the shared queue, which delivers each row and writes its outcome.
/// </summary>
[CrisisEvent("alert-notifications-due")]
public sealed record AlertNotificationsDue(Guid AlertId, IReadOnlyList<Guid> NotificationIds);

/// <summary>
/// The log lines of one change of an alert, staged in the alert's transaction so that none is lost: the node that
/// made the change writes them at once, and the one node that takes this event from the shared queue writes whatever
/// is not there yet (after a crash between the commit and the lines). Each line's key makes it one entry however often
/// it is written.
/// </summary>
[CrisisEvent("alert-log-due")]
public sealed record AlertLogDue(Guid AlertId, Guid IncidentId, IReadOnlyList<AlertLogLine> Lines);

/// <summary>One line of <see cref="AlertLogDue"/>, with the key that makes it one entry in the incident's log.</summary>
public sealed record AlertLogLine(string Key, string Text);
