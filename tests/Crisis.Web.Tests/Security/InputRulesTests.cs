using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crisis.Domain.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Crisis.Web.Tests.Roster;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// The bad inputs of the security review, one by one: dates at NodaTime's ends are a 400 that names the field
/// (never a 500), control characters and invisible-only strings are refused over the API and the hub, and a login
/// <c>returnUrl</c> with junk falls back to <c>/</c>. Each case asserts that nothing was stored.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed partial class InputRulesTests(HostsFixture hosts)
{
    public static TheoryData<string> ExtremeDateUrls => new()
    {
        "/api/roster/shifts?from=9999-12-31",
        "/api/roster/shifts?to=0001-01-01",
        "/api/roster/oncall?at=9999-12-31T23:59:59Z",
        "/api/roster/oncall?at=0001-01-01T00:00:00Z",
        "/api/roster/oncall/next?at=9999-12-31T23:59:59Z",
        "/api/roster/oncall/overview?at=9999-12-31T23:59:59Z",
        "/api/roster/reports/hours?month=9999-12",
        "/api/roster/reports/hours?month=0001-01",
        "/api/roster/export?from=9999-12-31",
        "/api/roster/export?to=0001-01-01",
        "/api/roster/coverage?function=OVD-BZ&from=0001-01-01&to=2026-01-01",
        "/api/roster/coverage?function=OVD-BZ&from=2026-01-01&to=9999-12-31",
        "/api/roster/coverage/region?from=2026-01-01&to=9999-12-31",
        "/api/paspoort/attendance?to=0001-01-01",
        "/api/paspoort/attendance?from=9999-12-31",
        "/api/roster/shifts?from=1899-12-31",
    };

    [Theory, MemberData(nameof(ExtremeDateUrls))]
    public async Task ExtremeDate_InAQuery_IsA400ThatSaysSo(string url)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);

        var response = await app.ClientFor(coordinator).GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outside the dates Crisis accepts: from 1900-01-01 to 2200-12-31");
        (await CodeOf(response)).ShouldBe("input.date-out-of-range");
    }

    [Fact]
    public async Task TheEdgesOfTheRange_AreAccepted()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var client = app.ClientFor(await app.CreateUserAsync(CrisisRole.Coordinator));

        await (await client.GetAsync("/api/roster/oncall?at=2200-12-31T23:59:59Z")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/roster/reports/hours?month=1900-01")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/roster/shifts?from=2200-12-01&to=2200-12-31")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/roster/shifts?from=1900-01-01&to=1900-01-31")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("0001-01-01T08:00:00", "0001-01-08T08:00:00")]
    [InlineData("9999-12-24T08:00:00", "9999-12-31T08:00:00")]
    [InlineData("2026-12-24T08:00:00", "9999-12-31T08:00:00")]
    public async Task Shift_LeaveAndImport_InYear1Or9999_AreRefusedAndNothingIsStored(string start, string end)
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (p, user) = await kit.PersonAsync(CrisisRole.Officer, f);
        var before = await InputFuzzTests.RowCountsAsync(kit.App);

        var shift = await kit.PostShiftAsync(f, p.Id, start, end);
        var leave = await kit.Coordinator.PostAsJsonAsync($"/api/people/{p.Id}/unavailability", new { start, end, reason = "vakantie" }, Json.Options);
        var import = await kit.Coordinator.PostAsync("/api/roster/import",
            new StringContent($"function,personEmail,start,end\n{f},{user.Email},{start},{end}\n", Encoding.UTF8, "text/csv"));
        var rotation = await kit.Coordinator.PostAsJsonAsync("/api/roster/rotations/generate",
            new { function = f, pool = new[] { p.Id }, from = start[..10], to = end[..10] }, Json.Options);

        await shift.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outside the dates Crisis accepts");
        await leave.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outside the dates Crisis accepts");
        await import.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await import.Content.ReadAsStringAsync()).ShouldContain("outside the dates Crisis accepts");
        await rotation.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outside the dates Crisis accepts");
        (await InputFuzzTests.RowCountsAsync(kit.App)).ShouldBe(before);
        (await kit.Coordinator.GetFromJsonAsync<List<UnavailabilityDto>>($"/api/people/{p.Id}/unavailability", Json.Options))!.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task PaspoortRecord_WithAnExtremeDateInTheJsonBody_IsA400NamingTheField(string date)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var kit = await RosterTestKit.CreateAsync(app);
        var f = await kit.FunctionAsync();
        var (p, _) = await kit.PersonAsync(CrisisRole.Officer, f);

        var response = await kit.Coordinator.PostAsync("/api/paspoort/records", new StringContent(
            $$"""{"personId":"{{p.Id}}","kind":"training","activity":"Oefening","date":"{{date}}"}""", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, $"date '{date}' is outside the dates Crisis accepts");
        (await CodeOf(response)).ShouldBe("input.date-out-of-range");
        (await FieldOf(response)).ShouldBe("date");
        var records = await kit.Coordinator.GetStringAsync($"/api/paspoort/{p.Id}");
        records.ShouldNotContain("Oefening");
    }

    public static TheoryData<string, string, string> BadTitles => new()
    {
        { "zero-width spaces only", "\u200B\u200B\u200B", "incidents.title-missing" },
        { "zero-width and white space", " \u200B\uFEFF\u2060 ", "incidents.title-missing" },
        { "a NUL", "Brand\u0000", "input.control-character" },
        { "a bell", "Brand\u0007", "input.control-character" },
        { "a C1 control", "Brand\u0085", "input.control-character" },
        { "a line break in a one-line title", "Brand\nloods", "input.line-break" },
        { "a tab in a one-line title", "Brand\tloods", "input.line-break" },
    };

    [Theory, MemberData(nameof(BadTitles))]
    public async Task IncidentTitle_Invisible_OrWithControlCharacters_IsRefusedAndNothingIsStored(string what, string title, string code)
    {
        _ = what;
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var client = app.ClientFor(officer);

        var response = await client.PostAsJsonAsync("/api/incidents", new { title, grip = 1 }, Json.Options);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await CodeOf(response)).ShouldBe(code);
        (await client.GetFromJsonAsync<List<IncidentDto>>("/api/incidents", Json.Options))!.ShouldNotContain(i => i.Title.Contains("Brand", StringComparison.Ordinal) || i.Title.Length < 4);
    }

    [Theory]
    [InlineData("/api/municipalities", """{"name":"\u200B\u200B"}""", "organisation.name-missing")]
    [InlineData("/api/municipalities", """{"name":"Gem\u0000"}""", "input.control-character")]
    [InlineData("/api/functions", """{"code":"NUL-X","name":"Functie\u0000","minimumOnCall":1}""", "input.control-character")]
    [InlineData("/api/functions", """{"code":"ZW-X","name":"\u200B","minimumOnCall":1}""", "organisation.name-missing")]
    public async Task OrganisationNames_InvisibleOrWithControlCharacters_AreRefusedAndNothingIsStored(string url, string body, string code)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var client = app.ClientFor(await app.CreateUserAsync(CrisisRole.Coordinator));
        var before = await InputFuzzTests.RowCountsAsync(app);

        var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await CodeOf(response)).ShouldBe(code);
        (await InputFuzzTests.RowCountsAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task LogText_WithANul_IsRefusedOverTheApiAndTheHub_ButLineBreaksAndTabsAreKept()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);
        await using var hub = app.HubFor(officer);
        await hub.StartAsync();

        var api = await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/log", new { kind = "info", text = "Rook\u0000" }, Json.Options);
        var overHub = await Should.ThrowAsync<HubException>(() =>
            hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, new AppendLogRequest("info", "Rook\u0000", null, null, null)));
        var invisible = await Should.ThrowAsync<HubException>(() =>
            hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, new AppendLogRequest("info", "\u200B\u200B", null, null, null)));
        var kept = await client.AppendAsync(incident.Id, "info", "Regel 1\n\tRegel 2");

        await api.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "control character U+0000 at position 5");
        overHub.Message.ShouldContain("400");
        overHub.Message.ShouldContain("[input.control-character]");
        invisible.Message.ShouldContain("[incidents.text-empty]");
        (await client.LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Regel 1\n\tRegel 2"]);
        kept.Text.ShouldBe("Regel 1\n\tRegel 2");
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u200B\u200B")]
    public async Task ControlCharacterInAQuery_IsRefusedBeforeTheEndpoint(string value)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var client = app.ClientFor(await app.CreateUserAsync(CrisisRole.Coordinator));

        var response = await client.GetAsync($"/api/roster/oncall?function={Uri.EscapeDataString(value)}");

        ((int)response.StatusCode).ShouldBeLessThan(500);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "function contains the control character U+0000");
        }
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nLocation: https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u200B/evil.example")]
    public async Task Login_ReturnUrlWithJunk_FallsBackToTheStartPageWithoutA500(string returnUrl)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var user = await app.CreateUserAsync(CrisisRole.Officer);
        var client = app.ClientFor(null);

        var page = await client.GetAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        ReturnUrlField().Match(html).Groups[1].Value.ShouldBe("/", html);
        var token = TokenField().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty(html);

        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email,
            ["password"] = "test-password-123",
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));

        ((int)login.StatusCode).ShouldBeInRange(300, 399);
        login.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Login_ALocalReturnUrl_IsKept()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var page = await app.ClientFor(null).GetStringAsync("/login?returnUrl=%2Fincidents%3Fstatus%3Dopen");

        ReturnUrlField().Match(page).Groups[1].Value.ShouldBe("/incidents?status=open");
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
    }

    private static async Task<string?> FieldOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("field", out var c) ? c.GetString() : null;
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();
}
