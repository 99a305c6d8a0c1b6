using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Messaging;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Roster;

/// <summary>
/// The piketrooster: shifts, unavailability, coverage, on call now, swaps, rotations, import and export, with
/// the authorisation rules applied. The HTTP API and the Blazor pages both go through here.
/// </summary>
/// <remarks>
/// Who may do what: everyone signed in reads the roster (who is on call is what officers need to know).
/// Coordinators change any shift, generate rotations, override and import. A person asks swaps of their own
/// shifts; only the person asked accepts or declines; only the asker cancels. Unavailability is entered by
/// coordinators or by the person themself. Unknown ids in the path are 404; unknown functions or people named
/// in a body or query are 400 naming the field.
/// </remarks>
public sealed partial class RosterService(
    CrisisDbContext db,
    AuditTrail audit,
    OutboxDispatcher outbox,
    IClock clock,
    DateTimeZone zone,
    IOptions<RosterOptions> options,
    IEnumerable<IRosterQualificationRule> rules)
{
    /// <summary>The longest period of unavailability accepted in one entry.</summary>
    public static readonly Duration MaxUnavailability = Duration.FromDays(366);

    private DbSet<ShiftRecord> Shifts => db.Set<ShiftRecord>();
    private DbSet<UnavailabilityRecord> Leave => db.Set<UnavailabilityRecord>();
    private DbSet<SwapRecord> SwapRecords => db.Set<SwapRecord>();

    public DateTimeZone Zone => zone;

    public UnqualifiedAssignments Policy => options.Value.UnqualifiedAssignments;

    // ---------------------------------------------------------------- shifts

    public async Task<ShiftDto> CreateShiftAsync(Actor actor, ShiftRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "shift.create", null, "Only coordinators can add shifts; ask a coordinator, or ask a colleague to swap.");
        var (function, person, times) = await ValidateShiftAsync(request, ct);
        var warnings = await CheckQualifiedAsync(function.Code, person, times.Start, times.End, ct);
        var now = clock.GetCurrentInstant();
        var record = new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = function.Code, PersonId = person.Id, Start = times.Start, End = times.End,
            Zone = zone.Id, Origin = ShiftOrigin.Manual, CreatedAt = now, UpdatedAt = now,
        };
        await CommitAsync([function.Code],
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "shift.create", $"shift/{record.Id}", $"{function.Code} {person.Id} {times.Start}..{times.End}");
            },
            new RosterChangeDto("shift.created", function.Code, [person.Id], times.Start, times.End,
                $"{person.Name} is on call for {function.Code} from {RosterWire.Format(times.LocalStart)} to {RosterWire.Format(times.LocalEnd)}."),
            ct);
        return ToDto(record, person.Name, warnings);
    }

    /// <summary>Changes a shift's function, person or times (coordinators). A generated shift changed by hand becomes an override.</summary>
    public async Task<ShiftDto> UpdateShiftAsync(Actor actor, Guid id, ShiftRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "shift.update", $"shift/{id}", "Only coordinators can change shifts.");
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var (function, person, times) = await ValidateShiftAsync(request, ct);
        var warnings = await CheckQualifiedAsync(function.Code, person, times.Start, times.End, ct);
        var (oldFunction, oldPerson, oldStart, oldEnd) = (record.Function, record.PersonId, record.Start, record.End);
        await CommitAsync([function.Code, oldFunction],
            () =>
            {
                record.Function = function.Code;
                record.PersonId = person.Id;
                record.Start = times.Start;
                record.End = times.End;
                record.Origin = record.Origin == ShiftOrigin.Manual ? ShiftOrigin.Manual : ShiftOrigin.Override;
                record.UpdatedAt = clock.GetCurrentInstant();
                audit.Stage(db, actor, "shift.update", $"shift/{id}",
                    $"{oldFunction} {oldPerson} {oldStart}..{oldEnd} -> {function.Code} {person.Id} {times.Start}..{times.End}");
            },
            new RosterChangeDto("shift.updated", function.Code, [person.Id, oldPerson], Instant.Min(oldStart, times.Start), Instant.Max(oldEnd, times.End),
                $"A shift of {function.Code} now goes to {person.Name}, {RosterWire.Format(times.LocalStart)} to {RosterWire.Format(times.LocalEnd)}."),
            ct);
        return ToDto(record, person.Name, warnings);
    }

    /// <summary>A coordinator gives a shift to someone else; regeneration leaves it alone from then on.</summary>
    public async Task<ShiftDto> OverrideAsync(Actor actor, Guid id, OverrideRequest? request, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "shift.override", $"shift/{id}", "Only coordinators can override shifts.");
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var person = await PersonAsync(request?.PersonId, "personId", ct);
        var warnings = await CheckQualifiedAsync(record.Function, person, record.Start, record.End, ct);
        var previous = record.PersonId;
        await CommitAsync([record.Function],
            () =>
            {
                record.PersonId = person.Id;
                record.Origin = ShiftOrigin.Override;
                record.UpdatedAt = clock.GetCurrentInstant();
                audit.Stage(db, actor, "shift.override", $"shift/{id}", $"{previous} -> {person.Id}");
            },
            new RosterChangeDto("shift.overridden", record.Function, [person.Id, previous], record.Start, record.End,
                $"A coordinator gave the {record.Function} shift from {Local(record.Start)} to {Local(record.End)} to {person.Name}."),
            ct);
        return ToDto(record, person.Name, warnings);
    }

    public async Task DeleteShiftAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "shift.delete", $"shift/{id}", "Only coordinators can remove shifts.");
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        await CommitAsync([record.Function],
            () =>
            {
                db.Remove(record);
                audit.Stage(db, actor, "shift.delete", $"shift/{id}", $"{record.Function} {record.PersonId} {record.Start}..{record.End}");
            },
            new RosterChangeDto("shift.deleted", record.Function, [record.PersonId], record.Start, record.End,
                $"The {record.Function} shift from {Local(record.Start)} to {Local(record.End)} was removed."),
            ct);
    }

    public async Task<ShiftDto> GetShiftAsync(Guid id, CancellationToken ct = default)
    {
        var record = await Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var names = await NamesAsync([record.PersonId], ct);
        return ToDto(record, names.GetValueOrDefault(record.PersonId));
    }

    /// <summary>Shifts that overlap the whole local days from <paramref name="from"/> to <paramref name="to"/>, in start order.</summary>
    public async Task<IReadOnlyList<ShiftDto>> ListShiftsAsync(
        string? function, string? from, string? to, Guid? personId, CancellationToken ct = default)
    {
        var period = PeriodOf(from, to, defaultDays: 35);
        var query = Shifts.AsNoTracking().Where(s => s.Start < period.End && s.End > period.Start);
        if (!string.IsNullOrWhiteSpace(function))
        {
            var code = (await FunctionAsync(function, ct)).Code;
            query = query.Where(s => s.Function == code);
        }
        if (personId is { } pid)
        {
            query = query.Where(s => s.PersonId == pid);
        }
        var rows = await query.ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.PersonId), ct);
        return rows.OrderBy(r => r.Start).ThenBy(r => r.Function, StringComparer.Ordinal)
            .Select(r => ToDto(r, names.GetValueOrDefault(r.PersonId))).ToList();
    }

    // ---------------------------------------------------------------- unavailability

    public async Task<UnavailabilityDto> AddUnavailabilityAsync(Actor actor, Guid personId, UnavailabilityRequest? request, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "unavailability.add", "Only coordinators and the person themself can enter unavailability.");
        var localStart = RosterWire.ParseLocal(request?.Start, "start");
        var localEnd = RosterWire.ParseLocal(request?.End, "end");
        if (localEnd <= localStart)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "The end of the unavailability must be after its start.", "end");
        }
        var start = ShiftTimes.ResolveStrict(localStart, zone, "start");
        var end = ShiftTimes.ResolveStrict(localEnd, zone, "end");
        if (end - start > MaxUnavailability)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"One entry of unavailability can last at most {MaxUnavailability.Days} days; split longer absences.", "end");
        }
        var reason = request?.Reason?.Trim();
        if (reason is { Length: > 200 })
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "The reason has at most 200 characters.", "reason");
        }
        var record = new UnavailabilityRecord
        {
            Id = Guid.NewGuid(), PersonId = person.Id, Start = start, End = end,
            Reason = string.IsNullOrEmpty(reason) ? null : reason, CreatedAt = clock.GetCurrentInstant(),
        };
        var functions = await Shifts.AsNoTracking().Where(s => s.PersonId == person.Id && s.Start < end && s.End > start)
            .Select(s => s.Function).Distinct().ToListAsync(ct);
        await CommitAsync(functions,
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "unavailability.add", $"person/{person.Id}", $"{start}..{end}");
            },
            new RosterChangeDto("unavailability.added", null, [person.Id], start, end,
                $"{person.Name} is unavailable from {RosterWire.Format(localStart)} to {RosterWire.Format(localEnd)}."),
            ct);
        return ToDto(record);
    }

    public async Task<IReadOnlyList<UnavailabilityDto>> ListUnavailabilityAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "unavailability.read", "Only coordinators and the person themself can see their unavailability.");
        var rows = await Leave.AsNoTracking().Where(u => u.PersonId == personId).ToListAsync(ct);
        return rows.OrderBy(r => r.Start).Select(ToDto).ToList();
    }

    public async Task DeleteUnavailabilityAsync(Actor actor, Guid personId, Guid id, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "unavailability.delete", "Only coordinators and the person themself can remove their unavailability.");
        var record = await Leave.FirstOrDefaultAsync(u => u.Id == id && u.PersonId == personId, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"{person.Name} has no unavailability {id}.");
        await CommitAsync([],
            () =>
            {
                db.Remove(record);
                audit.Stage(db, actor, "unavailability.delete", $"person/{person.Id}", $"{record.Start}..{record.End}");
            },
            new RosterChangeDto("unavailability.removed", null, [person.Id], record.Start, record.End, $"{person.Name} is available again."),
            ct);
    }

    // ---------------------------------------------------------------- coverage and on call

    /// <summary>The contract's coverage of one function over whole local days (from 00:00 of <paramref name="from"/> to 00:00 of <paramref name="to"/>).</summary>
    public async Task<CoverageDto> CoverageAsync(string? function, string? from, string? to, CancellationToken ct = default)
    {
        var record = await FunctionAsync(function, ct);
        var period = PeriodOf(from, to, defaultDays: null);
        var report = await ComputeAsync([record], period.Interval, allFunctions: false, ct);
        var names = await NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        return ToDto(report.Functions[0], record.Name, period, names);
    }

    /// <summary>The region view: every function of the catalogue over the same days, regional functions first.</summary>
    public async Task<RegionCoverageDto> RegionCoverageAsync(string? from, string? to, CancellationToken ct = default)
    {
        var period = PeriodOf(from, to, defaultDays: null);
        var functions = await OrderedFunctionsAsync(ct);
        var report = await ComputeAsync(functions, period.Interval, allFunctions: true, ct);
        var names = await NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        var byCode = functions.ToDictionary(f => f.Code, f => f.Name);
        var dtos = report.Functions.Select(f => ToDto(f, byCode[f.Function], period, names)).ToList();
        return new RegionCoverageDto(period.From, period.To, report.GapCount, report.ConflictCount, dtos);
    }

    /// <summary>Gaps in every function from now over the next <paramref name="days"/> days: the dashboard's list.</summary>
    public async Task<IReadOnlyList<CoverageDto>> UpcomingGapsAsync(int? days, CancellationToken ct = default)
    {
        var count = days ?? options.Value.GapAlertDays;
        if (count is < 1 or > 366)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "days must be between 1 and 366.", "days");
        }
        var now = clock.GetCurrentInstant();
        var window = new Interval(now, now + Duration.FromDays(count));
        var functions = await OrderedFunctionsAsync(ct);
        var report = await ComputeAsync(functions, window, allFunctions: true, ct);
        var names = await NamesAsync(report.Functions.SelectMany(f => f.Conflicts).Select(c => c.PersonId), ct);
        var today = now.InZone(zone).Date;
        var period = RosterPeriod.Of(today, today.PlusDays(count + 1), zone);
        var byCode = functions.ToDictionary(f => f.Code, f => f.Name);
        return report.Functions.Where(f => f.Gaps.Count > 0 || f.Conflicts.Count > 0)
            .Select(f => ToDto(f, byCode[f.Function], period, names)).ToList();
    }

    /// <summary>Who is on call for each function (or the one asked) at <paramref name="at"/> (default now), and who is next.</summary>
    public async Task<IReadOnlyList<OnCallOverviewDto>> OnCallAsync(string? function, string? at, CancellationToken ct = default)
    {
        var instant = string.IsNullOrWhiteSpace(at) ? clock.GetCurrentInstant() : RosterWire.ParseInstant(at, "at");
        IReadOnlyList<FunctionRecord> functions = string.IsNullOrWhiteSpace(function)
            ? await OrderedFunctionsAsync(ct)
            : [await FunctionAsync(function, ct)];
        var codes = functions.Select(f => f.Code).ToList();
        // The fallback is looked for up to two shift lengths ahead; further is no fallback for tonight's alert.
        var horizon = instant + ShiftTimes.MaxLength + ShiftTimes.MaxLength;
        var query = Shifts.AsNoTracking().Where(s => s.End > instant && s.Start < horizon);
        if (codes.Count == 1)
        {
            var code = codes[0];
            query = query.Where(s => s.Function == code);
        }
        var rows = await query.ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.PersonId), ct);
        var shifts = rows.Select(r => r.ToShift()).ToList();
        return functions.Select(f =>
        {
            var now = Crisis.Domain.Roster.OnCall.At(shifts, f.Code, instant);
            return new OnCallOverviewDto(f.Code, f.Name,
                now.OnCall.Select(s => ToOnCall(s, names)).ToList(),
                now.Next.Select(s => ToOnCall(s, names)).ToList());
        }).ToList();
    }

    private OnCallDto ToOnCall(Shift s, IReadOnlyDictionary<Guid, string> names) =>
        new(s.Function, new PersonRef(s.PersonId, names.GetValueOrDefault(s.PersonId) ?? "?"), Local(s.Start), Local(s.End), s.Start, s.End, s.Id);

    // ---------------------------------------------------------------- the machinery

    /// <summary>
    /// Loads what coverage needs over <paramref name="period"/> and computes it with the pure rules. For one
    /// function it also loads the other shifts of its people, so double bookings across functions show.
    /// </summary>
    internal async Task<RegionCoverage> ComputeAsync(
        IReadOnlyList<FunctionRecord> functions, Interval period, bool allFunctions, CancellationToken ct)
    {
        var codes = functions.Select(f => f.Code).ToList();
        var (start, end) = (period.Start, period.End);
        List<ShiftRecord> shifts;
        List<UnavailabilityRecord> leave;
        if (allFunctions)
        {
            shifts = await Shifts.AsNoTracking().Where(s => s.Start < end && s.End > start).ToListAsync(ct);
            leave = await Leave.AsNoTracking().Where(u => u.Start < end && u.End > start).ToListAsync(ct);
        }
        else
        {
            shifts = await Shifts.AsNoTracking().Where(s => codes.Contains(s.Function) && s.Start < end && s.End > start).ToListAsync(ct);
            var people = shifts.Select(s => s.PersonId).Distinct().ToList();
            if (people.Count > 0)
            {
                shifts.AddRange(await Shifts.AsNoTracking()
                    .Where(s => people.Contains(s.PersonId) && !codes.Contains(s.Function) && s.Start < end && s.End > start).ToListAsync(ct));
            }
            leave = people.Count == 0 ? [] : await Leave.AsNoTracking()
                .Where(u => people.Contains(u.PersonId) && u.Start < end && u.End > start).ToListAsync(ct);
        }
        var involved = shifts.Select(s => s.PersonId).Distinct().ToList();
        var qualification = await QualificationAsync(codes, involved, period, ct);
        return Coverage.ForRegion(
            functions.Select(f => new RosterFunction(f.Code, f.MinimumOnCall)), period,
            shifts.Select(s => s.ToShift()), leave.Select(u => u.ToUnavailability()), qualification);
    }

    /// <summary>Holding the function (the pool) and every registered <see cref="IRosterQualificationRule"/>.</summary>
    internal async Task<Qualification> QualificationAsync(
        IReadOnlyCollection<string> functions, IReadOnlyCollection<Guid> people, Interval during, CancellationToken ct)
    {
        var codes = functions.ToList();
        var held = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(pf => codes.Contains(pf.FunctionCode))
            .Select(pf => new { pf.FunctionCode, pf.PersonId }).ToListAsync(ct);
        var holders = held.Select(h => (h.FunctionCode, h.PersonId)).ToHashSet();
        var all = new List<Qualification> { Qualifications.Holders((f, p) => holders.Contains((f, p))) };
        foreach (var rule in rules)
        {
            all.Add(await rule.LoadAsync(functions, people, during, ct));
        }
        return Qualifications.All([.. all]);
    }

    /// <summary>
    /// Whether <paramref name="person"/> is qualified for <paramref name="function"/> at the shift's start. Under
    /// <see cref="UnqualifiedAssignments.Refuse"/> an unqualified person is a 409; under Warn the reason is returned.
    /// </summary>
    internal async Task<IReadOnlyList<string>> CheckQualifiedAsync(string function, PersonRecord person, Instant start, Instant end, CancellationToken ct)
    {
        var holds = await db.Set<PersonFunctionRecord>().AnyAsync(pf => pf.PersonId == person.Id && pf.FunctionCode == function, ct);
        string? problem = null;
        if (!holds)
        {
            problem = $"{person.Name} does not hold the function {function} (is not in its piketpool).";
        }
        else
        {
            var qualification = await QualificationAsync([function], [person.Id], new Interval(start, end), ct);
            var qualified = qualification(function, person.Id, new Interval(start, end));
            if (!qualified.Any(i => (!i.HasStart || i.Start <= start) && (!i.HasEnd || start < i.End)))
            {
                problem = $"{person.Name} is not qualified for {function} at {Local(start)} (see the Veiligheidspaspoort).";
            }
        }
        if (problem is null)
        {
            return [];
        }
        if (Policy == UnqualifiedAssignments.Refuse)
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"{problem} This roster refuses unqualified assignments.");
        }
        return [problem];
    }

    /// <summary>
    /// Applies a change in one transaction with its audit line and its <see cref="RosterChanged"/> event, and, when
    /// the change opened a gap in the coming days of one of <paramref name="functions"/>, a <see cref="RosterGapsOpened"/>.
    /// Coverage is compared before and after inside the transaction, so a gap is reported by the change that made it.
    /// </summary>
    internal async Task CommitAsync(IReadOnlyCollection<string> functions, Action apply, RosterChangeDto change, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var window = new Interval(now, now + Duration.FromDays(options.Value.GapAlertDays));
        var watched = functions.Distinct(StringComparer.Ordinal).ToList();
        var records = watched.Count == 0 ? [] : await db.Set<FunctionRecord>().AsNoTracking().Where(f => watched.Contains(f.Code)).ToListAsync(ct);
        var before = records.Count == 0 ? null : await ComputeAsync(records, window, allFunctions: false, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        apply();
        await db.SaveChangesAsync(ct);
        var messages = new List<OutboxMessage>
        {
            EventTypes.Stage(db, new RosterChanged(change, await UserIdsOfAsync(change.PersonIds, ct)), now),
        };
        if (before is not null)
        {
            var after = await ComputeAsync(records, window, allFunctions: false, ct);
            foreach (var report in after.Functions)
            {
                var earlier = before[report.Function]?.Gaps ?? [];
                var opened = report.Gaps.Where(g => !earlier.Any(b => b.Start <= g.Start && g.End <= b.End)).ToList();
                if (opened.Count > 0)
                {
                    var first = opened[0];
                    var alert = new RosterAlertDto(Guid.NewGuid(), "roster-gap", report.Function,
                        $"Gat in het piketrooster van {report.Function}: vanaf {RosterWire.Format(Local(first.Start))} is niemand (genoeg) op piket.",
                        opened.Select(ToDto).ToList(), now);
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

    private async Task<(FunctionRecord Function, PersonRecord Person, ResolvedShiftTimes Times)> ValidateShiftAsync(ShiftRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Send the shift as JSON: {\"function\": \"OVD-BZ\", \"personId\": \"…\", \"start\": \"2026-03-23T08:00:00\", \"end\": \"2026-03-30T08:00:00\"}.");
        }
        var function = await FunctionAsync(request.Function, ct);
        var person = await PersonAsync(request.PersonId, "personId", ct);
        var times = ShiftTimes.Resolve(RosterWire.ParseLocal(request.Start, "start"), RosterWire.ParseLocal(request.End, "end"), zone);
        return (function, person, times);
    }

    internal async Task<FunctionRecord> FunctionAsync(string? function, CancellationToken ct)
    {
        var code = RosterWire.FunctionCode(function);
        return await db.Set<FunctionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"'{function!.Trim()}' is not a function in the catalogue (GET /api/functions lists them).", "function");
    }

    internal async Task<PersonRecord> PersonAsync(Guid? id, string field, CancellationToken ct)
    {
        if (id is not { } pid || pid == Guid.Empty)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} is required: the id of a person (GET /api/people lists them).", field);
        }
        return await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)
            ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"There is no person {pid} in the region.", field);
    }

    private async Task<PersonRecord> Person404Async(Guid id, CancellationToken ct) =>
        await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no person {id}.");

    /// <summary>The person record of the signed-in user (same email), or null.</summary>
    internal async Task<PersonRecord?> PersonOfAsync(Actor actor, CancellationToken ct)
    {
        var normalized = actor.Email.Trim().ToUpperInvariant();
        return normalized.Length == 0 ? null
            : await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.NormalizedEmail == normalized, ct);
    }

    private async Task<List<FunctionRecord>> OrderedFunctionsAsync(CancellationToken ct) =>
        (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Municipality is null ? 0 : 1).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();

    internal async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private RosterPeriod PeriodOf(string? from, string? to, int? defaultDays)
    {
        if (defaultDays is { } days && string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            var today = clock.GetCurrentInstant().InZone(zone).Date;
            return RosterPeriod.Of(today, today.PlusDays(days), zone);
        }
        var start = RosterWire.ParseDate(from, "from");
        var end = string.IsNullOrWhiteSpace(to) && defaultDays is { } d ? start.PlusDays(d) : RosterWire.ParseDate(to, "to");
        return RosterPeriod.Of(start, end, zone);
    }

    internal async Task RequireCoordinatorAsync(Actor actor, string action, string? target, string message)
    {
        if (!actor.IsCoordinator)
        {
            throw await audit.DenyAsync(actor, action, target, message);
        }
    }

    private async Task RequireSelfOrCoordinatorAsync(Actor actor, PersonRecord person, string action, string message)
    {
        if (actor.IsCoordinator || string.Equals(person.NormalizedEmail, actor.Email.Trim().ToUpperInvariant(), StringComparison.Ordinal))
        {
            return;
        }
        throw await audit.DenyAsync(actor, action, $"person/{person.Id}", message);
    }

    /// <summary>Runs a domain step and writes its refusal to the audit trail when the rule says the caller may not.</summary>
    private async Task<T> AuditDeniedAsync<T>(Actor actor, string action, string target, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (RuleViolationException ex) when (ex.Kind == ViolationKind.Forbidden)
        {
            await audit.RecordAsync(actor, action, target, AuditOutcome.Denied, ex.Message);
            throw;
        }
    }

    private static RuleViolationException NoShift(Guid id) => LegacyRefusals.Of(ViolationKind.NotFound, $"There is no shift {id}.");

    // ---------------------------------------------------------------- mapping

    internal LocalDateTime Local(Instant instant) => instant.InZone(zone).LocalDateTime;

    internal ShiftDto ToDto(ShiftRecord s, string? name, IReadOnlyList<string>? warnings = null) =>
        new(s.Id, s.Function, s.PersonId, name, Local(s.Start), Local(s.End), s.Start, s.End,
            ShiftTimes.Hours(s.End - s.Start), s.Origin.ToWire(), warnings ?? []);

    private UnavailabilityDto ToDto(UnavailabilityRecord u) =>
        new(u.Id, u.PersonId, Local(u.Start), Local(u.End), u.Start, u.End, ShiftTimes.Hours(u.End - u.Start), u.Reason);

    private GapDto ToDto(CoverageGap g) => new(Local(g.Start), Local(g.End), g.Start, g.End, g.Hours, g.FewestOnCall);

    private CoverageDto ToDto(CoverageReport r, string? name, RosterPeriod period, IReadOnlyDictionary<Guid, string> names) =>
        new(r.Function, name, r.MinimumOnCall, period.From, period.To, r.TotalHours, r.CoveredHours,
            r.Gaps.Select(ToDto).ToList(),
            r.Conflicts.Select(c => new ConflictDto(c.PersonId, names.GetValueOrDefault(c.PersonId), c.Kind.ToWire(),
                Local(c.Start), Local(c.End), c.Start, c.End, c.Hours, c.ShiftId, c.OtherShiftId)).ToList());
}
