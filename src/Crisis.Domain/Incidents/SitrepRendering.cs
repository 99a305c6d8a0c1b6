using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain.Incidents;

/// <summary>Renders a situation report as Markdown (to share) and as a self-contained HTML page (to print).</summary>
public static class SitrepRendering
{
    /// <summary>The word that marks everything an exercise produces.</summary>
    public const string ExerciseMark = "OEFENING";

    private static readonly LocalDateTimePattern LocalPattern =
        LocalDateTimePattern.CreateWithInvariantCulture("dd-MM-yyyy HH:mm");

    public static string LocalTime(Instant instant, DateTimeZone zone) =>
        LocalPattern.Format(instant.InZone(zone).LocalDateTime);

    public static string ToMarkdown(Sitrep report)
    {
        var i = report.Incident;
        var sb = new StringBuilder();
        if (i.Exercise)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"> **{ExerciseMark}** — dit is een oefening, geen echt incident.").AppendLine();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Situatierapport{(i.Exercise ? $" ({ExerciseMark})" : "")}: {Md(i.Title)}").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Opgesteld: {LocalTime(report.DrawnAt, report.Zone)} ({report.Zone.Id})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Opgeschaald: {GripLevel.ToDutch(i.Grip)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Status: {(i.Status == IncidentStatus.Open ? "open" : "gesloten")}");
        if (i.Municipality is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- Gemeente: {Md(i.Municipality)}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Geopend: {LocalTime(i.OpenedAt, report.Zone)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Logregels: {report.EntryCount.ToString(CultureInfo.InvariantCulture)}");
        foreach (var s in report.Sections)
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {Md(s.Team)}").AppendLine();
            sb.AppendLine("### Beeld");
            sb.AppendLine(s.LatestSituation is { } b ? Line(b, report.Zone) : "_Geen beeld gemeld._");
            MdList(sb, "Oordeel", s.Assessments, report.Zone, "_Geen oordeel gemeld._");
            MdList(sb, "Besluiten", s.Decisions, report.Zone, "_Geen besluiten._");
            MdList(sb, "Open acties", s.OpenActions, report.Zone, "_Geen open acties._");
        }
        return sb.ToString();
    }

    public static string ToHtml(Sitrep report)
    {
        var i = report.Incident;
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html lang=\"nl\"><head><meta charset=\"utf-8\">");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<title>Situatierapport{(i.Exercise ? $" {ExerciseMark}" : "")} – {H(i.Title)}</title>");
        sb.AppendLine("<style>body{font-family:system-ui,Arial,sans-serif;max-width:48rem;margin:2rem auto;color:#111}"
            + "h1{font-size:1.5rem}h2{border-bottom:2px solid #333;margin-top:2rem}h3{font-size:1rem;margin-bottom:.25rem}"
            + ".oefening{background:#ffd600;color:#000;font-weight:bold;text-align:center;padding:.5rem;border:3px solid #000;letter-spacing:.2em}"
            + ".meta{color:#333}.entry{margin:.25rem 0}.when{font-variant-numeric:tabular-nums;color:#444}.none{color:#666;font-style:italic}"
            + "@media print{body{margin:0}.oefening{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style>");
        sb.AppendLine("</head><body>");
        if (i.Exercise)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"oefening\">{ExerciseMark} — dit is een oefening, geen echt incident</div>");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>Situatierapport{(i.Exercise ? $" ({ExerciseMark})" : "")}: {H(i.Title)}</h1>");
        sb.AppendLine("<ul class=\"meta\">");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Opgesteld: {LocalTime(report.DrawnAt, report.Zone)} ({H(report.Zone.Id)})</li>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Opgeschaald: {GripLevel.ToDutch(i.Grip)}</li>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Status: {(i.Status == IncidentStatus.Open ? "open" : "gesloten")}</li>");
        if (i.Municipality is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Gemeente: {H(i.Municipality)}</li>");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Geopend: {LocalTime(i.OpenedAt, report.Zone)}</li>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<li>Logregels: {report.EntryCount.ToString(CultureInfo.InvariantCulture)}</li>");
        sb.AppendLine("</ul>");
        foreach (var s in report.Sections)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<section><h2>{H(s.Team)}</h2>");
            sb.AppendLine("<h3>Beeld</h3>");
            sb.AppendLine(s.LatestSituation is { } b ? HtmlEntry(b, report.Zone) : "<p class=\"none\">Geen beeld gemeld.</p>");
            HtmlList(sb, "Oordeel", s.Assessments, report.Zone, "Geen oordeel gemeld.");
            HtmlList(sb, "Besluiten", s.Decisions, report.Zone, "Geen besluiten.");
            HtmlList(sb, "Open acties", s.OpenActions, report.Zone, "Geen open acties.");
            sb.AppendLine("</section>");
        }
        if (i.Exercise)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"oefening\">{ExerciseMark}</div>");
        }
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void MdList(StringBuilder sb, string heading, IReadOnlyList<LogEntry> entries, DateTimeZone zone, string none)
    {
        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {heading}");
        if (entries.Count == 0)
        {
            sb.AppendLine(none);
            return;
        }
        foreach (var e in entries)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {Line(e, zone)}");
        }
    }

    private static void HtmlList(StringBuilder sb, string heading, IReadOnlyList<LogEntry> entries, DateTimeZone zone, string none)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h3>{heading}</h3>");
        if (entries.Count == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"none\">{none}</p>");
            return;
        }
        sb.AppendLine("<ul>");
        foreach (var e in entries)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<li>{HtmlEntry(e, zone)}</li>");
        }
        sb.AppendLine("</ul>");
    }

    private static string Line(LogEntry e, DateTimeZone zone) =>
        $"{LocalTime(e.At, zone)} — {Md(e.Text)} _(#{e.Seq.ToString(CultureInfo.InvariantCulture)}, {Md(e.Author.Name)})_";

    private static string HtmlEntry(LogEntry e, DateTimeZone zone) =>
        $"<div class=\"entry\"><span class=\"when\">{LocalTime(e.At, zone)}</span> {H(e.Text).Replace("\n", "<br>", StringComparison.Ordinal)} "
        + $"<small>(#{e.Seq.ToString(CultureInfo.InvariantCulture)}, {H(e.Author.Name)})</small></div>";

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Escapes what Markdown would otherwise read as markup, and keeps an entry on one line.</summary>
    internal static string Md(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        // A leading list or heading marker would turn the text into structure of its own.
        if (s.Length > 0 && "-+".Contains(s[0], StringComparison.Ordinal))
        {
            sb.Append('\\');
        }
        foreach (var c in s.ReplaceLineEndings(" "))
        {
            if ("\\`*_[]<>#|~".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
