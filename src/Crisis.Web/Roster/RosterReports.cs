using System.Globalization;
using Crisis.Domain.Roster;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Duration = NodaTime.Duration;

namespace Crisis.Web.Roster;

/// <summary>The roster as a file: the CSV export (which the import reads back) and the monthly hours report.</summary>
public sealed class RosterReports(CrisisDbContext db, RosterLookup lookup, ShiftService shifts)
{
    /// <summary>The columns of the CSV export; the import reads the same file back (extra columns are ignored).</summary>
    public static readonly string[] ExportColumns =
        ["function", "personId", "personEmail", "personName", "start", "end", "startInstant", "endInstant", "hours", "origin"];

    /// <summary>The shifts overlapping the days as CSV (<see cref="ExportColumns"/>), local times of the region.</summary>
    public async Task<string> ExportAsync(string? function, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        var list = await shifts.ListAsync(function, from, to, null, ct);
        var emails = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email, ct);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            csv.WriteHeader(ExportColumns);
            foreach (var s in list)
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
                csv.WriteField(s.Origin.ToWire());
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
