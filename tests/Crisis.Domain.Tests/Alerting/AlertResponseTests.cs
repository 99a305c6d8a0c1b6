using Crisis.Domain.Alerting;
using NodaTime;
using static Crisis.Domain.Tests.Alerting.Alerts;
using static Crisis.Domain.Tests.Alerting.TestRoster;

namespace Crisis.Domain.Tests.Alerting;

public class AlertResponseTests
{
    private readonly IAlertRoster _roster = new TestRoster().Build();

    private Alert Raised(int? required = null) => Alert.Raise(Draft(required: required), _roster).Alert;

    [Fact]
    public void Respond_Coming_RecordsTheAnswerAndWhenTheyWillBeThere()
    {
        var change = Raised().Respond(Anna, AlertResponse.Coming, 25, "  Ik rijd nu  ", At(3), _roster);

        var anna = change.Alert.Recipient(Anna)!;
        (anna.Response, anna.RespondedAt, anna.EtaMinutes, anna.ExpectedAt, anna.Note)
            .ShouldBe((AlertResponse.Coming, At(3), 25, At(28), "Ik rijd nu"));
        change.Response.ShouldBe(new ResponseRecorded(Anna, OvdBz, 1, AlertResponse.Coming, AlertResponse.Pending, At(3), 25, At(28), "Ik rijd nu"));
        change.Alert.Status.ShouldBe(AlertStatus.Satisfied);
        change.StatusChanged.ShouldBeTrue();
    }

    [Fact]
    public void Respond_Declined_DropsTheEtaAndKeepsEscalating()
    {
        var change = Raised().Respond(Anna, AlertResponse.Declined, 25, null, At(3), _roster);

        var anna = change.Alert.Recipient(Anna)!;
        (anna.Response, anna.EtaMinutes, anna.ExpectedAt).ShouldBe((AlertResponse.Declined, (int?)null, (Instant?)null));
        change.Alert.Status.ShouldBe(AlertStatus.Open);
        change.Alert.NextDueAt.ShouldBe(At(5));
    }

    [Fact]
    public void Respond_LaterAnswer_ReplacesTheEarlierOne()
    {
        var coming = Raised().Respond(Anna, AlertResponse.Coming, 10, null, At(1), _roster).Alert;

        var declined = coming.Respond(Anna, AlertResponse.Declined, null, null, At(2), _roster);

        declined.Alert.Recipient(Anna)!.Response.ShouldBe(AlertResponse.Declined);
        declined.Response!.Previous.ShouldBe(AlertResponse.Coming);
        declined.Alert.Recipients.Count.ShouldBe(1);
    }

    [Fact]
    public void Respond_ComingThenDeclined_ResumesTheEscalationAtOnce()
    {
        var coming = Raised().Respond(Anna, AlertResponse.Coming, 10, null, At(1), _roster).Alert;
        var held = coming.Advance(At(8), _roster).Alert;
        held.NextDueAt.ShouldBeNull();

        var declined = held.Respond(Anna, AlertResponse.Declined, null, null, At(9), _roster);

        declined.Alert.Status.ShouldBe(AlertStatus.Open);
        declined.Sent().ShouldBe([(2, Bram)]);
        declined.Fired.Single().At.ShouldBe(At(9));
    }

    [Fact]
    public void Respond_FiresTheStepsDueBeforeTheAnswerFirst()
    {
        var change = Raised().Respond(Anna, AlertResponse.Declined, null, null, At(7), _roster);

        change.Sent().ShouldBe([(2, Bram)]);
        change.Fired.Single().At.ShouldBe(At(5));
    }

    [Fact]
    public void Respond_ARecipientReachedByALaterStep_MayAnswerOnceItFired() =>
        Raised().Respond(Bram, AlertResponse.Coming, 30, null, At(6), _roster).Alert.Status.ShouldBe(AlertStatus.Satisfied);

    [Fact]
    public void Respond_RequiredTwo_IsSatisfiedOnlyByTheSecondComing()
    {
        var first = Raised(required: 2).Advance(At(5), _roster).Alert.Respond(Anna, AlertResponse.Coming, 10, null, At(6), _roster);
        first.Alert.Status.ShouldBe(AlertStatus.Open);
        first.Alert.ComingFor(0).ShouldBe(1);

        first.Alert.Respond(Bram, AlertResponse.Coming, 10, null, At(7), _roster).Alert.Status.ShouldBe(AlertStatus.Satisfied);
    }

    [Fact]
    public void Respond_AfterUnanswered_CanStillSatisfyTheAlert()
    {
        var unanswered = Raised().Advance(At(60), _roster).Alert;

        var late = unanswered.Respond(Cor, AlertResponse.Coming, 15, null, At(61), _roster);

        late.Alert.Status.ShouldBe(AlertStatus.Satisfied);
        late.Response!.Previous.ShouldBe(AlertResponse.NoAnswer);
    }

