using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Roster;

public sealed partial class RosterService
{
    /// <summary>
    /// The signed-in person asks another to take their shift, or the part from <c>start</c> to <c>end</c> (local
    /// times; both default to the shift's own).
    /// </summary>
    public async Task<SwapDto> RequestSwapAsync(Actor actor, SwapCreateRequest? request, CancellationToken ct = default)
    {
        var me = await RequirePersonAsync(actor, "swap.request", ct);
        if (request?.ShiftId is not { } shiftId || shiftId == Guid.Empty)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "shiftId is required: the shift you want someone else to take.", "shiftId");
        }
        var shift = await Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shiftId, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"There is no shift {shiftId}.", "shiftId");
        var asked = await PersonAsync(request.AskedPersonId, "askedPersonId", ct);
        Instant? partStart = string.IsNullOrWhiteSpace(request.Start) ? null : ShiftTimes.ResolveStrict(RosterWire.ParseLocal(request.Start, "start"), zone, "start");
        Instant? partEnd = string.IsNullOrWhiteSpace(request.End) ? null : ShiftTimes.ResolveStrict(RosterWire.ParseLocal(request.End, "end"), zone, "end");
        var now = clock.GetCurrentInstant();
        var swap = await AuditDeniedAsync(actor, "swap.request", $"shift/{shiftId}",
            () => Swaps.Request(Guid.NewGuid(), shift.ToShift(), me.Id, asked.Id, now, partStart, partEnd));
        var warnings = await CheckQualifiedAsync(shift.Function, asked, swap.Start, swap.End, ct);
        var record = new SwapRecord
        {
            Id = swap.Id, ShiftId = swap.ShiftId, Function = swap.Function, RequesterId = swap.RequesterId, AskedPersonId = swap.AskedPersonId,
            Start = swap.Start, End = swap.End, Status = swap.Status, RequestedAt = swap.RequestedAt,
        };
        await CommitAsync([],
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "swap.request", $"swap/{record.Id}", $"shift/{shiftId} {me.Id} -> {asked.Id} {swap.Start}..{swap.End}");
            },
            new RosterChangeDto("swap.requested", shift.Function, [me.Id, asked.Id], swap.Start, swap.End,
                $"{me.Name} asks {asked.Name} to take {shift.Function} from {RosterWire.Format(Local(swap.Start))} to {RosterWire.Format(Local(swap.End))}.", record.Id),
            ct);
        return ToDto(record, me.Name, asked.Name, warnings);
    }

    /// <summary>The asked person accepts: the shift is split (domain <see cref="Swaps.Accept"/>) and both are told.</summary>
    public async Task<SwapDto> AcceptSwapAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.accept", ct);
        var shift = await Shifts.FirstOrDefaultAsync(s => s.Id == record.ShiftId, ct);
        if (shift is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, "The shift of this swap no longer exists; the coordinator changed the roster.");
        }
        var now = clock.GetCurrentInstant();
        var acceptance = await AuditDeniedAsync(actor, "swap.accept", $"swap/{id}",
            () => Swaps.Accept(record.ToRequest(), shift.ToShift(), me.Id, now));
        var asked = await PersonAsync(record.AskedPersonId, "askedPersonId", ct);
        var warnings = await CheckQualifiedAsync(record.Function, asked, acceptance.Request.Start, acceptance.Request.End, ct);
        var pieces = acceptance.Replacements.Select(p => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = p.Function, PersonId = p.PersonId, Start = p.Start, End = p.End,
            Zone = shift.Zone, Origin = ShiftOrigin.Swap, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var names = await NamesAsync([record.RequesterId, record.AskedPersonId], ct);
        await CommitAsync([record.Function],
            () =>
            {
                db.Remove(shift);
                db.AddRange(pieces);
                record.Apply(acceptance.Request);
                audit.Stage(db, actor, "swap.accept", $"swap/{id}", $"shift/{shift.Id} -> {string.Join(',', pieces.Select(p => p.Id))}");
            },
            new RosterChangeDto("swap.accepted", record.Function, [record.RequesterId, record.AskedPersonId], record.Start, record.End,
                $"{names.GetValueOrDefault(record.AskedPersonId)} takes {record.Function} over from {names.GetValueOrDefault(record.RequesterId)}, "
                + $"{RosterWire.Format(Local(Instant.Max(record.Start, now)))} to {RosterWire.Format(Local(record.End))}.", id),
            ct);
        return ToDto(record, names.GetValueOrDefault(record.RequesterId), names.GetValueOrDefault(record.AskedPersonId), warnings);
    }

    public async Task<SwapDto> DeclineSwapAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.decline", ct);
        var now = clock.GetCurrentInstant();
        var declined = await AuditDeniedAsync(actor, "swap.decline", $"swap/{id}", () => Swaps.Decline(record.ToRequest(), me.Id, now));
        return await DecideAsync(actor, record, declined, "swap.declined", ct);
    }

    public async Task<SwapDto> CancelSwapAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (me, record) = await SwapForAsync(actor, id, "swap.cancel", ct);
        var now = clock.GetCurrentInstant();
        var cancelled = await AuditDeniedAsync(actor, "swap.cancel", $"swap/{id}", () => Swaps.Cancel(record.ToRequest(), me.Id, now));
        return await DecideAsync(actor, record, cancelled, "swap.cancelled", ct);
    }

    /// <summary>The swaps the signed-in person asked or was asked; coordinators may ask for all of them.</summary>
    public async Task<IReadOnlyList<SwapDto>> ListSwapsAsync(Actor actor, bool all, bool openOnly, CancellationToken ct = default)
    {
        var query = SwapRecords.AsNoTracking();
        if (!(all && actor.IsCoordinator))
        {
            var me = await PersonOfAsync(actor, ct);
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
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.RequesterId, r.AskedPersonId }), ct);
        return rows.OrderByDescending(r => r.RequestedAt)
            .Select(r => ToDto(r, names.GetValueOrDefault(r.RequesterId), names.GetValueOrDefault(r.AskedPersonId), [])).ToList();
    }

    private async Task<SwapDto> DecideAsync(Actor actor, SwapRecord record, SwapRequest decided, string kind, CancellationToken ct)
    {
        var names = await NamesAsync([record.RequesterId, record.AskedPersonId], ct);
        await CommitAsync([],
            () =>
            {
                record.Apply(decided);
                audit.Stage(db, actor, kind, $"swap/{record.Id}", decided.Status.ToWire());
            },
            new RosterChangeDto(kind, record.Function, [record.RequesterId, record.AskedPersonId], record.Start, record.End,
                $"The swap of {record.Function} between {names.GetValueOrDefault(record.RequesterId)} and {names.GetValueOrDefault(record.AskedPersonId)} was {decided.Status.ToWire()}.", record.Id),
            ct);
        return ToDto(record, names.GetValueOrDefault(record.RequesterId), names.GetValueOrDefault(record.AskedPersonId), []);
    }

    private async Task<(PersonRecord Me, SwapRecord Record)> SwapForAsync(Actor actor, Guid id, string action, CancellationToken ct)
    {
        var me = await RequirePersonAsync(actor, action, ct);
        var record = await SwapRecords.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no swap request {id}.");
        return (me, record);
    }

    private async Task<PersonRecord> RequirePersonAsync(Actor actor, string action, CancellationToken ct)
    {
        var me = await PersonOfAsync(actor, ct);
        if (me is null)
        {
            const string message = "Only people on the region's roster can swap shifts; your account has no person with its email address.";
            throw await audit.DenyAsync(actor, action, null, message);
        }
        return me;
    }

    private SwapDto ToDto(SwapRecord s, string? requester, string? asked, IReadOnlyList<string> warnings) =>
        new(s.Id, s.ShiftId, s.Function, new PersonRef(s.RequesterId, requester ?? "?"), new PersonRef(s.AskedPersonId, asked ?? "?"),
            Local(s.Start), Local(s.End), s.Start, s.End, s.Status.ToWire(), s.RequestedAt, s.DecidedAt, warnings);

    // ---------------------------------------------------------------- rotations

    /// <summary>
    /// Generates (or regenerates) a function's weekly rotation over whole local days: handovers on
    /// <c>handoverDay</c> at <c>handoverTime</c>, the pool in order, <c>weeks</c> per turn. Generated shifts starting in
    /// the period are replaced; shifts made, swapped or overridden by hand are never touched, and the new shifts are
    /// trimmed around them.
    /// </summary>
    public async Task<RotationResultDto> GenerateRotationAsync(Actor actor, RotationRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "rotation.generate", null, "Only coordinators can generate rotations.");
        if (request is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Send the rotation as JSON: {\"function\", \"pool\": [personId], \"handoverDay\": \"monday\", \"handoverTime\": \"08:00\", \"weeks\": 1, \"from\", \"to\"}.");
        }
        var function = await FunctionAsync(request.Function, ct);
        var pool = request.Pool ?? [];
        if (pool.Count == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "pool is required: the people who take turns, in order.", "pool");
        }
        if (pool.Count > 200)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "A pool has at most 200 turns.", "pool");
        }
        var distinct = pool.Distinct().ToList();
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => distinct.Contains(p.Id)).ToListAsync(ct);
        var unknown = distinct.Where(id => people.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"Unknown person(s) in the pool: {string.Join(", ", unknown)}.", "pool");
        }
        var day = string.IsNullOrWhiteSpace(request.HandoverDay) ? IsoDayOfWeek.Monday : RosterWire.ParseDay(request.HandoverDay, "handoverDay");
        var time = string.IsNullOrWhiteSpace(request.HandoverTime) ? new LocalTime(8, 0) : RosterWire.ParseTime(request.HandoverTime, "handoverTime");
        var weeks = request.Weeks ?? 1;
        if (weeks is < 1 or > 4)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "weeks must be 1 to 4: a turn lasts at most the 31 days a shift may last.", "weeks");
        }
        var period = PeriodOf(request.From, request.To, defaultDays: null);
        var rotation = Rotation.Weekly(function.Code, pool, day, time, period.From, weeks);

        var warnings = new List<string>();
        foreach (var person in people)
        {
            warnings.AddRange(await CheckQualifiedAsync(function.Code, person, period.Start, period.End, ct));
        }

        var reach = period.End + ShiftTimes.MaxLength;
        var existing = await Shifts.Where(s => s.Function == function.Code && s.End > period.Start && s.Start < reach).ToListAsync(ct);
        var plan = RotationPlanner.Regenerate(rotation, period, existing.Select(s => s.ToShift()));
        var removedIds = plan.Removed.Select(s => s.Id).ToHashSet();
        var now = clock.GetCurrentInstant();
        var added = plan.Added.Select(p => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = p.Function, PersonId = p.PersonId, Start = p.Start, End = p.End,
            Zone = zone.Id, Origin = ShiftOrigin.Rotation, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var affected = pool.Concat(plan.Removed.Select(s => s.PersonId)).Distinct().ToList();
        await CommitAsync([function.Code],
            () =>
            {
                db.RemoveRange(existing.Where(s => removedIds.Contains(s.Id)));
                db.AddRange(added);
                audit.Stage(db, actor, "rotation.generate", $"function/{function.Code}",
                    $"{period.From}..{period.To} {day} {time} weeks={weeks} pool={pool.Count} kept={plan.Kept.Count} unchanged={plan.Unchanged.Count} removed={plan.Removed.Count} added={added.Count}");
            },
            new RosterChangeDto("rotation.generated", function.Code, affected, period.Start, period.End,
                $"The rotation of {function.Code} from {period.From} to {period.To} was generated."),
            ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var shifts = existing.Where(s => !removedIds.Contains(s.Id) && s.Start >= period.Start && s.Start < period.End)
            .Concat(added).OrderBy(s => s.Start)
            .Select(s => ToDto(s, names.GetValueOrDefault(s.PersonId))).ToList();
        return new RotationResultDto(function.Code, period.From, period.To, plan.Kept.Count, plan.Unchanged.Count, plan.Removed.Count, added.Count, shifts, warnings);
    }
}
