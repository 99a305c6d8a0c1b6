using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// How every roster change is stored and told: in one transaction with its audit line and its
/// <see cref="RosterChanged"/> event, plus a <see cref="RosterGapsOpened"/> when the change opened a gap in the coming days.
/// </summary>
public sealed class RosterCommit(
    CrisisDbContext db, OutboxDispatcher outbox, IClock clock, IOptions<RosterOptions> options,
    CoverageCalculator coverage, RosterLookup lookup)
{
    /// <summary>
    /// Applies a change in one transaction with its audit line and its <see cref="RosterChanged"/> event, and, when
    /// the change opened a gap in the coming days of one of <paramref name="functions"/>, a <see cref="RosterGapsOpened"/>.
    /// The coverage before is computed just ahead of the transaction and the coverage after inside it, once the change
    /// is saved; a change that another request commits in between can therefore have its gap reported by this one.
    /// </summary>
    public async Task CommitAsync(IReadOnlyCollection<string> functions, Action apply, RosterChangeDto change, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var window = new Interval(now, now + Duration.FromDays(options.Value.GapAlertDays));
        var watched = functions.Distinct(StringComparer.Ordinal).ToList();
        var records = watched.Count == 0 ? [] : await db.Set<FunctionRecord>().AsNoTracking().Where(f => watched.Contains(f.Code)).ToListAsync(ct);
        var before = records.Count == 0 ? null : await coverage.ComputeAsync(records, window, allFunctions: false, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        apply();
        await db.SaveChangesAsync(ct);
        var messages = new List<OutboxMessage>
        {
            EventTypes.Stage(db, new RosterChanged(change, await UserIdsOfAsync(change.PersonIds, ct)), now),
        };
        if (before is not null)
        {
            var after = await coverage.ComputeAsync(records, window, allFunctions: false, ct);
            foreach (var report in after.Functions)
            {
                var earlier = before[report.Function]?.Gaps ?? [];
                var opened = report.Gaps.Where(g => !earlier.Any(b => b.Start <= g.Start && g.End <= b.End)).ToList();
                if (opened.Count > 0)
                {
                    var first = opened[0];
                    var alert = new RosterAlertDto(Guid.NewGuid(), "roster-gap", report.Function,
                        $"Gat in het piketrooster van {report.Function}: vanaf {RosterWire.Format(lookup.Local(first.Start))} is niemand (genoeg) op piket.",
                        opened.Select(g => RosterDtoMapping.ToDto(lookup.Entry(g))).ToList(), now);
                    messages.Add(EventTypes.Stage(db, new RosterGapsOpened(alert), now));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify(messages.Select(m => m.Id));
    }

    private async Task<IReadOnlyList<Guid>> UserIdsOfAsync(IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var emails = await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.NormalizedEmail).ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).Select(u => u.Id).ToListAsync(ct);
    }
}
