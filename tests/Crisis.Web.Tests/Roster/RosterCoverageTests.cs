using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Domain.Roster;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Roster;

/// <summary>Coverage, conflicts, the qualification setting and rules, on call now, rotations and the hours report.</summary>
[Collection(HostsCollection.Name)]
public sealed class RosterCoverageTests(HostsFixture hosts)
{
    [Fact]
    public async Task Coverage_ReportsEveryKindOfConflictAndTheGaps()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var g = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f, g);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, g); // does not hold f
        await kit.ShiftAsync(f, a.Id, "2027-01-04T00:00", "2027-01-06T00:00");
        var other = await kit.ShiftAsync(g, a.Id, "2027-01-05T00:00", "2027-01-05T12:00");
        await kit.ShiftAsync(f, b.Id, "2027-01-06T00:00", "2027-01-08T00:00");
        (await kit.Coordinator.PostAsJsonAsync($"/api/people/{a.Id}/unavailability",
            new { start = "2027-01-04T12:00", end = "2027-01-04T14:00", reason = "Tandarts" }, Json.Options)).EnsureSuccessStatusCode();

        var coverage = await kit.CoverageAsync(f, "2027-01-04", "2027-01-11");

        coverage.Function.ShouldBe(f);
        coverage.TotalHours.ShouldBe(168m);
        coverage.Conflicts.Select(c => c.Kind).Distinct().ShouldBe(["double-booked", "unavailable", "unqualified"], ignoreOrder: true);
        var unavailable = coverage.Conflicts.Single(c => c.Kind == "unavailable");
        (unavailable.PersonId, unavailable.Start, unavailable.End).ShouldBe((a.Id, new LocalDateTime(2027, 1, 4, 12, 0), new LocalDateTime(2027, 1, 4, 14, 0)));
        var doubled = coverage.Conflicts.Single(c => c.Kind == "double-booked");
        (doubled.Start, doubled.End, doubled.OtherShiftId).ShouldBe((new LocalDateTime(2027, 1, 5, 0, 0), new LocalDateTime(2027, 1, 5, 12, 0), other.Id));
        var unqualified = coverage.Conflicts.Single(c => c.Kind == "unqualified");
        (unqualified.PersonId, unqualified.Hours).ShouldBe((b.Id, 48m));
        // Covered: a's two days minus the two hours of leave. Gaps: the leave, b's unqualified days, and the weekend.
        coverage.CoveredHours.ShouldBe(46m);
        coverage.Gaps.Select(x => x.Hours).ShouldBe([2m, 48m + 72m]);
        (coverage.CoveredHours + coverage.Gaps.Sum(x => x.Hours)).ShouldBe(coverage.TotalHours);
    }

    [Fact]
    public async Task RegionCoverage_CoversEveryFunction()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2027-05-03T00:00", "2027-05-10T00:00");

        var region = (await kit.Coordinator.GetFromJsonAsync<RegionCoverageDto>("/api/roster/coverage/region?from=2027-05-03&to=2027-05-10", Json.Options))!;

        region.Functions.Single(x => x.Function == f).Gaps.ShouldBeEmpty();
        region.Functions.ShouldContain(x => x.Function == "OVD-BZ");
        region.Functions.ShouldContain(x => x.Function == $"AOV-{kit.Municipality.ToUpperInvariant()}");
    }

    [Fact]
    public async Task UnqualifiedAssignments_WarnByDefault_RefuseWhenConfigured()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        await using var refusing = app.WithWebHostBuilder(b => b.UseSetting("Crisis:Roster:UnqualifiedAssignments", "Refuse"));
        var warnKit = await RosterTestKit.CreateAsync(app);
        var f = await warnKit.FunctionAsync();
        var (outsider, _) = await warnKit.PersonAsync(CrisisRole.Officer);
        var refuseKit = await RosterTestKit.CreateAsync(app, refusing);

        var warned = await warnKit.PostShiftAsync(f, outsider.Id, "2027-03-01T08:00", "2027-03-08T08:00");
        var refused = await refuseKit.PostShiftAsync(f, outsider.Id, "2027-03-08T08:00", "2027-03-15T08:00", refuseKit.Coordinator);

        await warned.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await warned.Content.ReadFromJsonAsync<ShiftDto>(Json.Options))!.Warnings.ShouldHaveSingleItem().ShouldContain("does not hold the function");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "refuses unqualified");
        (await warnKit.ShiftsAsync(f)).ShouldHaveSingleItem().Start.ShouldBe(new LocalDateTime(2027, 3, 1, 8, 0));
    }

    [Fact]
    public async Task QualificationRule_RegisteredInTheHost_IsHonouredByCoverage()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var lapse = Instant.FromUtc(2027, 4, 7, 11, 0); // Wednesday 13:00 local
        var rule = new LapsingRule(lapse);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IRosterQualificationRule>(rule)));
        var kit = await RosterTestKit.CreateAsync(app, host);
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        rule.Person = a.Id;
        await kit.ShiftAsync(f, a.Id, "2027-04-05T00:00", "2027-04-12T00:00");

        var coverage = await kit.CoverageAsync(f, "2027-04-05", "2027-04-12");

        var conflict = coverage.Conflicts.ShouldHaveSingleItem();
        (conflict.Kind, conflict.Start, conflict.End).ShouldBe(("unqualified", new LocalDateTime(2027, 4, 7, 13, 0), new LocalDateTime(2027, 4, 12, 0, 0)));
        coverage.CoveredHours.ShouldBe(61m);
        coverage.Gaps.ShouldHaveSingleItem().Hours.ShouldBe(107m);
        rule.Calls.ShouldBeGreaterThan(0);
    }

    /// <summary>A stand-in for the Veiligheidspaspoort: one person's qualification lapses at an instant.</summary>
    private sealed class LapsingRule(Instant lapse) : IRosterQualificationRule
    {
        public Guid Person { get; set; }
        public int Calls { get; private set; }

        public Task<Qualification> LoadAsync(IReadOnlyCollection<string> functions, IReadOnlyCollection<Guid> people, Interval during, CancellationToken ct)
        {
            Calls++;
            Qualification q = (_, person, span) => person == Person ? [new Interval(span.Start, Instant.Max(span.Start, Instant.Min(lapse, span.End)))] : [span];
            return Task.FromResult(q);
        }
    }

    [Fact]
    public async Task OnCall_ShowsWhoIsOnCallAndTheNextAsFallback()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2027-06-07T08:00", "2027-06-14T08:00");
        await kit.ShiftAsync(f, b.Id, "2027-06-14T08:00", "2027-06-21T08:00");

        var now = (await kit.Coordinator.GetFromJsonAsync<List<OnCallDto>>($"/api/roster/oncall?function={f}&at=2027-06-14T05:59:00Z", Json.Options))!;
        var next = (await kit.Coordinator.GetFromJsonAsync<List<OnCallDto>>($"/api/roster/oncall/next?function={f}&at=2027-06-14T05:59:00Z", Json.Options))!;
        var atHandover = (await kit.Coordinator.GetFromJsonAsync<List<OnCallDto>>($"/api/roster/oncall?function={f}&at=2027-06-14T06:00:00Z", Json.Options))!;

        var onCall = now.ShouldHaveSingleItem();
        (onCall.Function, onCall.Person.Id, onCall.Person.Name, onCall.End).ShouldBe((f, a.Id, a.Name, new LocalDateTime(2027, 6, 14, 8, 0)));
        next.ShouldHaveSingleItem().Person.Id.ShouldBe(b.Id);
        atHandover.ShouldHaveSingleItem().Person.Id.ShouldBe(b.Id);
    }

    [Fact]
    public async Task GenerateRotation_WeeklyAcrossDst_ThenRegenerateKeepsOverriddenShifts()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (c, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var request = new { function = f, pool = new[] { a.Id, b.Id }, handoverDay = "monday", handoverTime = "08:00", from = "2027-03-15", to = "2027-04-12" };

        var first = await kit.Coordinator.PostAsJsonAsync("/api/roster/rotations/generate", request, Json.Options);
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var generated = (await first.Content.ReadFromJsonAsync<RotationResultDto>(Json.Options))!;
        generated.Added.ShouldBe(4);
        generated.Shifts.Select(s => s.PersonId).ShouldBe([a.Id, b.Id, a.Id, b.Id]);
        generated.Shifts.Select(s => s.Hours).ShouldBe([168m, 167m, 168m, 168m]); // summer time starts 2027-03-28
        generated.Shifts.Zip(generated.Shifts.Skip(1)).ShouldAllBe(p => p.First.EndInstant == p.Second.StartInstant);

        var overridden = generated.Shifts[1];
        (await kit.Coordinator.PostAsJsonAsync($"/api/roster/shifts/{overridden.Id}/override", new { personId = c.Id }, Json.Options)).EnsureSuccessStatusCode();
        var again = await kit.Coordinator.PostAsJsonAsync("/api/roster/rotations/generate", request with { pool = [b.Id, a.Id] }, Json.Options);

        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var regenerated = (await again.Content.ReadFromJsonAsync<RotationResultDto>(Json.Options))!;
        regenerated.Kept.ShouldBe(1);
        var shifts = await kit.ShiftsAsync(f, "2027-03-15", "2027-04-20");
        shifts.Count.ShouldBe(4);
        shifts.Single(s => s.Id == overridden.Id).PersonId.ShouldBe(c.Id);
        shifts.Select(s => s.PersonId).ShouldBe([b.Id, c.Id, b.Id, a.Id]);
    }

    [Fact]
    public async Task HoursReport_CutsShiftsAtTheMonthAndCountsRealHours()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2026-03-23T08:00", "2026-03-30T08:00"); // 167 h, all in March
        await kit.ShiftAsync(f, a.Id, "2026-03-30T08:00", "2026-04-06T08:00"); // 40 h of it in March

        var report = (await kit.Coordinator.GetFromJsonAsync<HoursReportDto>("/api/roster/reports/hours?month=2026-03", Json.Options))!;
        var csv = await kit.Coordinator.GetStringAsync("/api/roster/reports/hours?month=2026-03&format=csv");

        var row = report.Rows.Single(r => r.PersonId == a.Id);
        (row.Function, row.Shifts, row.Hours).ShouldBe((f, 2, 207m));
        csv.ShouldContain($"2026-03;{a.Id};");
        csv.ShouldContain($";{f};2;207");
        await (await kit.Coordinator.GetAsync("/api/roster/reports/hours?month=maart")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a month");
    }
}
