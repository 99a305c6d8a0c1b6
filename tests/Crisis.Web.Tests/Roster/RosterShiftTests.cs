using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Roster;

/// <summary>Shifts through the API: local times across DST, bad input, and who may change them.</summary>
[Collection(HostsCollection.Name)]
public sealed class RosterShiftTests(HostsFixture hosts)
{
    [Fact]
    public async Task CreateShift_WeekIntoSummerTime_Is167Hours()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);

        var shift = await kit.ShiftAsync(f, p.Id, "2026-03-23T08:00:00", "2026-03-30T08:00");

        shift.Hours.ShouldBe(167m);
        shift.Start.ShouldBe(new LocalDateTime(2026, 3, 23, 8, 0));
        shift.End.ShouldBe(new LocalDateTime(2026, 3, 30, 8, 0));
        shift.StartInstant.ShouldBe(Instant.FromUtc(2026, 3, 23, 7, 0));
        shift.EndInstant.ShouldBe(Instant.FromUtc(2026, 3, 30, 6, 0));
        shift.Origin.ShouldBe("manual");
        shift.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Coverage_WeeksAcrossBothDstChanges_Are167And169HoursExactly()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, p.Id, "2026-03-23T00:00", "2026-03-30T00:00");
        var autumn = await kit.ShiftAsync(f, p.Id, "2026-10-19T08:00", "2026-10-26T08:00");

        var spring = await kit.CoverageAsync(f, "2026-03-23", "2026-03-30");
        var october = await kit.CoverageAsync(f, "2026-10-19", "2026-10-26");

        autumn.Hours.ShouldBe(169m);
        spring.TotalHours.ShouldBe(167m);
        spring.CoveredHours.ShouldBe(167m);
        spring.Gaps.ShouldBeEmpty();
        october.TotalHours.ShouldBe(169m);
        // Covered from Monday 08:00; the gap is the first eight hours of the Monday.
        october.CoveredHours.ShouldBe(161m);
        var gap = october.Gaps.ShouldHaveSingleItem();
        (gap.Start, gap.End, gap.Hours).ShouldBe((new LocalDateTime(2026, 10, 19, 0, 0), new LocalDateTime(2026, 10, 19, 8, 0), 8m));
        (october.CoveredHours + october.Gaps.Sum(g => g.Hours)).ShouldBe(october.TotalHours);
    }

    [Fact]
    public async Task CreateShift_SkippedLocalTime_Is400ThatSaysSoAndStoresNothing()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);

        var response = await kit.PostShiftAsync(f, p.Id, "2026-03-29T02:30:00", "2026-03-29T12:00:00");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "does not exist");
        var problem = await RosterTestKit.JsonAsync(response);
        problem.GetProperty("detail").GetString()!.ShouldContain("summer time");
        problem.GetProperty("code").GetString().ShouldBe("roster.local-time-skipped");
        problem.GetProperty("field").GetString().ShouldBe("start");
        (await kit.ShiftsAsync(f)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateShift_RepeatedLocalTime_TakesTheEarlierOffset()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);

        var shift = await kit.ShiftAsync(f, p.Id, "2026-10-25T02:30:00", "2026-10-25T03:30:00");

        // 02:30 happens twice; the first is summer time (+02:00). 03:30 exists once (+01:00): two real hours.
        shift.StartInstant.ShouldBe(Instant.FromUtc(2026, 10, 25, 0, 30));
        shift.EndInstant.ShouldBe(Instant.FromUtc(2026, 10, 25, 2, 30));
        shift.Hours.ShouldBe(2m);
    }

    [Theory]
    [InlineData("unknown function", "{\"function\":\"NOPE-X\",\"personId\":\"@P\",\"start\":\"2027-01-04T08:00\",\"end\":\"2027-01-11T08:00\"}", "function")]
    [InlineData("unknown person", "{\"function\":\"@F\",\"personId\":\"6a0c3c8e-0000-4000-8000-000000000001\",\"start\":\"2027-01-04T08:00\",\"end\":\"2027-01-11T08:00\"}", "no person")]
    [InlineData("malformed date", "{\"function\":\"@F\",\"personId\":\"@P\",\"start\":\"4 januari\",\"end\":\"2027-01-11T08:00\"}", "not a local date-time")]
    [InlineData("offset given", "{\"function\":\"@F\",\"personId\":\"@P\",\"start\":\"2027-01-04T08:00:00Z\",\"end\":\"2027-01-11T08:00\"}", "without an offset")]
    [InlineData("end before start", "{\"function\":\"@F\",\"personId\":\"@P\",\"start\":\"2027-01-11T08:00\",\"end\":\"2027-01-04T08:00\"}", "must end after it starts")]
    [InlineData("too long", "{\"function\":\"@F\",\"personId\":\"@P\",\"start\":\"2027-01-04T08:00\",\"end\":\"2027-03-04T08:00\"}", "longer than")]
    [InlineData("missing person", "{\"function\":\"@F\",\"start\":\"2027-01-04T08:00\",\"end\":\"2027-01-11T08:00\"}", "personId is required")]
    [InlineData("not json", "{\"function\":", "JSON")]
    public async Task CreateShift_BadInput_Is400AndStoresNothing(string why, string body, string detail)
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);

        var response = await kit.Coordinator.PostAsync("/api/roster/shifts",
            new StringContent(body.Replace("@F", f).Replace("@P", p.Id.ToString()), System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await kit.ShiftsAsync(f)).ShouldBeEmpty(why);
    }

    [Fact]
    public async Task Reads_BadOrHugeRangesAndUnknownIds_AreClear4xx()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var c = kit.Coordinator;

        await (await c.GetAsync($"/api/roster/coverage?function={f}&from=2020-01-01&to=2030-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "at most 731 days");
        await (await c.GetAsync($"/api/roster/coverage?function={f}&from=2026-13-01&to=2027-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a date");
        await (await c.GetAsync($"/api/roster/coverage?function={f}&from=2027-01-10&to=2027-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "must end after");
        await (await c.GetAsync("/api/roster/coverage?function=NOPE-Y&from=2027-01-01&to=2027-01-08")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a function");
        await (await c.GetAsync("/api/roster/coverage?from=2027-01-01&to=2027-01-08")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "function is required");
        await (await c.GetAsync($"/api/roster/oncall?function={f}&at=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not an instant");
        await (await c.DeleteAsync($"/api/roster/shifts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "no shift");
        await (await c.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/unavailability", new { start = "2027-01-01T00:00", end = "2027-01-02T00:00" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "no person");
        await (await c.GetAsync($"/api/roster/calendar/{Guid.NewGuid()}.ics")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "no person");
    }

    [Fact]
    public async Task ChangingShifts_OnlyCoordinators_OthersAre403AndAudited()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var kit = await RosterTestKit.CreateAsync(app);
        var f = await kit.FunctionAsync();
        var (p, officer) = await kit.PersonAsync(CrisisRole.Officer, f);
        var shift = await kit.ShiftAsync(f, p.Id, "2027-02-01T08:00", "2027-02-08T08:00");
        var client = kit.ClientFor(officer);

        await (await kit.PostShiftAsync(f, p.Id, "2027-02-08T08:00", "2027-02-15T08:00", client)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "coordinators");
        await (await client.DeleteAsync($"/api/roster/shifts/{shift.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/roster/shifts/{shift.Id}/override", new { personId = p.Id }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/roster/rotations/generate", new { function = f, pool = new[] { p.Id }, from = "2027-03-01", to = "2027-04-01" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await kit.ShiftsAsync(f)).ShouldHaveSingleItem().Id.ShouldBe(shift.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var denied = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().AuditTrail.AsNoTracking()
            .Where(a => a.UserId == officer.Id && a.Outcome == AuditOutcome.Denied).Select(a => a.Action).ToListAsync();
        denied.ShouldBe(["shift.create", "shift.delete", "shift.override", "rotation.generate"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unavailability_ThePersonThemselfOrACoordinator_NobodyElse()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var (me, meUser) = await kit.PersonAsync(CrisisRole.Member);
        var (other, _) = await kit.PersonAsync(CrisisRole.Member);
        var mine = kit.ClientFor(meUser);

        var own = await mine.PostAsJsonAsync($"/api/people/{me.Id}/unavailability", new { start = "2027-07-01T00:00", end = "2027-07-15T00:00", reason = "Vakantie" }, Json.Options);
        var others = await mine.PostAsJsonAsync($"/api/people/{other.Id}/unavailability", new { start = "2027-07-01T00:00", end = "2027-07-15T00:00" }, Json.Options);
        var byCoordinator = await kit.Coordinator.PostAsJsonAsync($"/api/people/{other.Id}/unavailability", new { start = "2027-08-01T00:00", end = "2027-08-02T00:00" }, Json.Options);
        var backwards = await mine.PostAsJsonAsync($"/api/people/{me.Id}/unavailability", new { start = "2027-07-15T00:00", end = "2027-07-01T00:00" }, Json.Options);

        await own.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = (await own.Content.ReadFromJsonAsync<UnavailabilityDto>(Json.Options))!;
        created.Hours.ShouldBe(14 * 24m);
        created.Reason.ShouldBe("Vakantie");
        await others.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await byCoordinator.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "after its start");
        (await mine.GetFromJsonAsync<List<UnavailabilityDto>>($"/api/people/{me.Id}/unavailability", Json.Options))!.ShouldHaveSingleItem();
        await (await mine.GetAsync($"/api/people/{other.Id}/unavailability")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await mine.DeleteAsync($"/api/people/{me.Id}/unavailability/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await mine.GetFromJsonAsync<List<UnavailabilityDto>>($"/api/people/{me.Id}/unavailability", Json.Options))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateAndOverride_ChangeTheShiftAndMarkItByHand()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var shift = await kit.ShiftAsync(f, a.Id, "2027-02-01T08:00", "2027-02-08T08:00");

        var overridden = await kit.Coordinator.PostAsJsonAsync($"/api/roster/shifts/{shift.Id}/override", new { personId = b.Id }, Json.Options);
        var moved = await kit.Coordinator.PutAsJsonAsync($"/api/roster/shifts/{shift.Id}",
            new { function = f, personId = b.Id, start = "2027-02-01T12:00", end = "2027-02-08T12:00" }, Json.Options);

        await overridden.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await overridden.Content.ReadFromJsonAsync<ShiftDto>(Json.Options))!.Origin.ShouldBe("override");
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stored = (await kit.ShiftsAsync(f)).ShouldHaveSingleItem();
        (stored.PersonId, stored.Start, stored.Origin).ShouldBe((b.Id, new LocalDateTime(2027, 2, 1, 12, 0), "override"));
    }
}
