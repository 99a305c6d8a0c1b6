using Crisis.Domain.Paspoort;
using NodaTime;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>The qualification matrix, the expiry list and attendance per activity.</summary>
public class PaspoortOverviewsTests
{
    private static readonly LocalDate Today = Date(2026, 3, 1);
    private static readonly Guid Third = new("44444444-4444-4444-4444-444444444444");
    private static readonly IReadOnlyList<Requirement> Ovd = DefaultRequirements.For(DefaultRequirements.OvdBz);

    private static PaspoortRecord Course(Guid person) =>
        Record(Date(2020, 1, 1), code: "OVD-BASIS", kind: ActivityKind.Course, person: person);

    private static PaspoortRecord Lcms(Guid person, LocalDate date) =>
        Record(date, code: "LCMS-TRAINING", kind: ActivityKind.Training, person: person);

    [Fact]
    public void Matrix_RowPerPersonInTheOrderGiven_CellPerRequirementOfTheFunction()
    {
        PaspoortRecord[] records =
        [
            Course(Person), Record(Date(2025, 11, 1)), Lcms(Person, Date(2025, 1, 1)),
            Course(OtherPerson),
        ];
        var all = DefaultRequirements.All;
        var matrix = PaspoortOverviews.Matrix("OVD-BZ", [OtherPerson, Person, OtherPerson], all, records, Today);

        matrix.Function.ShouldBe("OVD-BZ");
        matrix.At.ShouldBe(Today);
        matrix.Requirements.Select(r => r.Code).ShouldBe(["OVD-BASIS", "OVD-OEFENING", "LCMS-TRAINING"]);
        matrix.Rows.Select(r => r.PersonId).ShouldBe([OtherPerson, Person]);

        var mine = matrix.Rows[1];
        mine.Status.ShouldBe(PaspoortStatus.Current);
        mine.Cells.Select(c => c.Status).ShouldBe([PaspoortStatus.Current, PaspoortStatus.Current, PaspoortStatus.Current]);
        mine.Cells.Select(c => c.ValidUntil).ShouldBe([null, Date(2026, 11, 1), Date(2027, 1, 1)]);

        var theirs = matrix.Rows[0];
        theirs.Status.ShouldBe(PaspoortStatus.Missing);
        theirs.Cells.Select(c => c.Status).ShouldBe([PaspoortStatus.Current, PaspoortStatus.Missing, PaspoortStatus.Missing]);
    }

    [Fact]
    public void Expiries_OnlyWhatRunsOutWithinTheHorizon_SoonestFirst()
    {
        PaspoortRecord[] records =
        [
            Course(Person),
            Record(Date(2025, 5, 15)),                // exercise until 2026-05-15: 75 days
            Lcms(Person, Date(2024, 3, 31)),          // LCMS until 2026-03-31: 30 days
        ];
        var people = new[] { new PersonFunctions(Person, ["OVD-BZ"]) };

        var within90 = PaspoortOverviews.Expiries(people, Ovd, records, Today);
        within90.Count.ShouldBe(1);
        within90[0].PersonId.ShouldBe(Person);
        within90[0].Items.Select(i => (i.Requirement.Code, i.ValidUntil, i.DaysLeft, i.Status)).ShouldBe(
        [
            ("LCMS-TRAINING", Date(2026, 3, 31), 30, PaspoortStatus.Expiring),
            ("OVD-OEFENING", Date(2026, 5, 15), 75, PaspoortStatus.Current),
        ]);

        var within60 = PaspoortOverviews.Expiries(people, Ovd, records, Today, horizonDays: 60);
        within60[0].Items.Select(i => i.Requirement.Code).ShouldBe(["LCMS-TRAINING"]);
    }

    [Fact]
    public void Expiries_HorizonIsInclusive()
    {
        // Valid through 2026-05-30, which is exactly 90 days after 2026-03-01.
        PaspoortRecord[] records = [Record(Date(2025, 5, 30))];
        var people = new[] { new PersonFunctions(Person, ["OVD-BZ"]) };
        var exercise = Ovd.Where(r => r.Code == "OVD-OEFENING").ToList();

        PaspoortOverviews.Expiries(people, exercise, records, Today, 90).Single().Items.Single().DaysLeft.ShouldBe(90);
        PaspoortOverviews.Expiries(people, exercise, records, Today, 89).ShouldBeEmpty();
    }

    [Fact]
    public void Expiries_RunningOutToday_HasZeroDaysLeft()
    {
        var people = new[] { new PersonFunctions(Person, ["OVD-BZ"]) };
        var item = PaspoortOverviews.Expiries(people, Ovd, [Record(Today.PlusMonths(-12))], Today).Single().Items.Single();
        item.ValidUntil.ShouldBe(Today);
        item.DaysLeft.ShouldBe(0);
    }

