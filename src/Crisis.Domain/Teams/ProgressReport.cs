using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain.Teams;

/// <summary>An action as the progress report (voortgangsoverleg) needs it.</summary>
public sealed record ProgressAction(Guid Id, string Title, string Owner, LocalDate? Due, ActionStatus Status, LocalDate Opened, LocalDate? Closed);

/// <summary>One working group's part of the progress report.</summary>
public sealed record GroupProgress(string Code, string Name, IReadOnlyList<ProgressAction> Opened, IReadOnlyList<ProgressAction> Done, IReadOnlyList<ProgressAction> Overdue);

/// <summary>The voortgangsoverleg: per working group what was opened and done since a date, and what is overdue today.</summary>
public sealed record ProgressReport(LocalDate Since, LocalDate Today, IReadOnlyList<GroupProgress> Groups)
{
    /// <summary>
    /// Sorts the actions of each group: opened on or after <paramref name="since"/>, done (closed as done) on or after
    /// it, and overdue today (<see cref="ActionRules.IsOverdue"/>) whenever they were opened.
    /// </summary>
    public static ProgressReport Build(LocalDate since, LocalDate today, IEnumerable<(string Code, string Name, IReadOnlyList<ProgressAction> Actions)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new ProgressReport(since, today, groups.Select(g => new GroupProgress(g.Code, g.Name,
            g.Actions.Where(a => a.Opened >= since).OrderBy(a => a.Opened).ToList(),
            g.Actions.Where(a => a.Status == ActionStatus.Done && a.Closed >= since).OrderBy(a => a.Closed).ToList(),
            g.Actions.Where(a => ActionRules.IsOverdue(a.Status, a.Due, today)).OrderBy(a => a.Due).ToList())).ToList());
    }
}

/// <summary>The progress report as Markdown and as a printable HTML page, in Dutch (it goes to the AOV meeting).</summary>
public static class ProgressRendering
{
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("dd'-'MM'-'uuuu");

    public static string ToMarkdown(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Voortgangsoverleg werkgroepen");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Sinds {Date.Format(report.Since)}, stand {Date.Format(report.Today)}.");
        foreach (var g in report.Groups)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {Md(g.Name)} ({g.Code})");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Geopend: {g.Opened.Count} · Gereed: {g.Done.Count} · Over tijd: {g.Overdue.Count}");
            MdList(sb, "Geopend", g.Opened, "Geen nieuwe acties.");
            MdList(sb, "Gereed", g.Done, "Niets afgerond.");
            MdList(sb, "Over tijd", g.Overdue, "Niets over tijd.");
        }
        return sb.ToString();
    }

    public static string ToHtml(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Voortgangsoverleg werkgroepen</title>");
        sb.AppendLine("<style>body{font-family:system-ui,Arial,sans-serif;max-width:48rem;margin:2rem auto;color:#111}"
            + "h2{border-bottom:1px solid #999;margin-top:2rem}.none{color:#555;font-style:italic}.late{color:#b00020}"
            + "@media print{body{margin:0}h2{page-break-after:avoid}}</style></head><body>");
        sb.AppendLine("<h1>Voortgangsoverleg werkgroepen</h1>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p>Sinds {Date.Format(report.Since)}, stand {Date.Format(report.Today)}.</p>");
        foreach (var g in report.Groups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<h2>{H(g.Name)} ({H(g.Code)})</h2>");
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p>Geopend: {g.Opened.Count} · Gereed: {g.Done.Count} · Over tijd: {g.Overdue.Count}</p>");
            HtmlList(sb, "Geopend", g.Opened, "Geen nieuwe acties.", false);
            HtmlList(sb, "Gereed", g.Done, "Niets afgerond.", false);
            HtmlList(sb, "Over tijd", g.Overdue, "Niets over tijd.", true);
        }
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static string Line(ProgressAction a) =>
        $"{a.Title} ({a.Owner}{(a.Due is { } d ? ", uiterlijk " + Date.Format(d) : "")}, {a.Status.ToDutch().ToLowerInvariant()})";

    private static void MdList(StringBuilder sb, string heading, IReadOnlyList<ProgressAction> actions, string none)
    {
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {heading}");
        sb.AppendLine();
        if (actions.Count == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"_{none}_");
            return;
        }
        foreach (var a in actions)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {Md(Line(a))}");
        }
    }

    private static void HtmlList(StringBuilder sb, string heading, IReadOnlyList<ProgressAction> actions, string none, bool late)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h3>{heading}</h3>");
        if (actions.Count == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"none\">{none}</p>");
            return;
        }
        sb.AppendLine(late ? "<ul class=\"late\">" : "<ul>");
        foreach (var a in actions)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<li>{H(Line(a))}</li>");
        }
        sb.AppendLine("</ul>");
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Markdown-escapes what a person typed, so a title cannot make headings or links.</summary>
    private static string Md(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]()#+-!|<>".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
