using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>Bad input gets a clear 4xx and stores nothing; requirements are managed through the API.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortInputTests(PaspoortHost host)
{
    public static TheoryData<string, string, HttpStatusCode, string> BadRecords => new()
    {
        { "unknown person", """{"personId":"{X}","kind":"training","activity":"a","date":"2028-01-01"}""", HttpStatusCode.BadRequest, "There is no person" },
        { "no person", """{"kind":"training","activity":"a","date":"2028-01-01"}""", HttpStatusCode.BadRequest, "whose record" },
        { "unknown function", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","function":"BRANDWEER"}""", HttpStatusCode.BadRequest, "'BRANDWEER' is not a function" },
        { "unknown requirement", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","requirement":"GEEN-EIS"}""", HttpStatusCode.BadRequest, "There is no requirement GEEN-EIS" },
        { "requirement of another function", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","function":"{F}","requirement":"OVD-BASIS"}""", HttpStatusCode.BadRequest, "is not a requirement of" },
        { "kind cannot meet requirement", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","requirement":"OVD-BASIS"}""", HttpStatusCode.BadRequest, "asks for a course" },
        { "tomorrow", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-04-01"}""", HttpStatusCode.BadRequest, "in the future" },
        { "year typo", """{"personId":"{P}","kind":"training","activity":"a","date":"1928-01-01"}""", HttpStatusCode.BadRequest, "check the year" },
        { "year outside what Crisis accepts", """{"personId":"{P}","kind":"training","activity":"a","date":"0028-01-01"}""", HttpStatusCode.BadRequest, "date '0028-01-01' is outside the dates Crisis accepts" },
        { "no date", """{"personId":"{P}","kind":"training","activity":"a"}""", HttpStatusCode.BadRequest, "date" },
        { "not a date", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-02-30"}""", HttpStatusCode.BadRequest, "not valid JSON" },
        { "bad kind", """{"personId":"{P}","kind":"webinar","activity":"a","date":"2028-01-01"}""", HttpStatusCode.BadRequest, "'webinar' is not a kind" },
        { "no activity", """{"personId":"{P}","kind":"training","activity":"  ","date":"2028-01-01"}""", HttpStatusCode.BadRequest, "Name the activity" },
        { "huge activity", """{"personId":"{P}","kind":"training","activity":"{201}","date":"2028-01-01"}""", HttpStatusCode.BadRequest, "at most 200" },
        { "huge notes", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","notes":"{2001}"}""", HttpStatusCode.BadRequest, "at most 2000" },
        { "bad result", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","result":"excellent"}""", HttpStatusCode.BadRequest, "not a result" },
        { "voids unknown record", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","voidsRecordId":"{X}"}""", HttpStatusCode.BadRequest, "does not name a record" },
        { "body too large", """{"personId":"{P}","kind":"training","activity":"a","date":"2028-01-01","notes":"{70000}"}""", HttpStatusCode.RequestEntityTooLarge, "larger than" },
        { "malformed", """{"personId":""", HttpStatusCode.BadRequest, "not valid JSON" },
    };

    [Theory, MemberData(nameof(BadRecords))]
    public async Task Record_BadInputIsA4xxAndStoresNothing(string description, string body, HttpStatusCode status, string detail)
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function, "OVD-BZ");
        var client = await host.CoordinatorAsync();
        var json = body.Replace("{P}", person.Id.ToString(), StringComparison.Ordinal)
            .Replace("{X}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{F}", function, StringComparison.Ordinal)
            .Replace("{201}", new string('x', 201), StringComparison.Ordinal)
            .Replace("{2001}", new string('x', 2001), StringComparison.Ordinal)
            .Replace("{70000}", new string('x', 70000), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/paspoort/records", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(status, detail);
        (await host.DossierAsync(person.Id)).Records.ShouldBeEmpty(description);
    }

    [Fact]
    public async Task Record_DatedToday_IsAccepted()
    {
        var person = await host.PersonAsync(null, "HIN");

        var record = await host.RecordAsync(person.Id, "training", PaspoortHost.Today, "HIN", "LCMS-TRAINING");

        record.Date.ShouldBe(PaspoortHost.Today);
        (await host.DossierAsync(person.Id)).Requirement("HIN", "LCMS-TRAINING").ValidUntil.ShouldBe(new NodaTime.LocalDate(2029, 3, 31));
    }

    [Fact]
    public async Task Attendance_OneListStoresOneRecordPerPerson_OrNoneWhenOneIsWrong()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var people = new[] { await host.PersonAsync(null, function), await host.PersonAsync(null, function), await host.PersonAsync(null, function) };
        var client = await host.CoordinatorAsync();
        var date = new NodaTime.LocalDate(2028, 3, 14);

        var wrong = await client.PostAsJsonAsync("/api/paspoort/attendance", new
        {
            kind = "exercise", activity = "Oefening Poldervuur", date, function, requirement = "JAAR",
            people = new object[] { new { personId = people[0].Id }, new { personId = people[1].Id, result = "fantastisch" } },
        }, Json.Options);
        var twice = await client.PostAsJsonAsync("/api/paspoort/attendance", new
        {
            kind = "exercise", activity = "Oefening Poldervuur", date, people = new[] { new { personId = people[0].Id }, new { personId = people[0].Id } },
        }, Json.Options);
        var empty = await client.PostAsJsonAsync("/api/paspoort/attendance", new { kind = "exercise", activity = "x", date, people = Array.Empty<object>() }, Json.Options);
        var right = await client.PostAsJsonAsync("/api/paspoort/attendance", new
        {
            kind = "exercise", activity = "Oefening Poldervuur", date, function, requirement = "JAAR",
            people = new object[]
            {
                new { personId = people[0].Id, result = "passed" },
                new { personId = people[1].Id, result = "failed", notes = "Kwam niet tot een beeld." },
                new { personId = people[2].Id },
            },
        }, Json.Options);

        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a result");
        await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "listed twice");
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "at least one person");
        await right.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await right.Content.ReadFromJsonAsync<List<RecordDto>>(Json.Options))!.Count.ShouldBe(3);
        (await host.DossierAsync(people[0].Id)).Records.ShouldHaveSingleItem();
        (await host.DossierAsync(people[0].Id)).Function(function).Status.ShouldBe("current");
        (await host.DossierAsync(people[1].Id)).Function(function).Status.ShouldBe("missing", "failed does not count");
        (await host.DossierAsync(people[2].Id)).Function(function).Status.ShouldBe("current", "no result means attended");

        var activities = await client.GetFromJsonAsync<List<ActivityDto>>("/api/paspoort/attendance?from=2028-03-14&to=2028-03-14&kind=exercise", Json.Options);
        var activity = activities!.Single(a => a.Activity == "Oefening Poldervuur");
        activity.Attendees.Select(a => a.Person.Id).ShouldBe(people.Select(p => p.Id), ignoreOrder: true);
        activity.Attendees.Single(a => a.Person.Id == people[1].Id).Result.ShouldBe("failed");
        await (await client.GetAsync("/api/paspoort/attendance?from=2028-03-15&to=2028-03-14")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "after");
        await (await client.GetAsync("/api/paspoort/attendance?from=gisteren")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task Requirements_DefaultsAreSeeded_ForTheKeyFunctions()
    {
        var client = await host.CoordinatorAsync();

        var all = (await client.GetFromJsonAsync<List<RequirementDto>>("/api/paspoort/requirements", Json.Options))!;

        all.ShouldContain(new RequirementDto("OVD-BZ", "OVD-BASIS", "Basisopleiding OvD-BZ", "course", null, 1));
        all.ShouldContain(new RequirementDto("OVD-BZ", "OVD-OEFENING", "Oefening in de functie OvD-BZ (COPI)", "exercise", 12, 1));
        all.ShouldContain(new RequirementDto("HIN", "HIN-OEFENING", "Oefening in de functie HIN", "exercise", 12, 2));
        foreach (var f in new[] { "OVD-BZ", "AC-BZ", "HIN", "HOOFD-PUBLIEKE-ZORG", "HOOFD-OMGEVINGSZORG", "HOOFD-ONDERSTEUNING", "HOOFD-NAFASE" })
        {
            var own = all.Where(r => r.Function == f).ToList();
            own.ShouldContain(r => r.Kind == "course" && r.ValidForMonths == null, $"{f} has a course to become qualified");
            own.ShouldContain(r => r.Kind == "exercise" && r.ValidForMonths != null, $"{f} has an exercise to stay qualified");
        }
    }

    [Fact]
    public async Task Requirements_CreateChangeRemove_AreValidatedAndChangeTheStatus()
    {
        var function = await host.FunctionAsync();
        var person = await host.PersonAsync(null, function);
        var client = await host.CoordinatorAsync();
        await host.RecordAsync(person.Id, "training", new NodaTime.LocalDate(2027, 6, 1), function, null, null, "LCMS juni");

        var created = await client.PostAsJsonAsync("/api/paspoort/requirements",
            new { function = function.ToLowerInvariant(), code = "lcms-training", name = "LCMS-training", kind = "training", validForMonths = 24 }, Json.Options);
        var duplicate = await client.PostAsJsonAsync("/api/paspoort/requirements",
            new { function, code = "LCMS-TRAINING", name = "Nog eens", kind = "training" }, Json.Options);
        var otherKind = await client.PostAsJsonAsync("/api/paspoort/requirements",
            new { function, code = "OVD-BASIS", name = "Zelfde code, andere soort", kind = "exercise", validForMonths = 12 }, Json.Options);
        var unknownFunction = await client.PostAsJsonAsync("/api/paspoort/requirements",
            new { function = "BRANDWEER", code = "X1", name = "x", kind = "course" }, Json.Options);
        var badMonths = await client.PostAsJsonAsync("/api/paspoort/requirements",
            new { function, code = "X2", name = "x", kind = "training", validForMonths = 0 }, Json.Options);

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<RequirementDto>(Json.Options)).ShouldBe(new RequirementDto(function, "LCMS-TRAINING", "LCMS-training", "training", 24, 1));
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already has");
        await otherKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "same kind of activity everywhere");
        await unknownFunction.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a function");
        await badMonths.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validForMonths");
        // The record names no requirement, but it was written before the requirement existed: it counts only by code.
        (await host.DossierAsync(person.Id)).Function(function).Status.ShouldBe("missing");

        var record = await host.RecordAsync(person.Id, "training", new NodaTime.LocalDate(2027, 6, 1), function, "LCMS-TRAINING", null, "LCMS juni");
        (await host.DossierAsync(person.Id)).Requirement(function, "LCMS-TRAINING").Status.ShouldBe("current");

        var shortened = await client.PutAsJsonAsync($"/api/paspoort/requirements/{function}/lcms-training",
            new { name = "LCMS-training (jaarlijks)", validForMonths = 6 }, Json.Options);
        var kindChange = await client.PutAsJsonAsync($"/api/paspoort/requirements/{function}/LCMS-TRAINING",
            new { name = "x", kind = "course" }, Json.Options);
        var unknown = await client.PutAsJsonAsync($"/api/paspoort/requirements/{function}/GEEN", new { name = "x" }, Json.Options);

        await shortened.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await kindChange.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "stays one");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var status = (await host.DossierAsync(person.Id)).Requirement(function, "LCMS-TRAINING");
        status.Status.ShouldBe("expired");
        status.ValidUntil.ShouldBe(new NodaTime.LocalDate(2027, 12, 1));
        status.Name.ShouldBe("LCMS-training (jaarlijks)");

        await (await client.DeleteAsync($"/api/paspoort/requirements/{function}/LCMS-TRAINING")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/paspoort/requirements/{function}/LCMS-TRAINING")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var after = await host.DossierAsync(person.Id);
        after.Function(function).Requirements.ShouldBeEmpty();
        after.Function(function).Status.ShouldBe("current", "a function that asks nothing");
        after.Records.ShouldContain(r => r.Id == record.Id, "records stay when a requirement goes");
    }

    [Fact]
    public async Task Export_GivesAPrintablePageAndCsv()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        var client = await host.CoordinatorAsync();
        (await client.PostAsJsonAsync("/api/paspoort/records", new
        {
            personId = person.Id, kind = "exercise", activity = "Oefening <Poldervuur>", date = "2028-03-01", function, requirement = "JAAR",
            notes = "=HYPERLINK(\"http://example.invalid\")",
        }, Json.Options)).EnsureSuccessStatusCode();

        var html = await client.GetAsync($"/api/paspoort/{person.Id}/export");
        var csv = await client.GetAsync($"/api/paspoort/{person.Id}/export?format=csv");
        var bad = await client.GetAsync($"/api/paspoort/{person.Id}/export?format=pdf");

        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.ShouldContain("Veiligheidspaspoort");
        page.ShouldContain(person.Name);
        page.ShouldContain("Oefening &lt;Poldervuur&gt;");
        page.ShouldContain("Jaarlijkse oefening");
        page.ShouldContain("2029-03-01");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Persoon;Datum;Soort;Activiteit");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("2028-03-01;Oefening;Oefening <Poldervuur>;");
        lines[1].ShouldContain(";ja;", customMessage: "the record counts");
        lines[1].ShouldNotContain(";=HYPERLINK", customMessage: "a formula is escaped");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Unknown format");
    }
}
