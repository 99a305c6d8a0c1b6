using Crisis.Domain;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using NodaTime;

namespace Crisis.Web.Audit;

/// <summary>
/// Writes the audit trail. Successful writes are recorded in the same transaction as the change
/// (<see cref="Stage"/>); denied and rejected attempts are recorded on their own (<see cref="RecordAsync"/>),
/// since there is no change for them to ride along with.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, IClock clock, ILogger<AuditTrail> logger)
{
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

    /// <summary>Records an attempt that changed nothing (denied or rejected), in a transaction of its own.</summary>
    public async Task RecordAsync(Actor? actor, string action, string? target, string outcome, string? detail = null)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
            db.AuditTrail.Add(Create(actor, action, target, outcome, detail));
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            // The refusal itself stands; losing its audit line must not turn a 403 into a 500.
            AuditLog.AuditWriteFailed(logger, action, ex);
        }
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
