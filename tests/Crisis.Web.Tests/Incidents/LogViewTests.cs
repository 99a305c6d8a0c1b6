using Crisis.Domain.Incidents;
using Crisis.Web.Components.Pages.Incidents;
using NodaTime;

namespace Crisis.Web.Tests.Incidents;

/// <summary>The incident page's derived views of the log: done actions through corrections, the overview, new marks, filters.</summary>
public sealed class LogViewTests
{
    private static readonly AuthorRef Olga = new(Guid.NewGuid(), "Olga");
    private static readonly AuthorRef Mark = new(Guid.NewGuid(), "Mark");

    private static LogEntry E(int seq, LogEntryKind kind, AuthorRef who, string? team = null, int? corrects = null, int? completes = null) =>
        new(Guid.NewGuid(), Guid.Empty, seq, Instant.FromUtc(2026, 12, 14, 8, seq), who, kind, team, $"regel {seq}", corrects, completes, false);

    [Fact]
    public void AnActionCorrectedAfterItWasReportedDone_IsStillDone_AndACorrectedCompletionCountsNot()
    {
        var log = new List<LogEntry>
        {
            E(1, LogEntryKind.Action, Olga, "PIM"),
            E(2, LogEntryKind.Info, Mark, completes: 1),
            E(3, LogEntryKind.Action, Olga, "PIM", corrects: 1),
            E(4, LogEntryKind.Action, Mark),
            E(5, LogEntryKind.Info, Mark, completes: 4),
            E(6, LogEntryKind.Info, Mark, corrects: 5), // the completion of 4 is withdrawn by correcting it
        };
        var corrected = CorrectionChains.Corrected(log).ToHashSet();

        var done = LogView.Completions(log, corrected);
        var actions = LogView.Actions(log, corrected);

        done.Keys.Order().ShouldBe([1, 3]);
        done[3].Seq.ShouldBe(2);
        actions.Select(a => (a.Entry.Seq, a.Done, a.Owner)).ShouldBe([(4, false, "Mark"), (3, true, "PIM")]);
    }

    [Fact]
    public void NewIsWhatOthersWroteAfterTheLastVisit_NothingOnTheFirst_AndFiltersCombine()
    {
        var mine = E(7, LogEntryKind.Situation, Mark);
        var theirs = E(8, LogEntryKind.Situation, Olga, "PIM");
        var old = E(3, LogEntryKind.Situation, Olga);

        (LogView.IsNew(theirs, 5, Mark.Id), LogView.IsNew(mine, 5, Mark.Id), LogView.IsNew(old, 5, Mark.Id), LogView.IsNew(theirs, -1, Mark.Id))
            .ShouldBe((true, false, false, false));
        new LogFilterState(LogEntryKind.Situation, "pim", Olga.Id).Matches(theirs).ShouldBeTrue();
        new LogFilterState(LogEntryKind.Situation, "PIM", Mark.Id).Matches(theirs).ShouldBeFalse();
        new LogFilterState(LogEntryKind.Decision).Matches(theirs).ShouldBeFalse();
        new LogFilterState().IsEmpty.ShouldBeTrue();
    }
}
