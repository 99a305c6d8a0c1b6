using System.Net;
using System.Net.Http.Json;
using Crisis.Web.Alerting;
using Crisis.Web.Audit;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Exercises;

/// <summary>The exercise clock on the real host and a fake clock: speed, pause and resume, a restart, two nodes.</summary>
public sealed class ExerciseClockTests
{
    [Fact]
    public async Task WholeScenarioAtSpeed10_DeliversEveryInjectOnce_InOrder_AddressedAndMarked()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var exercise = await host.CreateAsync(drill);
        exercise.Exercise.ShouldBeTrue();

        var started = await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/start", new { speed = 10 });
        started.State.ShouldBe("running");
        started.Speed.ShouldBe(10);
        started.ScenarioTime.ShouldBe(new LocalDateTime(2026, 11, 17, 8, 15));
        for (var minute = 1; minute <= 7; minute++)
        {
            await host.AdvanceAsync(Duration.FromMinutes(1));
        }

        var injects = await host.InjectsAsync(drill.Lead, exercise.Id);
        injects.Select(e => e.InjectId).ShouldBe(["I01", "I02", "C01", "I03"]); // E1's deadline passes at 00:30, with I02
        injects.Select(e => e.At - ExerciseHost.Start).ShouldBe([Duration.FromMinutes(1), Duration.FromMinutes(3), Duration.FromMinutes(3), Duration.FromMinutes(6)]);
        injects.ShouldAllBe(e => e.Exercise && e.Text.StartsWith("OEFENING", StringComparison.Ordinal));
        injects[0].AddressedTo!.Function.ShouldBe(drill.Function);
        injects[1].AddressedTo!.Team.ShouldBe("PIM");
        injects[1].Team.ShouldBe("PIM");
        injects.ShouldAllBe(e => !e.Text.Contains("regie-notitie", StringComparison.Ordinal));

        // The wire shape of an inject entry: addressedTo is {function} or {team}, beside the usual fields.
        var raw = await host.App.ClientFor(drill.Player).GetStringAsync($"/api/incidents/{exercise.Id}/log");
        raw.ShouldContain($"\"addressedTo\":{{\"function\":\"{drill.Function}\"}},\"injectId\":\"I01\"");
        raw.ShouldContain("\"addressedTo\":{\"team\":\"PIM\"},\"injectId\":\"I02\"");
        raw.ShouldContain("\"addressedTo\":null,\"injectId\":null");

        var state = await host.StateAsync(drill.Lead, exercise.Id);
        state.ExerciseTime.ShouldBe("01:10:00");
        state.Injects.Select(i => (i.Id, i.Status)).ShouldBe([("I01", "delivered"), ("I02", "delivered"), ("I03", "delivered"), ("C01", "delivered")], ignoreOrder: true);
        state.ExpectedActions.Single(a => a.Id == "E1").Status.ShouldBe("missed");
        state.ExpectedActions.Single(a => a.Id == "E2").Status.ShouldBe("missed");

