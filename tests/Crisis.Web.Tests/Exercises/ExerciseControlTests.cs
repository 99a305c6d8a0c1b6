using System.Net;
using System.Net.Http.Json;
using Crisis.Web.Alerting;
using Crisis.Web.Exercises;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Exercises;

/// <summary>Control staff and players, the evaluation, GEEN OEFENING, and that nothing of an exercise leaks into live work.</summary>
public sealed class ExerciseControlTests
{
    [Fact]
    public async Task ControlStaffSeeNotesAndPendingInjects_PlayersSeeOnlyTheLogAndTheClock()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var id = (await host.CreateAsync(drill)).Id;
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
        await host.AdvanceAsync(Duration.FromMinutes(1));

        foreach (var control in new[] { drill.Lead, drill.Staff, host.Kit.CoordinatorUser })
        {
            var state = await host.StateAsync(control, id);
            state.Injects.Single(i => i.Id == "I01").ControlNotes.ShouldBe("Geheime regie-notitie: herstel duurt 24 uur");
            state.Injects.Single(i => i.Id == "I02").Status.ShouldBe("pending");
            state.ExpectedActions.Single(a => a.Id == "E1").DueAt.ShouldBe("00:30");
        }
        var player = host.App.ClientFor(drill.Player);
        await (await player.GetAsync($"/api/exercises/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await player.GetAsync($"/api/exercises/{id}/evaluation")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await player.PostAsJsonAsync($"/api/exercises/{id}/observations", new { text = "Ik kijk mee" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var log = await player.GetStringAsync($"/api/incidents/{id}/log");
        log.ShouldContain("Stroom uit in de wijk");
        log.ShouldNotContain("regie-notitie");
        log.ShouldNotContain("Bewoners bellen"); // I02 is still pending
        var clock = (await player.GetFromJsonAsync<ExerciseClockDto>($"/api/exercises/{id}/clock", Json.Options))!;
        (clock.State, clock.ExerciseTime).ShouldBe(("running", "00:10:00"));

        // Tegenspel, deliver and skip by the control staff.
        var adHoc = await host.App.ClientFor(drill.Staff).PostAsJsonAsync($"/api/exercises/{id}/injects", new { to = new { team = "PIM" }, text = "De wethouder belt zelf", kind = "phone" }, Json.Options);
        await adHoc.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var skipped = await host.PostAsync(drill.Lead, $"/api/exercises/{id}/injects/I03/skip");
        skipped.Injects.Single(i => i.Id == "I03").Status.ShouldBe("skipped");
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/injects/I02/deliver");
        var injects = await host.InjectsAsync(drill.Player, id);
        injects.Select(e => e.InjectId).ShouldBe(["I01", "T01", "I02"]);
        injects[1].Text.ShouldContain("De wethouder belt zelf");
        await host.AdvanceAsync(Duration.FromMinutes(10));
        (await host.InjectsAsync(drill.Player, id)).Select(e => e.InjectId).ShouldBe(["I01", "T01", "I02", "C01"]);
    }

    [Fact]
    public async Task Evaluation_ShowsMinutesToAction_Observations_Decisions_AndAlerting_AllMarkedOefening()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var id = (await host.CreateAsync(drill)).Id;
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
        var alert = (await host.App.ClientFor(drill.Lead).GetFromJsonAsync<List<AlertDto>>($"/api/incidents/{id}/alerts", Json.Options))!.Single();
        host.Clock.Advance(Duration.FromSeconds(90));
        (await host.App.ClientFor(drill.OnCall.User).PostAsJsonAsync($"/api/alerts/{alert.Id}/respond", new { response = "coming", etaMinutes = 10 }, Json.Options))
            .EnsureSuccessStatusCode();
        await host.AdvanceAsync(Duration.FromSeconds(30)); // 00:20: I01 delivered at 00:10
        host.Clock.Advance(Duration.FromSeconds(42));      // 00:27
        var picture = await host.App.ClientFor(drill.OnCall.User).AppendAsync(id, "situation", "Stroom uit in Oost, 2000 huishoudens");
        var decision = await host.App.ClientFor(drill.OnCall.User).AppendAsync(id, "decision", "Warmtelocatie openen in sporthal");

        var met = await host.PostAsync(drill.Lead, $"/api/exercises/{id}/expected-actions/E1/met", new { seq = picture.Seq });
        var e1 = met.ExpectedActions.Single(a => a.Id == "E1");
        (e1.Status, e1.MetBySeq, e1.MinutesToAction).ShouldBe(("met", (int?)picture.Seq, (int?)17));
        var observed = await host.App.ClientFor(drill.Staff).PostAsJsonAsync($"/api/exercises/{id}/observations",
            new { text = "Beeld was compleet en op tijd", objective = "O1", seq = picture.Seq, rating = "goed" }, Json.Options);
        await observed.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await host.App.ClientFor(drill.Lead).PostAsJsonAsync($"/api/exercises/{id}/expected-actions/E1/met", new { seq = picture.Seq }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "met already");

        var markdown = await host.App.ClientFor(drill.Lead).GetStringAsync($"/api/exercises/{id}/evaluation");
        markdown.ShouldStartWith("> **OEFENING**");
        markdown.ShouldContain("| E1 (I01) | Eerste beeld in het logboek |");
        markdown.ShouldContain("| Uitgevoerd | 17 min |");
        markdown.ShouldContain("### O1 Eerste beeld binnen 20 minuten");
        markdown.ShouldContain("**Goed** Beeld was compleet en op tijd");
        markdown.ShouldContain("Warmtelocatie openen in sporthal");
        markdown.ShouldContain($"| {drill.Function} | 1 | 1 | 1,5 min | 1,5 min |");
        markdown.ShouldNotContain("regie-notitie"); // control notes are for the control room, not the report
        foreach (var heading in markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)))
        {
            heading.ShouldContain("OEFENING");
        }
        var html = await host.App.ClientFor(drill.Lead).GetAsync($"/api/exercises/{id}/evaluation?format=html");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.ShouldContain("<table>");
        page.ShouldContain("<strong>OEFENING</strong>");
        _ = decision;

        // Ending closes the incident: the existing hook drafts the paspoort record of the participant in a function.
        var ended = await host.PostAsync(drill.Lead, $"/api/exercises/{id}/end");
        ended.State.ShouldBe("ended");
        var incident = (await host.App.ClientFor(drill.Lead).GetFromJsonAsync<IncidentDto>($"/api/incidents/{id}", Json.Options))!;
        incident.Status.ShouldBe("closed");
        var drafts = await WaitForAsync(async () => await host.Kit.Coordinator.GetStringAsync("/api/paspoort/drafts"), s => s.Contains(drill.OnCall.Person.Id.ToString(), StringComparison.Ordinal));
        drafts.ShouldContain("exercise");
    }

    [Fact]
    public async Task Findings_GoOntoTheWorkingGroupsActionList_WithTheExerciseAsSource_ControlStaffOnly()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var id = (await host.CreateAsync(drill)).Id;
        var chair = await host.Kit.PersonAsync(Crisis.Domain.Identity.CrisisRole.Member);
        var a = await host.Kit.PersonAsync(Crisis.Domain.Identity.CrisisRole.Member);
        var b = await host.Kit.PersonAsync(Crisis.Domain.Identity.CrisisRole.Member);
        (await host.Kit.Coordinator.PutAsJsonAsync("/api/teams/WG-PIM/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();
        var lead = host.App.ClientFor(drill.Lead);

        // The task team's code names the working group that keeps its processes: PIM → WG-PIM, owned by its chair.
        var created = await lead.PostAsJsonAsync($"/api/exercises/{id}/findings", new { text = "Draaiboek telefoonteam bijwerken", team = "PIM" }, Json.Options);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var action = (await created.Content.ReadFromJsonAsync<Crisis.Web.Teams.ActionDto>(Json.Options))!;
        (action.Team, action.Owner.Id, action.Status, action.Source!.Kind, action.Source.Id).ShouldBe(("WG-PIM", chair.Person.Id, "open", "exercise-finding", id));
        var list = await host.App.ClientFor(chair.User).GetFromJsonAsync<List<Crisis.Web.Teams.ActionDto>>("/api/teams/WG-PIM/actions", Json.Options);
        list!.Select(x => x.Id).ShouldContain(action.Id);

        // Players, bad input and unknown ids are refused, and nothing more is stored.
        var player = host.App.ClientFor(drill.Player);
        await (await player.PostAsJsonAsync($"/api/exercises/{id}/findings", new { text = "Ik ook", team = "PIM" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/findings", new { text = " \u200B ", team = "PIM" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/findings", new { text = "Iets", team = "GEEN-TEAM" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await lead.PostAsJsonAsync($"/api/exercises/{Guid.NewGuid()}/findings", new { text = "Iets", team = "PIM" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await lead.PostAsync($"/api/exercises/{id}/findings", JsonContent.Create<object?>(null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await host.App.ClientFor(chair.User).GetFromJsonAsync<List<Crisis.Web.Teams.ActionDto>>("/api/teams/WG-PIM/actions", Json.Options))!.Count.ShouldBe(list!.Count);
    }

    [Fact]
    public async Task AnExerciseThatHoldsAPlanActivity_CountsAsASessionOfIt_WithItsParticipantsInAFunction()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var file = Path.Combine(host.Scenarios, drill.Scenario + ".yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("type: functional", "type: functional\notoActivity: \"B3\"", StringComparison.Ordinal));
        var planned = await host.Kit.Coordinator.PostAsJsonAsync("/api/yearplan/2027/activities", new
        {
            code = "B3", title = "Simulatie-oefening Omgevingszorg", team = "WG-OMGEVINGSZORG", audience = new[] { drill.Function }, quarters = new[] { 1 },
            status = "planned", kind = "exercise",
        }, Json.Options);
        await planned.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var id = (await host.CreateAsync(drill)).Id;
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
        var alert = (await host.App.ClientFor(drill.Lead).GetFromJsonAsync<List<AlertDto>>($"/api/incidents/{id}/alerts", Json.Options))!.Single();
        (await host.App.ClientFor(drill.OnCall.User).PostAsJsonAsync($"/api/alerts/{alert.Id}/respond", new { response = "coming", etaMinutes = 10 }, Json.Options))
            .EnsureSuccessStatusCode();

        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/end");

        var activity = await WaitForAsync(
            async () => (await host.Kit.Coordinator.GetFromJsonAsync<List<Crisis.Web.Teams.PlanActivityDto>>("/api/yearplan/2027/activities", Json.Options))!.Single(a => a.Code == "B3"),
            a => a.Sessions.Count > 0);
        var session = activity.Sessions.ShouldHaveSingleItem();
        session.Date.ShouldBe(host.Clock.GetCurrentInstant().InZone(ExerciseHost.Zone).Date);
        session.Attendees.Select(p => p.Id).ShouldBe([drill.OnCall.Person.Id]);
        (activity.Attendance.Attended, activity.Attendance.Audience).ShouldBe((1, 2));
    }

    [Fact]
    public async Task GeenOefening_PausesEveryRunningExercise_AndSaysSoInTheirLogs()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var a = (await host.CreateAsync(drill)).Id;
        var b = (await host.CreateAsync(drill)).Id;
        var ready = (await host.CreateAsync(drill)).Id;
        await host.PostAsync(drill.Lead, $"/api/exercises/{a}/start");
        await host.PostAsync(drill.Lead, $"/api/exercises/{b}/start", new { speed = 5 });

        await (await host.App.ClientFor(drill.Player).PostAsJsonAsync("/api/exercises/real-incident", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var response = await host.App.ClientFor(drill.Stranger).PostAsJsonAsync("/api/exercises/real-incident", new { }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var paused = (await response.Content.ReadFromJsonAsync<RealIncidentDto>(Json.Options))!.Paused;
        paused.ShouldBe([a, b], ignoreOrder: true);
        foreach (var id in new[] { a, b })
        {
            var state = await host.StateAsync(drill.Lead, id);
            (state.State, state.PausedForRealIncident).ShouldBe(("paused", true));
            (await host.App.ClientFor(drill.Player).LogAsync(id)).ShouldContain(e => e.Kind == "system" && e.Text.StartsWith("GEEN OEFENING", StringComparison.Ordinal));
        }
        (await host.StateAsync(drill.Lead, ready)).State.ShouldBe("ready");
    }

    [Fact]
    public async Task Isolation_NothingOfAnExerciseReachesLiveListsExportsOrStrangers()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var real = await host.App.OpenIncidentAsync(drill.Stranger);
        await host.App.ClientFor(drill.Stranger).AppendAsync(real.Id, "situation", "Echt beeld");
        var id = (await host.CreateAsync(drill)).Id;
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
        await host.AdvanceAsync(Duration.FromMinutes(7)); // every inject, and the escalation to the next on call
        await host.App.Services.GetRequiredService<AlertScheduler>().RunDueAsync();

        var coordinator = host.Kit.Coordinator;
        (await coordinator.GetFromJsonAsync<List<IncidentDto>>("/api/incidents", Json.Options))!.ShouldNotContain(i => i.Id == id);
        (await coordinator.GetFromJsonAsync<List<IncidentDto>>("/api/incidents?includeExercises=true", Json.Options))!.ShouldContain(i => i.Id == id);
        (await coordinator.GetFromJsonAsync<List<AlertDto>>("/api/alerts?open=true", Json.Options))!.ShouldNotContain(x => x.IncidentId == id);
        (await coordinator.GetFromJsonAsync<List<AlertDto>>("/api/alerts", Json.Options))!.ShouldNotContain(x => x.IncidentId == id);
        var sitrep = await coordinator.GetStringAsync($"/api/incidents/{real.Id}/sitrep");
        sitrep.ShouldNotContain("Stroom uit");
        (await coordinator.LogAsync(real.Id)).ShouldAllBe(e => !e.Exercise && e.InjectId == null);
        var export = await coordinator.GetStringAsync($"/api/roster/export?function={drill.Function}&from=2027-03-01&to=2027-03-09");
        export.ShouldNotContain("OEFENING");
        export.ShouldNotContain("Testoefening");

        // The stranger (an officer, not taking part) sees nothing of it; the next on call was never reached.
        var stranger = host.App.ClientFor(drill.Stranger);
        (await stranger.GetFromJsonAsync<List<IncidentDto>>("/api/incidents?includeExercises=true", Json.Options))!.ShouldNotContain(i => i.Id == id);
        await (await stranger.GetAsync($"/api/incidents/{id}/log")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.App.ClientFor(drill.Next.User).GetFromJsonAsync<List<AlertDto>>("/api/alerts?includeExercises=true", Json.Options))!.ShouldNotContain(x => x.IncidentId == id);
        var alert = (await host.App.ClientFor(drill.Lead).GetFromJsonAsync<List<AlertDto>>($"/api/incidents/{id}/alerts", Json.Options))!.Single();
        alert.Recipients.Where(r => !r.Skipped).ShouldAllBe(r => r.PersonId == drill.OnCall.Person.Id);

        // The exercise alert is no proefalarm: the bereikbaarheid overview does not count it.
        var reachability = (await coordinator.GetFromJsonAsync<List<ReachabilityDto>>("/api/alerts/reachability", Json.Options))!;
        reachability.Single(r => r.Person.Id == drill.OnCall.Person.Id).TestsSent.ShouldBe(0);

        // Ended, its incident is closed: the closed incidents of the live list do not show it either.
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/end");
        var closed = (await coordinator.GetFromJsonAsync<List<IncidentDto>>("/api/incidents?includeClosed=true", Json.Options))!;
        closed.ShouldNotContain(i => i.Id == id);
        (await coordinator.GetFromJsonAsync<List<IncidentDto>>("/api/incidents?includeClosed=true&includeExercises=true", Json.Options))!
            .ShouldContain(i => i.Id == id && i.Status == "closed");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i > 100)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }
}
