using System.Globalization;
using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Paspoort;

/// <summary>A record as stored: the record, the name of who wrote it, and the later record that voided it, if any.</summary>
public sealed record StoredRecord(PaspoortRecord Record, string RecordedByName, Guid? VoidedBy = null)
{
    internal static StoredRecord From(PaspoortRecordRow row, Guid? voidedBy = null) => new(row.ToDomain(), row.RecordedByName, voidedBy);
}

/// <summary>
/// The paspoort's own tables: requirements and records, read as the domain's types, and saving with a refusal that
/// says what to do when another coordinator (or node) got there first.
/// </summary>
public sealed class PaspoortStore(CrisisDbContext db)
{
    public CrisisDbContext Db => db;

    /// <summary>The requirements in force, by function, then kind, then code.</summary>
    public async Task<List<Requirement>> ActiveRequirementsAsync(CancellationToken ct)
    {
        var rows = await db.Set<PaspoortRequirementRow>().AsNoTracking().Where(r => r.RemovedAt == null).ToListAsync(ct);
        return rows.OrderBy(r => r.Function, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => r.ToDomain()).ToList();
    }

    /// <summary>A requirement in force, tracked for changing; a 404 when the function has none with this code.</summary>
    public async Task<PaspoortRequirementRow> ActiveRequirementRowAsync(string function, string code, CancellationToken ct)
    {
        var f = (function ?? "").Trim().ToUpperInvariant();
        var c = (code ?? "").Trim().ToUpperInvariant();
        return await db.Set<PaspoortRequirementRow>().FirstOrDefaultAsync(r => r.Function == f && r.Code == c && r.RemovedAt == null, ct)
            ?? throw PaspoortRefusals.RequirementNotFound.Raise(("function", Texts.Shorten(f)), ("code", Texts.Shorten(c)));
    }

    /// <summary>The requirement row of a function and code, removed or not (a removed one comes back when added again).</summary>
    public Task<PaspoortRequirementRow?> RequirementRowAsync(string function, string code, CancellationToken ct) =>
        db.Set<PaspoortRequirementRow>().FirstOrDefaultAsync(r => r.Function == function && r.Code == code, ct);

    /// <summary>All records of one person.</summary>
    public async Task<List<PaspoortRecord>> RecordsOfAsync(Guid personId, CancellationToken ct) =>
        (await RowsOfAsync(personId, ct)).Select(r => r.ToDomain()).ToList();

    /// <summary>All records of these people.</summary>
    public async Task<List<PaspoortRecord>> RecordsOfAsync(IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        (await db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => people.Contains(r.PersonId)).ToListAsync(ct))
            .Select(r => r.ToDomain()).ToList();

    /// <summary>All records of one person as stored, with who voided what.</summary>
    public async Task<List<StoredRecord>> StoredRecordsOfAsync(Guid personId, CancellationToken ct)
    {
        var rows = await RowsOfAsync(personId, ct);
        var voidedBy = Voids.VoidedBy(rows.Select(r => r.ToDomain()));
        return rows.Select(r => StoredRecord.From(r, voidedBy.TryGetValue(r.Id, out var by) ? by : null)).ToList();
    }

    /// <summary>
    /// The records a query selects that are still in force (<see cref="Voids.InForce"/>): the voiding records are
    /// looked up by id, not by the query, since a correction may carry another date or status than what it voids.
    /// </summary>
    public async Task<List<StoredRecord>> InForceAsync(IQueryable<PaspoortRecordRow> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var voiders = await db.Set<PaspoortRecordRow>().AsNoTracking()
            .Where(r => r.VoidsRecordId != null && ids.Contains(r.VoidsRecordId.Value)).ToListAsync(ct);
        var inForce = Voids.InForce(rows.Concat(voiders).Select(r => r.ToDomain())).Select(r => r.Id).ToHashSet();
        return rows.Where(r => inForce.Contains(r.Id)).Select(r => StoredRecord.From(r)).ToList();
    }

    public IQueryable<PaspoortRecordRow> Records => db.Set<PaspoortRecordRow>();

    /// <summary>A record; a 404 when there is none.</summary>
    public async Task<PaspoortRecord> RecordAsync(Guid recordId, CancellationToken ct) =>
        (await db.Set<PaspoortRecordRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct))?.ToDomain()
            ?? throw PaspoortRefusals.RecordUnknown.Raise(("recordId", recordId));

    /// <summary>Adds a record to the unit of work and returns it as it will be stored.</summary>
    public StoredRecord Add(PaspoortRecord record, string recordedByName)
    {
        var row = PaspoortRecordRow.From(record, recordedByName);
        db.Add(row);
        return StoredRecord.From(row);
    }

    /// <summary>Saves; a unique key or concurrency clash (another node, another coordinator) becomes <paramref name="conflict"/>.</summary>
    public async Task SaveAsync(RuleViolationException conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw conflict;
        }
    }

    private Task<List<PaspoortRecordRow>> RowsOfAsync(Guid personId, CancellationToken ct) =>
        db.Set<PaspoortRecordRow>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
}

/// <summary>How the audit trail describes requirements and records.</summary>
internal static class PaspoortAuditText
{
    public static string Describe(Requirement r) =>
        $"{r.Kind.ToWire()} '{r.Name}' validForMonths={r.ValidForMonths?.ToString(CultureInfo.InvariantCulture) ?? "once"} minimumCount={r.MinimumCount}";

    public static string Describe(PaspoortRecord r) =>
        $"{r.Kind.ToWire()} '{r.Activity}' {r.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} function={r.Function ?? "-"} requirement={r.RequirementCode ?? "-"} result={r.Result?.ToWire() ?? "-"}"
        + (r.VoidsRecordId is { } v ? $" voids={v}" : "");
}
