using Crisis.Domain.Paspoort;
using NodaTime;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Checking a new record (POST /api/paspoort/records) and corrections of earlier ones.</summary>
public class RecordRulesValidateTests
{
    private static readonly LocalDate Today = Date(2026, 3, 1);

    private static RecordRequest Request(
        string? kind = "exercise", string? activity = "Oefening COPI Haven", LocalDate? date = null,
        string? function = null, string? requirement = null, string? result = null, string? notes = null,
        Guid? voids = null, Guid? person = null) =>
        // Kind and result as the API reads them from the wire, then the rules.
        new(person ?? Person, ActivityKinds.ParseOptional(kind, "kind"), activity, date ?? Date(2026, 2, 10), function, requirement,
            RecordResults.ParseOptional(result), notes, voids);

    private static PaspoortRecord Validate(RecordRequest request, params PaspoortRecord[] existing) =>
        RecordRules.Validate(request, Stamp(), Today, Functions, DefaultRequirements.All, existing);

    [Fact]
    public void Validate_FullRequest_ReturnsNormalisedConfirmedRecord()
    {
        var stamp = Stamp();
        var record = RecordRules.Validate(
            Request(kind: " Exercise ", activity: "  Oefening COPI Haven  ", function: "ovd-bz", requirement: "ovd-oefening",
                result: "PASSED", notes: "  Rustig en duidelijk  "),
            stamp, Today, Functions, DefaultRequirements.All, []);

        record.ShouldBe(new PaspoortRecord(
            stamp.Id, Person, ActivityKind.Exercise, "Oefening COPI Haven", Date(2026, 2, 10), "OVD-BZ", "OVD-OEFENING",
            RecordResult.Passed, "Rustig en duidelijk", RecordStatus.Confirmed, Coordinator, RecordedAt));
    }

    [Fact]
    public void Validate_OptionalFieldsLeftOut_AreNull()
    {
        var record = Validate(Request(notes: "   "));
        record.Function.ShouldBeNull();
        record.RequirementCode.ShouldBeNull();
        record.Result.ShouldBeNull();
        record.Notes.ShouldBeNull();
        record.VoidsRecordId.ShouldBeNull();
    }

    [Fact]
    public void Validate_DateTomorrow_IsInvalid()
    {
        var ex = ShouldViolate(() => Validate(Request(date: Today.PlusDays(1))), ViolationKind.Invalid, "date");
        ex.Code.ShouldBe(PaspoortRuleRefusals.DateInFuture.Code);
        ex.Phrase["date"].ShouldBe(Today.PlusDays(1));
        ex.Phrase["today"].ShouldBe(Today);
    }

    [Fact]
    public void Validate_DateToday_IsAccepted() =>
        Validate(Request(date: Today)).Date.ShouldBe(Today);

    [Fact]
    public void Validate_DateBefore1970_IsInvalid() =>
        ShouldViolate(() => Validate(Request(date: Date(1969, 12, 31))), ViolationKind.Invalid, "date");

    [Fact]
    public void Validate_FirstOfJanuary1970_IsAccepted() =>
        Validate(Request(date: Date(1970, 1, 1))).Date.ShouldBe(Date(1970, 1, 1));

    [Fact]
    public void Validate_NoDate_IsInvalid() =>
        ShouldViolate(() => Validate(new RecordRequest(Person, ActivityKind.Exercise, "Oefening", null)), ViolationKind.Invalid, "date");

