using System.Threading.Channels;
using Crisis.Domain;
using Crisis.Domain.Incidents;
using Crisis.Web.Audit;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Messaging;
using Crisis.Web.Platform;
using Crisis.Web.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Incidents;

/// <summary>What a write to an incident's log asks for.</summary>
internal enum LogWriteKind
{
    Append,
    ChangeGrip,
    Close,
}

internal sealed class LogWrite(LogWriteKind kind, Guid incidentId, Actor actor)
{
    public LogWriteKind Kind { get; } = kind;
    public Guid IncidentId { get; } = incidentId;
    public Actor Actor { get; } = actor;
    public AppendEntry? Append { get; init; }
    public bool SystemWriter { get; init; }
    public int GripLevel { get; init; }

    /// <summary>Makes the write happen once per incident (see <see cref="LogEntryRecord.IdempotencyKey"/>); null: every try writes.</summary>
    public string? IdempotencyKey { get; init; }

    public const int MaxIdempotencyKey = 200;

    public TaskCompletionSource<LogWriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What a write did: <paramref name="Replayed"/> when its idempotency key had already written <paramref name="Entry"/>.</summary>
public sealed record LogWriteResult(IncidentInfo Incident, LogEntry Entry, bool Replayed = false);

/// <summary>
/// The single writer of incident logs on this node, with group commit: every write waiting when a batch starts
/// goes into one transaction, which is committed durably (SQLite WAL with synchronous=FULL, or PostgreSQL)
/// before any of them is acknowledged. Under load many writers share one fsync; alone, a write waits for
/// nobody. Sequence numbers come from the incident's <c>LastSeq</c>, which is also a concurrency token, so
/// writers on other nodes can never hand out the same number: the loser retries its batch.
/// GRIP changes and closing go through the same writer, each with a system entry in the log, so that an entry
/// can never slip in after the incident was closed.
/// </summary>
public sealed class LogWriter(
    IServiceScopeFactory scopes,
    IClock clock,
    AuditTrail audit,
    OutboxDispatcher outbox,
    ILogger<LogWriter> logger) : BackgroundService
{
    private const int MaxBatch = 512;
    private const int MaxAttempts = 20;

    private readonly LogTeamCache _teams = new();

    private readonly Channel<LogWrite> _queue = Channel.CreateBounded<LogWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal async Task<LogWriteResult> SubmitAsync(LogWrite write, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(write, ct);
        }
        catch (ChannelClosedException)
        {
            // The writer has stopped (the node is shutting down): say so at once rather than wait for ever.
            throw ShuttingDown();
        }
        return await write.Done.Task;
    }

