using Crisis.Domain.Incidents;
using CsCheck;
using static Crisis.Domain.Incidents.LogEntryKind;
using static Crisis.Domain.Tests.Incidents.TestLog;

namespace Crisis.Domain.Tests.Incidents;

public class CorrectionChainsTests
{
    #region InForce

    [Fact]
    public void InForce_EmptyLog_IsEmpty() =>
        CorrectionChains.InForce([]).ShouldBeEmpty();

    [Fact]
    public void InForce_NoCorrections_KeepsEveryEntry() =>
        CorrectionChains.InForce([Entry(1, Info), Entry(2, Situation), Entry(3, LogEntryKind.Action)]).ShouldHaveSeqs(1, 2, 3);

    [Fact]
    public void InForce_Correction_ReplacesItsTarget() =>
        CorrectionChains.InForce([Entry(1, Situation), Entry(2, Info), Entry(3, Situation, corrects: 1)]).ShouldHaveSeqs(2, 3);

    [Fact]
    public void InForce_CorrectionOfCorrection_LeavesOnlyTheNewest() =>
        CorrectionChains.InForce([Entry(1, Situation), Entry(2, Situation, corrects: 1), Entry(3, Situation, corrects: 2)])
            .ShouldHaveSeqs(3);

    [Fact]
    public void InForce_TwoCorrectionsOfTheSameEntry_LeavesOnlyTheNewer() =>
        CorrectionChains.InForce([Entry(1, Decision), Entry(2, Decision, corrects: 1), Entry(3, Decision, corrects: 1)])
            .ShouldHaveSeqs(3);

    [Fact]
    public void InForce_LateCorrectionOfAnAlreadyReplacedCorrection_IsTheNewestOfTheChain() =>
        // 3 replaced 2, then 4 corrects 2 again: all four are one chain and 4 is its newest.
        CorrectionChains.InForce([Entry(1, Info), Entry(2, Info, corrects: 1), Entry(3, Info, corrects: 1), Entry(4, Info, corrects: 2)])
            .ShouldHaveSeqs(4);

    [Fact]
    public void InForce_CorrectionThatChangesKindOrTeam_StillReplacesItsTarget() =>
        CorrectionChains.InForce([Entry(1, Situation, team: "PIM"), Entry(2, Decision, team: "Ondersteuning", corrects: 1)])
            .ShouldHaveSeqs(2);

    [Fact]
    public void InForce_SeparateChains_EachKeepTheirNewest() =>
        CorrectionChains.InForce([
                Entry(1, Situation), Entry(2, LogEntryKind.Action), Entry(3, Situation, corrects: 1),
                Entry(4, LogEntryKind.Action, corrects: 2), Entry(5, Info), Entry(6, Situation, corrects: 3)])
            .ShouldHaveSeqs(4, 5, 6);

    [Fact]
    public void InForce_EntriesGivenOutOfOrder_AreReturnedInSeqOrder() =>
        CorrectionChains.InForce([Entry(4, Info), Entry(2, Info), Entry(3, Info, corrects: 1), Entry(1, Info)])
            .ShouldHaveSeqs(2, 3, 4);

    [Fact]
    public void InForce_CorrectionNamingAMissingEntry_StandsOnItsOwn() =>
        CorrectionChains.InForce([Entry(1, Info), Entry(2, Info, corrects: 99)]).ShouldHaveSeqs(1, 2);

    [Fact]
    public void InForce_DamagedCorrectionNamingALaterEntry_ReplacesNothing() =>
        CorrectionChains.InForce([Entry(1, Info, corrects: 2), Entry(2, Info)]).ShouldHaveSeqs(1, 2);

    [Fact]
    public void InForce_DamagedEntryCorrectingItself_StaysInForce() =>
        CorrectionChains.InForce([Entry(1, Info, corrects: 1), Entry(2, Info)]).ShouldHaveSeqs(1, 2);

    #endregion

    #region Corrected

