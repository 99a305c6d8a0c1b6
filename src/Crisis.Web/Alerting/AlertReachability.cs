using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Alerting;

/// <summary>
/// One proefalarm to one person: when it was sent, the latest answer, and when the first answer came (the delay
/// counts to the first answer: a later change of mind does not make the person less reachable).
/// </summary>
public sealed record TestOutcome(Guid AlertId, Instant SentAt, AlertStatus Status, AlertResponse Response, Instant? AnsweredAt)
{
    public Duration? Delay => AnsweredAt is { } at ? at - SentAt : null;
}

/// <summary>How reachable a person proved in proefalarmen: how many they got and answered, and the last one.</summary>
public sealed record PersonReachability(
    Guid PersonId, string Name, IReadOnlyList<string> Functions, int TestsSent, int TestsAnswered, TestOutcome? LastTest)
{
    /// <summary>Got at least one proefalarm and never answered any.</summary>
    public bool NeverAnswered => TestsSent > 0 && TestsAnswered == 0;
}

// The bereikbaarheid overview, kept from the alert records and answers as they are stored (no column of its own).
public sealed partial class AlertQueries
{
    /// <summary>
    /// Per person of the region (or of the pool of <paramref name="function"/>), by name: the proefalarmen they got
    /// and answered, and the last one with its answer and delay (coordinators).
    /// </summary>
    public async Task<IReadOnlyList<PersonReachability>> ReachabilityAsync(Actor actor, string? function, CancellationToken ct = default)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.RefuseAsync(actor, "alert.reachability", "people", AlertingHostRefusals.CoordinatorsOnly.Raise());
        }
        var people = db.Set<PersonRecord>().AsNoTracking().Include(p => p.Functions).AsQueryable();
        if (Texts.TrimToNull(function) is { } given)
        {
            var code = given.ToUpperInvariant();
            if (!await source.IsFunctionAsync(code, ct))
            {
                throw AlertingRefusals.UnknownFunction.RaiseFor("function", ("function", Texts.Shorten(given)));
            }
            people = people.Where(p => p.Functions.Any(f => f.FunctionCode == code));
        }
        var persons = await people.ToListAsync(ct);
        var ids = persons.Select(p => p.Id).ToList();
        var tests = await (from r in db.Set<AlertRecipientRecord>().AsNoTracking()
                           join a in db.Set<AlertRecord>().AsNoTracking() on r.AlertId equals a.Id
                           where a.Test && ids.Contains(r.PersonId)
                           select new { r.AlertId, r.PersonId, r.NotifiedAt, r.Response, a.Status }).ToListAsync(ct);
        var firstAnswers = (await (from n in db.Set<AlertAnswerRecord>().AsNoTracking()
                                   join a in db.Set<AlertRecord>().AsNoTracking() on n.AlertId equals a.Id
                                   where a.Test && ids.Contains(n.PersonId)
                                   select new { n.AlertId, n.PersonId, n.At }).ToListAsync(ct))
            .GroupBy(n => (n.AlertId, n.PersonId)).ToDictionary(g => g.Key, g => g.Min(n => n.At));
        var byPerson = tests.GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g
            .Select(t => new TestOutcome(t.AlertId, t.NotifiedAt, t.Status, t.Response,
                firstAnswers.TryGetValue((t.AlertId, t.PersonId), out var at) ? at : null))
            .OrderBy(t => t.SentAt).ToList());
        return persons
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p =>
            {
                var outcomes = byPerson.GetValueOrDefault(p.Id, []);
                return new PersonReachability(p.Id, p.Name, p.Functions.Select(f => f.FunctionCode).Order(StringComparer.Ordinal).ToList(),
                    outcomes.Count, outcomes.Count(o => o.AnsweredAt is not null), outcomes.LastOrDefault());
            })
            .ToList();
    }
}

/// <summary>One row of <c>GET /api/alerts/reachability</c>.</summary>
public sealed record ReachabilityDto(
    OfficialDto Person, IReadOnlyList<string> Functions, int TestsSent, int TestsAnswered, bool NeverAnswered, TestOutcomeDto? LastTest)
{
    public static ReachabilityDto From(PersonReachability r) => new(
        new OfficialDto(r.PersonId, r.Name), r.Functions, r.TestsSent, r.TestsAnswered, r.NeverAnswered,
        r.LastTest is { } t
            ? new TestOutcomeDto(t.AlertId, t.SentAt, t.Status.ToWire(), t.Response.ToWire(), t.AnsweredAt,
                t.Delay is { } d ? Math.Round(d.TotalMinutes, 2) : null)
            : null);
}

/// <summary>A proefalarm as the reachability overview shows it; <c>delayMinutes</c> from sending to the first answer.</summary>
public sealed record TestOutcomeDto(Guid AlertId, Instant SentAt, string Status, string Response, Instant? AnsweredAt, double? DelayMinutes);

/// <summary>
/// <c>POST /api/alerts/test</c>: exactly one of <see cref="PersonId"/> (one person) and <see cref="Function"/> (every
/// person holding it, each a proefalarm of their own).
/// </summary>
public sealed record ProefalarmRequest(Guid? PersonId, string? Function, string? Message);
