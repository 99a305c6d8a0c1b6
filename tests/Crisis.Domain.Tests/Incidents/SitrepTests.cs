using Crisis.Domain.Incidents;
using CsCheck;
using static Crisis.Domain.Incidents.LogEntryKind;
using static Crisis.Domain.Tests.Incidents.TestLog;

namespace Crisis.Domain.Tests.Incidents;

public class SitrepTests
{
    private static Sitrep Draw(params LogEntry[] log) => Sitrep.Draw(Incident(), log, DrawnAt, Amsterdam, LogTeams.Seeded);

    private static string[] SectionNames(Sitrep report) => report.Sections.Select(s => s.Team).ToArray();

    #region Sections

    [Fact]
    public void Draw_EmptyLog_HasOnlyAnEmptyColumnSection()
    {
        var report = Draw();

        SectionNames(report).ShouldBe(["Algemeen"]);
        var column = report.Section("Algemeen");
        column.LatestSituation.ShouldBeNull();
        column.Assessments.ShouldBeEmpty();
        column.Decisions.ShouldBeEmpty();
        column.OpenActions.ShouldBeEmpty();
    }

    [Fact]
    public void Draw_OnlyTeamEntries_StillHasTheColumnSection() =>
        SectionNames(Draw(Entry(1, Situation, team: "PIM"))).ShouldBe(["Algemeen", "PIM"]);

    [Fact]
    public void Draw_EntriesForSomeTeams_HasSectionsOnlyForThoseTeams() =>
        SectionNames(Draw(Entry(1, Situation, team: "ONDERSTEUNING"), Entry(2, Decision, team: "PIM")))
            .ShouldBe(["Algemeen", "PIM", "ONDERSTEUNING"]);

    [Fact]
    public void Draw_EveryTeam_ListsSectionsInFixedOrderWhateverTheLogOrder() =>
        SectionNames(Draw(
                Entry(1, Situation, team: "ONDERSTEUNING"),
                Entry(2, Situation, team: "OMGEVINGSZORG"),
                Entry(3, Situation, team: "PIM"),
                Entry(4, Situation)))
            .ShouldBe(["Algemeen", "PIM", "OMGEVINGSZORG", "ONDERSTEUNING"]);

    [Fact]
    public void Draw_TeamsOfTheRegion_AreListedInTheirOrder() =>
        SectionNames(Sitrep.Draw(Incident(), [Entry(1, Situation, team: "PIM"), Entry(2, Situation, team: "NAFASE")], DrawnAt, Amsterdam,
                LogTeams.Of(["NAFASE", "PIM"])))
            .ShouldBe(["Algemeen", "NAFASE", "PIM"]);

    [Fact]
    public void Draw_EntriesStoredUnderAnEarlierSpelling_CountForTheTeamsCode()
    {
        var report = Draw(Entry(1, Situation, team: "OMGEVINGSZORG"), Entry(2, Decision, team: "OMGEVINGSZORG"));

        SectionNames(report).ShouldBe(["Algemeen", "OMGEVINGSZORG"]);
        report.Section("OMGEVINGSZORG").LatestSituation!.Seq.ShouldBe(1);
        report.Section("OMGEVINGSZORG").Decisions.ShouldHaveSeqs(2);
    }

    [Fact]
    public void Draw_EntryOfATeamTheRegionDoesNotList_IsStillReportedAfterTheTeams() =>
        SectionNames(Draw(Entry(1, Situation, team: "Brandweer"), Entry(2, Situation, team: "PIM")))
            .ShouldBe(["Algemeen", "PIM", "Brandweer"]);

    [Fact]
    public void Draw_TeamWithOnlyAnInfo_HasASectionWithNothingListed()
    {
        var report = Draw(Entry(1, Info, team: "OMGEVINGSZORG"));

        SectionNames(report).ShouldBe(["Algemeen", "OMGEVINGSZORG"]);
        var team = report.Section("OMGEVINGSZORG");
        team.LatestSituation.ShouldBeNull();
        team.Assessments.ShouldBeEmpty();
        team.Decisions.ShouldBeEmpty();
        team.OpenActions.ShouldBeEmpty();
    }

    [Fact]
    public void Draw_TeamWhoseOnlyEntryWasMovedAway_HasNoSection() =>
        SectionNames(Draw(Entry(1, Situation, team: "PIM"), Entry(2, Situation, team: "OMGEVINGSZORG", corrects: 1)))
            .ShouldBe(["Algemeen", "OMGEVINGSZORG"]);

    [Fact]
    public void Draw_Always_KeepsIncidentTimeZoneAndCountsEveryEntry()
    {
        var incident = Incident(title: "Stroomstoring Zeist");
        var report = Sitrep.Draw(
            incident, [Entry(1, Situation), Entry(2, Situation, corrects: 1), Entry(3, Info)], DrawnAt, Amsterdam, LogTeams.Seeded);

        report.Incident.ShouldBe(incident);
        report.DrawnAt.ShouldBe(DrawnAt);
        report.Zone.Id.ShouldBe("Europe/Amsterdam");
        report.EntryCount.ShouldBe(3);
    }

