using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Minimum counts: how many records must be valid at once.</summary>
public class QualificationMinimumCountTests
{
    private static readonly Requirement TwicePerYear = Requirement(months: 12, count: 2);

    [Fact]
    public void Evaluate_TwoRecordsWithinTheWindow_IsCurrentUntilTheOlderRunsOut()
    {
        PaspoortRecord[] records = [Record(Date(2025, 6, 1)), Record(Date(2025, 9, 1))];
        var status = Qualification.Evaluate(TwicePerYear, Person, records, Date(2025, 10, 1));
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.ValidUntil.ShouldBe(Date(2026, 6, 1));
    }

    [Fact]
    public void Evaluate_OneOfTwoRecordsOutsideTheWindow_IsNotMet()
    {
        // The 2024 exercise ran out on 2025-01-10, before the second one: never two valid at once.
        PaspoortRecord[] records = [Record(Date(2024, 1, 10)), Record(Date(2025, 6, 1))];
        var status = Qualification.Evaluate(TwicePerYear, Person, records, Date(2025, 7, 1));
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.ValidUntil.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_TwoRecordsExactlyTwelveMonthsApart_MetForOneDay()
    {
        PaspoortRecord[] records = [Record(Date(2024, 6, 1)), Record(Date(2025, 6, 1))];
        var onTheDay = Qualification.Evaluate(TwicePerYear, Person, records, Date(2025, 6, 1));
        onTheDay.Status.ShouldBe(PaspoortStatus.Expiring);
        onTheDay.ValidUntil.ShouldBe(Date(2025, 6, 1));

        var dayAfter = Qualification.Evaluate(TwicePerYear, Person, records, Date(2025, 6, 2));
        dayAfter.Status.ShouldBe(PaspoortStatus.Expired);
        dayAfter.ValidUntil.ShouldBe(Date(2025, 6, 1));
    }

    [Fact]
    public void Evaluate_OnlyOneRecord_IsMissing() =>
        Qualification.Evaluate(TwicePerYear, Person, [Record(Date(2025, 6, 1))], Date(2025, 7, 1))
            .Status.ShouldBe(PaspoortStatus.Missing);

    [Fact]
    public void Evaluate_ThreeRecords_ValidUntilFollowsTheSecondNewest()
    {
        PaspoortRecord[] records = [Record(Date(2025, 1, 1)), Record(Date(2025, 7, 1)), Record(Date(2025, 4, 1))];
        var status = Qualification.Evaluate(TwicePerYear, Person, records, Date(2025, 8, 1));
        status.ValidUntil.ShouldBe(Date(2026, 4, 1));
        status.Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public void Evaluate_MetOnceThenLapsed_IsExpiredOnTheLastDayItWasMet()
    {
        // Met from 2024-02-15 (two valid) until 2025-01-15 (the first runs out). The 2026 record alone does
        // not bring it back, and the day it ran out is the first record's end, not the second's.
        PaspoortRecord[] records = [Record(Date(2024, 1, 15)), Record(Date(2024, 2, 15)), Record(Date(2026, 1, 15))];
        var status = Qualification.Evaluate(TwicePerYear, Person, records, Date(2026, 2, 1));
        status.Status.ShouldBe(PaspoortStatus.Expired);
        status.ValidUntil.ShouldBe(Date(2025, 1, 15));
    }

    [Fact]
    public void Evaluate_TwoRecordsOnTheSameDay_CountAsTwo() =>
        Qualification.Evaluate(TwicePerYear, Person, [Record(Date(2025, 5, 5)), Record(Date(2025, 5, 5))], Date(2025, 6, 1))
            .Status.ShouldBe(PaspoortStatus.Current);

    [Fact]
    public void Evaluate_OnceOnlyWithMinimumTwo_NeedsTwoRecords()
    {
        var twoCourses = Requirement(months: null, count: 2, kind: ActivityKind.Course, code: "OVD-BASIS");
        var first = Record(Date(2010, 1, 1), code: "OVD-BASIS", kind: ActivityKind.Course);
        var second = Record(Date(2015, 1, 1), code: "OVD-BASIS", kind: ActivityKind.Course);

        Qualification.Evaluate(twoCourses, Person, [first], Date(2026, 1, 1)).Status.ShouldBe(PaspoortStatus.Missing);
        var both = Qualification.Evaluate(twoCourses, Person, [first, second], Date(2026, 1, 1));
        both.Status.ShouldBe(PaspoortStatus.Current);
        both.ValidUntil.ShouldBeNull();
    }
}

/// <summary>Which records count: failed results, drafts, voided records, other people.</summary>
public class QualificationEvidenceTests
{
    private static readonly Requirement Yearly = Requirement(months: 12);
    private static readonly NodaTime.LocalDate At = Date(2025, 7, 1);

    private static RequirementStatus Evaluate(params PaspoortRecord[] records) =>
        Qualification.Evaluate(Yearly, Person, records, At);

    [Fact]
    public void Evaluate_FailedResult_DoesNotCount()
    {
        var status = Evaluate(Record(Date(2025, 6, 1), result: RecordResult.Failed));
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.Evidence.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(RecordResult.Passed)]
    [InlineData(RecordResult.Attended)]
    [InlineData(null)]
    public void Evaluate_ResultOtherThanFailed_Counts(RecordResult? result) =>
        Evaluate(Record(Date(2025, 6, 1), result: result)).Status.ShouldBe(PaspoortStatus.Current);

    [Fact]
    public void Evaluate_FailedNewerRecord_DoesNotExtendAnOlderPass()
    {
        var status = Evaluate(Record(Date(2024, 9, 1)), Record(Date(2025, 6, 1), result: RecordResult.Failed));
        status.ValidUntil.ShouldBe(Date(2025, 9, 1));
    }

    [Fact]
    public void Evaluate_Draft_DoesNotCountUntilConfirmed()
    {
        var draft = Record(Date(2025, 6, 1), status: RecordStatus.Draft);
        Evaluate(draft).Status.ShouldBe(PaspoortStatus.Missing);

        var confirmed = RecordRules.Confirm(draft, RecordResult.Passed, "Goed gedaan", Stamp(), [draft]);
        var status = Evaluate(draft, confirmed);
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.Evidence.ShouldBe([confirmed.Id]);
    }

    [Fact]
    public void Evaluate_VoidedRecord_DoesNotCountButItsCorrectionDoes()
    {
        // Recorded as June 2025, corrected to June 2024: the correction's date is what counts, so by
        // July 2025 it has run out.
        var wrong = Record(Date(2025, 6, 1));
        var correction = Record(Date(2024, 6, 1), voids: wrong.Id);
        var status = Evaluate(wrong, correction);
        status.Status.ShouldBe(PaspoortStatus.Expired);
        status.ValidUntil.ShouldBe(Date(2025, 6, 1));
        status.Evidence.ShouldBe([correction.Id]);
    }

    [Fact]
    public void Evaluate_WithdrawnRecord_DoesNotCount()
    {
        var wrong = Record(Date(2025, 6, 1));
        var withdrawal = RecordRules.Withdraw(Person, wrong.Id, "Verkeerde persoon", Stamp(), [wrong]);
        var status = Evaluate(wrong, withdrawal);
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_VoidingTheCorrection_DoesNotRestoreTheOriginal()
    {
        // Voiding is final: A voided by B stays voided when B is voided in turn.
        var original = Record(Date(2025, 6, 1));
        var correction = Record(Date(2025, 5, 1), voids: original.Id);
        var withdrawal = Record(Date(2025, 5, 1), status: RecordStatus.Void, voids: correction.Id);
        var status = Evaluate(original, correction, withdrawal);
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_VoidByAnotherPersonsRecord_HasNoEffect()
    {
        var mine = Record(Date(2025, 6, 1));
        var theirs = Record(Date(2025, 6, 1), person: OtherPerson, voids: mine.Id);
        Evaluate(mine, theirs).Evidence.ShouldBe([mine.Id]);
    }

    [Fact]
    public void Evaluate_OtherPeoplesRecords_DoNotCount() =>
        Evaluate(Record(Date(2025, 6, 1), person: OtherPerson)).Status.ShouldBe(PaspoortStatus.Missing);

    [Fact]
    public void Evaluate_RecordForAnotherRequirement_DoesNotCount() =>
        Evaluate(Record(Date(2025, 6, 1), code: "HIN-OEFENING")).Status.ShouldBe(PaspoortStatus.Missing);
}
