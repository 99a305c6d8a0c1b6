using System.Globalization;
using System.Net;
using System.Text;
using Crisis.Domain.Paspoort;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Paspoort;

/// <summary>A person's dossier as a printable page and as CSV, with Dutch labels.</summary>
public static class PaspoortExport
{
    /// <summary>
    /// CSV with one line per record (what the dossier rests on), separated by semicolons as Dutch spreadsheets expect.
    /// Cells that a spreadsheet would run as a formula (starting with =, +, -, @) are escaped.
    /// </summary>
    public static string ToCsv(DossierDto dossier, DateTimeZone zone) =>
        CsvFile.Write(
            ["Persoon", "Datum", "Soort", "Activiteit", "Functie", "Eis", "Resultaat", "Notities", "Status",
                "Telt mee", "Vastgelegd door", "Vastgelegd op", "Vervangt record", "Record"],
            dossier.Records.Select(r => (IReadOnlyList<string?>)[
                dossier.Person.Name, Iso(r.Date), KindDutch(r.Kind), r.Activity, r.Function ?? "", r.Requirement ?? "",
                ResultDutch(r.Result), r.Notes ?? "", RecordStateDutch(r), Counts(dossier, r.Id) ? "ja" : "nee",
                r.RecordedBy.Name, LocalTime(r.RecordedAt, zone), r.VoidsRecordId?.ToString() ?? "", r.Id.ToString()]));

    /// <summary>A self-contained HTML page for printing: the status per function and requirement, then every record.</summary>
    public static string ToHtml(DossierDto dossier, DateTimeZone zone)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>Veiligheidspaspoort ").Append(E(dossier.Person.Name)).Append("</title>");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
            + "th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top;font-size:10pt}th{background:#eee}"
            + ".current{background:#dff0d8}.expiring{background:#fcf8e3}.expired{background:#f2dede}.missing{background:#e0e0e0}"
            + ".void,.superseded{color:#777;text-decoration:line-through}@media print{body{margin:0}}</style></head><body>\n");
        sb.Append("<h1>Veiligheidspaspoort</h1>\n<p><strong>").Append(E(dossier.Person.Name)).Append("</strong> · ")
            .Append(E(dossier.Person.Municipality)).Append(" · ").Append(E(dossier.Person.Email)).Append("</p>\n");
        sb.Append("<p>Dossier vakbekwaamheid op ").Append(Iso(dossier.At)).Append(".</p>\n");

        if (dossier.Functions.Count == 0)
        {
            sb.Append("<p>Geen functies.</p>\n");
        }
        foreach (var f in dossier.Functions)
        {
            sb.Append("<h2>").Append(E(f.Name)).Append(" (").Append(E(f.Function)).Append(") – <span class=\"").Append(f.Status).Append("\">")
                .Append(StatusDutch(f.Status)).Append("</span>");
            if (f.QualifiedUntil is { } until)
            {
                sb.Append(" tot en met ").Append(Iso(until));
            }
            sb.Append("</h2>\n");
            if (f.Requirements.Count == 0)
            {
                sb.Append("<p>Voor deze functie gelden geen eisen.</p>\n");
                continue;
            }
            sb.Append("<table><thead><tr><th>Eis</th><th>Soort</th><th>Geldigheid</th><th>Minimaal</th><th>Status</th><th>Geldig tot en met</th></tr></thead><tbody>\n");
            foreach (var r in f.Requirements)
            {
                sb.Append("<tr><td>").Append(E(r.Name)).Append(" (").Append(E(r.Code)).Append(")</td><td>").Append(KindDutch(r.Kind))
                    .Append("</td><td>").Append(r.ValidForMonths is { } m ? $"{m} maanden" : "eenmalig")
                    .Append("</td><td>").Append(r.MinimumCount)
                    .Append("</td><td class=\"").Append(r.Status).Append("\">").Append(StatusDutch(r.Status))
                    .Append("</td><td>").Append(r.ValidUntil is { } v ? Iso(v) : "–").Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>Registraties</h2>\n");
        if (dossier.Records.Count == 0)
        {
            sb.Append("<p>Nog niets geregistreerd.</p>\n");
        }
        else
        {
            sb.Append("<table><thead><tr><th>Datum</th><th>Soort</th><th>Activiteit</th><th>Functie</th><th>Eis</th><th>Resultaat</th><th>Notities</th><th>Status</th><th>Vastgelegd door</th></tr></thead><tbody>\n");
            foreach (var r in dossier.Records)
            {
                var css = r.Status == "void" ? "void" : r.VoidedBy is not null ? "superseded" : "";
                sb.Append("<tr class=\"").Append(css).Append("\"><td>").Append(Iso(r.Date)).Append("</td><td>").Append(KindDutch(r.Kind))
                    .Append("</td><td>").Append(E(r.Activity)).Append("</td><td>").Append(E(r.Function ?? "–"))
                    .Append("</td><td>").Append(E(r.Requirement ?? "–")).Append("</td><td>").Append(ResultDutch(r.Result))
                    .Append("</td><td>").Append(E(r.Notes ?? "")).Append("</td><td>").Append(RecordStateDutch(r))
                    .Append("</td><td>").Append(E(r.RecordedBy.Name)).Append(", ").Append(LocalTime(r.RecordedAt, zone)).Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }
        sb.Append("<p><small>Afgedrukt uit Crisis. Doorgehaalde registraties zijn gecorrigeerd of ingetrokken en tellen niet mee.</small></p>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The Dutch label of a paspoort status wire name.</summary>
    public static string StatusDutch(string status) =>
        PaspoortStatuses.TryParse(status, out var s) ? s.ToDutch() : status;

    public static string KindDutch(string kind) => ActivityKinds.TryParse(kind, out var k) ? k.ToDutch() : kind;

    public static string ResultDutch(string? result) =>
        result is null ? "" : RecordResults.TryParse(result, out var r) ? r.ToDutch() : result;

    /// <summary>Concept, Bevestigd, Ingetrokken, or Vervangen when a later record corrected or confirmed it.</summary>
    public static string RecordStateDutch(RecordDto r) =>
        r.Status == "void" ? "Intrekking"
        : r.VoidedBy is not null ? "Vervangen"
        : RecordStatuses.TryParse(r.Status, out var s) ? s.ToDutch() : r.Status;

    public static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string LocalTime(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static bool Counts(DossierDto dossier, Guid recordId) =>
        dossier.Functions.Any(f => f.Requirements.Any(r => r.Evidence.Contains(recordId)));

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