        // The start alert went out through the real path: to the participant on call, marked OEFENING.
        var alerts = await host.App.ClientFor(drill.Lead).GetFromJsonAsync<List<AlertDto>>($"/api/incidents/{exercise.Id}/alerts", Json.Options);
        var alert = alerts!.ShouldHaveSingleItem();
        alert.Exercise.ShouldBeTrue();
        alert.Message.ShouldStartWith("OEFENING");
        alert.Recipients.Where(r => !r.Skipped).Select(r => r.PersonId).ShouldBe([drill.OnCall.Person.Id]);
    }

    [Fact]
    public async Task PauseAndResume_TheClockStandsStill_AndNothingIsSkippedOrRepeated()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var exercise = await host.CreateAsync(drill);
        await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/start", new { speed = 1 });
        await host.AdvanceAsync(Duration.FromMinutes(5));
        var paused = await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/pause");
        paused.ExerciseTime.ShouldBe("00:05:00");

        await host.AdvanceAsync(Duration.FromHours(2));
        (await host.InjectsAsync(drill.Lead, exercise.Id)).ShouldBeEmpty();
        (await host.StateAsync(drill.Lead, exercise.Id)).ExerciseTime.ShouldBe("00:05:00");

        await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/resume");
        await host.AdvanceAsync(Duration.FromMinutes(4));
        (await host.InjectsAsync(drill.Lead, exercise.Id)).ShouldBeEmpty();
        await host.AdvanceAsync(Duration.FromMinutes(1));
        (await host.InjectsAsync(drill.Lead, exercise.Id)).Select(e => e.InjectId).ShouldBe(["I01"]);

        // Speed and advance: the jumped-over injects come once, in order.
        await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/speed", new { speed = 2 });
        var advanced = await host.PostAsync(drill.Lead, $"/api/exercises/{exercise.Id}/advance", new { minutes = 25 });
        advanced.ExerciseTime.ShouldBe("00:35:00");
        await host.AdvanceAsync(Duration.FromMinutes(1));
        (await host.InjectsAsync(drill.Lead, exercise.Id)).Select(e => e.InjectId).ShouldBe(["I01", "I02", "C01"]);
    }

    [Fact]
    public async Task RestartMidExercise_TheClockGoesOn_AndNoInjectComesTwice()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var clock = new FakeClock(ExerciseHost.Start);
        Drill drill;
        Guid id;
        string scenarios;
        await using (var first = await ExerciseHost.StartAsync(database, clock))
        {
            scenarios = first.Scenarios;
            drill = await first.DrillAsync();
            id = (await first.CreateAsync(drill)).Id;
            await first.PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
            await first.AdvanceAsync(Duration.FromMinutes(2));
            (await first.InjectsAsync(drill.Lead, id)).Select(e => e.InjectId).ShouldBe(["I01"]);
        }

        clock.Advance(Duration.FromMinutes(2)); // down for two minutes: 20 exercise minutes pass
        await using var second = await ExerciseHost.StartAsync(database, clock, scenarios);
        await second.RunDueAsync();
        await second.AdvanceAsync(Duration.FromMinutes(3));

        var injects = await second.InjectsAsync(drill.Lead, id);
        injects.Select(e => e.InjectId).ShouldBe(["I01", "I02", "C01", "I03"]);
        injects.Skip(1).First().At.ShouldBe(ExerciseHost.Start + Duration.FromMinutes(4), "what fell due while down comes at the restart");
    }

    [Fact]
    public Task TwoNodesOnSqlite_DeliverEachInjectOnce() => TwoNodesAsync(DatabaseKind.Sqlite);

    [PostgresFact]
    public Task TwoNodesOnPostgres_DeliverEachInjectOnce() => TwoNodesAsync(DatabaseKind.Postgres);

    private static async Task TwoNodesAsync(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var clock = new FakeClock(ExerciseHost.Start);
        await using var nodeA = await ExerciseHost.StartAsync(database, clock);
        await using var nodeB = await ExerciseHost.StartAsync(database, clock, nodeA.Scenarios);
        var drill = await nodeA.DrillAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await nodeA.CreateAsync(drill)).Id;
            await (i % 2 == 0 ? nodeA : nodeB).PostAsync(drill.Lead, $"/api/exercises/{id}/start", new { speed = 10 });
            ids.Add(id);
        }
        for (var minute = 0; minute < 8; minute++)
        {
            clock.Advance(Duration.FromMinutes(1));
            await Task.WhenAll(nodeA.RunDueAsync(), nodeB.RunDueAsync(), nodeA.RunDueAsync(), nodeB.RunDueAsync());
        }
        foreach (var id in ids)
        {
            (await nodeB.InjectsAsync(drill.Lead, id)).Select(e => e.InjectId).ShouldBe(["I01", "I02", "C01", "I03"]);
            var state = await nodeA.StateAsync(drill.Lead, id);
            state.Injects.ShouldAllBe(i => i.Status == "delivered" && i.Seq != null);
        }
    }

    [Fact]
    public async Task BadInput_AndRefusals_AreClear_AndAudited()
    {
        await using var host = await ExerciseHost.StartAsync();
        var drill = await host.DrillAsync();
        var lead = host.App.ClientFor(drill.Lead);

        await (await lead.PostAsJsonAsync("/api/exercises", new { scenario = "bestaat-niet" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "no scenario");
        await (await lead.PostAsJsonAsync("/api/exercises", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scenario");
        await (await lead.PostAsJsonAsync("/api/exercises", new { scenario = drill.Scenario, participants = new[] { new { email = "niemand@test.example" } } }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "niemand@test.example");
        await (await host.App.ClientFor(drill.Player).PostAsJsonAsync("/api/exercises", new { scenario = drill.Scenario }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await File.WriteAllTextAsync(Path.Combine(host.Scenarios, "kapot.yaml"), "schema: crisis.exercise/v1\ntitle: Kapot\ninjects: []\n");
        await (await lead.PostAsJsonAsync("/api/exercises", new { scenario = "kapot" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "problems");

        var id = (await host.CreateAsync(drill)).Id;
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/start", new { speed = 0 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "speed");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/start", new { speed = -1 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "speed");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/pause", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not started");
        await host.PostAsync(drill.Lead, $"/api/exercises/{id}/start");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/start", new { speed = 1 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "started already");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/speed", new { speed = 0 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "speed");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/speed", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "speed");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/advance", new { minutes = 0 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "minutes");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/injects/X9/deliver", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "X9");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/expected-actions/E1/met", new { seq = 999 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "999");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/injects", new { to = new { team = "BRANDWEER" }, text = "x" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BRANDWEER");
        await (await lead.PostAsJsonAsync($"/api/exercises/{id}/observations", new { text = "x", rating = "super" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "super");
        await (await lead.GetAsync($"/api/exercises/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await lead.GetAsync($"/api/exercises/{id}/evaluation?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pdf");

        // Players and strangers on control endpoints: 403, each audited.
        var player = host.App.ClientFor(drill.Player);
        foreach (var path in new[] { "pause", "resume", "end", "injects/I02/deliver", "injects/I02/skip" })
        {
            await (await player.PostAsJsonAsync($"/api/exercises/{id}/{path}", new { }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await player.PostAsJsonAsync($"/api/exercises/{id}/speed", new { speed = 0 }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await player.GetAsync($"/api/exercises/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.App.ClientFor(drill.Stranger).GetAsync($"/api/exercises/{id}/clock")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var denied = await AuditRows.CountAsync(host.App, drill.Player.Email, AuditOutcome.Denied);
        denied.ShouldBeGreaterThanOrEqualTo(8);
    }
}
