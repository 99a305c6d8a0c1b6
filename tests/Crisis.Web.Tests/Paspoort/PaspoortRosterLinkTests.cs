using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>
/// The Veiligheidspaspoort and the piketrooster together, end to end: someone whose paspoort is expired or missing
/// for a function is not qualified to be on call in it.
/// </summary>
public sealed class PaspoortRosterLinkTests : IAsyncLifetime
{
    // Monday 16 March 2026, noon in Amsterdam; the roster week tested starts a week later and crosses summer time.
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 16, 11, 0));
    private CrisisApp _app = null!;
    private RosterTestKit _kit = null!;
    private string _function = null!;
    private Guid _current, _expired, _missing;

    public async Task InitializeAsync()
    {
        _app = new CrisisApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), services: s => s.AddSingleton<IClock>(_clock));
        _kit = await RosterTestKit.CreateAsync(_app);
        _function = await _kit.FunctionAsync();
        var requirement = $"TR-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await _kit.Coordinator.PostAsJsonAsync("/api/paspoort/requirements",
            new { function = _function, code = requirement, name = "Jaarlijkse training", kind = "training", validForMonths = 12 }, Json.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        _current = (await _kit.PersonAsync(CrisisRole.Member, _function)).Person.Id;
        _expired = (await _kit.PersonAsync(CrisisRole.Member, _function)).Person.Id;
        _missing = (await _kit.PersonAsync(CrisisRole.Member, _function)).Person.Id;
        await RecordAsync(_current, "2025-06-01", requirement); // valid until 2026-06-01
        await RecordAsync(_expired, "2025-01-10", requirement); // ran out on 2026-01-10
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Coverage_MarksShiftsOfExpiredAndMissingPeopleUnqualified_NotThoseOfCurrentOnes()
    {
        await _kit.ShiftAsync(_function, _current, "2026-03-23T08:00", "2026-03-25T08:00");
        await _kit.ShiftAsync(_function, _expired, "2026-03-25T08:00", "2026-03-27T08:00");
        await _kit.ShiftAsync(_function, _missing, "2026-03-27T08:00", "2026-03-30T08:00");

        var coverage = await _kit.CoverageAsync(_function, "2026-03-23", "2026-03-30");

        var unqualified = coverage.Conflicts.Where(c => c.Kind == "unqualified").ToList();
        unqualified.Select(c => c.PersonId).ShouldBe([_expired, _missing], ignoreOrder: true);
        var expired = unqualified.Single(c => c.PersonId == _expired);
        (expired.Start, expired.End).ShouldBe((new LocalDateTime(2026, 3, 25, 8, 0), new LocalDateTime(2026, 3, 27, 8, 0)));
        // Unqualified people do not cover: only the current person's 48 hours count.
        coverage.CoveredHours.ShouldBe(48m);
        coverage.TotalHours.ShouldBe(167m);
    }

    [Fact]
    public async Task AssigningAnUnqualifiedPerson_WarnsByDefault_AndIsRefusedWhenTheSettingSaysSo()
    {
        var warned = await _kit.PostShiftAsync(_function, _expired, "2026-04-06T08:00", "2026-04-13T08:00");
        var fine = await _kit.PostShiftAsync(_function, _current, "2026-04-13T08:00", "2026-04-20T08:00");
        await using var refusing = _app.WithWebHostBuilder(b => b.UseSetting("Crisis:Roster:UnqualifiedAssignments", "Refuse"));
        var strict = await RosterTestKit.CreateAsync(_app, refusing);
        var refused = await strict.PostShiftAsync(_function, _missing, "2026-04-20T08:00", "2026-04-27T08:00");

        await warned.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await warned.Content.ReadFromJsonAsync<ShiftDto>(Json.Options))!.Warnings.ShouldNotBeEmpty();
        await fine.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await fine.Content.ReadFromJsonAsync<ShiftDto>(Json.Options))!.Warnings.ShouldBeEmpty();
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _kit.ShiftsAsync(_function)).Select(s => s.PersonId).ShouldNotContain(_missing);
    }

    private async Task RecordAsync(Guid personId, string date, string requirement) =>
        (await _kit.Coordinator.PostAsJsonAsync("/api/paspoort/records",
            new { personId, kind = "training", activity = "Jaarlijkse training", date, function = _function, requirement, result = "passed" }, Json.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
}
