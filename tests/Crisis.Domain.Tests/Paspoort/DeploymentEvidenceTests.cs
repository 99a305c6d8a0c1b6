using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Draft records from closed incidents and evaluated exercises.</summary>
public class DeploymentEvidenceTests
{
    private static readonly Guid CrisisItself = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly ClosedIncident Fire = new(new Guid("aaaaaaaa-0000-0000-0000-000000000001"), "Brand Haven 4", false, Date(2026, 2, 20));
    private static readonly ClosedIncident Drill = Fire with { Id = new Guid("aaaaaaaa-0000-0000-0000-000000000002"), Title = "Opvang Sporthal", Exercise = true };

    [Fact]
    public void Drafts_RealIncident_OneDeploymentDraftPerParticipantInAFunction()
    {
        var drafts = DeploymentEvidence.Drafts(
            Fire, [new(Person, "OVD-BZ"), new(OtherPerson, "HIN")], CrisisItself, RecordedAt);

        drafts.Count.ShouldBe(2);
        var mine = drafts[0];
        mine.ShouldBe(new PaspoortRecord(
            DeploymentEvidence.DraftId(Fire.Id, Person, "OVD-BZ"), Person, ActivityKind.Deployment, "Inzet: Brand Haven 4",
            Date(2026, 2, 20), "OVD-BZ", null, null, null, RecordStatus.Draft, CrisisItself, RecordedAt, null, Fire.Id));
        drafts[1].PersonId.ShouldBe(OtherPerson);
        drafts[1].Function.ShouldBe("HIN");
    }

    [Fact]
    public void Drafts_ExerciseIncident_AreExercisesMarkedOefening()
    {
        var draft = DeploymentEvidence.Drafts(Drill, [new(Person, "OVD-BZ")], CrisisItself, RecordedAt).Single();
        draft.Kind.ShouldBe(ActivityKind.Exercise);
        draft.Activity.ShouldBe("OEFENING: Opvang Sporthal");
        draft.IncidentId.ShouldBe(Drill.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Drafts_ParticipantWithoutFunction_GetsNone(string? function) =>
        DeploymentEvidence.Drafts(Fire, [new(Person, function)], CrisisItself, RecordedAt).ShouldBeEmpty();

    [Fact]
    public void Drafts_SameFunctionTwice_GivesOne_TwoFunctionsGiveTwo()
    {
        var drafts = DeploymentEvidence.Drafts(
            Fire, [new(Person, "OVD-BZ"), new(Person, "ovd-bz"), new(Person, "HIN")], CrisisItself, RecordedAt);
        drafts.Select(d => d.Function).ShouldBe(["OVD-BZ", "HIN"]);
    }

    [Fact]
    public void Drafts_RunTwice_GiveTheSameIds()
    {
        IncidentParticipant[] participants = [new(Person, "OVD-BZ"), new(OtherPerson, "HIN")];
        var first = DeploymentEvidence.Drafts(Fire, participants, CrisisItself, RecordedAt).Select(d => d.Id);
        var again = DeploymentEvidence.Drafts(Fire, participants, CrisisItself, RecordedAt.PlusTicks(1)).Select(d => d.Id);
        again.ShouldBe(first);
    }

    [Fact]
    public void DraftId_DiffersPerIncidentPersonAndFunction_AndIsVersion5()
    {
        var id = DeploymentEvidence.DraftId(Fire.Id, Person, "OVD-BZ");
        Guid[] others =
        [
            DeploymentEvidence.DraftId(Drill.Id, Person, "OVD-BZ"),
            DeploymentEvidence.DraftId(Fire.Id, OtherPerson, "OVD-BZ"),
            DeploymentEvidence.DraftId(Fire.Id, Person, "HIN"),
        ];
        others.ShouldNotContain(id);
        others.Distinct().Count().ShouldBe(3);
        DeploymentEvidence.DraftId(Fire.Id, Person, " ovd-bz ").ShouldBe(id);
        id.ToString()[14].ShouldBe('5');
        "89ab".ShouldContain(id.ToString()[19]);
    }

    [Fact]
    public void ActivityName_LongTitle_FitsTheActivityLimit()
    {
        var name = DeploymentEvidence.ActivityName(Fire with { Title = new string('x', 300) });
        name.Length.ShouldBe(RecordRules.MaxActivityLength);
        name.ShouldStartWith("Inzet: xxx");
        name.ShouldEndWith("…");
    }

    [Fact]
    public void Drafts_ConfirmedDeployment_KeepsTheOvdExerciseRequirementCurrent()
    {
        // The whole hook: close the incident, confirm the draft, and the real work counts for the function.
        var exercise = DefaultRequirements.For("OVD-BZ").Single(r => r.Kind == ActivityKind.Exercise);
        var draft = DeploymentEvidence.Drafts(Fire, [new(Person, "OVD-BZ")], CrisisItself, RecordedAt).Single();

        Qualification.Evaluate(exercise, Person, [draft], Date(2026, 3, 1)).Status.ShouldBe(PaspoortStatus.Missing);

        var confirmed = RecordRules.Confirm(draft, RecordResult.Passed, "Sterk in de COPI", Stamp(), [draft]);
        var status = Qualification.Evaluate(exercise, Person, [draft, confirmed], Date(2026, 3, 1));
        status.Status.ShouldBe(PaspoortStatus.Current);
        status.ValidUntil.ShouldBe(Date(2027, 2, 20));
    }

    [Fact]
    public void Drafts_ConfirmedExercise_DoesNotCountAsADeployment()
    {
        var deployment = Requirement(kind: ActivityKind.Deployment, code: "OVD-INZET", months: 24);
        var draft = DeploymentEvidence.Drafts(Drill, [new(Person, "OVD-BZ")], CrisisItself, RecordedAt).Single();
        var confirmed = RecordRules.Confirm(draft, RecordResult.Attended, null, Stamp(), [draft]);
        Qualification.Evaluate(deployment, Person, [draft, confirmed], Date(2026, 3, 1)).Status.ShouldBe(PaspoortStatus.Missing);
    }
}
