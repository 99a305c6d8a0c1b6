using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Domain.Identity;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Ical.Net;
using NodaTime;

namespace Crisis.Web.Tests.Roster;

/// <summary>CSV import and export, and the calendar feeds.</summary>
[Collection(HostsCollection.Name)]
public sealed class RosterTransferTests(HostsFixture hosts)
{
    [Fact]
    public async Task Import_BadRows_ReportsEachWithItsLineAndImportsNothing()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var csv = $"""
            function,personEmail,start,end
            {f},{aUser.Email},2027-09-06T08:00,2027-09-13T08:00
            {f},nobody@test.example,2027-09-13T08:00,2027-09-20T08:00
            {f},{aUser.Email},2027-09-20T08:00,2027-09-27T08:00
            {f},{aUser.Email},2028-03-26T02:30,2028-03-27T08:00
            NOPE-Z,{aUser.Email},2027-09-27T08:00,2027-10-04T08:00
            """;

        var response = await Post(kit, csv);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nothing was imported");
        var errors = (await RosterTestKit.JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        errors.Select(e => e.Item1).ShouldBe([3, 5, 6]);
        errors[0].Item2.ShouldContain("nobody@test.example");
        errors[1].Item2.ShouldContain("does not exist");
        errors[2].Item2.ShouldContain("NOPE-Z");
        (await kit.ShiftsAsync(f)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_GoodFile_StoresEveryRow_AndExportReadsBack()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var csv = $"function;personEmail;personId;start;end\r\n{f.ToLowerInvariant()};{aUser.Email};;2027-10-25 08:00;2027-11-01 08:00\r\n{f};;{b.Id};2027-11-01T08:00:00;2027-11-08T08:00:00\r\n";

        var response = await Post(kit, csv);
        var export = await kit.Coordinator.GetStringAsync($"/api/roster/export?function={f}&from=2027-10-01&to=2027-12-01");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<ImportResultDto>(Json.Options))!.Imported.ShouldBe(2);
        var shifts = await kit.ShiftsAsync(f);
        shifts.Select(s => (s.PersonId, s.Hours)).ShouldBe([(a.Id, 169m), (b.Id, 168m)]); // winter time returns 2027-10-31
        var lines = export.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(';', RosterReports.ExportColumns));
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain($"{f};{a.Id};{aUser.Email}");
        lines[1].ShouldContain("25-10-2027 08:00;01-11-2027 08:00;2027-10-25T06:00:00Z;2027-11-01T07:00:00Z;169;handmatig");
    }

    [Fact]
    public async Task Export_OpensInDutchExcel_BomSemicolonsDutchHeadersFileName_FormulaCellsNeutralised()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var user = await kit.App.CreateUserAsync(CrisisRole.Officer);
        var created = await kit.Coordinator.PostAsJsonAsync("/api/people",
            new { name = "=HYPERLINK(\"http://x\";\"klik\") Jansen", email = user.Email, municipality = kit.Municipality, functions = new[] { f } }, Json.Options);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var person = (await created.Content.ReadFromJsonAsync<Crisis.Web.Organisation.PersonDto>(Json.Options))!;
        await kit.ShiftAsync(f, person.Id, "2027-12-06T08:00", "2027-12-13T08:00");
        await kit.ShiftAsync(f, person.Id, "2027-12-13T08:00", "2027-12-13T20:30");

        var export = await kit.Coordinator.GetAsync($"/api/roster/export?function={f}&from=2027-12-01&to=2028-01-01");
        var hours = await kit.Coordinator.GetAsync("/api/roster/reports/hours?month=2027-12&format=csv");

        foreach (var (response, file) in new[] { (export, $"piketrooster-{f.ToLowerInvariant()}-2027-12.csv"), (hours, "urenoverzicht-2027-12.csv") })
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe(file);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
            var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            text.ShouldNotContain(";=HYPERLINK");
            text.ShouldContain("'=HYPERLINK");
        }
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Functie;Persoon-id;E-mail;Naam;Van;Tot;Van (UTC);Tot (UTC);Uren;Herkomst");
        lines[2].ShouldContain("13-12-2027 08:00;13-12-2027 20:30;");
        lines[2].ShouldContain(";12,5;handmatig");
        var hourLines = Encoding.UTF8.GetString(await hours.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        hourLines[0].ShouldBe("Maand;Persoon-id;Naam;E-mail;Functie;Diensten;Uren");
        hourLines.Single(l => l.Contains(person.Id.ToString())).ShouldEndWith($";{f};2;180,5");
    }

    [Fact]
    public async Task Import_ReadsTheExportBack_WithItsBom_AndNamesBadRowsOfThatFormat()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2027-11-01T08:00", "2027-11-08T08:00");
        var bytes = await kit.Coordinator.GetByteArrayAsync($"/api/roster/export?function={f}&from=2027-11-01&to=2027-12-01");
        foreach (var s in await kit.ShiftsAsync(f))
        {
            (await kit.Coordinator.DeleteAsync($"/api/roster/shifts/{s.Id}")).EnsureSuccessStatusCode();
        }

        var again = await kit.Coordinator.PostAsync("/api/roster/import", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } });
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var bad = text.TrimEnd() + $"\r\n{f};;nobody@test.example;X;08-11-2027 08:00;15-11-2027 08:00\r\n{f};{a.Id};;X;31-11-2027 08:00;01-12-2027 08:00\r\n";
        var refused = await Post(kit, bad);

        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<ImportResultDto>(Json.Options))!.Imported.ShouldBe(1);
        var shifts = await kit.ShiftsAsync(f);
        shifts.Select(s => (s.PersonId, s.Start, s.End)).ShouldBe([(a.Id, new LocalDateTime(2027, 11, 1, 8, 0), new LocalDateTime(2027, 11, 8, 8, 0))]);
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nothing was imported");
        var errors = (await RosterTestKit.JsonAsync(refused)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        errors.Select(e => e.Item1).ShouldBe([3, 4]);
        errors[0].Item2.ShouldContain("nobody@test.example");
        (await kit.ShiftsAsync(f)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Import_ByAnOfficer_Is403_AndAnEmptyOrHeaderlessFileIs400()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var (_, officer) = await kit.PersonAsync(CrisisRole.Officer);

        await (await kit.ClientFor(officer).PostAsync("/api/roster/import", new StringContent("function,personEmail,start,end\r\n", Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(kit, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "empty");
        await (await Post(kit, "a,b,c\r\n1,2,3\r\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lacks the column");
        await (await Post(kit, "function,personEmail,start,end\r\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "no rows");
    }

    [Fact]
    public async Task Calendar_ParsedBackByIcalNet_MatchesTheShifts()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (_, other) = await kit.PersonAsync(CrisisRole.Officer, f);
        var autumn = await kit.ShiftAsync(f, a.Id, "2027-10-25T08:00", "2027-11-01T08:00");
        var spring = await kit.ShiftAsync(f, a.Id, "2028-03-20T08:00", "2028-03-27T08:00");

        var response = await kit.ClientFor(aUser).GetAsync($"/api/roster/calendar/{a.Id}.ics");
        var forbidden = await kit.ClientFor(other).GetAsync($"/api/roster/calendar/{a.Id}.ics");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("DTSTAMP:");
        var calendar = Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        events.Count.ShouldBe(2);
        foreach (var (e, shift) in events.Zip([autumn, spring]))
        {
            Instant.FromDateTimeUtc(e.DtStart!.AsUtc).ShouldBe(shift.StartInstant);
            Instant.FromDateTimeUtc(e.DtEnd!.AsUtc).ShouldBe(shift.EndInstant);
            ((decimal)(e.DtEnd.AsUtc - e.DtStart.AsUtc).TotalHours).ShouldBe(shift.Hours);
            e.Uid.ShouldBe($"{shift.Id:N}@crisis-piket");
        }
        events.Select(e => (decimal)(e.DtEnd!.AsUtc - e.DtStart!.AsUtc).TotalHours).ShouldBe([169m, 167m]);
        // Stable: the same feed twice is the same text.
        (await kit.ClientFor(aUser).GetStringAsync($"/api/roster/calendar/{a.Id}.ics")).ShouldBe(text);
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SubscriptionUrl_WorksAnonymouslyUntilRevoked()
    {
        var kit = await RosterTestKit.CreateAsync(await hosts.GetAsync(Topologies.Sqlite));
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2027-12-06T08:00", "2027-12-13T08:00");
        var mine = kit.ClientFor(aUser);
        var anonymous = kit.ClientFor(null);

        var created = await mine.PostAsync($"/api/roster/calendar/{a.Id}/subscription", null);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var url = new Uri((await created.Content.ReadFromJsonAsync<SubscriptionDto>(Json.Options))!.Url);
        var feed = await anonymous.GetAsync(url.PathAndQuery);
        var wrong = await anonymous.GetAsync("/feeds/roster/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
        (await mine.DeleteAsync($"/api/roster/calendar/{a.Id}/subscription")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = await anonymous.GetAsync(url.PathAndQuery);

        await feed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events.Count.ShouldBe(1);
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Post(RosterTestKit kit, string csv) =>
        kit.Coordinator.PostAsync("/api/roster/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
