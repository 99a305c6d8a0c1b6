using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Tests.Teams;

/// <summary>
/// The action lists on PostgreSQL: their queries, dates and enums must translate on that provider too (the detailed
/// tests run on SQLite in <see cref="ActionListTests"/>).
/// </summary>
public sealed class ActionListPostgresTests
{
    [PostgresFact]
    public async Task ActionsMeetingsAndProgress_WorkEndToEndOnPostgres()
    {
        await using var host = await AlertingHost.StartAsync(kind: DatabaseKind.Postgres);
        var coordinator = host.Kit.Coordinator;
        var today = host.Now.InZone(AlertingHost.Zone).Date;
        string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);
        var code = $"WG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await coordinator.PostAsJsonAsync("/api/teams", new { code, name = "Werkgroep PG", kind = "workinggroup" }, Json.Options)).EnsureSuccessStatusCode();
        var chair = await host.Kit.PersonAsync(CrisisRole.Member);
        var a = await host.Kit.PersonAsync(CrisisRole.Member);
        var b = await host.Kit.PersonAsync(CrisisRole.Member);
        (await coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();

        var meetingResponse = await host.ClientFor(chair.User).PostAsJsonAsync($"/api/teams/{code}/meetings",
            new { date = Iso(today), attendees = new[] { chair.Person.Id, a.Person.Id } }, Json.Options);
        await meetingResponse.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = (await meetingResponse.Content.ReadFromJsonAsync<MeetingDto>(Json.Options))!;
        var member = host.ClientFor(a.User);
        var late = await member.PostAsJsonAsync($"/api/teams/{code}/actions",
            new { title = "Te laat", ownerPersonId = a.Person.Id, due = Iso(today.PlusDays(-1)), source = new { kind = "meeting", id = meeting.Id } }, Json.Options);
        await late.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var action = (await late.Content.ReadFromJsonAsync<ActionDto>(Json.Options))!;
        (action.Due, action.Overdue, action.Source!.Kind).ShouldBe((today.PlusDays(-1), true, "meeting"));

        var moved = await member.PostAsJsonAsync($"/api/teams/{code}/actions/{action.Id}/status", new { status = "in-progress", note = "bezig" }, Json.Options);
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await member.PostAsJsonAsync($"/api/teams/{code}/actions/{action.Id}/status", new { status = "in-progress" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var overdue = (await member.GetFromJsonAsync<List<ActionDto>>("/api/actions?mine=true&overdue=true", Json.Options))!;
        overdue.Select(x => (x.Id, x.Status, x.History.Count)).ShouldBe([(action.Id, "in-progress", 2)]);
        var meetings = (await member.GetFromJsonAsync<List<MeetingDto>>($"/api/teams/{code}/meetings", Json.Options))!;
        meetings.Single().Agenda.Select(x => x.Id).ShouldBe([action.Id]);
        var progress = (await member.GetFromJsonAsync<ProgressDto>($"/api/teams/progress?since={Iso(today.PlusDays(-14))}", Json.Options))!;
        progress.Groups.Single(g => g.Code == code).Overdue.Select(x => x.Id).ShouldBe([action.Id]);
    }
}
