using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Alerting;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Alerting;

/// <summary>The proefalarm to a whole pool, and the bereikbaarheid overview kept from the test answers.</summary>
[Collection(AlertingCollection.Name)]
public sealed class ProefalarmTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task PoolTest_SendsEveryHolderAProefalarmOfTheirOwn_AndAnswers201WithTheList()
    {
        var region = await Host.RegionAsync();

        var response = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { function = region.Function.ToLowerInvariant() }, Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var alerts = (await response.Content.ReadFromJsonAsync<List<AlertDto>>(Json.Options))!;
        alerts.Count.ShouldBe(3);
        alerts.ShouldAllBe(a => a.Test && a.IncidentId == null && !a.Exercise && a.Status == "open" && a.Message == AlertService.TestMessage);
        alerts.SelectMany(a => a.Reached()).ShouldBe(
            [region.OnCall.Person.Id, region.Next.Person.Id, region.Pool.Person.Id], ignoreOrder: true);
        alerts.ShouldAllBe(a => a.Recipients.Count == 1 && a.Recipients[0].Reason == "named" && a.Recipients[0].Response == "pending");
        (await Host.GetAsync(alerts[0].Id)).Test.ShouldBeTrue();
    }

    [Fact]
    public async Task PoolTest_WithAMessage_SendsThatMessage()
    {
        var region = await Host.RegionAsync();

        var response = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test",
            new { function = region.Function, message = "Proefalarm piketpool: graag even antwoorden" }, Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<List<AlertDto>>(Json.Options))!
            .ShouldAllBe(a => a.Message == "Proefalarm piketpool: graag even antwoorden");
    }

    [Theory]
    [InlineData("""{"function":"GEEN-FUNCTIE"}""", "function", "'GEEN-FUNCTIE' is not a function in the catalogue.")]
    [InlineData("""{"personId":"6f1c0a52-33a4-4a6e-9c55-2f3d1b3a9e01"}""", "personId", "There is no person 6f1c0a52-33a4-4a6e-9c55-2f3d1b3a9e01")]
    [InlineData("""{}""", "personId", "Name exactly one of personId or function")]
    [InlineData("""{"personId":"6f1c0a52-33a4-4a6e-9c55-2f3d1b3a9e01","function":"OVD-BZ"}""", "function", "Name exactly one of personId or function")]
    public async Task Test_WithAnUnknownOrUnclearTarget_Is400NamingTheField_AndStoresNothing(string body, string field, string detail)
    {
        var before = await Host.CountRowsAsync();

        var response = await Host.Kit.Coordinator.PostAsync("/api/alerts/test",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await ProblemAsync(response)).GetProperty("field").GetString().ShouldBe(field);
        (await Host.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PoolTest_OfAFunctionNobodyHolds_Is409_AndOnlyCoordinatorsSendOne()
    {
        var empty = await Host.Kit.FunctionAsync();
        var before = await Host.CountRowsAsync();

        await (await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { function = empty }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, $"Nobody holds the function {empty}");
        var officer = await Host.App.CreateUserAsync(CrisisRole.Officer);
        await (await Host.ClientFor(officer).PostAsJsonAsync("/api/alerts/test", new { function = "OVD-BZ" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only coordinators can do this.");
        (await Host.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Reachability_ShowsPerPersonTheLastTest_WhenItWasAnswered_TheDelayInMinutes_AndWhoNeverAnswered()
    {
        var region = await Host.RegionAsync();
        var sent = Host.Now;
        var alerts = await PoolTestAsync(region.Function);
        Host.Clock.Advance(Duration.FromSeconds(90));
        await Host.RespondAsync(region.OnCall.User, AlertOf(alerts, region.OnCall.Person.Id), "coming", 10);
        Host.Clock.Advance(Duration.FromSeconds(90));
        await Host.RespondAsync(region.Next.User, AlertOf(alerts, region.Next.Person.Id), "declined");
        // A change of mind later does not make the first answer later.
        Host.Clock.Advance(Duration.FromMinutes(2));
        await Host.RespondAsync(region.OnCall.User, AlertOf(alerts, region.OnCall.Person.Id), "declined");
        // The pool member lets the answer window of the proefalarm run out.
        await Host.AdvanceAsync(Duration.FromMinutes(10));

        var rows = await ReachabilityAsync(region.Function);

        rows.Select(r => r.Person.Id).ShouldBe([region.OnCall.Person.Id, region.Next.Person.Id, region.Pool.Person.Id], ignoreOrder: true);
        rows.Select(r => r.Person.Name).ShouldBe(rows.Select(r => r.Person.Name).Order(StringComparer.CurrentCultureIgnoreCase));
        var onCall = rows.Single(r => r.Person.Id == region.OnCall.Person.Id);
        (onCall.TestsSent, onCall.TestsAnswered, onCall.NeverAnswered).ShouldBe((1, 1, false));
        onCall.Functions.ShouldBe([region.Function]);
        onCall.LastTest!.ShouldSatisfyAllConditions(
            t => t.AlertId.ShouldBe(AlertOf(alerts, region.OnCall.Person.Id)),
            t => t.SentAt.ShouldBe(sent),
            t => t.Response.ShouldBe("declined"),
            t => t.AnsweredAt.ShouldBe(sent + Duration.FromSeconds(90)),
            t => t.DelayMinutes.ShouldBe(1.5));
        rows.Single(r => r.Person.Id == region.Next.Person.Id).LastTest!.DelayMinutes.ShouldBe(3);
        var silent = rows.Single(r => r.Person.Id == region.Pool.Person.Id);
        (silent.TestsSent, silent.TestsAnswered, silent.NeverAnswered).ShouldBe((1, 0, true));
        silent.LastTest!.ShouldSatisfyAllConditions(
            t => t.Status.ShouldBe("unanswered"), t => t.Response.ShouldBe("no-answer"),
            t => t.AnsweredAt.ShouldBeNull(), t => t.DelayMinutes.ShouldBeNull());

        // A later proefalarm is the last one; answering it makes the person no longer "never answered".
        var again = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { personId = region.Pool.Person.Id }, Json.Options);
        var second = (await again.Content.ReadFromJsonAsync<AlertDto>(Json.Options))!;
        Host.Clock.Advance(Duration.FromSeconds(45));
        await Host.RespondAsync(region.Pool.User, second.Id, "coming", 5);
        var after = (await ReachabilityAsync(region.Function)).Single(r => r.Person.Id == region.Pool.Person.Id);
        (after.TestsSent, after.TestsAnswered, after.NeverAnswered).ShouldBe((2, 1, false));
        (after.LastTest!.AlertId, after.LastTest.Response, after.LastTest.DelayMinutes).ShouldBe((second.Id, "coming", (double?)0.75));
    }

    [Fact]
    public async Task Reachability_ListsPeopleNeverTested_IsForCoordinatorsOnly_AndAnUnknownFunctionIs400()
    {
        var function = await Host.Kit.FunctionAsync();
        var (person, user) = await Host.Kit.PersonAsync(CrisisRole.Officer, function);

        var rows = await ReachabilityAsync(function);

        rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Person.Id.ShouldBe(person.Id), r => r.TestsSent.ShouldBe(0), r => r.NeverAnswered.ShouldBeFalse(), r => r.LastTest.ShouldBeNull());
        (await Host.Kit.Coordinator.GetFromJsonAsync<List<ReachabilityDto>>("/api/alerts/reachability", Json.Options))!
            .ShouldContain(r => r.Person.Id == person.Id);
        await (await Host.ClientFor(user).GetAsync("/api/alerts/reachability")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await Host.Kit.Coordinator.GetAsync("/api/alerts/reachability?function=GEEN-FUNCTIE");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'GEEN-FUNCTIE' is not a function");
        (await ProblemAsync(unknown)).GetProperty("field").GetString().ShouldBe("function");
    }

    private async Task<List<AlertDto>> PoolTestAsync(string function)
    {
        var response = await Host.Kit.Coordinator.PostAsJsonAsync("/api/alerts/test", new { function }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<List<AlertDto>>(Json.Options))!;
    }

    private async Task<List<ReachabilityDto>> ReachabilityAsync(string function) =>
        (await Host.Kit.Coordinator.GetFromJsonAsync<List<ReachabilityDto>>($"/api/alerts/reachability?function={function}", Json.Options))!;

    private static Guid AlertOf(List<AlertDto> alerts, Guid personId) => alerts.Single(a => a.Reached().Contains(personId)).Id;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
