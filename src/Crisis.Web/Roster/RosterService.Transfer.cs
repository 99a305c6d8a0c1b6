using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crisis.Domain;
using Crisis.Domain.Roster;
using Crisis.Web.Audit;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using CsvHelper;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Duration = NodaTime.Duration;

namespace Crisis.Web.Roster;

/// <summary>A CSV import with bad rows: nothing was imported; every bad row is listed with its line number.</summary>
public sealed class RosterImportException(IReadOnlyList<ImportError> errors)
    : Exception($"The import was refused: {errors.Count} row(s) are wrong, so nothing was imported. Correct them and import the whole file again.")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

public sealed partial class RosterService
{
    public const int MaxImportRows = 2000;

    /// <summary>The columns of the CSV export; the import reads the same file back (extra columns are ignored).</summary>
    public static readonly string[] ExportColumns =
        ["function", "personId", "personEmail", "personName", "start", "end", "startInstant", "endInstant", "hours", "origin"];

    /// <summary>
    /// Imports shifts from CSV: a header with <c>function</c>, <c>personId</c> or <c>personEmail</c>, <c>start</c>, <c>end</c>
    /// (local times of the region), comma or semicolon separated. Every row is checked; if any is wrong nothing is
    /// imported and <see cref="RosterImportException"/> lists each bad row with its line number.
    /// </summary>
    public async Task<ImportResultDto> ImportAsync(Actor actor, string? csvText, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "roster.import", null, "Only coordinators can import shifts.");
        if (string.IsNullOrWhiteSpace(csvText))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "The CSV is empty; send a header (function,personEmail,start,end) and one row per shift.");
        }
        var functions = (await db.Set<FunctionRecord>().AsNoTracking().ToListAsync(ct)).ToDictionary(f => f.Code, StringComparer.Ordinal);
        var people = await db.Set<PersonRecord>().AsNoTracking().ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id);
        var byEmail = people.ToDictionary(p => p.NormalizedEmail, StringComparer.Ordinal);

        var errors = new List<ImportError>();
        var rows = new List<(int Line, FunctionRecord Function, PersonRecord Person, ResolvedShiftTimes Times)>();
        var csvOptions = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        try
        {
            using var csv = CsvReader.Create(new StringReader(csvText), csvOptions, false);
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
            var missing = new[] { "function", "start", "end" }.Where(c => !header.Contains(c)).ToList();
            if (!header.Contains("personid") && !header.Contains("personemail"))
            {
                missing.Add("personEmail or personId");
            }
            if (missing.Count > 0)
            {
                throw LegacyRefusals.Of(ViolationKind.Invalid, $"The CSV header lacks the column(s) {string.Join(", ", missing)}; expected function,personEmail (or personId),start,end.");
            }
            string? Field(string name) =>
                csv.TryGetFieldIndex(name, out var i) && i < csv.FieldCount ? csv.GetString(i) : null;
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (rows.Count + errors.Count >= MaxImportRows)
                {
                    throw LegacyRefusals.Of(ViolationKind.TooLarge, $"An import has at most {MaxImportRows} rows; split the file.");
                }
                try
                {
                    var functionText = Field("function");
                    var code = RosterWire.FunctionCode(functionText);
                    if (!functions.TryGetValue(code, out var function))
                    {
                        throw LegacyRefusals.Of(ViolationKind.Invalid, $"unknown function '{functionText}'.");
                    }
                    PersonRecord? person;
                    var idText = Field("personid");
                    var emailText = Field("personemail");
                    if (!string.IsNullOrWhiteSpace(idText))
                    {
                        person = Guid.TryParse(idText, out var pid) ? byId.GetValueOrDefault(pid) : throw LegacyRefusals.Of(ViolationKind.Invalid, $"personId '{idText}' is not an id.");
                        if (person is null)
                        {
                            throw LegacyRefusals.Of(ViolationKind.Invalid, $"there is no person {idText}.");
                        }
                    }
                    else if (!string.IsNullOrWhiteSpace(emailText))
                    {
                        person = byEmail.GetValueOrDefault(emailText.Trim().ToUpperInvariant())
                            ?? throw LegacyRefusals.Of(ViolationKind.Invalid, $"there is no person with email {emailText.Trim()}.");
                    }
                    else
                    {
                        throw LegacyRefusals.Of(ViolationKind.Invalid, "the row names no person (personEmail or personId).");
                    }
                    var times = ShiftTimes.Resolve(RosterWire.ParseLocal(Field("start"), "start"), RosterWire.ParseLocal(Field("end"), "end"), zone);
                    rows.Add((line, function, person, times));
                }
                catch (RuleViolationException ex) when (ex.Kind == ViolationKind.Invalid)
                {
                    errors.Add(new ImportError(line, ex.Message));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, $"The file is not readable as CSV: {ex.Message}");
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "The CSV has a header but no rows.");
        }

        var warnings = new List<string>();
        if (rows.Count > 0)
        {
            var span = new Interval(rows.Min(r => r.Times.Start), rows.Max(r => r.Times.End));
            var qualification = await QualificationAsync(rows.Select(r => r.Function.Code).Distinct().ToList(), rows.Select(r => r.Person.Id).Distinct().ToList(), span, ct);
            foreach (var (line, function, person, times) in rows)
            {
                var qualified = qualification(function.Code, person.Id, times.Interval);
                if (!qualified.Any(i => i.Start <= times.Start && times.Start < i.End))
                {
                    var message = $"{person.Name} is not qualified for {function.Code} at {RosterWire.Format(times.LocalStart)}.";
                    if (Policy == UnqualifiedAssignments.Refuse)
                    {
                        errors.Add(new ImportError(line, message + " This roster refuses unqualified assignments."));
                    }
                    else
                    {
                        warnings.Add($"Line {line}: {message}");
                    }
                }
            }
        }
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, "roster.import", null, AuditOutcome.Rejected, $"{errors.Count} bad row(s), first on line {errors[0].Line}");
            throw new RosterImportException(errors.OrderBy(e => e.Line).ToList());
        }

        var now = clock.GetCurrentInstant();
        var records = rows.Select(r => new ShiftRecord
        {
            Id = Guid.NewGuid(), Function = r.Function.Code, PersonId = r.Person.Id, Start = r.Times.Start, End = r.Times.End,
            Zone = zone.Id, Origin = ShiftOrigin.Manual, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        await CommitAsync(records.Select(r => r.Function).Distinct().ToList(),
            () =>
            {
                db.AddRange(records);
                audit.Stage(db, actor, "roster.import", null, $"{records.Count} shift(s)");
            },
            new RosterChangeDto("roster.imported", null, records.Select(r => r.PersonId).Distinct().ToList(),
                records.Min(r => r.Start), records.Max(r => r.End), $"{records.Count} shift(s) were imported."),
            ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        return new ImportResultDto(records.Count, records.Select(r => ToDto(r, names.GetValueOrDefault(r.PersonId))).ToList(), warnings);
    }

    /// <summary>The shifts overlapping the days as CSV (<see cref="ExportColumns"/>), local times of the region.</summary>
    public async Task<string> ExportAsync(string? function, string? from, string? to, CancellationToken ct = default)
    {
        var shifts = await ListShiftsAsync(function, from, to, null, ct);
        var emails = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email, ct);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            csv.WriteHeader(ExportColumns);
            foreach (var s in shifts)
            {
                csv.WriteField(s.Function);
                csv.WriteField(s.PersonId.ToString());
                csv.WriteField(emails.GetValueOrDefault(s.PersonId));
                csv.WriteField(s.PersonName);
                csv.WriteField(RosterWire.Format(s.Start));
                csv.WriteField(RosterWire.Format(s.End));
                csv.WriteField(NodaTime.Text.InstantPattern.General.Format(s.StartInstant));
                csv.WriteField(NodaTime.Text.InstantPattern.General.Format(s.EndInstant));
                csv.WriteField(s.Hours.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(s.Origin);
                csv.EndRecord();
            }
        }
        return writer.ToString();
    }

    /// <summary>
    /// On-call hours per person and function in a calendar month of the region (for allowances): shifts are cut at
    /// 00:00 of the first of the month and of the next, and counted in real hours (a March with the change to
    /// summer time has one hour less).
    /// </summary>
    public async Task<HoursReportDto> HoursReportAsync(Actor actor, string? month, CancellationToken ct = default)
    {
        await RequireCoordinatorAsync(actor, "roster.report.hours", null, "Only coordinators can see the hours report.");
        var ym = RosterWire.ParseMonth(month, "month");
        var period = RosterPeriod.Of(ym.OnDayOfMonth(1), ym.OnDayOfMonth(1).PlusMonths(1), zone);
        var (start, end) = (period.Start, period.End);
        var shifts = await Shifts.AsNoTracking().Where(s => s.Start < end && s.End > start).ToListAsync(ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var rows = shifts
            .GroupBy(s => (s.PersonId, s.Function))
            .Select(g =>
            {
                var total = g.Aggregate(Duration.Zero, (sum, s) => sum + (Instant.Min(s.End, end) - Instant.Max(s.Start, start)));
                var person = people.GetValueOrDefault(g.Key.PersonId);
                return new HoursRowDto(g.Key.PersonId, person?.Name ?? "?", person?.Email ?? "", g.Key.Function, g.Count(), ShiftTimes.Hours(total));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Function, StringComparer.Ordinal)
            .ToList();
        return new HoursReportDto(NodaTime.Text.YearMonthPattern.Iso.Format(ym), period.From, period.To, rows.Sum(r => r.Hours), rows);
    }

    public static string HoursCsv(HoursReportDto report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            csv.WriteHeader(["month", "personId", "name", "email", "function", "shifts", "hours"]);
            foreach (var r in report.Rows)
            {
                csv.WriteField(report.Month);
                csv.WriteField(r.PersonId.ToString());
                csv.WriteField(r.Name);
                csv.WriteField(r.Email);
                csv.WriteField(r.Function);
                csv.WriteField(r.Shifts.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.Hours.ToString(CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }
        return writer.ToString();
    }

    // ---------------------------------------------------------------- calendar feeds

    /// <summary>How far back a feed reaches: enough for last quarter's allowance questions, small enough to stay quick.</summary>
    public static readonly Duration FeedHistory = Duration.FromDays(92);

    /// <summary>The person's shifts as iCalendar (RFC 5545), for the person themself or a coordinator.</summary>
    public async Task<string> CalendarAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "calendar.read", "Only coordinators and the person themself can read their calendar.");
        return await BuildCalendarAsync(person, ct);
    }

    /// <summary>The feed behind a subscription URL, or null when the token is unknown or revoked.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        var subscription = await db.Set<CalendarSubscriptionRecord>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
        if (subscription is null)
        {
            return null;
        }
        var person = await db.Set<PersonRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == subscription.PersonId, ct);
        return person is null ? null : await BuildCalendarAsync(person, ct);
    }

    /// <summary>
    /// A new secret subscription URL for the person (self or coordinator); any earlier one stops working. The token is
    /// shown once and stored only as its SHA-256 hash.
    /// </summary>
    public async Task<SubscriptionDto> CreateSubscriptionAsync(Actor actor, Guid personId, Uri baseUri, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "calendar.subscribe", "Only coordinators and the person themself can make a calendar link.");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        var active = await db.Set<CalendarSubscriptionRecord>().Where(s => s.PersonId == personId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var old in active)
        {
            old.RevokedAt = now;
        }
        db.Add(new CalendarSubscriptionRecord { Id = Guid.NewGuid(), PersonId = personId, TokenHash = HashToken(token), CreatedAt = now });
        audit.Stage(db, actor, "calendar.subscribe", $"person/{personId}", active.Count > 0 ? $"replaced {active.Count}" : null);
        await db.SaveChangesAsync(ct);
        return new SubscriptionDto(personId, new Uri(baseUri, $"/feeds/roster/{token}.ics").ToString(), now);
    }

    public async Task RevokeSubscriptionAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await Person404Async(personId, ct);
        await RequireSelfOrCoordinatorAsync(actor, person, "calendar.revoke", "Only coordinators and the person themself can revoke a calendar link.");
        var now = clock.GetCurrentInstant();
        var active = await db.Set<CalendarSubscriptionRecord>().Where(s => s.PersonId == personId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var s in active)
        {
            s.RevokedAt = now;
        }
        audit.Stage(db, actor, "calendar.revoke", $"person/{personId}", $"{active.Count} link(s)");
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> BuildCalendarAsync(PersonRecord person, CancellationToken ct)
    {
        var since = clock.GetCurrentInstant() - FeedHistory;
        var shifts = await Shifts.AsNoTracking().Where(s => s.PersonId == person.Id && s.End > since).ToListAsync(ct);
        var names = await db.Set<FunctionRecord>().AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Crisis//Piketrooster//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"Piket {person.Name}");
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        foreach (var s in shifts.OrderBy(s => s.Start))
        {
            var name = names.GetValueOrDefault(s.Function) ?? s.Function;
            // UTC times: every client (Outlook, Google, Apple) reads them the same, without relying on VTIMEZONE rules.
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.Id:N}@crisis-piket",
                Summary = $"Piket {name}",
                Description = $"{name} ({s.Function}), {RosterWire.Format(Local(s.Start))} tot {RosterWire.Format(Local(s.End))} ({zone.Id}), {ShiftTimes.Hours(s.End - s.Start).ToString(CultureInfo.InvariantCulture)} uur.",
                DtStart = new CalDateTime(s.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(s.End.ToDateTimeUtc()),
                DtStamp = new CalDateTime(s.UpdatedAt.ToDateTimeUtc()),
                Transparency = TransparencyType.Transparent,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    internal static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
