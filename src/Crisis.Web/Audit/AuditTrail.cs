using Crisis.Domain;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Audit;

/// <summary>
/// Writes the audit trail. Successful writes are recorded in the same transaction as the change
/// (<see cref="Stage"/>); denied and rejected attempts are recorded on their own (<see cref="RecordAsync"/>),
/// since there is no change for them to ride along with.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, IClock clock, ILogger<AuditTrail> logger, IHttpContextAccessor? http = null)
{
    /// <summary>How long identical refusals count up on one line.</summary>
    public static readonly Duration RepeatWindow = Duration.FromMinutes(1);

    // Counts written to a line at most this often (or every FlushEvery repeats), so a flood costs few writes.
    private static readonly Duration FlushInterval = Duration.FromSeconds(5);
    private const int FlushEvery = 100;

    // The first repeats are counted at once (the trail is exact for a person retrying); only a flood is batched.
    private const int CountAtOnce = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<RepeatKey, Repeats> _repeats = [];

    public AuditRecord Create(Actor? actor, string action, string? target, string outcome, string? detail = null) => new()
    {
        At = clock.GetCurrentInstant(),
        UserId = actor is null || actor.UserId == Guid.Empty ? null : actor.UserId,
        Actor = actor is null ? null : Truncate(actor.Email.Length > 0 ? actor.Email : actor.Name, 256),
        Action = action,
        Target = Truncate(target, 128),
        Outcome = outcome,
        Origin = Truncate(actor?.Origin, 64),
        Detail = Truncate(detail, 1000),
    };

    /// <summary>Adds a record to a unit of work that the caller commits.</summary>
    public void Stage(CrisisDbContext db, Actor? actor, string action, string? target, string? detail = null) =>
        db.AuditTrail.Add(Create(actor, action, target, AuditOutcome.Succeeded, detail));

    /// <summary>
    /// Records an attempt that changed nothing (denied or rejected), in a transaction of its own. The same attempt
    /// repeated within <see cref="RepeatWindow"/> of its first line (same actor, origin, endpoint, action, target,
    /// outcome and reason: a script with a bogus token, a client retrying a refused call) adds to that line's
    /// <see cref="AuditRecord.Count"/> instead of writing a line of its own.
    /// </summary>
    public async Task RecordAsync(Actor? actor, string action, string? target, string outcome, string? detail = null)
    {
        var record = Create(actor, action, target, outcome, detail);
        var request = http?.HttpContext?.Request;
        var endpoint = request is null ? null : $"{request.Method} {request.Path}";
        var key = new RepeatKey(record.Actor, record.Origin, endpoint, record.Action, record.Target, record.Outcome, record.Detail);
        List<(long Id, int Count)> due;
        Repeats? mine = null;
        lock (_gate)
        {
            due = TakeDue(record.At);
            if (_repeats.TryGetValue(key, out var repeats) && record.At < repeats.Until)
            {
                repeats.Pending++;
                repeats.Total++;
                if (repeats.Id is { } id
                    && (repeats.Total <= CountAtOnce || repeats.Pending >= FlushEvery || record.At - repeats.Flushed >= FlushInterval))
                {
                    due.Add((id, repeats.Pending));
                    repeats.Pending = 0;
                    repeats.Flushed = record.At;
                }
            }
            else
            {
                mine = new Repeats { Until = record.At + RepeatWindow, Flushed = record.At };
                _repeats[key] = mine;
            }
        }
        await AddCountsAsync(due);
        if (mine is null)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            db.AuditTrail.Add(record);
            await db.SaveChangesAsync();
            lock (_gate)
            {
                mine.Id = record.Id;
            }
        }
        catch (Exception ex)
        {
            // The refusal itself stands; losing its audit line must not turn a 403 into a 500.
            AuditLog.AuditWriteFailed(logger, action, ex);
            lock (_gate)
            {
                _repeats.Remove(key);
            }
        }
    }

    /// <summary>Writes the counts of repeated refusals not written yet (the trail is exact after this).</summary>
    public async Task FlushAsync()
    {
        List<(long Id, int Count)> due;
        lock (_gate)
        {
            due = TakeDue(Instant.MaxValue);
        }
        await AddCountsAsync(due);
    }

    // Under _gate: the pending counts of windows that ended by `now` (all of them for Instant.MaxValue), forgetting those windows.
    private List<(long Id, int Count)> TakeDue(Instant now)
    {
        var due = new List<(long Id, int Count)>();
        foreach (var (key, repeats) in _repeats.Where(r => r.Value.Until <= now || now == Instant.MaxValue).ToList())
        {
            if (repeats.Id is { } id && repeats.Pending > 0)
            {
                due.Add((id, repeats.Pending));
                repeats.Pending = 0;
            }
            if (repeats.Until <= now)
            {
                _repeats.Remove(key);
            }
        }
        return due;
    }

    private async Task AddCountsAsync(List<(long Id, int Count)> due)
    {
        if (due.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            foreach (var (id, count) in due)
            {
                await db.AuditTrail.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Count, a => a.Count + count));
            }
        }
        catch (Exception ex)
        {
            AuditLog.AuditWriteFailed(logger, "repeat count", ex);
        }
    }

    private sealed record RepeatKey(string? Actor, string? Origin, string? Endpoint, string Action, string? Target, string Outcome, string? Detail);

    private sealed class Repeats
    {
        public long? Id { get; set; }
        public Instant Until { get; init; }
        public Instant Flushed { get; set; }
        public int Pending { get; set; }
        public int Total { get; set; } = 1;
    }

    /// <summary>
    /// Records a refusal (its code and arguments) and returns it to throw: <c>throw await audit.RefuseAsync(actor,
    /// "shift.create", target, RosterRefusals.CoordinatorsOnly.Raise())</c>. The one way every feature refuses, so no
    /// denial goes unaudited: a forbidden action is recorded as denied, any other refusal as rejected.
    /// </summary>
    public async Task<RuleViolationException> RefuseAsync(Actor? actor, string action, string? target, RuleViolationException refusal)
    {
        var outcome = refusal.Kind == ViolationKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Rejected;
        await RecordAsync(actor, action, target, outcome, refusal.Phrase.ToString());
        return refusal;
    }

    /// <summary>
    /// Runs a domain step (a rule that may refuse) and records its refusal, if any, before the caller sees it:
    /// <c>var team = await audit.CheckedAsync(actor, "team.create", target, () => TeamRules.ValidateNew(…))</c>.
    /// </summary>
    public async Task<T> CheckedAsync<T>(Actor? actor, string action, string? target, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (RuleViolationException ex)
        {
            throw await RefuseAsync(actor, action, target, ex);
        }
    }

    /// <inheritdoc cref="CheckedAsync{T}(Actor?, string, string?, Func{T})"/>
    public async Task<T> CheckedAsync<T>(Actor? actor, string action, string? target, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (RuleViolationException ex)
        {
            throw await RefuseAsync(actor, action, target, ex);
        }
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}

internal static partial class AuditLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit record for {Action}")]
    public static partial void AuditWriteFailed(ILogger logger, string action, Exception ex);
}