    #endregion

    #region Latest situation

    [Fact]
    public void Draw_SeveralSituations_ShowsTheNewest() =>
        Draw(Entry(1, Situation), Entry(2, Situation), Entry(3, Info))
            .Section("Algemeen").LatestSituation!.Seq.ShouldBe(2);

    [Fact]
    public void Draw_SituationsOfDifferentTeams_AreKeptApart()
    {
        var report = Draw(
            Entry(1, Situation, team: "PIM"),
            Entry(2, Situation),
            Entry(3, Situation, team: "PIM"),
            Entry(4, Situation, team: "OMGEVINGSZORG"));

        report.Section("Algemeen").LatestSituation!.Seq.ShouldBe(2);
        report.Section("PIM").LatestSituation!.Seq.ShouldBe(3);
        report.Section("OMGEVINGSZORG").LatestSituation!.Seq.ShouldBe(4);
    }

    [Fact]
    public void Draw_CorrectedLatestSituation_ShowsTheCorrection() =>
        Draw(Entry(1, Situation), Entry(2, Situation), Entry(3, Situation, corrects: 2, text: "Gecorrigeerd beeld"))
            .Section("Algemeen").LatestSituation!.Text.ShouldBe("Gecorrigeerd beeld");

    [Fact]
    public void Draw_LatestSituationCorrectedIntoAnInfo_FallsBackToTheSituationBefore() =>
        Draw(Entry(1, Situation), Entry(2, Situation), Entry(3, Info, corrects: 2))
            .Section("Algemeen").LatestSituation!.Seq.ShouldBe(1);

    [Fact]
    public void Draw_OnlySituationCorrectedIntoAnInfo_ShowsNoSituation() =>
        Draw(Entry(1, Situation), Entry(2, Info, corrects: 1))
            .Section("Algemeen").LatestSituation.ShouldBeNull();

    [Fact]
    public void Draw_SituationCorrectedIntoAnotherTeam_MovesIt()
    {
        var report = Draw(
            Entry(1, Situation, team: "PIM"),
            Entry(2, Situation, team: "PIM"),
            Entry(3, Situation, team: "ONDERSTEUNING", corrects: 2));

        report.Section("PIM").LatestSituation!.Seq.ShouldBe(1);
        report.Section("ONDERSTEUNING").LatestSituation!.Seq.ShouldBe(3);
    }

    [Fact]
    public void Draw_SituationCorrectedFromTeamToColumn_MovesItToTheColumn()
    {
        var report = Draw(Entry(1, Situation, team: "PIM"), Entry(2, Situation, corrects: 1));

        SectionNames(report).ShouldBe(["Algemeen"]);
        report.Section("Algemeen").LatestSituation!.Seq.ShouldBe(2);
    }

    #endregion

    #region Assessments and decisions

    [Fact]
    public void Draw_AssessmentsAndDecisions_ListsThoseInForceInSeqOrder()
    {
        var report = Draw(
            Entry(1, Assessment),
            Entry(2, Decision),
            Entry(3, Assessment),
            Entry(4, Decision),
            Entry(5, Assessment, corrects: 1),
            Entry(6, Info),
            Entry(7, Situation));

        report.Section("Algemeen").Assessments.ShouldHaveSeqs(3, 5);
        report.Section("Algemeen").Decisions.ShouldHaveSeqs(2, 4);
    }

    [Fact]
    public void Draw_DecisionCorrectedIntoAnotherTeam_IsListedOnlyThere()
    {
        var report = Draw(Entry(1, Decision), Entry(2, Decision), Entry(3, Decision, team: "PIM", corrects: 1));

        report.Section("Algemeen").Decisions.ShouldHaveSeqs(2);
        report.Section("PIM").Decisions.ShouldHaveSeqs(3);
    }

    [Fact]
    public void Draw_DecisionCorrectedIntoAnAssessment_MovesBetweenLists()
    {
        var column = Draw(Entry(1, Decision), Entry(2, Assessment, corrects: 1)).Section("Algemeen");

        column.Decisions.ShouldBeEmpty();
        column.Assessments.ShouldHaveSeqs(2);
    }

    [Fact]
    public void Draw_InfoInjectAndSystemEntries_AreNotListed()
    {
        var column = Draw(Entry(1, Info), Entry(2, Inject), Entry(3, LogEntryKind.System)).Section("Algemeen");

        column.LatestSituation.ShouldBeNull();
        column.Assessments.ShouldBeEmpty();
        column.Decisions.ShouldBeEmpty();
        column.OpenActions.ShouldBeEmpty();
    }

    #endregion

    #region Open actions

