using Crisis.Domain.Incidents;
using NodaTime;
using static Crisis.Domain.Incidents.LogEntryKind;
using static Crisis.Domain.Tests.Incidents.TestLog;

namespace Crisis.Domain.Tests.Incidents;

public class SitrepRenderingTests
{
    /// <summary>00:30Z on the day summer time starts: still winter time, 01:30 in Amsterdam.</summary>
    private static readonly Instant BeforeSwitch = Instant.FromUtc(2026, 3, 29, 0, 30);

    /// <summary>01:30Z on the same day: summer time since 01:00Z, 03:30 in Amsterdam.</summary>
    private static readonly Instant AfterSwitch = Instant.FromUtc(2026, 3, 29, 1, 30);

    private static Sitrep Report(IncidentInfo incident, params LogEntry[] log) => Sitrep.Draw(incident, log, DrawnAt, Amsterdam, LogTeams.Seeded);

    private static Sitrep Report(params LogEntry[] log) => Report(Incident(), log);

    private static string Markdown(Sitrep report) => SitrepRendering.ToMarkdown(report).ReplaceLineEndings("\n");

    private static string Html(Sitrep report) => SitrepRendering.ToHtml(report).ReplaceLineEndings("\n");

    #region Exercise mark

    [Fact]
    public void ToMarkdown_Exercise_IsMarkedOefeningAboveTheTitleAndInIt()
    {
        var markdown = Markdown(Report(Incident(exercise: true, title: "Waterkracht")));

        markdown.ShouldStartWith("> **OEFENING** — dit is een oefening, geen echt incident.\n");
        markdown.ShouldContain("# Situatierapport (OEFENING): Waterkracht\n");
    }

    [Fact]
    public void ToMarkdown_RealIncident_NeverSaysOefening() =>
        Markdown(Report(Entry(1, Situation))).ShouldNotContain("oefening", Case.Insensitive);

    [Fact]
    public void ToHtml_Exercise_IsMarkedOefeningInTitleBannersAndHeading()
    {
        var html = Html(Report(Incident(exercise: true, title: "Waterkracht")));

        html.ShouldContain("<title>Situatierapport OEFENING – Waterkracht</title>");
        html.ShouldContain("<h1>Situatierapport (OEFENING): Waterkracht</h1>");
        // A banner at the top and another at the bottom, so a printed page cannot lose both.
        html.Split("<div class=\"oefening\">").Length.ShouldBe(3);
    }

    [Fact]
    public void ToHtml_RealIncident_HasNoOefeningMark()
    {
        var html = Html(Report(Entry(1, Situation)));

        // The style sheet always names the class "oefening"; the mark itself is upper case.
        html.ShouldNotContain("OEFENING", Case.Sensitive);
        html.ShouldNotContain("<div class=\"oefening\">");
    }

    #endregion

    #region Escaping

