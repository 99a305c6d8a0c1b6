using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>
/// Swaps: a person asks another to take their shift (or part of it); only the person asked accepts or declines;
/// only the asker cancels. The state machine is <see cref="Swaps"/>.
/// </summary>
public sealed class SwapService(
    CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup, RosterQualification qualification, RosterCommit commit)
{
    private DbSet<SwapRecord> SwapRecords => db.Set<SwapRecord>();

    /// <summary>The signed-in person asks another to take their shift, or the part from Start to End (default: the shift's own).</summary>
    public async Task<SwapEntry> RequestAsync(Actor actor, SwapInput input, CancellationToken ct = default)
    {
        var me = await RequirePersonAsync(actor, "swap.request", ct);
        var shift = await db.Set<ShiftRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.ShiftId, ct)
            ?? throw S.SwapShiftUnknown.RaiseFor("shiftId", ("id", input.ShiftId));
        var asked = await lookup.PersonAsync(input.AskedPersonId, "askedPersonId", ct);
        Instant? partStart = input.Start is { } s ? ShiftTimes.ResolveStrict(s, lookup.Zone, "start") : null;
        Instant? partEnd = input.End is { } e ? ShiftTimes.ResolveStrict(e, lookup.Zone, "end") : null;
        var now = clock.GetCurrentInstant();
        var swap = await audit.CheckedAsync(actor, "swap.request", $"shift/{shift.Id}",
            () => Swaps.Request(Guid.NewGuid(), shift.ToShift(), me.Id, asked.Id, now, partStart, partEnd));
        var warnings = await qualification.CheckAsync(shift.Function, asked, swap.Interval, ct);
        var record = new SwapRecord
        {
            Id = swap.Id, ShiftId = swap.ShiftId, Function = swap.Function, RequesterId = swap.RequesterId, AskedPersonId = swap.AskedPersonId,
            Start = swap.Start, End = swap.End, Status = swap.Status, RequestedAt = swap.RequestedAt,
        };
        await commit.CommitAsync([],
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "swap.request", $"swap/{record.Id}", $"shift/{shift.Id} {me.Id} -> {asked.Id} {swap.Start}..{swap.End}");
            },
            new RosterChangeDto("swap.requested", shift.Function, [me.Id, asked.Id], swap.Start, swap.End,
                $"{me.Name} asks {asked.Name} to take {shift.Function} from {RosterWire.Format(lookup.Local(swap.Start))} to {RosterWire.Format(lookup.Local(swap.End))}.", record.Id),
            ct);
        return Entry(record, me.Name, asked.Name, warnings);
    }

    /// <summary>The asked person accepts: the shift is split (domain <see cref="Swaps.Accept"/>) and both are told.</summary>
    public async Task<SwapEntry> AcceptAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.accept", ct);
        var shift = await db.Set<ShiftRecord>().FirstOrDefaultAsync(s => s.Id == record.ShiftId, ct) ?? throw S.SwapShiftGone.Raise();
        var now = clock.GetCurrentInstant();
        var acceptance = await audit.CheckedAsync(actor, "swap.accept", $"swap/{id}",
            () => Swaps.Accept(record.ToRequest(), shift.ToShift(), me.Id, now));
        var asked = await lookup.PersonAsync(record.AskedPersonId, "askedPersonId", ct);
        var warnings = await qualification.CheckAsync(record.Function, asked, acceptance.Request.Interval, ct);
        var pieces = acceptance.Replacements.Select(p => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = p.Function, PersonId = p.PersonId, Start = p.Start, End = p.End,
            Zone = shift.Zone, Origin = ShiftOrigin.Swap, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var names = await lookup.NamesAsync([record.RequesterId, record.AskedPersonId], ct);
        await commit.CommitAsync([record.Function],
            () =>
            {
                db.Remove(shift);
                db.AddRange(pieces);
                record.Apply(acceptance.Request);
                audit.Stage(db, actor, "swap.accept", $"swap/{id}", $"shift/{shift.Id} -> {string.Join(',', pieces.Select(p => p.Id))}");
            },
            new RosterChangeDto("swap.accepted", record.Function, [record.RequesterId, record.AskedPersonId], record.Start, record.End,
                $"{names.GetValueOrDefault(record.AskedPersonId)} takes {record.Function} over from {names.GetValueOrDefault(record.RequesterId)}, "
                + $"{RosterWire.Format(lookup.Local(Instant.Max(record.Start, now)))} to {RosterWire.Format(lookup.Local(record.End))}.", id),
            ct);
        return Entry(record, names.GetValueOrDefault(record.RequesterId), names.GetValueOrDefault(record.AskedPersonId), warnings);
    }

    public async Task<SwapEntry> DeclineAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.decline", ct);
        var now = clock.GetCurrentInstant();
        var declined = await audit.CheckedAsync(actor, "swap.decline", $"swap/{id}", () => Swaps.Decline(record.ToRequest(), me.Id, now));
        return await DecideAsync(actor, record, declined, "swap.declined", ct);
    }

    public async Task<SwapEntry> CancelAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.cancel", ct);
        var now = clock.GetCurrentInstant();
        var cancelled = await audit.CheckedAsync(actor, "swap.cancel", $"swap/{id}", () => Swaps.Cancel(record.ToRequest(), me.Id, now));
        return await DecideAsync(actor, record, cancelled, "swap.cancelled", ct);
    }

    /// <summary>The swaps the signed-in person asked or was asked; coordinators may ask for all of them.</summary>
    public async Task<IReadOnlyList<SwapEntry>> ListAsync(Actor actor, bool all, bool openOnly, CancellationToken ct = default)
    {
        var query = SwapRecords.AsNoTracking();
        if (!(all && actor.IsCoordinator))
        {
            var me = await lookup.PersonOfAsync(actor, ct);
            if (me is null)
            {
                return [];
            }
            query = query.Where(s => s.RequesterId == me.Id || s.AskedPersonId == me.Id);
        }
        if (openOnly)
        {
            query = query.Where(s => s.Status == SwapStatus.Requested);
        }
        var rows = await query.ToListAsync(ct);
        var names = await lookup.NamesAsync(rows.SelectMany(r => new[] { r.RequesterId, r.AskedPersonId }), ct);
        return rows.OrderByDescending(r => r.RequestedAt)
            .Select(r => Entry(r, names.GetValueOrDefault(r.RequesterId), names.GetValueOrDefault(r.AskedPersonId), [])).ToList();
    }

    private async Task<SwapEntry> DecideAsync(Actor actor, SwapRecord record, SwapRequest decided, string kind, CancellationToken ct)
    {
        var names = await lookup.NamesAsync([record.RequesterId, record.AskedPersonId], ct);
        await commit.CommitAsync([],
            () =>
            {
                record.Apply(decided);
                audit.Stage(db, actor, kind, $"swap/{record.Id}", decided.Status.ToWire());
            },
            new RosterChangeDto(kind, record.Function, [record.RequesterId, record.AskedPersonId], record.Start, record.End,
                $"The swap of {record.Function} between {names.GetValueOrDefault(record.RequesterId)} and {names.GetValueOrDefault(record.AskedPersonId)} was {decided.Status.ToWire()}.", record.Id),
            ct);
        return Entry(record, names.GetValueOrDefault(record.RequesterId), names.GetValueOrDefault(record.AskedPersonId), []);
    }

    private async Task<(PersonRecord Me, SwapRecord Record)> SwapForAsync(Actor actor, Guid id, string action, CancellationToken ct)
    {
        var me = await RequirePersonAsync(actor, action, ct);
        var record = await SwapRecords.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw S.SwapNotFound.Raise(("id", id));
        return (me, record);
    }

    private async Task<PersonRecord> RequirePersonAsync(Actor actor, string action, CancellationToken ct) =>
        await lookup.PersonOfAsync(actor, ct) ?? throw await audit.RefuseAsync(actor, action, null, S.SwapWithoutPerson.Raise());

    private SwapEntry Entry(SwapRecord s, string? requester, string? asked, IReadOnlyList<Phrase> warnings) =>
        new(s.Id, s.ShiftId, s.Function, s.RequesterId, requester ?? "?", s.AskedPersonId, asked ?? "?",
            lookup.Local(s.Start), lookup.Local(s.End), s.Start, s.End, s.Status, s.RequestedAt, s.DecidedAt, warnings);
}