    [Fact]
    public void Draw_ActionsWithoutCompletion_AreAllOpen() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, Info), Entry(3, LogEntryKind.Action)).Section("Algemeen").OpenActions.ShouldHaveSeqs(1, 3);

    [Fact]
    public void Draw_CompletedAction_IsNotOpen() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action), Entry(3, Info, completes: 1)).Section("Algemeen").OpenActions.ShouldHaveSeqs(2);

    [Fact]
    public void Draw_ActionCompletedFromAnotherTeam_IsNotOpen() =>
        Draw(Entry(1, LogEntryKind.Action, team: "PIM"), Entry(2, LogEntryKind.Action, team: "PIM"), Entry(3, Info, completes: 2))
            .Section("PIM").OpenActions.ShouldHaveSeqs(1);

    [Fact]
    public void Draw_CompletionNamingTheOriginalOfACorrectedAction_ClosesTheCorrection() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action, corrects: 1), Entry(3, Info, completes: 1))
            .Section("Algemeen").OpenActions.ShouldBeEmpty();

    [Fact]
    public void Draw_CompletionNamingAnOlderLinkOfALongChain_ClosesTheNewest() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action, corrects: 1), Entry(3, LogEntryKind.Action, corrects: 2), Entry(4, LogEntryKind.Action), Entry(5, Info, completes: 2))
            .Section("Algemeen").OpenActions.ShouldHaveSeqs(4);

    [Fact]
    public void Draw_CompletionNamingTheCorrection_ClosesIt() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action, corrects: 1), Entry(3, Info, completes: 2))
            .Section("Algemeen").OpenActions.ShouldBeEmpty();

    [Fact]
    public void Draw_CompletionCorrectedIntoANonCompletion_NoLongerCloses() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, Info, completes: 1), Entry(3, Info, corrects: 2))
            .Section("Algemeen").OpenActions.ShouldHaveSeqs(1);

    [Fact]
    public void Draw_CompletionCorrectedToNameAnotherAction_ClosesOnlyThatOne() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action), Entry(3, Info, completes: 1), Entry(4, Info, corrects: 3, completes: 2))
            .Section("Algemeen").OpenActions.ShouldHaveSeqs(1);

    [Fact]
    public void Draw_CompletionOfAMissingEntry_ClosesNothing() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, Info, completes: 99)).Section("Algemeen").OpenActions.ShouldHaveSeqs(1);

    [Fact]
    public void Draw_ActionCorrectedIntoAnInfo_IsNotOpen() =>
        Draw(Entry(1, LogEntryKind.Action), Entry(2, Info, corrects: 1)).Section("Algemeen").OpenActions.ShouldBeEmpty();

    [Fact]
    public void Draw_ActionMovedToAnotherTeam_IsOpenThere()
    {
        var report = Draw(Entry(1, LogEntryKind.Action), Entry(2, LogEntryKind.Action, team: "ONDERSTEUNING", corrects: 1));

        report.Section("Algemeen").OpenActions.ShouldBeEmpty();
        report.Section("ONDERSTEUNING").OpenActions.ShouldHaveSeqs(2);
    }

    #endregion

    #region Properties over random logs

    private static readonly string?[] TeamChoices = [null, "PIM", "OMGEVINGSZORG", "ONDERSTEUNING"];

    private static readonly LogEntryKind[] KindChoices = [Info, Situation, Assessment, Decision, LogEntryKind.Action];

    /// <summary>
    /// Logs of 1 to 30 entries with random kinds and teams. Entry i (seq i + 1) corrects the entry with seq
    /// d + 1 when its draw d &lt; i; no entry completes anything.
    /// </summary>
    private static readonly Gen<LogEntry[]> RandomLogs =
        Gen.Select(Gen.Int[0, KindChoices.Length - 1], Gen.Int[0, TeamChoices.Length - 1], Gen.Int[0, 30]).Array[1, 30]
            .Select(draws => draws
                .Select((d, i) => Entry(i + 1, KindChoices[d.Item1], team: TeamChoices[d.Item2], corrects: d.Item3 < i ? d.Item3 + 1 : null))
                .ToArray());

    private static IEnumerable<LogEntry> Listed(SitrepSection s) =>
        (s.LatestSituation is { } b ? [b] : Array.Empty<LogEntry>()).Concat(s.Assessments).Concat(s.Decisions).Concat(s.OpenActions);

    [Fact]
    public void Draw_RandomLogs_ListsNoEntryThatSomeEntryCorrects() =>
        RandomLogs.Sample(log =>
        {
            var targets = log.Where(e => e.CorrectsSeq is not null).Select(e => e.CorrectsSeq!.Value).ToHashSet();
            Draw(log).Sections.SelectMany(Listed).ShouldAllBe(e => !targets.Contains(e.Seq));
        });

    [Fact]
    public void Draw_RandomLogs_FilesEveryListedEntryUnderItsOwnTeamAndKind() =>
        RandomLogs.Sample(log =>
        {
            foreach (var s in Draw(log).Sections)
            {
                Listed(s).ShouldAllBe(e => (e.Team ?? "Algemeen") == s.Team);
                if (s.LatestSituation is { } b)
                {
                    b.Kind.ShouldBe(Situation);
                }
                s.Assessments.ShouldAllBe(e => e.Kind == Assessment);
                s.Decisions.ShouldAllBe(e => e.Kind == Decision);
                s.OpenActions.ShouldAllBe(e => e.Kind == LogEntryKind.Action);
            }
        });

    #endregion
}
