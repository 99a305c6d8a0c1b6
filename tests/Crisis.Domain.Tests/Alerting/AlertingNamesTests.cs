using Crisis.Domain.Alerting;
using static Crisis.Domain.Tests.Alerting.Alerts;

namespace Crisis.Domain.Tests.Alerting;

public class AlertingNamesTests
{
    [Theory]
    [InlineData(AlertStatus.Open, "open", "open")]
    [InlineData(AlertStatus.Satisfied, "satisfied", "voldaan")]
    [InlineData(AlertStatus.Unanswered, "unanswered", "onbeantwoord")]
    [InlineData(AlertStatus.Cancelled, "cancelled", "geannuleerd")]
    [InlineData(AlertStatus.Resolved, "resolved", "afgehandeld")]
    public void Status_HasTheContractsWireNameAndADutchLabel(AlertStatus status, string wire, string dutch)
    {
        status.ToWire().ShouldBe(wire);
        status.ToDutch().ShouldBe(dutch);
    }

    [Theory]
    [InlineData(AlertResponse.Pending, "pending", "wacht")]
    [InlineData(AlertResponse.Coming, "coming", "komt")]
    [InlineData(AlertResponse.Declined, "declined", "kan niet")]
    [InlineData(AlertResponse.NoAnswer, "no-answer", "geen antwoord")]
    public void Response_HasTheContractsWireNameAndADutchLabel(AlertResponse response, string wire, string dutch)
    {
        response.ToWire().ShouldBe(wire);
        response.ToDutch().ShouldBe(dutch);
    }

    [Fact]
    public void Notify_WireNamesAreTheContractsInOrder() =>
        AlertingNames.Notifies.All.ShouldBe(["oncall", "next-oncall", "deputy", "pool", "coordinators"]);

    [Theory]
    [InlineData("exact", "next-oncall", EscalationNotify.NextOnCall)]
    [InlineData("upper case and padded", " POOL ", EscalationNotify.Pool)]
    public void ParseNotify_WireName_Parses(string description, string wire, EscalationNotify expected) =>
        AlertingNames.ParseNotify(wire, "steps[0].notify").ShouldBe(expected, description);

    [Theory]
    [InlineData("Dutch label", "piket")]
    [InlineData("enum name", "NextOnCall")]
    [InlineData("empty", "")]
    public void ParseNotify_Unknown_IsRefusedOnTheFieldWithTheAllowedNames(string description, string wire)
    {
        var refusal = ShouldRefuse(() => AlertingNames.ParseNotify(wire, "steps[2].notify"), AlertingRefusals.PolicyUnknownNotify,
            "steps[2].notify", description);
        refusal.Phrase["allowed"].ShouldBe(AlertingNames.Notifies.All);
    }

    [Theory]
    [InlineData("coming", AlertResponse.Coming)]
    [InlineData("Declined", AlertResponse.Declined)]
    public void ParseAnswer_ComingOrDeclined_Parses(string wire, AlertResponse expected) =>
        AlertingNames.ParseAnswer(wire).ShouldBe(expected);

    [Theory]
    [InlineData("Crisis records pending itself", "pending")]
    [InlineData("Crisis records no-answer itself", "no-answer")]
    [InlineData("Dutch", "komt")]
    [InlineData("null", null)]
    public void ParseAnswer_AnythingElse_IsNotAnAnswer(string description, string? wire) =>
        ShouldRefuse(() => AlertingNames.ParseAnswer(wire), AlertingRefusals.ResponseNotAnAnswer, "response", description);

    [Fact]
    public void SkipReasons_EveryReasonHasADistinctWireNameAndDutchLabel()
    {
        var reasons = Enum.GetValues<SkipReason>();
        reasons.Select(r => r.ToWire()).Distinct().Count().ShouldBe(reasons.Length);
        reasons.Select(r => r.ToDutch()).Distinct().Count().ShouldBe(reasons.Length);
        SkipReason.OnLeave.ToWire().ShouldBe("on-leave");
        SkipReason.NotParticipant.ToDutch().ShouldBe("geen deelnemer aan de oefening");
    }

    [Theory]
    [InlineData(AlertStatus.Open, false)]
    [InlineData(AlertStatus.Satisfied, false)]
    [InlineData(AlertStatus.Unanswered, false)]
    [InlineData(AlertStatus.Cancelled, true)]
    [InlineData(AlertStatus.Resolved, true)]
    public void IsClosed_OnlyCancelledAndResolved(AlertStatus status, bool closed) => status.IsClosed().ShouldBe(closed);
}
