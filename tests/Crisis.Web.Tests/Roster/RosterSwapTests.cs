using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Roster;

/// <summary>Swaps: a person asks of their own shift, only the asked person answers, and both are told live.</summary>
[Collection(HostsCollection.Name)]
public sealed class RosterSwapTests(HostsFixture hosts)
{
    [Fact]
    public async Task Swap_AskedPersonAccepts_RosterSplitsAndBothHearRosterChanged()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var kit = await RosterTestKit.CreateAsync(app);
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, bUser) = await kit.PersonAsync(CrisisRole.Member, f);
        var shift = await kit.ShiftAsync(f, a.Id, "2028-01-03T08:00", "2028-01-10T08:00");
        await using var aHub = await ListenAsync(app, aUser);
        await using var bHub = await ListenAsync(app, bUser);

        var asked = await kit.ClientFor(aUser).PostAsJsonAsync("/api/roster/swaps",
            new { shiftId = shift.Id, askedPersonId = b.Id, start = "2028-01-05T08:00", end = "2028-01-06T08:00" }, Json.Options);
        await asked.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var swap = (await asked.Content.ReadFromJsonAsync<SwapDto>(Json.Options))!;
        swap.Status.ShouldBe("requested");
        (await kit.ClientFor(bUser).GetFromJsonAsync<List<SwapDto>>("/api/roster/swaps?open=true", Json.Options))!.ShouldContain(s => s.Id == swap.Id);

        var accepted = await kit.ClientFor(bUser).PostAsync($"/api/roster/swaps/{swap.Id}/accept", null);

        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<SwapDto>(Json.Options))!.Status.ShouldBe("accepted");
        var shifts = await kit.ShiftsAsync(f, "2028-01-01", "2028-01-31");
        shifts.Select(s => (s.PersonId, s.Start.Day, s.End.Day, s.Origin)).ShouldBe([(a.Id, 3, 5, "swap"), (b.Id, 5, 6, "swap"), (a.Id, 6, 10, "swap")]);
        await aHub.WaitForAsync("swap.accepted", swap.Id);
        await bHub.WaitForAsync("swap.accepted", swap.Id);
        var coverage = await kit.CoverageAsync(f, "2028-01-03", "2028-01-10");
        coverage.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Swap_OnlyOwnShiftsAndOnlyTheAskedPersonAnswers()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, bUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (_, cUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var shift = await kit.ShiftAsync(f, a.Id, "2028-02-07T08:00", "2028-02-14T08:00");

        var notMine = await kit.ClientFor(bUser).PostAsJsonAsync("/api/roster/swaps", new { shiftId = shift.Id, askedPersonId = b.Id }, Json.Options);
        var noPerson = await kit.Coordinator.PostAsJsonAsync("/api/roster/swaps", new { shiftId = shift.Id, askedPersonId = b.Id }, Json.Options);
        var outside = await kit.ClientFor(aUser).PostAsJsonAsync("/api/roster/swaps",
            new { shiftId = shift.Id, askedPersonId = b.Id, start = "2028-02-01T08:00", end = "2028-02-08T08:00" }, Json.Options);
        var request = await kit.ClientFor(aUser).PostAsJsonAsync("/api/roster/swaps", new { shiftId = shift.Id, askedPersonId = b.Id }, Json.Options);
        var swap = (await request.Content.ReadFromJsonAsync<SwapDto>(Json.Options))!;
        var thirdAccepts = await kit.ClientFor(cUser).PostAsync($"/api/roster/swaps/{swap.Id}/accept", null);
        var requesterAccepts = await kit.ClientFor(aUser).PostAsync($"/api/roster/swaps/{swap.Id}/accept", null);
        var askedCancels = await kit.ClientFor(bUser).PostAsync($"/api/roster/swaps/{swap.Id}/cancel", null);
        var declined = await kit.ClientFor(bUser).PostAsync($"/api/roster/swaps/{swap.Id}/decline", null);
        var lateAccept = await kit.ClientFor(bUser).PostAsync($"/api/roster/swaps/{swap.Id}/accept", null);

        await notMine.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only the person on a shift");
        await noPerson.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "no person");
        await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "within the shift");
        await request.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await thirdAccepts.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "who was asked");
        await requesterAccepts.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "who was asked");
        await askedCancels.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "who asked");
        await declined.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await lateAccept.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already declined");
        (await kit.ShiftsAsync(f, "2028-01-01", "2028-12-31")).ShouldHaveSingleItem().PersonId.ShouldBe(a.Id);
    }

    [Fact]
    public async Task DeletingAShiftInTheComingDays_PushesAGapAlertToCoordinators()
    {
        // A host whose clock stands still on Monday 7 June 2027, so "the coming days" are known.
        var clock = new FakeClock(Instant.FromUtc(2027, 6, 7, 10, 0));
        var app = await RosterTestKit.StartHostAsync(clock);
        try
        {
            var kit = await RosterTestKit.CreateAsync(app);
            var f = await kit.FunctionAsync();
            var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
            var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
            var today = clock.GetCurrentInstant().InZone(zone).Date;
            var shift = await kit.ShiftAsync(f, a.Id, $"{today.PlusDays(2):yyyy-MM-dd}T08:00", $"{today.PlusDays(4):yyyy-MM-dd}T08:00");
            await using var hub = await ListenAsync(app, kit.CoordinatorUser);

            (await kit.Coordinator.DeleteAsync($"/api/roster/shifts/{shift.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

            var alert = await hub.WaitForAlertAsync(f);
            alert.GetProperty("kind").GetString().ShouldBe("roster-gap");
            alert.GetProperty("gaps").GetArrayLength().ShouldBeGreaterThan(0);
            var gaps = (await kit.Coordinator.GetFromJsonAsync<List<CoverageDto>>("/api/roster/gaps", Json.Options))!;
            gaps.ShouldContain(g => g.Function == f);
        }
        finally
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private static async Task<RosterListener> ListenAsync(CrisisApp app, TestUser user)
    {
        var connection = app.HubFor(user);
        var listener = new RosterListener(connection);
        await connection.StartAsync();
        return listener;
    }

    /// <summary>Records RosterChanged and AlertRaised messages of one hub connection.</summary>
    private sealed class RosterListener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<JsonElement> _changes = new();
        private readonly ConcurrentQueue<JsonElement> _alerts = new();

        public RosterListener(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("RosterChanged", c => _changes.Enqueue(c));
            connection.On<JsonElement>("AlertRaised", a => _alerts.Enqueue(a));
        }

        public Task WaitForAsync(string kind, Guid swapId) => WaitAsync(() => _changes.Any(c =>
            c.GetProperty("kind").GetString() == kind && c.GetProperty("swapId").GetString() == swapId.ToString()), $"RosterChanged {kind}");

        public async Task<JsonElement> WaitForAlertAsync(string function)
        {
            await WaitAsync(() => _alerts.Any(a => a.GetProperty("function").GetString() == function), $"AlertRaised for {function}");
            return _alerts.First(a => a.GetProperty("function").GetString() == function);
        }

        private static async Task WaitAsync(Func<bool> condition, string what)
        {
            var waited = Stopwatch.StartNew();
            while (!condition())
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new TimeoutException($"Waited 20 s for {what}.");
                }
                await Task.Delay(50);
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