    private static RuleViolationException ShuttingDown() => PlatformPhrases.ShuttingDown.Raise();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LogWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var w))
                {
                    batch.Add(w);
                }
                await CommitBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            // Take no more writes, and refuse what is still queued rather than leave callers waiting for ever (a timer's
            // pass or a request can still submit after this loop ended).
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var w))
            {
                w.Done.TrySetException(ShuttingDown());
            }
        }
    }

    private async Task CommitBatchAsync(List<LogWrite> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pending = batch.Where(w => !w.Done.Task.IsCompleted).ToList();
            if (pending.Count == 0)
            {
                return;
            }
            var committing = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
                var teams = await _teams.ForAsync(pending.Select(w => w.Append?.Team),
                    () => scope.ServiceProvider.GetRequiredService<TeamService>().TaskTeamCodesAsync());
                var staged = await StageAsync(db, pending, teams);
                if (staged.Count == 0)
                {
                    return;
                }
                committing = true;
                await db.SaveChangesAsync();
                foreach (var (write, result) in staged)
                {
                    write.Done.TrySetResult(result);
                }
                outbox.Notify(db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id));
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && DbErrors.IsRace(ex))
            {
                // Another node wrote to the same incident first (or deadlocked with this one); take the new LastSeq and try again.
                LogWriterLog.Retrying(logger, attempt);
                DbErrors.CountRetry("log");
                await Task.Delay(Random.Shared.Next(1, 5 * attempt));
            }
            catch (Exception ex)
            {
                // Three different answers: the commit's answer was lost (it may be stored: retry with the same key), the
                // database was away before the commit (nothing stored, 503), or the database refused (nothing stored).
                var unknown = committing && DbErrors.LeavesCommitUnknown(ex);
                LogWriterLog.BatchFailed(logger, pending.Count, unknown ? "its outcome is unknown" : "nothing of it was stored", ex);
                foreach (var w in pending)
                {
                    w.Done.TrySetException(unknown
                        ? IncidentServiceRefusals.OutcomeUnknown.Raise()
                        : DbErrors.IsUnavailable(ex)
                            ? PlatformPhrases.DatabaseUnavailable.Raise()
                            : new InvalidOperationException("The log could not be written; nothing was stored. Try again.", ex));
                }
                return;
            }
        }
    }

    /// <summary>Validates each write against the current state and adds what passes to the unit of work.</summary>
    private async Task<List<(LogWrite, LogWriteResult)>> StageAsync(CrisisDbContext db, List<LogWrite> writes, LogTeams teams)
    {
        var ids = writes.Select(w => w.IncidentId).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);

        // The kinds of the entries that corrections and completions point at, so they can be checked.
        var referenced = writes
            .Where(w => w.Append is not null)
            .SelectMany(w => new[] { w.Append!.CorrectsSeq, w.Append.CompletesSeq }.OfType<int>().Select(s => (w.IncidentId, Seq: s)))
            .Distinct()
            .ToList();
        var kinds = new Dictionary<(Guid, int), LogEntryKind>();
        foreach (var group in referenced.GroupBy(r => r.IncidentId))
        {
            var seqs = group.Select(g => g.Seq).ToList();
            var found = await db.LogEntries.AsNoTracking()
                .Where(e => e.IncidentId == group.Key && seqs.Contains(e.Seq))
                .Select(e => new { e.Seq, e.Kind })
                .ToListAsync();
            foreach (var f in found)
            {
                kinds[(group.Key, f.Seq)] = f.Kind;
            }
        }

        // To the microsecond, as PostgreSQL stores it: the acknowledged entry is the one every later read (and a replay) answers.
        var ticks = clock.GetCurrentInstant().ToUnixTimeTicks();
        var now = Instant.FromUnixTimeTicks(ticks - (ticks % 10));
        var staged = new List<(LogWrite, LogWriteResult)>();
        foreach (var write in writes)
        {
            try
            {
                if (!incidents.TryGetValue(write.IncidentId, out var incident))
                {
                    throw IncidentServiceRefusals.IncidentUnknown.Raise(("id", write.IncidentId));
                }
                var key = KeyOf(write);
                if (key is not null && staged.FirstOrDefault(x => x.Item1.IncidentId == incident.Id && KeyOf(x.Item1) == key) is { Item1: not null } twin)
                {
                    // The same keyed write twice in one batch: one entry, acknowledged with the batch.
                    staged.Add((write, twin.Item2 with { Replayed = true }));
                    continue;
                }
                if (await LoggedAsync(db, key, incident) is { } logged)
                {
                    // In the log already (another node, an earlier try, a redelivery): the same entry, not a second.
                    write.Done.TrySetResult(new LogWriteResult(incident.ToInfo(), logged, Replayed: true));
                    continue;
                }
                var draft = Draft(write, incident, kinds, teams);
                var record = new LogEntryRecord
                {
                    Id = Guid.NewGuid(),
                    IncidentId = incident.Id,
                    Seq = incident.LastSeq + 1,
                    At = now,
                    AuthorId = write.Actor.UserId,
                    AuthorName = write.Actor.Name,
                    Kind = draft.Kind,
                    Team = draft.Team,
                    Text = draft.Text,
                    CorrectsSeq = draft.CorrectsSeq,
                    CompletesSeq = draft.CompletesSeq,
                    Exercise = incident.Exercise,
                    AddressedToFunction = InjectOf(write)?.AddressedTo?.Function,
                    AddressedToTeam = InjectOf(write)?.AddressedTo?.Team,
                    InjectId = InjectOf(write)?.InjectId,
                    IdempotencyKey = key,
                };
                incident.LastSeq = record.Seq;
                switch (write.Kind)
                {
                    case LogWriteKind.ChangeGrip:
                        incident.Grip = write.GripLevel;
                        break;
                    case LogWriteKind.Close:
                        incident.Status = IncidentStatus.Closed;
                        incident.ClosedAt = now;
                        break;
                }
                db.LogEntries.Add(record);
                kinds[(incident.Id, record.Seq)] = record.Kind;

                var entry = record.ToEntry();
                var info = incident.ToInfo();
                EventTypes.Stage(db, LogEntryAppended.From(entry), now);
                if (write.Kind != LogWriteKind.Append)
                {
                    EventTypes.Stage(db, IncidentChanged.From(info), now);
                }
                if (write.Kind == LogWriteKind.Close)
                {
                    EventTypes.Stage(db, new IncidentClosed(info.Id, info.Exercise, now), now);
                }
                audit.Stage(db, write.Actor, AuditAction(write.Kind), $"incident/{incident.Id}#{record.Seq}", AuditDetail(write, record));
                staged.Add((write, new LogWriteResult(info, entry)));
            }
            catch (RuleViolationException ex)
            {
                write.Done.TrySetException(ex);
            }
        }
        return staged;
    }

    /// <summary>The inject an append by Crisis itself carries (its address and scenario id); null for every other write.</summary>
    private static AppendEntry? InjectOf(LogWrite write) =>
        write is { Kind: LogWriteKind.Append, SystemWriter: true, Append: { Kind: LogEntryKind.Inject, InjectId: not null } a } ? a : null;

    /// <summary>
    /// The key that makes <paramref name="write"/> happen once: the one it was given, or for an inject (which is written
    /// once per incident) its scenario id.
    /// </summary>
    private static string? KeyOf(LogWrite write) =>
        write.IdempotencyKey ?? (InjectOf(write) is { InjectId: { } injectId } ? "inject:" + injectId : null);

    /// <summary>
    /// The entry a keyed write already made: the key is unique in the incident's log (an index, and this check in the
    /// same transaction, so a retry after losing a race finds the entry the winner wrote).
    /// </summary>
    private static async Task<LogEntry?> LoggedAsync(CrisisDbContext db, string? key, IncidentRecord incident)
    {
        if (key is null)
        {
            return null;
        }
        var row = await db.LogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.IncidentId == incident.Id && e.IdempotencyKey == key);
        return row?.ToEntry();
    }

    private static LogEntryDraft Draft(LogWrite write, IncidentRecord incident, Dictionary<(Guid, int), LogEntryKind> kinds, LogTeams teams)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            throw write.Kind == LogWriteKind.Close ? IncidentRefusals.AlreadyClosed.Raise() : IncidentRefusals.Closed.Raise();
        }
        switch (write.Kind)
        {
            case LogWriteKind.Append:
                return LogRules.Validate(write.Append!, incident.Exercise, write.SystemWriter,
                    seq => kinds.TryGetValue((incident.Id, seq), out var k) ? k : null, teams);
            case LogWriteKind.ChangeGrip:
                var text = write.GripLevel == incident.Grip
                    ? $"{GripLevel.ToDutch(write.GripLevel)} bevestigd door {write.Actor.Name}."
                    : write.GripLevel > incident.Grip
                        ? $"Opgeschaald naar {GripLevel.ToDutch(write.GripLevel)} door {write.Actor.Name} (was {GripLevel.ToDutch(incident.Grip)})."
                        : $"Afgeschaald naar {GripLevel.ToDutch(write.GripLevel)} door {write.Actor.Name} (was {GripLevel.ToDutch(incident.Grip)}).";
                return new LogEntryDraft(LogEntryKind.System, text, null, null, null);
            default:
                return new LogEntryDraft(LogEntryKind.System, $"Incident gesloten door {write.Actor.Name}.", null, null, null);
        }
    }

    private static string AuditAction(LogWriteKind kind) => kind switch
    {
        LogWriteKind.Append => "log.append",
        LogWriteKind.ChangeGrip => "incident.grip",
        _ => "incident.close",
    };

    private static string AuditDetail(LogWrite write, LogEntryRecord record) => write.Kind switch
    {
        LogWriteKind.Append => $"kind={record.Kind.ToWire()} team={record.Team ?? "-"} correctsSeq={record.CorrectsSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} length={record.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        LogWriteKind.ChangeGrip => $"grip={write.GripLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => "closed",
    };
}

internal static partial class LogWriterLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Log batch lost a race with another writer; retry {Attempt}")]
    public static partial void Retrying(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A log batch of {Count} writes failed; {Outcome}")]
    public static partial void BatchFailed(ILogger logger, int count, string outcome, Exception ex);
}