    [Fact]
    public void Expiries_LeaveOutExpiredMissingAndOnceOnly()
    {
        // Course done (never runs out), exercise expired yesterday, LCMS never done: nothing is about to run out.
        PaspoortRecord[] records = [Course(Person), Record(Today.PlusDays(-1).PlusMonths(-12))];
        var people = new[] { new PersonFunctions(Person, ["OVD-BZ"]) };
        PaspoortOverviews.Expiries(people, Ovd, records, Today).ShouldBeEmpty();
    }

    [Fact]
    public void Expiries_PeopleOrderedBySoonestItem_AcrossFunctions()
    {
        var hinExercise = Requirement(function: Hin, code: "HIN-OEFENING");
        var ovdExercise = Requirement(code: "OVD-OEFENING");
        PaspoortRecord[] records =
        [
            Record(Date(2025, 4, 20), person: Person),                                  // OVD until 2026-04-20
            Record(Date(2025, 3, 10), code: "HIN-OEFENING", person: OtherPerson),       // HIN until 2026-03-10
            Record(Date(2025, 5, 1), code: "HIN-OEFENING", person: Person),             // HIN until 2026-05-01
        ];
        var people = new[]
        {
            new PersonFunctions(Person, ["OVD-BZ", "HIN"]),
            new PersonFunctions(OtherPerson, ["HIN"]),
            new PersonFunctions(Third, ["OVD-BZ"]),
        };
        var list = PaspoortOverviews.Expiries(people, [ovdExercise, hinExercise], records, Today);

        list.Select(g => g.PersonId).ShouldBe([OtherPerson, Person]);
        list[1].Items.Select(i => (i.Function, i.ValidUntil)).ShouldBe([("OVD-BZ", Date(2026, 4, 20)), ("HIN", Date(2026, 5, 1))]);
    }

    [Fact]
    public void Expiries_NegativeHorizon_IsInvalid() =>
        ShouldViolate(() => PaspoortOverviews.Expiries([], Ovd, [], Today, -1), ViolationKind.Invalid, "days");

    [Fact]
    public void Attendance_GroupsByKindActivityAndDate_NewestFirst()
    {
        var spring = Date(2026, 2, 10);
        var autumn = Date(2025, 10, 5);
        PaspoortRecord[] records =
        [
            Lcms(Person, spring) with { Activity = "LCMS-training voorjaar", RecordedAt = RecordedAt },
            Lcms(OtherPerson, spring) with { Activity = " lcms-training VOORJAAR ", RecordedAt = RecordedAt.Plus(Duration.FromMinutes(1)) },
            Lcms(Person, autumn) with { Activity = "LCMS-training najaar" },
            Record(spring, activity: "LCMS-training voorjaar", person: Third), // same name and day, but an exercise
        ];
        var attendance = PaspoortOverviews.Attendance(records);

        attendance.Select(a => (a.Activity, a.Date, a.Kind)).ShouldBe(
        [
            ("LCMS-training voorjaar", spring, ActivityKind.Training),
            ("LCMS-training voorjaar", spring, ActivityKind.Exercise),
            ("LCMS-training najaar", autumn, ActivityKind.Training),
        ]);
        attendance[0].Attendees.Select(a => a.PersonId).ShouldBe([Person, OtherPerson]);
    }

    [Fact]
    public void Attendance_LeavesOutDraftsWithdrawalsAndVoided_ButListsFailures()
    {
        var day = Date(2026, 2, 10);
        var failed = Record(day, result: RecordResult.Failed, person: Person);
        var draft = Record(day, status: RecordStatus.Draft, person: OtherPerson);
        var voided = Record(day, person: Third);
        var withdrawal = Record(day, status: RecordStatus.Void, voids: voided.Id, person: Third);

        var attendance = PaspoortOverviews.Attendance([failed, draft, voided, withdrawal]);
        attendance.Single().Attendees.Select(a => (a.PersonId, a.Result)).ShouldBe([(Person, (RecordResult?)RecordResult.Failed)]);
    }

    [Fact]
    public void Attendance_CorrectedRecord_AppearsOnceAsCorrected()
    {
        var wrongDay = Record(Date(2026, 2, 11), activity: "Oefening COPI");
        var corrected = Record(Date(2026, 2, 10), activity: "Oefening COPI", voids: wrongDay.Id);
        var attendance = PaspoortOverviews.Attendance([wrongDay, corrected]);
        attendance.Single().Date.ShouldBe(Date(2026, 2, 10));
        attendance.Single().Attendees.Single().RecordId.ShouldBe(corrected.Id);
    }
}
