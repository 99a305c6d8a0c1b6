using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Alerting;

/// <summary>The exercise rule, the hub, and a restart in the middle of an escalation.</summary>
[Collection(AlertingCollection.Name)]
public sealed class AlertLifecycleTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task ExerciseAlert_ReachesParticipantsOnly_SkipsOthersWithTheReason_AndSaysOefeningEverywhere()
    {
        var region = await Host.RegionAsync();
        var lead = await Host.App.CreateUserAsync(CrisisRole.ExerciseLead);
        // The person on call does not take part; the next one does.
        var exercise = await Host.App.OpenIncidentAsync(lead, true, region.Next.User);

        var alert = await Host.RaiseAsync(lead, new { incidentId = exercise.Id, targets = new[] { new { function = region.Function } }, message = "Start oefening" });

        alert.Exercise.ShouldBeTrue();
        alert.Message.ShouldBe("OEFENING Start oefening");
        alert.Recipients.ShouldContain(r => r.Skipped && r.PersonId == region.OnCall.Person.Id && r.Reason == "not-participant" && r.Step == 1);
        alert.Reached().ShouldBe([region.Next.Person.Id]);
        alert.Recipient(region.Next.Person.Id).Step.ShouldBe(2);

        var lines = await Host.AlertLinesAsync(exercise.Id);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.StartsWith("OEFENING ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("overgeslagen: " + region.OnCall.Person.Name + " (geen deelnemer aan de oefening)", StringComparison.Ordinal));

        var live = (await Host.Kit.Coordinator.GetFromJsonAsync<List<Crisis.Web.Alerting.AlertDto>>("/api/alerts?open=true", Json.Options))!;
        live.ShouldNotContain(a => a.Id == alert.Id);
        var withExercises = (await Host.Kit.Coordinator.GetFromJsonAsync<List<Crisis.Web.Alerting.AlertDto>>("/api/alerts?open=true&includeExercises=true", Json.Options))!;
        withExercises.ShouldContain(a => a.Id == alert.Id);
    }

    [Fact]
    public async Task AReachedRecipient_TakesPartInTheIncident_AndComingRecordsTheFunctionTheyComeIn()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var recipient = Host.ClientFor(region.OnCall.User);
        (await recipient.GetAsync($"/api/incidents/{incident.Id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Kom" });

        (await recipient.GetAsync($"/api/incidents/{incident.Id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var before = await ParticipantsAsync(officer, incident.Id);
        before.ShouldContain(p => p.UserId == region.OnCall.User.Id && p.Function == null);
        before.ShouldNotContain(p => p.UserId == region.Next.User.Id);

        await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 15);

        var after = await ParticipantsAsync(officer, incident.Id);
        after.Single(p => p.UserId == region.OnCall.User.Id).Function.ShouldBe(region.Function);
        after.Count(p => p.UserId == region.OnCall.User.Id).ShouldBe(1);
    }

    [Fact]
    public async Task LogLines_AreStagedWithTheAlert_SoLinesLostAfterTheCommitAreWrittenFromTheQueue_OnceEach()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Staged" });
        await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 10);
        var written = await Host.AlertLinesAsync(incident.Id);
        written.Count.ShouldBeGreaterThanOrEqualTo(3);

        // The two changes' lines are in the outbox, staged in the alerts' own transactions.
        List<Crisis.Web.Contracts.AlertLogDue> staged;
        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Crisis.Web.Data.CrisisDbContext>();
            staged = (await db.Outbox.AsNoTracking().Where(m => m.Type == "alert-log-due").OrderBy(m => m.Id).ToListAsync())
                .Select(m => System.Text.Json.JsonSerializer.Deserialize<Crisis.Web.Contracts.AlertLogDue>(m.Payload, Json.Options)!)
                .Where(d => d.AlertId == alert.Id).ToList();
            staged.SelectMany(d => d.Lines).Select(l => l.Text).ShouldBe(written);

            // A crash between the commit and the lines: as if they were never written (the log's tail goes back).
            var lines = await db.LogEntries.Where(e => e.IncidentId == incident.Id && e.Kind == Crisis.Domain.Incidents.LogEntryKind.System
                && e.Text.Contains("Alarmering")).ToListAsync();
            var row = await db.Incidents.SingleAsync(i => i.Id == incident.Id);
            row.LastSeq = lines.Min(e => e.Seq) - 1;
            db.LogEntries.RemoveRange(lines);
            await db.SaveChangesAsync();
        }
        (await Host.AlertLinesAsync(incident.Id)).ShouldBeEmpty();

        // The queue delivers the staged events (twice, as a redelivery would): every line comes back once, in order.
        foreach (var due in staged.Concat(staged))
        {
            await using var scope = Host.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Crisis.Web.Alerting.AlertLog>().WriteOnceAsync(due, default);
        }
        (await Host.AlertLinesAsync(incident.Id)).ShouldBe(written);
    }

    private async Task<List<Crisis.Web.Incidents.ParticipantDto>> ParticipantsAsync(TestUser who, Guid incidentId) =>
        (await Host.ClientFor(who).GetFromJsonAsync<List<Crisis.Web.Incidents.ParticipantDto>>($"/api/incidents/{incidentId}/participants", Json.Options))!;

    [Fact]
    public async Task Hub_TheRecipientAndCoordinatorsReceiveAlertRaised_AndTheRecipientAndIncidentAlertChangedOnAnAnswer()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var raised = new ConcurrentQueue<JsonElement>();
        var changed = new ConcurrentQueue<JsonElement>();
        var watcherChanged = new ConcurrentQueue<JsonElement>();
        await using var recipient = Host.App.HubFor(region.OnCall.User);
        recipient.On<JsonElement>("AlertRaised", a => raised.Enqueue(a));
        recipient.On<JsonElement>("AlertChanged", a => changed.Enqueue(a));
        await recipient.StartAsync();
        await using var watcher = Host.App.HubFor(officer);
        watcher.On<JsonElement>("AlertChanged", a => watcherChanged.Enqueue(a));
        await watcher.StartAsync();
        await watcher.InvokeAsync<JsonElement>("JoinIncident", incident.Id, 0);
        var coordinatorRaised = new ConcurrentQueue<JsonElement>();
        await using var coordinator = Host.App.HubFor(Host.Kit.CoordinatorUser);
        coordinator.On<JsonElement>("AlertRaised", a => coordinatorRaised.Enqueue(a));
        await coordinator.StartAsync();

        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Hub" });
        await WaitAsync(() => raised.Any(a => a.GetProperty("id").GetGuid() == alert.Id), "AlertRaised at the recipient");
        raised.First(a => a.GetProperty("id").GetGuid() == alert.Id).GetProperty("recipients")[0].GetProperty("personId").GetGuid()
            .ShouldBe(region.OnCall.Person.Id);
        await WaitAsync(() => coordinatorRaised.Any(a => a.TryGetProperty("id", out var id) && id.GetGuid() == alert.Id), "AlertRaised at the coordinators");

        await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 20);
        await WaitAsync(() => changed.Any(a => a.GetProperty("id").GetGuid() == alert.Id && a.GetProperty("status").GetString() == "satisfied"),
            "AlertChanged at the recipient");
        await WaitAsync(() => watcherChanged.Any(a => a.GetProperty("id").GetGuid() == alert.Id), "AlertChanged in the incident's group");
    }

    [Fact]
    public async Task Hub_ARecipientWatchingTheIncident_HearsEachAlertEventOnce()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        (await Host.App.ClientFor(officer).PostAsJsonAsync($"/api/incidents/{incident.Id}/participants",
            new { email = region.OnCall.User.Email }, Json.Options)).IsSuccessStatusCode.ShouldBeTrue();
        var raised = new ConcurrentQueue<JsonElement>();
        var changed = new ConcurrentQueue<JsonElement>();
        await using var recipient = Host.App.HubFor(region.OnCall.User);
        recipient.On<JsonElement>("AlertRaised", a => raised.Enqueue(a));
        recipient.On<JsonElement>("AlertChanged", a => changed.Enqueue(a));
        await recipient.StartAsync();
        // In the user's group and in the incident's group: SignalR alone would send each event twice.
        await recipient.InvokeAsync<JsonElement>("JoinIncident", incident.Id, 0);

        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Eenmaal" });
        await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 20);
        await WaitAsync(() => changed.Any(a => a.GetProperty("id").GetGuid() == alert.Id && a.GetProperty("status").GetString() == "satisfied"),
            "AlertChanged (satisfied) at the recipient");
        await Host.RespondAsync(region.OnCall.User, alert.Id, "declined", null);
        await WaitAsync(() => changed.Any(a => a.GetProperty("id").GetGuid() == alert.Id && a.GetProperty("status").GetString() != "satisfied"
            && a.GetProperty("recipients")[0].GetProperty("response").GetString() == "declined"), "AlertChanged (declined) at the recipient");

        // One connection hears its messages in order: by the time the later events arrived, any second copy of the earlier would have.
        raised.Count(a => a.GetProperty("id").GetGuid() == alert.Id).ShouldBe(1);
        changed.Count(a => a.GetProperty("id").GetGuid() == alert.Id && a.GetProperty("status").GetString() == "satisfied").ShouldBe(1);
    }

    [Fact]
    public async Task Restart_InTheMiddleOfAnEscalation_ResumesIt_FiringTheStepAtItsDueTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Guid alertId;
        Region region;
        Instant raisedAt;
        var clock = new NodaTime.Testing.FakeClock(AlertingHost.Start);
        await using (var first = await AlertingHost.StartAsync(database, clock))
        {
            region = await first.RegionAsync();
            raisedAt = first.Now;
            alertId = (await first.RaiseAsync(region.Pool.User, new { targets = new[] { new { function = region.Function } }, message = "Herstart" })).Id;
            await first.AdvanceAsync(Duration.FromMinutes(3));
            (await first.GetAsync(alertId)).Reached().ShouldBe([region.OnCall.Person.Id]);
        }

        // Down for 20 minutes: both the next-on-call step (due at 5) and the pool step (due at 15) fell due meanwhile.
        clock.Advance(Duration.FromMinutes(20));
        await using var second = await AlertingHost.StartAsync(database, clock);
        await second.RunDueAsync();

        var resumed = await second.GetAsync(alertId);
        resumed.Recipient(region.Next.Person.Id).NotifiedAt.ShouldBe(raisedAt + Duration.FromMinutes(5));
        resumed.Recipient(region.Pool.Person.Id).NotifiedAt.ShouldBe(raisedAt + Duration.FromMinutes(15));
        resumed.Status.ShouldBe("open");
        resumed.NextDueAt.ShouldBe(raisedAt + Duration.FromMinutes(25));
        await second.RunDueAsync();
        (await second.GetAsync(alertId)).Recipients.Count(r => r.PersonId == region.Next.Person.Id).ShouldBe(1);
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        // Waits for a message from the bus, not for time on the clock: fails after 20 s of real time.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for {what}.");
            }
            await Task.Delay(25);
        }
    }
}
