using Crisis.Domain.Paspoort;
using NodaTime;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Status on the days around the end of validity and the edges of the expiring window.</summary>
public class QualificationBoundaryTests
{
    // One exercise on 10 March 2025, valid 12 months: valid through 10 March 2026.
    private static readonly Requirement Yearly = Requirement(months: 12);
    private static readonly PaspoortRecord[] OneExercise = [Record(Date(2025, 3, 10))];
    private static readonly LocalDate Until = Date(2026, 3, 10);

    private static RequirementStatus At(LocalDate at) => Qualification.Evaluate(Yearly, Person, OneExercise, at);

    [Fact]
    public void Evaluate_DayBeforeValidUntil_IsExpiring()
    {
        var status = At(Until.PlusDays(-1));
        status.Status.ShouldBe(PaspoortStatus.Expiring);
        status.ValidUntil.ShouldBe(Until);
    }

    [Fact]
    public void Evaluate_OnValidUntil_IsStillValid()
    {
        var status = At(Until);
        status.Status.ShouldBe(PaspoortStatus.Expiring);
        status.ValidUntil.ShouldBe(Until);
        status.Status.IsQualified().ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_DayAfterValidUntil_IsExpiredWithTheDayItRanOut()
    {
        var status = At(Until.PlusDays(1));
        status.Status.ShouldBe(PaspoortStatus.Expired);
        status.ValidUntil.ShouldBe(Until);
        status.Status.IsQualified().ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_SixtyDaysBeforeValidUntil_IsExpiring() =>
        At(Until.PlusDays(-Qualification.ExpiringWindowDays)).Status.ShouldBe(PaspoortStatus.Expiring);

    [Fact]
    public void Evaluate_SixtyOneDaysBeforeValidUntil_IsCurrent() =>
        At(Until.PlusDays(-Qualification.ExpiringWindowDays - 1)).Status.ShouldBe(PaspoortStatus.Current);

    [Fact]
    public void Evaluate_OnTheRecordsOwnDate_IsCurrent()
    {
        var status = At(Date(2025, 3, 10));
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.Evidence.ShouldBe([OneExercise[0].Id]);
    }

    [Fact]
    public void Evaluate_DayBeforeTheOnlyRecord_IsMissing()
    {
        // A status for an earlier day (a shift's start) ignores what happened later.
        var status = At(Date(2025, 3, 9));
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.ValidUntil.ShouldBeNull();
        status.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NoRecords_IsMissingWithoutValidUntil()
    {
        var status = Qualification.Evaluate(Yearly, Person, [], Date(2026, 1, 1));
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.ValidUntil.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_NewerRecord_ExtendsValidity()
    {
        PaspoortRecord[] records = [Record(Date(2025, 3, 10)), Record(Date(2025, 9, 1))];
        var status = Qualification.Evaluate(Yearly, Person, records, Date(2026, 3, 11));
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.ValidUntil.ShouldBe(Date(2026, 9, 1));
    }

    [Fact]
    public void Evaluate_OnceOnlyCourse_NeverExpires()
    {
        var course = Requirement(months: null, kind: ActivityKind.Course, code: "OVD-BASIS");
        PaspoortRecord[] records = [Record(Date(1995, 5, 1), code: "OVD-BASIS", kind: ActivityKind.Course, result: RecordResult.Passed)];

        foreach (var at in new[] { Date(1995, 5, 1), Date(2026, 3, 1), Date(2099, 12, 31) })
        {
            var status = Qualification.Evaluate(course, Person, records, at);
            status.Status.ShouldBe(PaspoortStatus.Current, $"on {at}");
            status.ValidUntil.ShouldBeNull();
        }
    }

    [Fact]
    public void Evaluate_OnceOnlyCourseNotTaken_IsMissing()
    {
        var course = Requirement(months: null, kind: ActivityKind.Course, code: "OVD-BASIS");
        var status = Qualification.Evaluate(course, Person, [Record(Date(2025, 1, 1))], Date(2026, 1, 1));
        status.Status.ShouldBe(PaspoortStatus.Missing);
        status.ValidUntil.ShouldBeNull();
    }
}

/// <summary>Calendar-correct month arithmetic: shorter months clamp to their last day.</summary>
public class QualificationMonthEndTests
{
    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28", "31 January + 1 month, common year: end of February")]
    [InlineData("2028-01-31", 1, "2028-02-29", "31 January + 1 month, leap year: 29 February")]
    [InlineData("2025-08-31", 6, "2026-02-28", "31 August + 6 months, common year")]
    [InlineData("2027-08-31", 6, "2028-02-29", "31 August + 6 months, leap year")]
    [InlineData("2028-02-29", 12, "2029-02-28", "leap day + 12 months: 28 February")]
    [InlineData("2028-02-29", 48, "2032-02-29", "leap day + 48 months: the next leap day")]
    [InlineData("2026-03-31", 1, "2026-04-30", "31 March + 1 month: 30 April")]
    [InlineData("2026-12-31", 2, "2027-02-28", "across the year end")]
    [InlineData("2026-01-15", 1, "2026-02-15", "mid-month: same day of the month")]
    [InlineData("2026-02-28", 12, "2027-02-28", "28 February stays 28 February")]
    public void ValidUntil_CalendarMonths(string recorded, int months, string expected, string description)
    {
        _ = description;
        Qualification.ValidUntil(Date(recorded), months).ShouldBe(Date(expected));
    }

    [Theory]
    [InlineData(2026, 28)]
    [InlineData(2028, 29)]
    public void Evaluate_ThirtyFirstJanuaryForOneMonth_RunsOutAtTheEndOfFebruary(int year, int lastDayOfFebruary)
    {
        var monthly = Requirement(months: 1);
        PaspoortRecord[] records = [Record(Date(year, 1, 31))];
        var endOfFebruary = Date(year, 2, lastDayOfFebruary);

        var onLastDay = Qualification.Evaluate(monthly, Person, records, endOfFebruary);
        onLastDay.Status.ShouldBe(PaspoortStatus.Expiring);
        onLastDay.ValidUntil.ShouldBe(endOfFebruary);

        var firstOfMarch = Qualification.Evaluate(monthly, Person, records, Date(year, 3, 1));
        firstOfMarch.Status.ShouldBe(PaspoortStatus.Expired);
        firstOfMarch.ValidUntil.ShouldBe(endOfFebruary);
    }

    [Fact]
    public void Evaluate_LeapDayForTwelveMonths_ValidThroughTwentyEighthFebruary()
    {
        var yearly = Requirement(months: 12);
        PaspoortRecord[] records = [Record(Date(2028, 2, 29))];

        Qualification.Evaluate(yearly, Person, records, Date(2029, 2, 28)).Status.ShouldBe(PaspoortStatus.Expiring);
        Qualification.Evaluate(yearly, Person, records, Date(2029, 3, 1)).Status.ShouldBe(PaspoortStatus.Expired);
    }

    [Fact]
    public void Evaluate_ThirtyFirstAugustForSixMonths_ExpiresOnFirstOfMarch()
    {
        var halfYearly = Requirement(months: 6);
        PaspoortRecord[] records = [Record(Date(2025, 8, 31))];

        Qualification.Evaluate(halfYearly, Person, records, Date(2026, 2, 28)).Status.ShouldBe(PaspoortStatus.Expiring);
        Qualification.Evaluate(halfYearly, Person, records, Date(2026, 3, 1)).Status.ShouldBe(PaspoortStatus.Expired);
    }
}
