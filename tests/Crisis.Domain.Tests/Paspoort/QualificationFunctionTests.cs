using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>A function's status is the worst of its requirements; qualified means current or expiring.</summary>
public class QualificationFunctionTests
{
    private static readonly Requirement Course = Requirement(months: null, kind: ActivityKind.Course, code: "OVD-BASIS");
    private static readonly Requirement Exercise = Requirement(months: 12, code: "OVD-OEFENING");
    private static readonly Requirement Lcms = Requirement(months: 24, kind: ActivityKind.Training, code: "LCMS-TRAINING");
    private static readonly Requirement[] Ovd = [Course, Exercise, Lcms];
    private static readonly NodaTime.LocalDate Today = Date(2026, 3, 1);

    private static PaspoortRecord CourseDone => Record(Date(2020, 1, 1), code: "OVD-BASIS", kind: ActivityKind.Course);

    [Fact]
    public void EvaluateFunction_AllMet_IsCurrentUntilTheEarliestEnd()
    {
        PaspoortRecord[] records =
        [
            CourseDone,
            Record(Date(2025, 11, 1)),                                              // until 2026-11-01
            Record(Date(2025, 6, 1), code: "LCMS-TRAINING", kind: ActivityKind.Training), // until 2027-06-01
        ];
        var status = Qualification.EvaluateFunction(Person, Build.Ovd, Ovd, records, Today);
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.QualifiedUntil.ShouldBe(Date(2026, 11, 1));
        status.Requirements.Select(r => r.Requirement.Code).ShouldBe(["OVD-BASIS", "OVD-OEFENING", "LCMS-TRAINING"]);
    }

    [Fact]
    public void EvaluateFunction_OneRequirementExpiring_IsExpiring()
    {
        PaspoortRecord[] records =
        [
            CourseDone,
            Record(Date(2025, 4, 1)), // until 2026-04-01: 31 days from today
            Record(Date(2025, 6, 1), code: "LCMS-TRAINING", kind: ActivityKind.Training),
        ];
        var status = Qualification.EvaluateFunction(Person, Build.Ovd, Ovd, records, Today);
        status.Status.ShouldBe(PaspoortStatus.Expiring);
        status.QualifiedUntil.ShouldBe(Date(2026, 4, 1));
    }

    [Fact]
    public void EvaluateFunction_ExpiredAndExpiring_IsExpiredAndNotQualified()
    {
        PaspoortRecord[] records =
        [
            CourseDone,
            Record(Date(2025, 4, 1)),                                                // expiring
            Record(Date(2023, 6, 1), code: "LCMS-TRAINING", kind: ActivityKind.Training), // expired 2025-06-01
        ];
        var status = Qualification.EvaluateFunction(Person, Build.Ovd, Ovd, records, Today);
        status.Status.ShouldBe(PaspoortStatus.Expired);
        status.QualifiedUntil.ShouldBeNull();
        Qualification.IsQualified(Person, Build.Ovd, Ovd, records, Today).ShouldBeFalse();
    }

    [Fact]
    public void EvaluateFunction_MissingAndExpired_IsMissing()
    {
        // No basic course at all, and a lapsed exercise: the course is what is lacking most.
        PaspoortRecord[] records = [Record(Date(2023, 1, 1))];
        Qualification.EvaluateFunction(Person, Build.Ovd, Ovd, records, Today).Status.ShouldBe(PaspoortStatus.Missing);
    }

    [Fact]
    public void EvaluateFunction_NoRequirements_IsCurrent()
    {
        var status = Qualification.EvaluateFunction(Person, "HOOFD-NAFASE", Ovd, [], Today);
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.Requirements.ShouldBeEmpty();
        status.QualifiedUntil.ShouldBeNull();
    }

    [Fact]
    public void EvaluateFunction_OtherFunctionsRequirements_AreSkipped()
    {
        var hinExercise = Requirement(function: Hin, code: "HIN-OEFENING");
        PaspoortRecord[] records = [Record(Date(2025, 11, 1))];
        var status = Qualification.EvaluateFunction(Person, Build.Ovd, [Exercise, hinExercise], records, Today);
        status.Requirements.Select(r => r.Requirement.Code).ShouldBe(["OVD-OEFENING"]);
        status.Status.ShouldBe(PaspoortStatus.Current);
    }