    [Fact]
    public void ToHtml_ScriptInEntryText_IsEncoded()
    {
        var html = Html(Report(Entry(1, Situation, text: "<script>alert('x')</script> & meer")));

        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer");
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public void ToHtml_MarkupInTitleMunicipalityAndAuthor_IsEncoded()
    {
        var html = Html(Report(
            Incident(title: "<b>Brand</b>", municipality: "<i>Zeist</i>"),
            Entry(1, Decision, author: new AuthorRef(Guid.Empty, "<u>Piet</u>"))));

        html.ShouldContain("&lt;b&gt;Brand&lt;/b&gt;");
        html.ShouldContain("<li>Gemeente: &lt;i&gt;Zeist&lt;/i&gt;</li>");
        html.ShouldContain("&lt;u&gt;Piet&lt;/u&gt;");
        html.ShouldNotContain("<b>");
        html.ShouldNotContain("<i>");
        html.ShouldNotContain("<u>");
    }

    [Fact]
    public void ToHtml_NewlineInEntryText_BecomesALineBreak() =>
        Html(Report(Entry(1, Situation, text: "Weg afgesloten\nOmleiding via A12")))
            .ShouldContain("Weg afgesloten<br>Omleiding via A12");

    public static TheoryData<string, string, string> MarkdownEscapes => new()
    {
        { "plain text is left alone", "Brand in loods", "Brand in loods" },
        { "emphasis", "*let op*", @"\*let op\*" },
        { "underscore emphasis", "_let op_", @"\_let op\_" },
        { "code", "`rm -rf`", @"\`rm -rf\`" },
        { "link", "[hier](http://x.nl)", @"\[hier\](http://x.nl)" },
        { "inline HTML", "<b>vet</b>", @"\<b\>vet\</b\>" },
        { "heading marker", "# Kop", @"\# Kop" },
        { "table pipe", "a|b", @"a\|b" },
        { "backslash", @"C:\temp", @"C:\\temp" },
        { "leading list dash", "- punt", @"\- punt" },
        { "leading list plus", "+ punt", @"\+ punt" },
        { "dash inside the text", "Vreeswijk - Zuid", "Vreeswijk - Zuid" },
        { "newline", "regel 1\nregel 2", "regel 1 regel 2" },
        { "Windows newline", "regel 1\r\nregel 2", "regel 1 regel 2" },
        { "empty", "", "" },
    };

    [Theory]
    [MemberData(nameof(MarkdownEscapes))]
    public void Md_MarkupCharacters_AreEscaped(string description, string text, string expected) =>
        SitrepRendering.Md(text).ShouldBe(expected, description);

    [Fact]
    public void Md_Tilde_IsEscapedSoItCannotStrikeThrough() =>
        SitrepRendering.Md("~50 personen en ~20 auto's").ShouldBe(@"\~50 personen en \~20 auto's");

    [Fact]
    public void ToMarkdown_MarkupInEntryText_IsEscapedInTheEntryLine() =>
        Markdown(Report(Entry(1, Decision, text: "*Alle* scholen [dicht]")))
            .ShouldContain(@"— \*Alle\* scholen \[dicht\] _(#1, Jan de Vries)_");

    [Fact]
    public void ToMarkdown_MarkupInTitleMunicipalityAndAuthor_IsEscaped()
    {
        var markdown = Markdown(Report(
            Incident(title: "Brand *Havenweg*", municipality: "Bunnik_Noord"),
            Entry(1, Decision, author: new AuthorRef(Guid.Empty, "P. [de] Wit"))));

        markdown.ShouldContain(@"# Situatierapport: Brand \*Havenweg\*");
        markdown.ShouldContain(@"- Gemeente: Bunnik\_Noord");
        markdown.ShouldContain(@"_(#1, P. \[de\] Wit)_");
    }

    [Fact]
    public void ToMarkdown_MultiLineEntry_StaysOnOneLine() =>
        Markdown(Report(Entry(1, Decision, text: "Scholen dicht\n- ook kinderopvang")))
            .ShouldContain("- 29-03-2026 00:01 — Scholen dicht - ook kinderopvang _(#1, Jan de Vries)_\n");

    #endregion

    #region Time zone

    [Fact]
    public void ToMarkdown_EntriesAroundTheSummerTimeSwitch_ShowAmsterdamTime()
    {
        var markdown = Markdown(Report(
            Entry(1, Decision, at: BeforeSwitch, text: "Voor"),
            Entry(2, Decision, at: AfterSwitch, text: "Na")));

        markdown.ShouldContain("- 29-03-2026 01:30 — Voor _(#1, Jan de Vries)_\n");
        markdown.ShouldContain("- 29-03-2026 03:30 — Na _(#2, Jan de Vries)_\n");
        markdown.ShouldNotContain("00:30");
        markdown.ShouldNotContain("02:30");
    }

    [Fact]
    public void ToHtml_EntriesAroundTheSummerTimeSwitch_ShowAmsterdamTime()
    {
        var html = Html(Report(
            Entry(1, Decision, at: BeforeSwitch, text: "Voor"),
            Entry(2, Decision, at: AfterSwitch, text: "Na")));

        html.ShouldContain("<span class=\"when\">29-03-2026 01:30</span> Voor");
        html.ShouldContain("<span class=\"when\">29-03-2026 03:30</span> Na");
        html.ShouldNotContain("00:30");
        html.ShouldNotContain("02:30");
    }

    [Fact]
    public void ToMarkdown_DrawnAndOpened_ShowAmsterdamTimeAndZone()
    {
        var markdown = Markdown(Report());

        // Drawn 08:00Z (summer time) and opened 23:00Z the evening before (winter time, next day locally).
        markdown.ShouldContain("- Opgesteld: 29-03-2026 10:00 (Europe/Amsterdam)\n");
        markdown.ShouldContain("- Geopend: 29-03-2026 00:00\n");
    }

    public static TheoryData<string, Instant, string> AmsterdamTimes => new()
    {
        { "winter", Instant.FromUtc(2026, 1, 15, 12, 0), "15-01-2026 13:00" },
        { "summer", Instant.FromUtc(2026, 7, 1, 12, 0), "01-07-2026 14:00" },
        { "last minute of winter time", Instant.FromUtc(2026, 3, 29, 0, 59), "29-03-2026 01:59" },
        { "first minute of summer time", Instant.FromUtc(2026, 3, 29, 1, 0), "29-03-2026 03:00" },
        { "02:30 the first time, at the end of summer time", Instant.FromUtc(2026, 10, 25, 0, 30), "25-10-2026 02:30" },
        { "02:30 the second time, in winter time", Instant.FromUtc(2026, 10, 25, 1, 30), "25-10-2026 02:30" },
        { "UTC evening is the next day locally", Instant.FromUtc(2026, 12, 31, 23, 15), "01-01-2027 00:15" },
    };

    [Theory]
    [MemberData(nameof(AmsterdamTimes))]
    public void LocalTime_Amsterdam_FormatsDayMonthYearHourMinute(string description, Instant instant, string expected) =>
        SitrepRendering.LocalTime(instant, Amsterdam).ShouldBe(expected, description);

    #endregion

    #region Structure

    [Fact]
    public void ToMarkdown_SmallExercise_RendersTheWholeReport()
    {
        var report = Sitrep.Draw(
            Incident(exercise: true, title: "Oefening Waterkracht", municipality: "Nieuwegein", grip: 2),
            [
                Entry(1, Situation, at: BeforeSwitch, text: "Dijk bij Vreeswijk lekt"),
                Entry(2, LogEntryKind.Action, team: "PIM", at: AfterSwitch, text: "Persbericht opstellen"),
                Entry(3, Decision, at: AfterSwitch + Duration.FromMinutes(15), text: "Evacuatie Vreeswijk-Zuid"),
            ],
            DrawnAt,
            Amsterdam,
            LogTeams.Seeded);

        Markdown(report).ShouldBe(
            """
            > **OEFENING** — dit is een oefening, geen echt incident.

            # Situatierapport (OEFENING): Oefening Waterkracht

            - Opgesteld: 29-03-2026 10:00 (Europe/Amsterdam)
            - Opgeschaald: GRIP 2
            - Status: open
            - Gemeente: Nieuwegein
            - Geopend: 29-03-2026 00:00
            - Logregels: 3

            ## Algemeen

            ### Beeld
            29-03-2026 01:30 — Dijk bij Vreeswijk lekt _(#1, Jan de Vries)_

            ### Oordeel
            _Geen oordeel gemeld._

            ### Besluiten
            - 29-03-2026 03:45 — Evacuatie Vreeswijk-Zuid _(#3, Jan de Vries)_

            ### Open acties
            _Geen open acties._

            ## PIM

            ### Beeld
            _Geen beeld gemeld._

            ### Oordeel
            _Geen oordeel gemeld._

            ### Besluiten
            _Geen besluiten._

            ### Open acties
            - 29-03-2026 03:30 — Persbericht opstellen _(#2, Jan de Vries)_

            """);
    }

    [Fact]
    public void ToMarkdown_TeamsWithEntries_GetHeadingsInReportOrder()
    {
        var markdown = Markdown(Report(Entry(1, Situation, team: "ONDERSTEUNING"), Entry(2, Situation, team: "PIM")));

        var column = markdown.IndexOf("\n## Algemeen\n", StringComparison.Ordinal);
        var pim = markdown.IndexOf("\n## PIM\n", StringComparison.Ordinal);
        var ondersteuning = markdown.IndexOf("\n## ONDERSTEUNING\n", StringComparison.Ordinal);
        column.ShouldBeGreaterThanOrEqualTo(0);
        pim.ShouldBeGreaterThan(column);
        ondersteuning.ShouldBeGreaterThan(pim);
        markdown.ShouldNotContain("## OMGEVINGSZORG");
    }

    [Fact]
    public void ToHtml_TeamsWithEntries_GetHeadingsInReportOrder()
    {
        var html = Html(Report(Entry(1, Situation, team: "OMGEVINGSZORG"), Entry(2, Situation, team: "PIM")));

        var column = html.IndexOf("<h2>Algemeen</h2>", StringComparison.Ordinal);
        var pim = html.IndexOf("<h2>PIM</h2>", StringComparison.Ordinal);
        var omgevingszorg = html.IndexOf("<h2>OMGEVINGSZORG</h2>", StringComparison.Ordinal);
        column.ShouldBeGreaterThanOrEqualTo(0);
        pim.ShouldBeGreaterThan(column);
        omgevingszorg.ShouldBeGreaterThan(pim);
        html.ShouldNotContain("<h2>ONDERSTEUNING</h2>");
    }

    [Fact]
    public void ToHtml_EmptyColumn_SaysSoUnderEveryHeading()
    {
        var html = Html(Report());

        html.ShouldContain("<h3>Beeld</h3>\n<p class=\"none\">Geen beeld gemeld.</p>");
        html.ShouldContain("<h3>Oordeel</h3>\n<p class=\"none\">Geen oordeel gemeld.</p>");
        html.ShouldContain("<h3>Besluiten</h3>\n<p class=\"none\">Geen besluiten.</p>");
        html.ShouldContain("<h3>Open acties</h3>\n<p class=\"none\">Geen open acties.</p>");
    }

    [Fact]
    public void ToHtml_Entry_ShowsTimeTextSeqAndAuthor() =>
        Html(Report(Entry(4, Decision, at: AfterSwitch, text: "Noodverordening")))
            .ShouldContain("<li><div class=\"entry\"><span class=\"when\">29-03-2026 03:30</span> Noodverordening "
                + "<small>(#4, Jan de Vries)</small></div></li>");

    [Fact]
    public void ToHtml_IsAWholeDutchPage()
    {
        var html = Html(Report());

        html.ShouldStartWith("<!DOCTYPE html>\n<html lang=\"nl\">");
        html.ShouldEndWith("</body></html>\n");
    }

    [Theory]
    [InlineData("open, no GRIP", IncidentStatus.Open, 0, "Geen GRIP", "open")]
    [InlineData("closed at GRIP 3", IncidentStatus.Closed, 3, "GRIP 3", "gesloten")]
    public void ToMarkdownAndToHtml_Status_ShowGripAndStatusInDutch(
        string description, IncidentStatus status, int grip, string gripText, string statusText)
    {
        var report = Report(Incident(status: status, grip: grip));

        Markdown(report).ShouldContain($"- Opgeschaald: {gripText}\n- Status: {statusText}\n", Case.Sensitive, description);
        Html(report).ShouldContain($"<li>Opgeschaald: {gripText}</li>\n<li>Status: {statusText}</li>", Case.Sensitive, description);
    }

    [Fact]
    public void ToMarkdownAndToHtml_NoMunicipality_LeaveTheLineOut()
    {
        var report = Report(Incident(municipality: null));

        Markdown(report).ShouldNotContain("Gemeente");
        Html(report).ShouldNotContain("Gemeente");
    }

    [Fact]
    public void ToMarkdown_CorrectedAndCompletedEntries_AreLeftOut()
    {
        var markdown = Markdown(Report(
            Entry(1, Situation, text: "Brand in loods 4"),
            Entry(2, Situation, corrects: 1, text: "Brand in loods 7"),
            Entry(3, LogEntryKind.Action, text: "Buurt waarschuwen"),
            Entry(4, Info, completes: 3, text: "Buurt gewaarschuwd")));

        markdown.ShouldContain("Brand in loods 7");
        markdown.ShouldNotContain("Brand in loods 4");
        markdown.ShouldNotContain("Buurt waarschuwen");
        markdown.ShouldContain("- Logregels: 4\n");
    }

    #endregion
}
