using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Web.Tests.Security;

/// <summary>A long log is read a page at a time: over the API with a Link to the next page, over the hub by a join and ReadLog.</summary>
[Collection(HostsCollection.Name)]
public sealed class LogPagingTests(HostsFixture hosts)
{
    [Fact]
    public async Task ApiRead_IsAtMostAPage_WithALinkToTheNext_AndReadsBackWithBeforeSeq()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        for (var i = 1; i <= 25; i++)
        {
            await client.AppendAsync(incident.Id, "info", $"Bericht {i}");
        }

        var first = await client.GetAsync($"/api/incidents/{incident.Id}/log?afterSeq=0&limit=10");
        var firstPage = (await first.Content.ReadFromJsonAsync<List<LogEntryDto>>(Json.Options))!;
        var next = Api.NextLink(first);
        var last = await client.GetAsync($"/api/incidents/{incident.Id}/log?afterSeq=20&limit=10");
        var back = await client.GetAsync($"/api/incidents/{incident.Id}/log?beforeSeq=26&limit=10");
        var backPage = (await back.Content.ReadFromJsonAsync<List<LogEntryDto>>(Json.Options))!;

        firstPage.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 10));
        next.ShouldBe($"/api/incidents/{incident.Id}/log?afterSeq=10&limit=10");
        (await last.Content.ReadFromJsonAsync<List<LogEntryDto>>(Json.Options))!.Select(e => e.Seq).ShouldBe(Enumerable.Range(21, 5));
        Api.NextLink(last).ShouldBeNull();
        backPage.Select(e => e.Seq).ShouldBe(Enumerable.Range(16, 10));
        Api.NextLink(back, "prev").ShouldBe($"/api/incidents/{incident.Id}/log?beforeSeq=16&limit=10");
        (await client.LogAsync(incident.Id)).Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 25));
    }

    [Fact]
    public async Task ALongLog_IsCappedAtTheMaximumPage_OverTheApiAndAHubJoin_AndReadLogFetchesTheRest()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        var total = IncidentService.MaxPage + 20;
        for (var i = 1; i <= total; i++)
        {
            await client.AppendAsync(incident.Id, "info", $"Bericht {i}");
        }
        await using var hub = app.HubFor(officer);
        await hub.StartAsync();

        var huge = await client.GetAsync($"/api/incidents/{incident.Id}/log?afterSeq=0&limit=100000");
        var joined = await hub.InvokeAsync<IReadOnlyList<LogEntryDto>>("JoinIncident", incident.Id, 0);
        var rest = await hub.InvokeAsync<IReadOnlyList<LogEntryDto>>("ReadLog", incident.Id, joined[^1].Seq, IncidentService.MaxPage);

        await huge.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await huge.Content.ReadFromJsonAsync<List<LogEntryDto>>(Json.Options))!.Count.ShouldBe(IncidentService.MaxPage);
        Api.NextLink(huge).ShouldBe($"/api/incidents/{incident.Id}/log?afterSeq={IncidentService.MaxPage}&limit={IncidentService.MaxPage}");
        joined.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, IncidentService.MaxPage));
        rest.Select(e => e.Seq).ShouldBe(Enumerable.Range(IncidentService.MaxPage + 1, 20));
    }
}
