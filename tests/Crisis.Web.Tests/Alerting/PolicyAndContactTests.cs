using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Alerting;

/// <summary>Escalation policies per function, contact details, and the proefalarm.</summary>
[Collection(AlertingCollection.Name)]
public sealed class PolicyAndContactTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task Escalation_IsTheDefaultUntilSet_AndASetPolicyDrivesNewAlerts()
    {
        var region = await Host.RegionAsync();
        var policy = await Host.Kit.Coordinator.GetFromJsonAsync<EscalationPolicyDto>($"/api/functions/{region.Function.ToLowerInvariant()}/escalation", Json.Options);
        policy!.IsDefault.ShouldBeTrue();
        policy.Steps.Select(s => (s.AfterMinutes, s.Notify)).ShouldBe([(0, "oncall"), (5, "next-oncall"), (10, "pool"), (0, "coordinators")]);
        policy.Repeat.ShouldBe(0);

        var put = await Host.Kit.Coordinator.PutAsJsonAsync($"/api/functions/{region.Function}/escalation",
            new { steps = new object[] { new { afterMinutes = 0, notify = "oncall" }, new { afterMinutes = 2, notify = "pool" } }, repeat = 1 }, Json.Options);
        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var set = await Host.Kit.Coordinator.GetFromJsonAsync<EscalationPolicyDto>($"/api/functions/{region.Function}/escalation", Json.Options);
        (set!.IsDefault, set.Repeat, set.Steps.Count).ShouldBe((false, 1, 2));

        var alert = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { function = region.Function } }, message = "Eigen schema" });
        await Host.AdvanceAsync(Duration.FromMinutes(2));
        var after = await Host.GetAsync(alert.Id);
        after.Recipient(region.Next.Person.Id).ShouldSatisfyAllConditions(r => r.Step.ShouldBe(2), r => r.Reason.ShouldBe("pool"));
    }

    [Theory]
    [InlineData("""{"steps":[]}""", "at least one step")]
    [InlineData("""{"steps":[{"afterMinutes":-1,"notify":"oncall"}]}""", "Step 1 waits -1 minutes")]
    [InlineData("""{"steps":[{"afterMinutes":0,"notify":"everybody"}]}""", "'everybody' is not someone a step can notify")]
    [InlineData("""{"steps":[{"notify":"oncall"}]}""", "Step 1 needs afterMinutes")]
    [InlineData("""{"steps":[{"afterMinutes":0,"notify":"oncall"}],"repeat":4}""", "repeat 4 is out of range")]
    public async Task Escalation_WithBadInput_Is400_AndStoresNothing(string body, string detail)
    {
        var function = await Host.Kit.FunctionAsync();
        var before = await Host.CountRowsAsync();

        var response = await Host.Kit.Coordinator.PutAsync($"/api/functions/{function}/escalation",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await Host.CountRowsAsync()).ShouldBe(before);
        (await Host.Kit.Coordinator.GetFromJsonAsync<EscalationPolicyDto>($"/api/functions/{function}/escalation", Json.Options))!.IsDefault.ShouldBeTrue();
    }

    [Fact]
    public async Task Escalation_OnlyCoordinatorsSetIt_AndAnUnknownFunctionIs404()
    {
        var officer = await Host.App.CreateUserAsync(CrisisRole.Officer);
        var body = new { steps = new[] { new { afterMinutes = 0, notify = "oncall" } } };
        await (await Host.ClientFor(officer).PutAsJsonAsync("/api/functions/OVD-BZ/escalation", body, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only coordinators can do this.");
        await (await Host.Kit.Coordinator.GetAsync("/api/functions/GEEN-FUNCTIE/escalation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Contact_ThePersonAndCoordinatorsReadAndChangeIt_OthersAre403_BadValuesAre400()
    {
        var (person, user) = await Host.Kit.PersonAsync(CrisisRole.Member);
        var other = await Host.App.CreateUserAsync(CrisisRole.Officer);

        var initial = await Host.ClientFor(user).GetFromJsonAsync<ContactDto>($"/api/people/{person.Id}/contact", Json.Options);
        (initial!.Email, initial.Phone, initial.LastTest).ShouldBe((person.Email, null, null));

        var put = await Host.ClientFor(user).PutAsJsonAsync($"/api/people/{person.Id}/contact", new { email = "piket@example.org", phone = "+31 6 1234 5678" }, Json.Options);
        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var changed = await Host.Kit.Coordinator.GetFromJsonAsync<ContactDto>($"/api/people/{person.Id}/contact", Json.Options);
        (changed!.Email, changed.Phone).ShouldBe(("piket@example.org", "+31 6 1234 5678"));

        await (await Host.ClientFor(other).GetAsync($"/api/people/{person.Id}/contact")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Host.ClientFor(user).PutAsJsonAsync($"/api/people/{person.Id}/contact", new { email = "geen-adres" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'geen-adres' is not an e-mail address.");
        await (await Host.ClientFor(user).PutAsJsonAsync($"/api/people/{person.Id}/contact", new { phone = "bel me" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "is not a phone number");
        await (await Host.Kit.Coordinator.GetAsync($"/api/people/{Guid.NewGuid()}/contact")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TestAlert_IsATestOutsideAnyIncident_AndItsAnswerDelayShowsOnTheContact()
    {
        var (person, user) = await Host.Kit.PersonAsync(CrisisRole.Member);
        var response = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { personId = person.Id }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var alert = (await response.Content.ReadFromJsonAsync<AlertDto>(Json.Options))!;
        (alert.Test, alert.IncidentId, alert.Exercise).ShouldBe((true, null, false));
        alert.Recipient(person.Id).Reason.ShouldBe("named");

        Host.Clock.Advance(Duration.FromSeconds(42));
        await Host.RespondAsync(user, alert.Id, "coming");

        var contact = await Host.ClientFor(user).GetFromJsonAsync<ContactDto>($"/api/people/{person.Id}/contact", Json.Options);
        contact!.LastTest!.ShouldSatisfyAllConditions(
            t => t.AlertId.ShouldBe(alert.Id), t => t.Response.ShouldBe("coming"), t => t.DelaySeconds.ShouldBe(42));

        var officer = await Host.App.CreateUserAsync(CrisisRole.Officer);
        await (await Host.ClientFor(officer).PostAsJsonAsync("/api/alerts/test", new { personId = person.Id }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { personId = Guid.NewGuid() }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "There is no person");
    }
}
