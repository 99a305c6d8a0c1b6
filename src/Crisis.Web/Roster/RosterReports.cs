using System.Globalization;
using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Platform;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Duration = NodaTime.Duration;

namespace Crisis.Web.Roster;

/// <summary>The roster as a file: the CSV export (which the import reads back) and the monthly hours report.</summary>
public sealed class RosterReports(CrisisDbContext db, RosterLookup lookup, ShiftService shifts)
{
    /// <summary>
    /// The Dutch columns of the CSV export; the import reads the same file back (<see cref="ImportColumns"/>, extra
    /// columns are ignored). Local times as <c>14-12-2026 08:00</c>, hours with a decimal comma.
    /// </summary>
    public static readonly string[] ExportColumns =
        ["Functie", "Persoon-id", "E-mail", "Naam", "Van", "Tot", "Van (UTC)", "Tot (UTC)", "Uren", "Herkomst"];

    /// <summary>The import's column for each Dutch export header (lower case, as the import normalises them).</summary>
    public static readonly IReadOnlyDictionary<string, string> ImportColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["functie"] = "function", ["persoon-id"] = "personid", ["e-mail"] = "personemail", ["van"] = "start", ["tot"] = "end",
    };

    /// <summary>The shifts overlapping the days as CSV (<see cref="ExportColumns"/>), local times of the region.</summary>
    public async Task<string> ExportAsync(string? function, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        var list = await shifts.ListAsync(function, from, to, null, ct);
        var emails = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email, ct);
        return CsvFile.Write(ExportColumns, list.Select(s => (IReadOnlyList<string?>)[
            s.Function, s.PersonId.ToString(), emails.GetValueOrDefault(s.PersonId), s.PersonName,
            DutchFormat.DateTime(s.Start), DutchFormat.DateTime(s.End),
            NodaTime.Text.InstantPattern.General.Format(s.StartInstant), NodaTime.Text.InstantPattern.General.Format(s.EndInstant),
            CsvFile.Number(s.Hours), s.Origin.ToDutch()]));
    }

    /// <summary>The export's file name: <c>piketrooster-2026-12.csv</c> for a calendar month, else the days (and the function).</summary>
    public static string ExportFileName(string? function, LocalDate? from, LocalDate? to)
    {
        var name = "piketrooster";
        if (!string.IsNullOrWhiteSpace(function))
        {
            name += "-" + CsvFile.Slug(function);
        }
        if (from is { } f && to is { } t && f.Day == 1 && t == f.PlusMonths(1))
        {
            name += "-" + f.ToString("uuuu'-'MM", CultureInfo.InvariantCulture);
        }
        else
        {
            name += from is { } a ? "-" + a.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) : "";
            name += to is { } b ? "-tot-" + b.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) : "";
        }
        return name + ".csv";
    }

    /// <summary>The hours report as CSV with Dutch headers.</summary>
    public static string HoursCsv(HoursReportDto report) =>
        CsvFile.Write(
            ["Maand", "Persoon-id", "Naam", "E-mail", "Functie", "Diensten", "Uren"],
            report.Rows.Select(r => (IReadOnlyList<string?>)[
                report.Month, r.PersonId.ToString(), r.Name, r.Email, r.Function,
                r.Shifts.ToString(CultureInfo.InvariantCulture), CsvFile.Number(r.Hours)]));

    /// <summary>
    /// On-call hours per person and function in a calendar month of the region (for allowances): shifts are cut at
    /// 00:00 of the first of the month and of the next, and counted in real hours (a March with the change to
    /// summer time has one hour less).
    /// </summary>
    public async Task<HoursReport> HoursAsync(Actor actor, YearMonth month, CancellationToken ct = default)
    {
        await lookup.RequireCoordinatorAsync(actor, "roster.report.hours", null, RosterServiceRefusals.HoursReportDenied);
        var period = RosterPeriod.Of(month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1), lookup.Zone);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Set<ShiftRecord>().AsNoTracking().Where(s => s.Start < end && s.End > start).ToListAsync(ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var report = rows
            .GroupBy(s => (s.PersonId, s.Function))
            .Select(g =>
            {
                var total = g.Aggregate(Duration.Zero, (sum, s) => sum + (Instant.Min(s.End, end) - Instant.Max(s.Start, start)));
                var person = people.GetValueOrDefault(g.Key.PersonId);
                return new HoursRow(g.Key.PersonId, person?.Name ?? "?", person?.Email ?? "", g.Key.Function, g.Count(), ShiftTimes.Hours(total));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Function, StringComparer.Ordinal)
            .ToList();
        return new HoursReport(month, period.From, period.To, report.Sum(r => r.Hours), report);
    }
}
