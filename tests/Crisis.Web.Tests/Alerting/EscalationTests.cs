using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Alerting;

/// <summary>The default policy on the real host, step by step on the fake clock, and what an answer changes.</summary>
[Collection(AlertingCollection.Name)]
public sealed class EscalationTests(AlertingFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    [Fact]
    public async Task DefaultPolicy_EscalatesStepByStep_ToNextOnCallPoolAndCoordinators_ThenEndsUnanswered()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var raisedAt = Host.Now;

        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Brand in de haven" });

        alert.Status.ShouldBe("open");
        alert.Exercise.ShouldBeFalse();
        alert.Targets.Single().Target.Function.ShouldBe(region.Function);
        alert.Targets.Single().Required.ShouldBe(1);
        alert.Targets.Single().Satisfied.ShouldBeFalse();
        alert.Reached().ShouldBe([region.OnCall.Person.Id]);
        var first = alert.Recipient(region.OnCall.Person.Id);
        (first.Step, first.Reason, first.Response, first.NotifiedAt, first.Function).ShouldBe((1, "oncall", "pending", raisedAt, region.Function));
        first.Channels.ShouldBe([new Crisis.Web.Alerting.ChannelOutcomeDto("hub", "sent")]);
        alert.NextDueAt.ShouldBe(raisedAt + Duration.FromMinutes(5));

        await Host.AdvanceAsync(Duration.FromMinutes(5) - Duration.FromSeconds(1));
        (await Host.GetAsync(alert.Id)).Reached().ShouldBe([region.OnCall.Person.Id]);

        await Host.AdvanceAsync(Duration.FromSeconds(1));
        var second = await Host.GetAsync(alert.Id);
        second.Reached().ShouldBe([region.OnCall.Person.Id, region.Next.Person.Id]);
        var next = second.Recipient(region.Next.Person.Id);
        (next.Step, next.Reason, next.NotifiedAt).ShouldBe((2, "next-oncall", raisedAt + Duration.FromMinutes(5)));

        await Host.AdvanceAsync(Duration.FromMinutes(10));
        var third = await Host.GetAsync(alert.Id);
        var pool = third.Recipient(region.Pool.Person.Id);
        (pool.Step, pool.Reason).ShouldBe((3, "pool"));
        third.Recipients.Count(r => r.PersonId == region.OnCall.Person.Id).ShouldBe(1, "the pool step does not call step 1's person again");
        third.Recipients.Where(r => r.Reason == "coordinator").ShouldNotBeEmpty();
        third.Recipients.Where(r => r.Reason == "coordinator").ShouldAllBe(r => r.Step == 4);
        third.Status.ShouldBe("open");

        await Host.AdvanceAsync(Duration.FromMinutes(10));
        var last = await Host.GetAsync(alert.Id);
        last.Status.ShouldBe("unanswered");
        last.NextDueAt.ShouldBeNull();
        last.Recipients.Where(r => !r.Skipped).ShouldAllBe(r => r.Response == "no-answer");

        var lines = await Host.AlertLinesAsync(incident.Id);
        lines[0].ShouldBe($"Alarmering door {officer.Name}: Brand in de haven");
        lines[1].ShouldBe($"Alarmering {region.Function}: {region.OnCall.Person.Name} gealarmeerd");
        lines[2].ShouldBe($"Alarmering {region.Function}, stap 2 (volgende piket): {region.Next.Person.Name} gealarmeerd");
        lines[3].ShouldStartWith($"Alarmering {region.Function}, stap 3 (piketpool): {region.Pool.Person.Name} gealarmeerd");
        lines[4].ShouldStartWith($"Alarmering {region.Function}, stap 4 (coördinatoren): ");
        lines[5].ShouldBe("Alarmering onbeantwoord; de coördinatoren zijn ingelicht: Brand in de haven");
        lines.Count.ShouldBe(6);
    }

    [Fact]
    public async Task ComingAnswer_SatisfiesTheAlert_StopsTheEscalation_AndIsLoggedWithTheExpectedTime()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var alert = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Opkomst COPI" });
        await Host.AdvanceAsync(Duration.FromMinutes(2));

        var answered = await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 15, "Onderweg");

        answered.Status.ShouldBe("satisfied");
        answered.NextDueAt.ShouldBeNull();
        var me = answered.Recipient(region.OnCall.Person.Id);
        (me.Response, me.RespondedAt, me.EtaMinutes, me.ExpectedAt, me.Note)
            .ShouldBe(("coming", Host.Now, 15, Host.Now + Duration.FromMinutes(15), "Onderweg"));
        answered.Targets.Single().Satisfied.ShouldBeTrue();

        await Host.AdvanceAsync(Duration.FromMinutes(60));
        var later = await Host.GetAsync(alert.Id);
        later.Reached().ShouldBe([region.OnCall.Person.Id]);
        later.Status.ShouldBe("satisfied");

        var expected = (Host.Now - Duration.FromMinutes(60) + Duration.FromMinutes(15)).InZone(AlertingHost.Zone).TimeOfDay.ToString("HH:mm", null);
        var lines = await Host.AlertLinesAsync(incident.Id);
        lines.ShouldContain($"Alarmering {region.Function}: {region.OnCall.Person.Name} gealarmeerd; komt, verwacht {expected} (Onderweg)");
        lines.ShouldContain("Alarmering voldaan: Opkomst COPI");
        lines.ShouldNotContain(l => l.Contains("stap 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeclinedAnswer_EscalatesAtTheDueTime_AndALaterAnswerReplacesIt()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var alert = await Host.RaiseAsync(officer, new { targets = new[] { new { function = region.Function } }, message = "Zonder incident" });

        (await Host.RespondAsync(region.OnCall.User, alert.Id, "declined", 10)).Recipient(region.OnCall.Person.Id)
            .ShouldSatisfyAllConditions(r => r.Response.ShouldBe("declined"), r => r.EtaMinutes.ShouldBeNull());
        await Host.AdvanceAsync(Duration.FromMinutes(5));
        (await Host.GetAsync(alert.Id)).Reached().ShouldContain(region.Next.Person.Id);

        var changed = await Host.RespondAsync(region.OnCall.User, alert.Id, "coming", 30);
        changed.Recipient(region.OnCall.Person.Id).Response.ShouldBe("coming");
        changed.Status.ShouldBe("satisfied");
    }

    [Fact]
    public async Task CancelAndResolve_CloseTheAlert_AndItLeavesTheOpenList()
    {
        var region = await Host.RegionAsync();
        var officer = region.Pool.User;
        var incident = await Host.App.OpenIncidentAsync(officer);
        var cancelled = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { function = region.Function } }, message = "Vals alarm" });
        var resolved = await Host.RaiseAsync(officer, new { incidentId = incident.Id, targets = new[] { new { personId = region.Next.Person.Id } }, message = "Tweede" });
        var client = Host.ClientFor(officer);

        var c = await (await client.PostAsync($"/api/alerts/{cancelled.Id}/cancel", null)).Content.ReadFromJsonAsync<Crisis.Web.Alerting.AlertDto>(Json.Options);
        c!.Status.ShouldBe("cancelled");
        c.ClosedAt.ShouldBe(Host.Now);
        c.Recipient(region.OnCall.Person.Id).Response.ShouldBe("no-answer");
        var r = await (await client.PostAsync($"/api/alerts/{resolved.Id}/resolve", null)).Content.ReadFromJsonAsync<Crisis.Web.Alerting.AlertDto>(Json.Options);
        r!.Status.ShouldBe("resolved");

        var open = (await client.GetFromJsonAsync<List<Crisis.Web.Alerting.AlertDto>>("/api/alerts?open=true", Json.Options))!;
        open.ShouldNotContain(a => a.Id == cancelled.Id || a.Id == resolved.Id);
        var all = (await client.GetFromJsonAsync<List<Crisis.Web.Alerting.AlertDto>>("/api/alerts", Json.Options))!;
        all.ShouldContain(a => a.Id == cancelled.Id);
        var ofIncident = (await client.GetFromJsonAsync<List<Crisis.Web.Alerting.AlertDto>>($"/api/incidents/{incident.Id}/alerts", Json.Options))!;
        ofIncident.Select(a => a.Id).ShouldBe([cancelled.Id, resolved.Id]);

        await Host.AdvanceAsync(Duration.FromMinutes(30));
        (await Host.GetAsync(cancelled.Id)).Reached().ShouldBe([region.OnCall.Person.Id]);
        (await Host.AlertLinesAsync(incident.Id)).ShouldContain($"Alarmering geannuleerd door {officer.Name}: Vals alarm");
    }

    [Fact]
    public async Task NobodyOnCall_GoesToTheNextStepAtOnce_WithTheReasonOnTheRecipients()
    {
        var function = await Host.Kit.FunctionAsync();
        var holder = await Host.Kit.PersonAsync(CrisisRole.Officer, function);
        var officer = holder.User;

        var alert = await Host.RaiseAsync(officer, new { targets = new[] { new { function } }, message = "Niemand heeft piket" });

        alert.Recipients.ShouldContain(r => r.Skipped && r.PersonId == null && r.Reason == "nobody-on-call" && r.Step == 1);
        alert.Recipients.ShouldContain(r => r.Skipped && r.Reason == "no-next-on-call" && r.Step == 2);
        alert.Recipient(holder.Person.Id).ShouldSatisfyAllConditions(r => r.Step.ShouldBe(3), r => r.Reason.ShouldBe("pool"));
    }

    [Fact]
    public async Task BackgroundScheduler_FiresADueStepWithinTwoSeconds_WithoutAnyoneCallingIt()
    {
        var region = await Host.RegionAsync();
        var alert = await Host.RaiseAsync(region.Pool.User, new { targets = new[] { new { function = region.Function } }, message = "Timer" });

        Host.Clock.Advance(Duration.FromMinutes(5));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!(await Host.GetAsync(alert.Id)).Reached().Contains(region.Next.Person.Id))
        {
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "the node's own poll must fire the step");
            await Task.Delay(20);
        }
    }
}