    [Fact]
    public void Corrected_NoCorrections_IsEmpty() =>
        CorrectionChains.Corrected([Entry(1, Info), Entry(2, LogEntryKind.Action)]).ShouldBeEmpty();

    [Fact]
    public void Corrected_EmptyLog_IsEmpty() =>
        CorrectionChains.Corrected([]).ShouldBeEmpty();

    [Fact]
    public void Corrected_MixedLog_ReturnsExactlyTheReplacedSeqs() =>
        // Chains: {1, 3, 4} with 4 newest, {2, 5} with 5 newest, {6} alone.
        CorrectionChains.Corrected([
                Entry(1, Situation), Entry(2, LogEntryKind.Action), Entry(3, Situation, corrects: 1),
                Entry(4, Situation, corrects: 3), Entry(5, LogEntryKind.Action, corrects: 2), Entry(6, Info)])
            .OrderBy(s => s).ShouldBe([1, 2, 3]);

    [Fact]
    public void Corrected_TwoCorrectionsOfOneEntry_IncludesTheOlderCorrection() =>
        CorrectionChains.Corrected([Entry(1, Decision), Entry(2, Decision, corrects: 1), Entry(3, Decision, corrects: 1)])
            .OrderBy(s => s).ShouldBe([1, 2]);

    #endregion

    #region Properties over random logs

    /// <summary>
    /// Logs of 1 to 40 entries with seqs 1..n. Entry i (seq i + 1) draws a number d; when d &lt; i it
    /// corrects the earlier entry with seq d + 1, otherwise it corrects nothing.
    /// </summary>
    private static readonly Gen<LogEntry[]> RandomLogs =
        Gen.Int[0, 40].Array[1, 40].Select(draws =>
            draws.Select((d, i) => Entry(i + 1, Info, corrects: d < i ? d + 1 : null)).ToArray());

    [Fact]
    public void InForce_RandomLogs_InForceAndCorrectedSplitTheLogWithoutOverlap() =>
        RandomLogs.Sample(log =>
        {
            var inForce = CorrectionChains.InForce(log).Select(e => e.Seq).ToHashSet();
            var corrected = CorrectionChains.Corrected(log);

            (inForce.Count + corrected.Count).ShouldBe(log.Length);
            inForce.Overlaps(corrected).ShouldBeFalse();
        });

    [Fact]
    public void InForce_RandomLogs_IsInStrictlyAscendingSeqOrder() =>
        RandomLogs.Sample(log =>
        {
            var seqs = CorrectionChains.InForce(log).Select(e => e.Seq).ToList();
            for (var i = 1; i < seqs.Count; i++)
            {
                seqs[i].ShouldBeGreaterThan(seqs[i - 1]);
            }
        });

    [Fact]
    public void InForce_RandomLogs_KeepsOneEntryPerOriginal() =>
        // Every chain starts at exactly one entry that corrects nothing, and keeps exactly one entry in force.
        RandomLogs.Sample(log =>
            CorrectionChains.InForce(log).Count.ShouldBe(log.Count(e => e.CorrectsSeq is null)));

    [Fact]
    public void InForce_RandomLogs_KeepsNoEntryThatSomeEntryCorrects() =>
        RandomLogs.Sample(log =>
        {
            var targets = log.Where(e => e.CorrectsSeq is not null).Select(e => e.CorrectsSeq!.Value).ToHashSet();
            CorrectionChains.InForce(log).ShouldAllBe(e => !targets.Contains(e.Seq));
        });

    [Fact]
    public void InForce_RandomLogs_KeepsTheNewestEntry() =>
        RandomLogs.Sample(log => CorrectionChains.InForce(log)[^1].Seq.ShouldBe(log.Length));

    [Fact]
    public void InForce_RandomLogsReversed_GiveTheSameResult() =>
        RandomLogs.Sample(log =>
            CorrectionChains.InForce(Enumerable.Reverse(log).ToArray()).ShouldBe(CorrectionChains.InForce(log)));

    #endregion
}