    [Fact]
    public void EvaluateFunction_FunctionCase_IsIgnored() =>
        Qualification.EvaluateFunction(Person, "ovd-bz", [Exercise], [Record(Date(2025, 11, 1))], Today)
            .Requirements.Count.ShouldBe(1);

    [Theory]
    [InlineData(new[] { PaspoortStatus.Current, PaspoortStatus.Current }, PaspoortStatus.Current)]
    [InlineData(new[] { PaspoortStatus.Current, PaspoortStatus.Expiring }, PaspoortStatus.Expiring)]
    [InlineData(new[] { PaspoortStatus.Expired, PaspoortStatus.Expiring, PaspoortStatus.Current }, PaspoortStatus.Expired)]
    [InlineData(new[] { PaspoortStatus.Expired, PaspoortStatus.Missing }, PaspoortStatus.Missing)]
    [InlineData(new[] { PaspoortStatus.Missing, PaspoortStatus.Current }, PaspoortStatus.Missing)]
    [InlineData(new PaspoortStatus[0], PaspoortStatus.Current)]
    public void Worst_RanksMissingOverExpiredOverExpiringOverCurrent(PaspoortStatus[] statuses, PaspoortStatus expected) =>
        PaspoortStatuses.Worst(statuses).ShouldBe(expected);

    [Theory]
    [InlineData(PaspoortStatus.Current, true)]
    [InlineData(PaspoortStatus.Expiring, true)]
    [InlineData(PaspoortStatus.Expired, false)]
    [InlineData(PaspoortStatus.Missing, false)]
    public void IsQualified_OnlyCurrentAndExpiring(PaspoortStatus status, bool expected) =>
        status.IsQualified().ShouldBe(expected);

    [Fact]
    public void IsQualified_OnAndAfterTheLastValidDay()
    {
        PaspoortRecord[] records =
        [
            CourseDone,
            Record(Date(2025, 4, 1)),
            Record(Date(2025, 6, 1), code: "LCMS-TRAINING", kind: ActivityKind.Training),
        ];
        Qualification.IsQualified(Person, Build.Ovd, Ovd, records, Date(2026, 4, 1)).ShouldBeTrue();
        Qualification.IsQualified(Person, Build.Ovd, Ovd, records, Date(2026, 4, 2)).ShouldBeFalse();
    }

    [Fact]
    public void IsQualified_AnotherPersonsRecords_DoNotQualify()
    {
        PaspoortRecord[] records =
        [
            CourseDone with { PersonId = OtherPerson },
            Record(Date(2025, 11, 1), person: OtherPerson),
            Record(Date(2025, 6, 1), code: "LCMS-TRAINING", kind: ActivityKind.Training, person: OtherPerson),
        ];
        Qualification.IsQualified(OtherPerson, Build.Ovd, Ovd, records, Today).ShouldBeTrue();
        Qualification.IsQualified(Person, Build.Ovd, Ovd, records, Today).ShouldBeFalse();
    }

    [Fact]
    public void Dossier_ListsEachFunctionInTheOrderGiven()
    {
        Requirement[] all = [.. Ovd, Requirement(function: Hin, code: "HIN-OEFENING")];
        PaspoortRecord[] records = [Record(Date(2025, 11, 1), code: "HIN-OEFENING")];
        var dossier = Qualification.Dossier(Person, [Hin, Build.Ovd], all, records, Today);
        dossier.Select(f => f.Function).ShouldBe([Hin, Build.Ovd]);
        dossier.Select(f => f.Status).ShouldBe([PaspoortStatus.Current, PaspoortStatus.Missing]);
    }
}

/// <summary>Which records are about which requirement (see <see cref="Evidence"/>).</summary>
public class EvidenceMatchingTests
{
    private static readonly Requirement OvdExercise = Requirement(kind: ActivityKind.Exercise, code: "OVD-OEFENING");
    private static readonly Requirement OvdLcms = Requirement(kind: ActivityKind.Training, code: "LCMS-TRAINING");
    private static readonly Requirement HinLcms = Requirement(kind: ActivityKind.Training, code: "LCMS-TRAINING", function: Hin);
    private static readonly Requirement OvdCourse = Requirement(kind: ActivityKind.Course, code: "OVD-BASIS", months: null);
    private static readonly Requirement OvdDeployment = Requirement(kind: ActivityKind.Deployment, code: "OVD-INZET");
    private static readonly NodaTime.LocalDate Day = Date(2025, 6, 1);

