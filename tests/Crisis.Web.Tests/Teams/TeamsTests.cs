using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Teams;

/// <summary>The teams part of the contract on the real host: the seeded teams, new teams, membership rules, and alerting a team.</summary>
[Collection(AlertingCollection.Name)]
public sealed class TeamsTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task Teams_AreSeededAtStartUp_WithTheirKindsAndHeadFunctions()
    {
        var member = await Host.App.CreateUserAsync(CrisisRole.Member);
        var teams = (await Host.ClientFor(member).GetFromJsonAsync<List<TeamDto>>("/api/teams", Json.Options))!;

        teams.Take(3).Select(t => (t.Code, t.Kind, t.HeadFunction)).ShouldBe([
            ("PIM", "taskteam", "HOOFD-PUBLIEKE-ZORG"),
            ("OMGEVINGSZORG", "taskteam", "HOOFD-OMGEVINGSZORG"),
            ("ONDERSTEUNING", "taskteam", "HOOFD-ONDERSTEUNING")]);
        teams.Single(t => t.Code == "PIM").Name.ShouldBe("Publieke Zorg & Informatie");
        foreach (var code in new[] { "WG-PIM", "WG-OMGEVINGSZORG", "WG-ONDERSTEUNING", "WG-OTO" })
        {
            teams.Single(t => t.Code == code).ShouldSatisfyAllConditions(t => t.Kind.ShouldBe("workinggroup"), t => t.HeadFunction.ShouldBeNull());
        }
    }

    [Fact]
    public async Task Seeding_IsIdempotent_OnEveryStart()
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        await TeamService.EnsureSeededAsync(db, Host.Clock);
        await TeamService.EnsureSeededAsync(db, Host.Clock);
        (await db.Set<TeamRecord>().CountAsync(t => t.Code.StartsWith("WG-") || t.Code == "PIM" || t.Code == "OMGEVINGSZORG" || t.Code == "ONDERSTEUNING"))
            .ShouldBe(7);
    }

    [Fact]
    public async Task CreateTeam_ByACoordinator_Is201_MembersOthersAre403_AndDuplicatesOrBadInputAreRefused()
    {
        var function = await Host.Kit.FunctionAsync();
        var code = $"tt-{Guid.NewGuid():N}"[..12];
        var created = await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Testteam", kind = "taskteam", headFunction = function }, Json.Options);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var team = (await created.Content.ReadFromJsonAsync<TeamDto>(Json.Options))!;
        (team.Code, team.Kind, team.HeadFunction, team.Members.Count).ShouldBe((code.ToUpperInvariant(), "taskteam", function, 0));

        await (await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Nog eens", kind = "taskteam" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, $"There is already a team {code.ToUpperInvariant()}.");
        await (await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code = "WG-X1", name = "Werkgroep", kind = "club" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'club' is not a kind of team");
        await (await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code = "WG-X2", name = "Werkgroep", kind = "workinggroup", headFunction = function }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "A working group has a chair, not a head function");
        var member = await Host.App.CreateUserAsync(CrisisRole.Officer);
        await (await Host.ClientFor(member).PostAsJsonAsync("/api/teams", new { code = "WG-X3", name = "Werkgroep", kind = "workinggroup" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only coordinators can create teams or change their members.");
    }

    [Fact]
    public async Task WorkingGroupMembers_NeedOneChairAndTwoMembers_ElseTheApiSaysSo_With409()
    {
        var code = $"WG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Werkgroep test", kind = "workinggroup" }, Json.Options)).EnsureSuccessStatusCode();
        var a = (await Host.Kit.PersonAsync(CrisisRole.Member)).Person;
        var b = (await Host.Kit.PersonAsync(CrisisRole.Member)).Person;
        var c = (await Host.Kit.PersonAsync(CrisisRole.Member)).Person;

        var ok = await Host.Kit.Coordinator.PutAsJsonAsync($"/api/teams/{code.ToLowerInvariant()}/members", new
        {
            members = new[] { new { personId = a.Id, role = "chair" }, new { personId = b.Id, role = "member" }, new { personId = c.Id, role = "member" } },
        }, Json.Options);
        await ok.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var team = (await ok.Content.ReadFromJsonAsync<TeamDto>(Json.Options))!;
        team.Members.Select(m => (m.PersonId, m.Name, m.Role)).ShouldBe([(a.Id, a.Name, "chair"), (b.Id, b.Name, "member"), (c.Id, c.Name, "member")]);

        await (await Host.Kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = a.Id, role = "chair" }, new { personId = b.Id, role = "member" } },
        }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, $"A working group has at least 2 members besides its chair; {code} would have 1.");
        await (await Host.Kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = a.Id, role = "member" }, new { personId = b.Id, role = "member" }, new { personId = c.Id, role = "member" } },
        }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "A working group has exactly one chair");
        await (await Host.Kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = Guid.NewGuid(), role = "chair" } },
        }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "There is no person");
        await (await Host.Kit.Coordinator.PutAsJsonAsync("/api/teams/GEEN-TEAM/members", new { members = Array.Empty<object>() }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var stored = (await Host.Kit.Coordinator.GetFromJsonAsync<List<TeamDto>>("/api/teams", Json.Options))!.Single(t => t.Code == code);
        stored.Members.Count.ShouldBe(3, "refused changes leave the members as they were");
    }

    [Fact]
    public async Task TeamAlert_ReachesTheHeadFunctionsOnCallPerson_OrWithEveryoneEveryMember()
    {
        var region = await Host.RegionAsync();
        var code = $"TT-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await Host.Kit.Coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Taakteam test", kind = "taskteam", headFunction = region.Function }, Json.Options))
            .EnsureSuccessStatusCode();
        var deputy = await Host.Kit.PersonAsync(CrisisRole.Member);
        var member = await Host.Kit.PersonAsync(CrisisRole.Member);
        (await Host.Kit.Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = deputy.Person.Id, role = "deputy" }, new { personId = member.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();

        var head = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { team = code.ToLowerInvariant() } }, message = "Taakteam" });
        head.Reached().ShouldBe([region.OnCall.Person.Id]);
        head.Targets.Single().Target.Team.ShouldBe(code);

        var everyone = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { team = code, everyone = true } }, message = "Iedereen" });
        everyone.Reached().Order().ShouldBe(new[] { deputy.Person.Id, member.Person.Id }.Order());
        everyone.Recipients.ShouldAllBe(r => r.Reason == "team-member");
    }
}
