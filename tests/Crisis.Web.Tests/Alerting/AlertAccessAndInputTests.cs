using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Alerting;

/// <summary>Who may raise, answer and close alerts, and bad input: each refused with the right status and nothing stored.</summary>
[Collection(AlertingCollection.Name)]
public sealed class AlertAccessAndInputTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "unknown function", """{"targets":[{"function":"GEEN-FUNCTIE"}],"message":"x"}""", "'GEEN-FUNCTIE' is not a function in the catalogue." },
        { "unknown team", """{"targets":[{"team":"GEEN-TEAM"}],"message":"x"}""", "There is no team GEEN-TEAM." },
        { "unknown person", """{"targets":[{"personId":"7d1c0f44-0000-4000-8000-000000000001"}],"message":"x"}""", "There is no person 7d1c0f44-0000-4000-8000-000000000001." },
        { "no targets", """{"targets":[],"message":"x"}""", "Name at least one target" },
        { "two kinds in one target", """{"targets":[{"function":"OVD-BZ","team":"PIM"}],"message":"x"}""", "exactly one of function, team or personId" },
        { "no message", """{"targets":[{"function":"OVD-BZ"}]}""", "The alert needs a message." },
        { "required 0", """{"targets":[{"function":"OVD-BZ"}],"message":"x","required":0}""", "required 0 is out of range" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Raise_WithBadInput_Is400_AndStoresNothing(string why, string body, string detail)
    {
        var officer = await Host.App.CreateUserAsync(CrisisRole.Officer);
        var before = await Host.CountRowsAsync();

        var response = await Host.ClientFor(officer).PostAsync("/api/alerts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await Host.CountRowsAsync()).ShouldBe(before, why);
    }

    [Theory]
    [InlineData(CrisisRole.Member)]
    [InlineData(CrisisRole.Viewer)]
    public async Task Raise_ByMemberOrViewer_Is403_Audited_AndStoresNothing(CrisisRole role)
    {
        var user = await Host.App.CreateUserAsync(role);
        var before = await Host.CountRowsAsync();

        var response = await Host.ClientFor(user).PostAsJsonAsync("/api/alerts", new { targets = new[] { new { function = "OVD-BZ" } }, message = "x" }, Json.Options);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only officers, coordinators and, for exercises, exercise leads can raise alerts.");
        (await Host.CountRowsAsync()).ShouldBe(before);
        await ShouldBeAuditedAsync(user.Email, "alert.raise", AuditOutcome.Denied);
    }

    [Fact]
    public async Task Raise_ByExerciseLeadOnARealIncident_OrByAnOfficerNotTakingPart_Is403()
    {
        var coordinator = await Host.App.CreateUserAsync(CrisisRole.Coordinator);
        var lead = await Host.App.CreateUserAsync(CrisisRole.ExerciseLead);
        var outsider = await Host.App.CreateUserAsync(CrisisRole.Officer);
        var incident = await Host.App.OpenIncidentAsync(coordinator, false, lead);
        var body = new { incidentId = incident.Id, targets = new[] { new { function = "OVD-BZ" } }, message = "x" };

        await (await Host.ClientFor(lead).PostAsJsonAsync("/api/alerts", body, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "An exercise lead raises alerts for exercises only; this is a real incident.");
        await (await Host.ClientFor(outsider).PostAsJsonAsync("/api/alerts", body, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "You do not take part in this incident.");
        await (await Host.ClientFor(outsider).GetAsync($"/api/incidents/{incident.Id}/alerts"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Respond_ToSomeoneElsesAlert_Is403_AndToACancelledAlert_Is409_NothingStored()
    {
        var region = await Host.RegionAsync();
        var alert = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { function = region.Function } }, message = "Test" });
        var stranger = await Host.App.CreateUserAsync(CrisisRole.Officer);
        var before = await Host.CountRowsAsync();

        var forbidden = await Host.ClientFor(stranger).PostAsJsonAsync($"/api/alerts/{alert.Id}/respond", new { response = "coming" }, Json.Options);
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only the people this alert reached can answer it.");
        (await Host.CountRowsAsync()).ShouldBe(before);
        await ShouldBeAuditedAsync(stranger.Email, "alert.respond", AuditOutcome.Denied);
        await (await Host.ClientFor(stranger).GetAsync($"/api/alerts/{alert.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Host.ClientFor(stranger).PostAsync($"/api/alerts/{alert.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await Host.ClientFor(region.Pool.User).PostAsync($"/api/alerts/{alert.Id}/cancel", null)).EnsureSuccessStatusCode();
        var closed = await Host.CountRowsAsync();
        var conflict = await Host.ClientFor(region.OnCall.User).PostAsJsonAsync($"/api/alerts/{alert.Id}/respond", new { response = "coming", etaMinutes = 5 }, Json.Options);
        await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict, "The alert is cancelled; it takes no more answers or changes.");
        (await Host.CountRowsAsync()).ShouldBe(closed);
        (await Host.GetAsync(alert.Id)).Recipient(region.OnCall.Person.Id).Response.ShouldBe("no-answer");
    }

    [Theory]
    [InlineData("""{"response":"maybe"}""", "'maybe' is not an answer")]
    [InlineData("""{"response":"pending"}""", "'pending' is not an answer")]
    [InlineData("""{"response":"coming","etaMinutes":-1}""", "etaMinutes -1 is out of range")]
    public async Task Respond_WithBadInput_Is400(string body, string detail)
    {
        var region = await Host.RegionAsync();
        var alert = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { function = region.Function } }, message = "Test" });

        var response = await Host.ClientFor(region.OnCall.User).PostAsync($"/api/alerts/{alert.Id}/respond",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await Host.GetAsync(alert.Id)).Recipient(region.OnCall.Person.Id).Response.ShouldBe("pending");
    }

    [Fact]
    public async Task UnknownAlert_Is404()
    {
        var officer = await Host.App.CreateUserAsync(CrisisRole.Officer);
        await (await Host.ClientFor(officer).GetAsync($"/api/alerts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Host.ClientFor(officer).PostAsJsonAsync($"/api/alerts/{Guid.NewGuid()}/respond", new { response = "coming" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Endpoints_RequireSignIn()
    {
        var anonymous = Host.App.ClientFor(null);
        (await anonymous.GetAsync("/api/alerts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/teams")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/functions/OVD-BZ/escalation")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task ShouldBeAuditedAsync(string email, string action, string outcome)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        (await db.AuditTrail.AnyAsync(a => a.Actor == email && a.Action == action && a.Outcome == outcome)).ShouldBeTrue($"{action} {outcome} by {email}");
    }
}