    [Fact]
    public void Matches_SharedCode_CountsForEveryFunctionThatHasIt()
    {
        var training = Record(Day, code: "LCMS-TRAINING", kind: ActivityKind.Training, function: Build.Ovd);
        Evidence.Matches(training, OvdLcms).ShouldBeTrue();
        Evidence.Matches(training, HinLcms).ShouldBeTrue();
        Evidence.Matches(training, OvdExercise).ShouldBeFalse();
    }

    [Fact]
    public void Matches_CodeIgnoresCase() =>
        Evidence.Matches(Record(Day, code: "lcms-training", kind: ActivityKind.Training), OvdLcms).ShouldBeTrue();

    [Theory]
    [InlineData(ActivityKind.Exercise, true)]
    [InlineData(ActivityKind.Deployment, true)]
    [InlineData(ActivityKind.Training, false)]
    [InlineData(ActivityKind.Course, false)]
    public void Matches_NoCodeInTheFunction_OnlyExercisesAndDeploymentsMeetTheExerciseRequirement(ActivityKind kind, bool expected) =>
        Evidence.Matches(Record(Day, code: null, kind: kind, function: Build.Ovd), OvdExercise).ShouldBe(expected);

    [Fact]
    public void Matches_NoCodeTrainingInTheFunction_DoesNotTickOffTheLcmsTraining() =>
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Training, function: Build.Ovd), OvdLcms).ShouldBeFalse();

    [Fact]
    public void Matches_NoCodeCourseInTheFunction_DoesNotTickOffTheBasicCourse() =>
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Course, function: Build.Ovd), OvdCourse).ShouldBeFalse();

    [Fact]
    public void Matches_NoCodeDeployment_MeetsDeploymentRequirementButExerciseDoesNot()
    {
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Deployment, function: Build.Ovd), OvdDeployment).ShouldBeTrue();
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Exercise, function: Build.Ovd), OvdDeployment).ShouldBeFalse();
    }

    [Fact]
    public void Matches_NoCodeInAnotherFunction_DoesNotMatch() =>
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Exercise, function: Hin), OvdExercise).ShouldBeFalse();

    [Fact]
    public void Matches_NoCodeAndNoFunction_MatchesNothing() =>
        Evidence.Matches(Record(Day, code: null, kind: ActivityKind.Exercise, function: null), OvdExercise).ShouldBeFalse();

    [Theory]
    [InlineData(ActivityKind.Course, ActivityKind.Course, true)]
    [InlineData(ActivityKind.Training, ActivityKind.Training, true)]
    [InlineData(ActivityKind.Exercise, ActivityKind.Exercise, true)]
    [InlineData(ActivityKind.Deployment, ActivityKind.Deployment, true)]
    [InlineData(ActivityKind.Deployment, ActivityKind.Exercise, true)]
    [InlineData(ActivityKind.Exercise, ActivityKind.Deployment, false)]
    [InlineData(ActivityKind.Training, ActivityKind.Course, false)]
    [InlineData(ActivityKind.Course, ActivityKind.Training, false)]
    public void KindMeets_RealWorkMeetsADrillButNotTheOtherWayRound(ActivityKind record, ActivityKind required, bool expected) =>
        Evidence.KindMeets(record, required).ShouldBe(expected);

    [Fact]
    public void InForce_LeavesOutVoidedAndWithdrawalsButKeepsDrafts()
    {
        var kept = Record(Day);
        var draft = Record(Day, status: RecordStatus.Draft);
        var voided = Record(Day);
        var withdrawal = Record(Day, status: RecordStatus.Void, voids: voided.Id);
        Voids.InForce([kept, draft, voided, withdrawal]).ShouldBe([kept, draft]);
    }

    [Fact]
    public void InForce_AnotherPersonsRecord_CannotVoidMine()
    {
        var mine = Record(Day);
        var theirs = Record(Day, person: OtherPerson, voids: mine.Id);
        Voids.InForce([mine, theirs]).ShouldBe([mine, theirs]);
    }
}
