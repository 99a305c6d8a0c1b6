using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>
/// The shifts of the piketrooster: everyone signed in reads them (who is on call is what officers need to know);
/// coordinators add, change, override and remove them.
/// </summary>
public sealed class ShiftService(
    CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup, RosterQualification qualification, RosterCommit commit)
{
    /// <summary>How many days a list without dates covers, from today.</summary>
    public const int DefaultDays = 35;

    private DbSet<ShiftRecord> Shifts => db.Set<ShiftRecord>();

    public async Task<ShiftEntry> CreateAsync(Actor actor, ShiftInput input, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "shift.create", null, S.ShiftCreateDenied);
        var (function, person, times) = await ResolveAsync(input, ct);
        var warnings = await qualification.CheckAsync(function, person, times.Interval, ct);
        var now = clock.GetCurrentInstant();
        var record = new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = function, PersonId = person.Id, Start = times.Start, End = times.End,
            Zone = lookup.Zone.Id, Origin = ShiftOrigin.Manual, CreatedAt = now, UpdatedAt = now,
        };
        await commit.CommitAsync([function],
            () =>
            {
                db.Add(record);
                audit.Stage(db, actor, "shift.create", $"shift/{record.Id}", $"{function} {person.Id} {times.Start}..{times.End}");
            },
            new RosterChangeDto("shift.created", function, [person.Id], times.Start, times.End,
                $"{person.Name} is on call for {function} from {RosterWire.Format(times.LocalStart)} to {RosterWire.Format(times.LocalEnd)}."),
            ct);
        return lookup.Entry(record, person.Name, warnings);
    }

    /// <summary>Changes a shift's function, person or times (coordinators). A generated shift changed by hand becomes an override.</summary>
    public async Task<ShiftEntry> UpdateAsync(Actor actor, Guid id, ShiftInput input, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "shift.update", $"shift/{id}", S.ShiftUpdateDenied);
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var (function, person, times) = await ResolveAsync(input, ct);
        var warnings = await qualification.CheckAsync(function, person, times.Interval, ct);
        var (oldFunction, oldPerson, oldStart, oldEnd) = (record.Function, record.PersonId, record.Start, record.End);
        await commit.CommitAsync([function, oldFunction],
            () =>
            {
                record.Function = function;
                record.PersonId = person.Id;
                record.Start = times.Start;
                record.End = times.End;
                record.Origin = record.Origin == ShiftOrigin.Manual ? ShiftOrigin.Manual : ShiftOrigin.Override;
                record.UpdatedAt = clock.GetCurrentInstant();
                audit.Stage(db, actor, "shift.update", $"shift/{id}",
                    $"{oldFunction} {oldPerson} {oldStart}..{oldEnd} -> {function} {person.Id} {times.Start}..{times.End}");
            },
            new RosterChangeDto("shift.updated", function, [person.Id, oldPerson], Instant.Min(oldStart, times.Start), Instant.Max(oldEnd, times.End),
                $"A shift of {function} now goes to {person.Name}, {RosterWire.Format(times.LocalStart)} to {RosterWire.Format(times.LocalEnd)}."),
            ct);
        return lookup.Entry(record, person.Name, warnings);
    }

    /// <summary>A coordinator gives a shift to someone else; regeneration leaves it alone from then on.</summary>
    public async Task<ShiftEntry> OverrideAsync(Actor actor, Guid id, Guid personId, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "shift.override", $"shift/{id}", S.ShiftOverrideDenied);
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var person = await lookup.PersonAsync(personId, "personId", ct);
        var warnings = await qualification.CheckAsync(record.Function, person, new Interval(record.Start, record.End), ct);
        var previous = record.PersonId;
        await commit.CommitAsync([record.Function],
            () =>
            {
                record.PersonId = person.Id;
                record.Origin = ShiftOrigin.Override;
                record.UpdatedAt = clock.GetCurrentInstant();
                audit.Stage(db, actor, "shift.override", $"shift/{id}", $"{previous} -> {person.Id}");
            },
            new RosterChangeDto("shift.overridden", record.Function, [person.Id, previous], record.Start, record.End,
                $"A coordinator gave the {record.Function} shift from {lookup.Local(record.Start)} to {lookup.Local(record.End)} to {person.Name}."),
            ct);
        return lookup.Entry(record, person.Name, warnings);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "shift.delete", $"shift/{id}", S.ShiftDeleteDenied);
        var record = await Shifts.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        await commit.CommitAsync([record.Function],
            () =>
            {
                db.Remove(record);
                audit.Stage(db, actor, "shift.delete", $"shift/{id}", $"{record.Function} {record.PersonId} {record.Start}..{record.End}");
            },
            new RosterChangeDto("shift.deleted", record.Function, [record.PersonId], record.Start, record.End,
                $"The {record.Function} shift from {lookup.Local(record.Start)} to {lookup.Local(record.End)} was removed."),
            ct);
    }

    public async Task<ShiftEntry> GetAsync(Guid id, CancellationToken ct = default)
    {
        var record = await Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NoShift(id);
        var names = await lookup.NamesAsync([record.PersonId], ct);
        return lookup.Entry(record, names.GetValueOrDefault(record.PersonId));
    }

    /// <summary>
    /// Shifts that overlap the whole local days from <paramref name="from"/> up to <paramref name="to"/>, in start order.
    /// Without dates: today and the <see cref="DefaultDays"/> after it; without an end: <see cref="DefaultDays"/> from the start.
    /// </summary>
    public async Task<IReadOnlyList<ShiftEntry>> ListAsync(
        string? function, LocalDate? from, LocalDate? to, Guid? personId, CancellationToken ct = default)
    {
        var period = PeriodOf(from, to);
        var query = Shifts.AsNoTracking().Where(s => s.Start < period.End && s.End > period.Start);
        if (function is not null)
        {
            var code = (await lookup.FunctionAsync(function, ct)).Code;
            query = query.Where(s => s.Function == code);
        }
        if (personId is { } pid)
        {
            query = query.Where(s => s.PersonId == pid);
        }
        var rows = await query.ToListAsync(ct);
        var names = await lookup.NamesAsync(rows.Select(r => r.PersonId), ct);
        return rows.OrderBy(r => r.Start).ThenBy(r => r.Function, StringComparer.Ordinal)
            .Select(r => lookup.Entry(r, names.GetValueOrDefault(r.PersonId))).ToList();
    }

    private RosterPeriod PeriodOf(LocalDate? from, LocalDate? to)
    {
        if (from is null && to is null)
        {
            var today = clock.GetCurrentInstant().InZone(lookup.Zone).Date;
            return RosterPeriod.Of(today, today.PlusDays(DefaultDays), lookup.Zone);
        }
        var start = from ?? throw RosterWireRefusals.DateRequired.RaiseFor("from", ("field", "from"));
        return RosterPeriod.Of(start, to ?? start.PlusDays(DefaultDays), lookup.Zone);
    }

    private async Task<(string Function, Organisation.PersonRecord Person, ResolvedShiftTimes Times)> ResolveAsync(ShiftInput input, CancellationToken ct)
    {
        var function = await lookup.FunctionAsync(input.Function, ct);
        var person = await lookup.PersonAsync(input.PersonId, "personId", ct);
        return (function.Code, person, ShiftTimes.Resolve(input.Start, input.End, lookup.Zone));
    }

    internal static RuleViolationException NoShift(Guid id) => S.ShiftNotFound.Raise(("id", id));
}