    [Theory]
    [InlineData("workshop")]
    [InlineData("inzet")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_UnknownOrMissingKind_IsInvalid(string? kind)
    {
        var ex = ShouldViolate(() => Validate(Request(kind: kind)), ViolationKind.Invalid, "kind");
        ex.Code.ShouldBe(string.IsNullOrEmpty(kind) ? PaspoortRuleRefusals.KindMissing.Code : PaspoortRuleRefusals.KindUnknown.Code);
        ex.Phrase["kinds"].ShouldBe(new Bilingual("course, training, exercise, deployment", "cursus, training, oefening, inzet"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_EmptyActivity_IsInvalid(string? activity) =>
        ShouldViolate(() => Validate(Request(activity: activity)), ViolationKind.Invalid, "activity");

    [Fact]
    public void Validate_ActivityOf200Characters_IsAccepted() =>
        Validate(Request(activity: new string('a', 200))).Activity.Length.ShouldBe(200);

    [Fact]
    public void Validate_ActivityOf201Characters_IsInvalid() =>
        ShouldViolate(() => Validate(Request(activity: new string('a', 201))), ViolationKind.Invalid, "activity");

    [Fact]
    public void Validate_NotesOf2000Characters_AreAccepted() =>
        Validate(Request(notes: new string('n', 2000))).Notes!.Length.ShouldBe(2000);

    [Fact]
    public void Validate_NotesOf2001Characters_AreInvalid() =>
        ShouldViolate(() => Validate(Request(notes: new string('n', 2001))), ViolationKind.Invalid, "notes");

    [Fact]
    public void Validate_EmptyPersonId_IsInvalid() =>
        ShouldViolate(() => Validate(Request(person: Guid.Empty)), ViolationKind.Invalid, "personId");

    [Fact]
    public void Validate_UnknownFunction_IsInvalid() =>
        ShouldViolate(() => Validate(Request(function: "BRANDWEER")), ViolationKind.Invalid, "function");

    [Fact]
    public void Validate_UnknownRequirement_IsInvalid() =>
        ShouldViolate(() => Validate(Request(requirement: "OVD-ZWEMDIPLOMA")), ViolationKind.Invalid, "requirement");

    [Fact]
    public void Validate_MalformedRequirementCode_IsInvalid() =>
        ShouldViolate(() => Validate(Request(requirement: "ovd oefening")), ViolationKind.Invalid, "requirement");

    [Fact]
    public void Validate_RequirementOfAnotherFunction_IsInvalid()
    {
        var ex = ShouldViolate(() => Validate(Request(function: "HIN", requirement: "OVD-OEFENING")), ViolationKind.Invalid, "requirement");
        ex.Code.ShouldBe(PaspoortRuleRefusals.RequirementOfOtherFunction.Code);
        ex.Phrase["function"].ShouldBe("HIN");
        ((IEnumerable<string>)ex.Phrase["functions"]!).ShouldBe(["OVD-BZ"]);
    }

    [Fact]
    public void Validate_SharedRequirementWithoutFunction_IsAccepted() =>
        Validate(Request(kind: "training", requirement: "LCMS-TRAINING")).RequirementCode.ShouldBe("LCMS-TRAINING");

    [Fact]
    public void Validate_KindThatCannotMeetTheRequirement_IsInvalid() =>
        ShouldViolate(() => Validate(Request(kind: "training", requirement: "OVD-OEFENING")), ViolationKind.Invalid, "kind");

    [Fact]
    public void Validate_DeploymentForAnExerciseRequirement_IsAccepted() =>
        Validate(Request(kind: "deployment", requirement: "OVD-OEFENING")).Kind.ShouldBe(ActivityKind.Deployment);

    [Fact]
    public void Validate_CourseInAFunctionWithOneCourse_IsForThatCourse() =>
        Validate(Request(kind: "course", activity: "Basisopleiding", function: "OVD-BZ")).RequirementCode.ShouldBe("OVD-BASIS");

    [Fact]
    public void Validate_TrainingInAFunctionWithTwoTrainings_LeavesTheChoiceToTheRecorder() =>
        Validate(Request(kind: "training", function: "AC-BZ")).RequirementCode.ShouldBeNull();

    [Fact]
    public void Validate_ExerciseInAFunction_KeepsNoCodeAndCountsThroughTheFunction()
    {
        var record = Validate(Request(kind: "exercise", function: "OVD-BZ"));
        record.RequirementCode.ShouldBeNull();
        var exercise = DefaultRequirements.For("OVD-BZ").Single(r => r.Code == "OVD-OEFENING");
        Qualification.Evaluate(exercise, Person, [record], Today).Status.ShouldBe(PaspoortStatus.Current);
    }

    [Fact]
    public void Validate_CourseWithoutFunction_HasNoRequirement() =>
        Validate(Request(kind: "course")).RequirementCode.ShouldBeNull();

    [Fact]
    public void Validate_UnknownResult_IsInvalid() =>
        ShouldViolate(() => Validate(Request(result: "good")), ViolationKind.Invalid, "result");

    [Fact]
    public void Validate_Correction_VoidsTheEarlierRecordAndKeepsItsIncident()
    {
        var incident = Guid.NewGuid();
        var earlier = Record(Date(2026, 2, 1)) with { IncidentId = incident };
        var correction = Validate(Request(voids: earlier.Id), earlier);
        correction.VoidsRecordId.ShouldBe(earlier.Id);
        correction.IncidentId.ShouldBe(incident);
        correction.Status.ShouldBe(RecordStatus.Confirmed);
    }

    [Fact]
    public void Validate_CorrectionOfUnknownRecord_IsInvalid() =>
        ShouldViolate(() => Validate(Request(voids: Guid.NewGuid()), Record(Date(2026, 2, 1))), ViolationKind.Invalid, "voidsRecordId");

    [Fact]
    public void Validate_CorrectionOfAnotherPersonsRecord_IsInvalid()
    {
        var theirs = Record(Date(2026, 2, 1), person: OtherPerson);
        ShouldViolate(() => Validate(Request(voids: theirs.Id), theirs), ViolationKind.Invalid, "voidsRecordId");
    }

    [Fact]
    public void Validate_CorrectionOfAnAlreadyVoidedRecord_IsAConflict()
    {
        var earlier = Record(Date(2026, 2, 1));
        var firstCorrection = Record(Date(2026, 2, 2), voids: earlier.Id);
        ShouldViolate(() => Validate(Request(voids: earlier.Id), earlier, firstCorrection), ViolationKind.Conflict);
    }

    [Fact]
    public void Validate_CorrectionOfAWithdrawal_IsInvalid()
    {
        var earlier = Record(Date(2026, 2, 1));
        var withdrawal = Record(Date(2026, 2, 1), status: RecordStatus.Void, voids: earlier.Id);
        ShouldViolate(() => Validate(Request(voids: withdrawal.Id), earlier, withdrawal), ViolationKind.Invalid, "voidsRecordId");
    }
}

/// <summary>Confirming drafts and withdrawing records: both are new records, never edits.</summary>
public class RecordRulesConfirmAndWithdrawTests
{
    private static PaspoortRecord Draft()
    {
        var draft = Record(Date(2026, 2, 20), code: null, kind: ActivityKind.Deployment, function: Ovd, status: RecordStatus.Draft,
            activity: "Inzet: brand Haven 4");
        return draft with { IncidentId = Guid.NewGuid() };
    }

    [Fact]
    public void Confirm_Draft_ReturnsAConfirmedRecordThatVoidsIt()
    {
        var draft = Draft();
        var stamp = Stamp(at: RecordedAt.Plus(Duration.FromDays(2)));
        var confirmed = RecordRules.Confirm(draft, RecordResult.Attended, " Goed overzicht gehouden ", stamp, [draft]);

        confirmed.ShouldBe(draft with
        {
            Id = stamp.Id,
            Status = RecordStatus.Confirmed,
            Result = RecordResult.Attended,
            Notes = "Goed overzicht gehouden",
            RecordedAt = stamp.RecordedAt,
            VoidsRecordId = draft.Id,
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Confirm_WithoutResult_IsInvalid(string? result)
    {
        var draft = Draft();
        var ex = ShouldViolate(() => RecordRules.Confirm(draft, RecordResults.ParseOptional(result), null, Stamp(), [draft]), ViolationKind.Invalid, "result");
        ex.Code.ShouldBe(PaspoortRuleRefusals.ConfirmNeedsResult.Code);
    }

    [Fact]
    public void Confirm_UnknownResult_IsInvalid()
    {
        var draft = Draft();
        var ex = ShouldViolate(() => RecordRules.Confirm(draft, RecordResults.ParseOptional("excellent"), null, Stamp(), [draft]), ViolationKind.Invalid, "result");
        ex.Code.ShouldBe(PaspoortRuleRefusals.ResultUnknown.Code);
        ex.Phrase["result"].ShouldBe("excellent");
    }

    [Fact]
    public void Confirm_AlreadyConfirmedDraft_IsAConflict()
    {
        var draft = Draft();
        var first = RecordRules.Confirm(draft, RecordResult.Passed, null, Stamp(), [draft]);
        var ex = ShouldViolate(() => RecordRules.Confirm(draft, RecordResult.Passed, null, Stamp(), [draft, first]), ViolationKind.Conflict);
        ex.Code.ShouldBe(PaspoortRuleRefusals.RecordAlreadyVoided.Code);
        ex.Phrase["by"].ShouldBe(first.Id);
    }

    [Fact]
    public void Confirm_ARecordThatIsNoDraft_IsInvalid()
    {
        var confirmed = Record(Date(2026, 2, 1));
        ShouldViolate(() => RecordRules.Confirm(confirmed, RecordResult.Passed, null, Stamp(), [confirmed]), ViolationKind.Invalid);
    }

    [Fact]
    public void Withdraw_Record_ReturnsAVoidRecordThatSaysWhy()
    {
        var wrong = Record(Date(2026, 2, 1), result: RecordResult.Passed);
        var stamp = Stamp();
        var withdrawal = RecordRules.Withdraw(Person, wrong.Id, "Was iemand anders", stamp, [wrong]);

        withdrawal.Id.ShouldBe(stamp.Id);
        withdrawal.Status.ShouldBe(RecordStatus.Void);
        withdrawal.VoidsRecordId.ShouldBe(wrong.Id);
        withdrawal.Notes.ShouldBe("Was iemand anders");
        withdrawal.Result.ShouldBeNull();
        withdrawal.PersonId.ShouldBe(Person);
    }

    [Fact]
    public void Withdraw_Draft_IsAllowed()
    {
        var draft = Draft();
        RecordRules.Withdraw(Person, draft.Id, "Niet ingezet, alleen gealarmeerd", Stamp(), [draft])
            .VoidsRecordId.ShouldBe(draft.Id);
    }

    [Fact]
    public void Withdraw_WithoutReason_IsInvalid()
    {
        var wrong = Record(Date(2026, 2, 1));
        ShouldViolate(() => RecordRules.Withdraw(Person, wrong.Id, " ", Stamp(), [wrong]), ViolationKind.Invalid, "notes");
    }

    [Fact]
    public void Withdraw_AWithdrawal_IsInvalid()
    {
        var wrong = Record(Date(2026, 2, 1));
        var withdrawal = RecordRules.Withdraw(Person, wrong.Id, "Fout", Stamp(), [wrong]);
        ShouldViolate(() => RecordRules.Withdraw(Person, withdrawal.Id, "Toch niet fout", Stamp(), [wrong, withdrawal]),
            ViolationKind.Invalid, "voidsRecordId");
    }

    [Fact]
    public void Withdraw_TwiceTheSameRecord_IsAConflict()
    {
        var wrong = Record(Date(2026, 2, 1));
        var withdrawal = RecordRules.Withdraw(Person, wrong.Id, "Fout", Stamp(), [wrong]);
        ShouldViolate(() => RecordRules.Withdraw(Person, wrong.Id, "Nog steeds fout", Stamp(), [wrong, withdrawal]),
            ViolationKind.Conflict);
    }
}
