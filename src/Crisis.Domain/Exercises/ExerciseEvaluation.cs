using System.Globalization;
using System.Text;
using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Exercises;

/// <summary>Everything the evaluation report of an exercise is drawn from.</summary>
public sealed record ExerciseEvaluation(
    IncidentInfo Incident,
    Scenario Scenario,
    ExerciseRun Run,
    IReadOnlyList<LogEntry> Entries,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<AlertFigure> Alerts,
    Instant DrawnAt,
    DateTimeZone Zone);

/// <summary>
/// The evaluation report of an exercise, in Dutch Markdown: every heading and the first line say OEFENING, so a print
/// of it can never be taken for a real incident's.
/// </summary>
public static class EvaluationRendering
{
    public const string Mark = "OEFENING";

    public static string ToMarkdown(ExerciseEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        var s = e.Scenario;
        var run = e.Run;
        Line(sb, $"> **{Mark}** — dit is een oefening, geen echt incident");
        Line(sb);
        Line(sb, $"# Evaluatie {Mark}: {Esc(e.Incident.Title)}");
        Line(sb);
        Line(sb, $"- Scenario: {Esc(s.Title)} ({s.Type.ToDutch()}){(s.OtoActivity is { } oto ? $", jaarplanactiviteit {Esc(oto)}" : "")}");
        Line(sb, $"- Status: {run.State.ToDutch()}");
        if (run.Clock.StartedAt is { } started)
        {
            Line(sb, $"- Gestart: {Local(started, e.Zone)}");
        }
        Line(sb, $"- Gespeelde oefentijd: {ExerciseTimes.HoursMinutes(run.Clock.ExerciseTimeAt(e.DrawnAt))} van {ExerciseTimes.HoursMinutes(Duration.FromMinutes(s.DurationMinutes))}");
        Line(sb, $"- Opgesteld: {Local(e.DrawnAt, e.Zone)}");
        Line(sb);

        Line(sb, $"## Doelen ({Mark})");
        Line(sb);
        if (s.Objectives.Count == 0)
        {
            Line(sb, "_Geen doelen in het scenario._");
        }
        foreach (var o in s.Objectives)
        {
            Line(sb, $"- **{Esc(o.Id)}** {Esc(o.Text)}");
            foreach (var c in o.Criteria)
            {
                Line(sb, $"  - {Esc(c)}");
            }
        }
        Line(sb);

        Line(sb, $"## Injects ({Mark})");
        Line(sb);
        Line(sb, "| Inject | Oefentijd | Aan | Titel | Status | Logregel |");
        Line(sb, "|---|---|---|---|---|---|");
        foreach (var i in run.Injects.OrderBy(i => i.DeliveredAt ?? i.At ?? Duration.MaxValue).ThenBy(i => i.Order))
        {
            var scripted = s.Inject(i.Id);
            var to = scripted?.To.Code ?? i.AdHoc?.To.Code ?? "";
            var title = scripted?.Title ?? "Tegenspel";
            var time = i.DeliveredAt ?? i.At;
            Line(sb, $"| {Esc(i.Id)} | {(time is { } t ? ExerciseTimes.HoursMinutes(t) : "–")} | {Esc(to)} | {Cell(title)} | {i.Status.ToDutch()} | {(i.Seq is { } q ? $"#{q}" : "–")} |");
        }
        Line(sb);

        Line(sb, $"## Verwachte acties ({Mark})");
        Line(sb);
        Line(sb, "| Actie | Wat | Door | Binnen | Status | Minuten tot actie | Logregel |");
        Line(sb, "|---|---|---|---|---|---|---|");
        foreach (var (inject, action) in s.ExpectedActions)
        {
            var state = run.Actions.FirstOrDefault(a => a.Id == action.Id);
            var status = state is null ? "–" : state.Status == ActionStatus.Open && state.DueAt is null ? "Niet gevraagd" : state.Status.ToDutch();
            var late = state?.MinutesToAction is { } m && m > action.WithinMinutes ? " (te laat)" : "";
            Line(sb, $"| {Esc(action.Id)} ({Esc(inject.Id)}) | {Cell(action.Text)} | {Esc(action.By)} | {action.WithinMinutes} min | {status} | "
                + $"{(state?.MinutesToAction is { } mm ? $"{mm} min{late}" : "–")} | {(state?.MetBySeq is { } seq ? $"#{seq}" : "–")} |");
        }
        Line(sb);

        Line(sb, $"## Waarnemingen per doel ({Mark})");
        Line(sb);
        var groups = e.Observations.GroupBy(o => o.Objective ?? "").OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        if (e.Observations.Count == 0)
        {
            Line(sb, "_Geen waarnemingen._");
        }
        foreach (var g in groups)
        {
            var objective = s.Objectives.FirstOrDefault(o => o.Id == g.Key);
            Line(sb, g.Key.Length == 0 ? "### Algemeen" : $"### {Esc(g.Key)}{(objective is null ? "" : $" {Esc(objective.Text)}")}");
            foreach (var o in g.OrderBy(o => o.At))
            {
                Line(sb, $"- {ExerciseTimes.HoursMinutes(o.ExerciseTime)} {(o.Rating is { } r ? $"**{r.ToDutch()}** " : "")}{Esc(o.Text)}"
                    + $"{(o.Seq is { } q ? $" (logregel #{q})" : "")} — {Esc(o.Author.Name)}");
            }
            Line(sb);
        }
        Line(sb);

        Line(sb, $"## Besluiten ({Mark})");
        Line(sb);
        var decisions = e.Entries.Where(x => x.Kind == LogEntryKind.Decision).ToList();
        if (decisions.Count == 0)
        {
            Line(sb, "_Geen besluiten in het logboek._");
        }
        foreach (var d in decisions)
        {
            Line(sb, $"- #{d.Seq} {ExerciseTimes.HoursMinutes(run.Clock.ExerciseTimeAt(d.At))} {Esc(d.Text)} — {Esc(d.Author.Name)}");
        }
        Line(sb);

        Line(sb, $"## Alarmering ({Mark})");
        Line(sb);
        if (e.Alerts.Count == 0)
        {
            Line(sb, "_Geen alarmering in deze oefening._");
        }
        else
        {
            Line(sb, "| Functie | Gealarmeerd | Beantwoord | Gemiddeld | Langst |");
            Line(sb, "|---|---|---|---|---|");
            foreach (var g in e.Alerts.GroupBy(a => a.Function).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var answered = g.Where(a => a.MinutesToAnswer is not null).Select(a => a.MinutesToAnswer!.Value).ToList();
                Line(sb, $"| {Esc(g.Key)} | {g.Count()} | {answered.Count} | {(answered.Count == 0 ? "–" : $"{Minutes(answered.Average())} min")} | "
                    + $"{(answered.Count == 0 ? "–" : $"{Minutes(answered.Max())} min")} |");
            }
            Line(sb);
            foreach (var a in e.Alerts)
            {
                Line(sb, $"- {Esc(a.Function)}: {Esc(a.Person ?? "niemand")}, {Esc(a.Response)}{(a.MinutesToAnswer is { } m ? $" na {Minutes(m)} min" : "")}");
            }
        }
        Line(sb);

        Line(sb, $"## Tijdlijn ({Mark})");
        Line(sb);
        foreach (var x in e.Entries)
        {
            Line(sb, $"- #{x.Seq} {ExerciseTimes.HoursMinutes(run.Clock.ExerciseTimeAt(x.At))} ({Local(x.At, e.Zone)}) **{x.Kind.ToDutch()}**"
                + $"{(x.AddressedTo is { } to ? $" aan {Esc(to.Code)}" : "")} {Esc(Flat(x.Text))} — {Esc(x.Author.Name)}");
        }
        if (e.Entries.Count == 0)
        {
            Line(sb, "_Het logboek is leeg._");
        }
        return sb.ToString();
    }

    private static string Minutes(double m) => m.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"));

    private static string Local(Instant i, DateTimeZone zone) =>
        i.InZone(zone).LocalDateTime.ToString("dd-MM-uuuu HH:mm", CultureInfo.InvariantCulture);

    private static string Flat(string s) => s.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " · ", StringComparison.Ordinal);

    private static string Cell(string s) => Esc(Flat(s));

    // The report's own Markdown must survive any text: entries are people's words, not markup.
    private static string Esc(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
