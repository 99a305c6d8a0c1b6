using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Platform;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using S = Crisis.Web.Roster.RosterServiceRefusals;

namespace Crisis.Web.Roster;

/// <summary>
/// Imports shifts from CSV (coordinators): a header with <c>function</c>, <c>personId</c> or <c>personEmail</c>,
/// <c>start</c>, <c>end</c> (local times of the region), comma or semicolon separated; the export's Dutch headers
/// (<c>Functie;E-mail;Van;Tot</c>) and times (<c>14-12-2026 08:00</c>) too, a byte-order mark tolerated. Every row is checked; if any
/// is wrong nothing is imported and <see cref="RosterImportException"/> lists each bad row with its line number.
/// </summary>
public sealed class RosterImport(
    CrisisDbContext db, AuditTrail audit, IClock clock, RosterLookup lookup, RosterQualification qualification, RosterCommit commit)
{
    public const int MaxRows = 2000;

    private static readonly string[] RequiredColumns = ["function", "start", "end"];

    private sealed record Row(int Line, FunctionRecord Function, PersonRecord Person, ResolvedShiftTimes Times);

    public async Task<ImportOutcome> ImportAsync(Actor actor, string? csvText, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "roster.import", null, S.ImportDenied);
        if (TextRules.IsBlank(csvText))
        {
            throw S.ImportEmpty.Raise();
        }
        var functions = (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync(ct)).ToDictionary(f => f.Code, StringComparer.Ordinal);
        var people = await db.Set<PersonRecord>().AsNoTracking().ToListAsync(ct);
        var errors = new List<ImportRowError>();
        var rows = Read(csvText, functions, people, errors);

        var warnings = new List<Phrase>();
        if (rows.Count > 0)
        {
            var span = new Interval(rows.Min(r => r.Times.Start), rows.Max(r => r.Times.End));
            var qualified = await qualification.LoadAsync(
                rows.Select(r => r.Function.Code).Distinct().ToList(), rows.Select(r => r.Person.Id).Distinct().ToList(), span, ct);
            foreach (var (line, function, person, times) in rows)
            {
                if (!qualified.QualifiedAtStart(function.Code, person.Id, times.Interval))
                {
                    var problem = S.ImportNotQualified.With(
                        ("person", person.Name), ("function", function.Code), ("start", RosterTexts.WireTime(times.LocalStart)));
                    if (qualification.Policy == UnqualifiedAssignments.Refuse)
                    {
                        errors.Add(new ImportRowError(line, S.UnqualifiedRefused.With(("problem", problem))));
                    }
                    else
                    {
                        warnings.Add(S.ImportLineWarning.With(("line", line), ("problem", problem)));
                    }
                }
            }
        }
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, "roster.import", null, AuditOutcome.Rejected, $"{errors.Count} bad row(s), first on line {errors.Min(e => e.Line)}");
            throw new RosterImportException(errors.OrderBy(e => e.Line).ToList());
        }

        var now = clock.GetCurrentInstant();
        var records = rows.Select(r => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = r.Function.Code, PersonId = r.Person.Id, Start = r.Times.Start, End = r.Times.End,
            Zone = lookup.Zone.Id, Origin = ShiftOrigin.Manual, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        await commit.CommitAsync(records.Select(r => r.Function).Distinct().ToList(),
            () =>
            {
                db.AddRange(records);
                audit.Stage(db, actor, "roster.import", null, $"{records.Count} shift(s)");
            },
            new RosterChangeDto("roster.imported", null, records.Select(r => r.PersonId).Distinct().ToList(),
                records.Min(r => r.Start), records.Max(r => r.End), $"{records.Count} shift(s) were imported."),
            ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        return new ImportOutcome(records.Count, records.Select(r => lookup.Entry(r, names.GetValueOrDefault(r.PersonId))).ToList(), warnings);
    }

    /// <summary>The rows of the file that make a shift; every other row goes to <paramref name="errors"/> with its line.</summary>
    private List<Row> Read(string csvText, Dictionary<string, FunctionRecord> functions, List<PersonRecord> people, List<ImportRowError> errors)
    {
        var byId = people.ToDictionary(p => p.Id);
        var byEmail = people.ToDictionary(p => p.NormalizedEmail, StringComparer.Ordinal);
        var rows = new List<Row>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            NormalizeHeaderName = HeaderKey,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        try
        {
            using var csv = CsvReader.Create(new StringReader(CsvFile.StripBom(csvText)), options, false);
            var header = csv.Headers.Select(HeaderKey).ToHashSet();
            var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
            var missingNl = missing.ToList();
            if (!header.Contains("personid") && !header.Contains("personemail"))
            {
                missing.Add("personEmail or personId");
                missingNl.Add("personEmail of personId");
            }
            if (missing.Count > 0)
            {
                throw S.ImportHeaderIncomplete.Raise(("columns", new Bilingual(string.Join(", ", missing), string.Join(", ", missingNl))));
            }
            string? Field(string name) => csv.TryGetFieldIndex(name, out var i) && i < csv.FieldCount ? csv.GetString(i) : null;
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (rows.Count + errors.Count >= MaxRows)
                {
                    throw S.ImportTooLarge.Raise(("max", MaxRows));
                }
                try
                {
                    var functionText = Field("function");
                    var function = functions.GetValueOrDefault(RosterWire.FunctionCode(functionText))
                        ?? throw S.ImportRowFunctionUnknown.Raise(("function", functionText));
                    var person = PersonOf(Field("personid"), Field("personemail"), byId, byEmail);
                    var times = ShiftTimes.Resolve(Local(Field("start"), "start"), Local(Field("end"), "end"), lookup.Zone);
                    rows.Add(new Row(line, function, person, times));
                }
                catch (RuleViolationException ex) when (ex.Kind == ViolationKind.Invalid)
                {
                    errors.Add(new ImportRowError(line, ex.Phrase));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw S.ImportUnreadable.Raise(("reason", new Bilingual(ex.Message, "controleer de scheidingstekens en aanhalingstekens.")));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            throw S.ImportNoRows.Raise();
        }
        return rows;
    }

    private static readonly NodaTime.Text.LocalDateTimePattern DutchLocal =
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("d'-'M'-'uuuu' 'H':'mm");

    /// <summary>A column name as the import knows it: trimmed, lower case, the export's Dutch headers as their wire names.</summary>
    private static string HeaderKey(string name)
    {
        var key = CsvFile.StripBom(name).Trim().ToLowerInvariant();
        return RosterReports.ImportColumns.GetValueOrDefault(key, key);
    }

    /// <summary>A local time as the export writes it (<c>14-12-2026 08:00</c>) or as the API takes it.</summary>
    private static LocalDateTime Local(string? text, string field) =>
        DutchLocal.Parse(text?.Trim() ?? "") is { Success: true } dutch ? dutch.Value : RosterWire.ParseLocal(text, field);

    private static PersonRecord PersonOf(string? idText, string? emailText, Dictionary<Guid, PersonRecord> byId, Dictionary<string, PersonRecord> byEmail)
    {
        if (!TextRules.IsBlank(idText))
        {
            return !Guid.TryParse(idText, out var pid) ? throw S.ImportRowPersonIdInvalid.Raise(("id", idText))
                : byId.GetValueOrDefault(pid) ?? throw S.ImportRowPersonUnknown.Raise(("id", idText));
        }
        if (!TextRules.IsBlank(emailText))
        {
            return byEmail.GetValueOrDefault(Texts.NormalizeEmail(emailText))
                ?? throw S.ImportRowEmailUnknown.Raise(("email", emailText.Trim()));
        }
        throw S.ImportRowNoPerson.Raise();
    }
}