    [Fact]
    public void Respond_BeforeTheLastAdvance_IsRecordedAtTheLastAdvance()
    {
        var advanced = Raised().Advance(At(6), _roster).Alert;

        advanced.Respond(Anna, AlertResponse.Coming, 5, null, At(2), _roster).Alert.Recipient(Anna)!.RespondedAt.ShouldBe(At(6));
    }

    [Theory]
    [InlineData("never reached", "00000000-0000-0000-0000-0000000000c3")]
    [InlineData("not a person at all", "00000000-0000-0000-0000-000000000099")]
    public void Respond_NotARecipient_IsForbidden(string description, string person) =>
        ShouldRefuse(() => Raised().Respond(new Guid(person), AlertResponse.Coming, null, null, At(1), _roster),
            AlertingRefusals.NotARecipient, because: description);

    [Fact]
    public void Respond_SkippedPerson_IsForbidden()
    {
        var roster = new TestRoster().OnLeave(Anna).Build();
        var alert = Alert.Raise(Draft(), roster).Alert;

        ShouldRefuse(() => alert.Respond(Anna, AlertResponse.Coming, null, null, At(1), roster), AlertingRefusals.NotARecipient);
    }

    [Theory]
    [InlineData("cancelled", AlertStatus.Cancelled)]
    [InlineData("resolved", AlertStatus.Resolved)]
    public void Respond_ClosedAlert_IsAConflictThatSaysWhy(string description, AlertStatus status)
    {
        var raised = Raised();
        var closed = (status == AlertStatus.Cancelled ? raised.Cancel(At(1), _roster) : raised.Resolve(At(1), _roster)).Alert;

        var refusal = ShouldRefuse(() => closed.Respond(Anna, AlertResponse.Coming, null, null, At(2), _roster),
            AlertingRefusals.AlertClosed, because: description);
        refusal.Phrase["status"].ShouldBe(new Bilingual(status.ToWire(), status.ToDutch()));
    }

    [Theory]
    [InlineData("pending", AlertResponse.Pending)]
    [InlineData("no-answer", AlertResponse.NoAnswer)]
    public void Respond_WhatOnlyCrisisRecords_IsNotAnAnswer(string description, AlertResponse response) =>
        ShouldRefuse(() => Raised().Respond(Anna, response, null, null, At(1), _roster), AlertingRefusals.ResponseNotAnAnswer, "response", description);

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void Respond_EtaOutOfRange_IsRefusedOnEtaMinutes(int eta) =>
        ShouldRefuse(() => Raised().Respond(Anna, AlertResponse.Coming, eta, null, At(1), _roster), AlertingRefusals.EtaOutOfRange, "etaMinutes");

    [Fact]
    public void Respond_NoteTooLong_IsRefusedOnNote() =>
        ShouldRefuse(() => Raised().Respond(Anna, AlertResponse.Coming, 5, new string('n', 501), At(1), _roster), AlertingRefusals.NoteTooLong, "note");

    [Fact]
    public void Cancel_MarksWhoHadNotAnsweredAndStopsTheClock()
    {
        var change = Raised().Advance(At(5), _roster).Alert.Respond(Bram, AlertResponse.Declined, null, null, At(6), _roster).Alert
            .Cancel(At(7), _roster);

        change.Alert.Status.ShouldBe(AlertStatus.Cancelled);
        change.Alert.ClosedAt.ShouldBe(At(7));
        change.Alert.NextDueAt.ShouldBeNull();
        change.Alert.Recipients.Select(r => (r.PersonId, r.Response)).ShouldBe([(Anna, AlertResponse.NoAnswer), (Bram, AlertResponse.Declined)]);
    }

    [Fact]
    public void Resolve_ASatisfiedAlert_IsResolved() =>
        Raised().Respond(Anna, AlertResponse.Coming, 5, null, At(1), _roster).Alert.Resolve(At(40), _roster).Alert.Status
            .ShouldBe(AlertStatus.Resolved);

    [Fact]
    public void Resolve_FiresTheStepsDueBeforeItFirst() =>
        Raised().Resolve(At(6), _roster).Sent().ShouldBe([(2, Bram)]);

    [Fact]
    public void Cancel_Twice_IsAConflict()
    {
        var cancelled = Raised().Cancel(At(1), _roster).Alert;

        ShouldRefuse(() => cancelled.Cancel(At(2), _roster), AlertingRefusals.AlertClosed);
        ShouldRefuse(() => cancelled.Resolve(At(2), _roster), AlertingRefusals.AlertClosed);
    }
}
