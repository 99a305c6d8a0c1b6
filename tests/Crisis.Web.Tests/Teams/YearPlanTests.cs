using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Domain.Identity;
using Crisis.Domain.Teams;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonRefDto = Crisis.Web.Teams.PersonRefDto;

namespace Crisis.Web.Tests.Teams;

public sealed class YearPlanFixture : IAsyncLifetime
{
    public AlertingHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AlertingHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class YearPlanCollection : ICollectionFixture<YearPlanFixture>
{
    public const string Name = "year-plan";
}

/// <summary>The OTO year plan on the real host (fake clock: 1 March 2027): every call, access, bad input and the paspoort loop.</summary>
[Collection(YearPlanCollection.Name)]
public sealed class YearPlanTests(YearPlanFixture fixture)
{
    private static int nextYear = 2040;

    private AlertingHost Host => fixture.Host;

    private HttpClient Coordinator => Host.Kit.Coordinator;

    private static int FreshYear() => Interlocked.Increment(ref nextYear);

    /// <summary>Staffs WG-OTO with a chair (an exercise lead, so they may write paspoort records) and two members.</summary>
    private async Task<((PersonDto Person, TestUser User) Chair, (PersonDto Person, TestUser User) Member)> OtoAsync()
    {
        var chair = await Host.Kit.PersonAsync(CrisisRole.ExerciseLead);
        var a = await Host.Kit.PersonAsync(CrisisRole.Member);
        var b = await Host.Kit.PersonAsync(CrisisRole.Member);
        (await Coordinator.PutAsJsonAsync($"/api/teams/{TeamCatalogue.WgOto}/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();
        return (chair, a);
    }

    private static object Activity(string code = "B3", string title = "Simulatie-oefening Omgevingszorg", string team = "WG-OMGEVINGSZORG",
        string[]? audience = null, int[]? quarters = null, decimal? amount = 1250.50m, string status = "planned", string? kind = "exercise",
        string? requirement = null, Guid? contact = null) => new
        {
            code, title, team, contactPersonId = contact, goal = "Samenwerking oefenen", audience = audience ?? [], quarters = quarters ?? [2, 3],
            costs = amount is null ? null : new { amount, note = "Locatie en catering" }, status, kind, requirement,
        };

    private static async Task<PlanActivityDto> PostAsync(HttpClient by, int year, object body)
    {
        var response = await by.PostAsJsonAsync($"/api/yearplan/{year}/activities", body, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PlanActivityDto>(Json.Options))!;
    }

    private async Task<int> RowsAsync(int year)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().Set<YearPlanActivityRecord>().CountAsync(a => a.Year == year);
    }

    private async Task<(int Sessions, int Records)> SessionRowsAsync(Guid person)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        return (await db.Set<YearPlanSessionRecord>().CountAsync(), await db.Set<PaspoortRecordRow>().CountAsync(r => r.PersonId == person));
    }

    [Fact]
    public async Task Activities_CreateReadUpdateDelete_ByTheOtoGroup_AndTheGridTotals()
    {
        var year = FreshYear();
        var (chair, member) = await OtoAsync();
        var oto = Host.ClientFor(member.User);
        var function = await Host.Kit.FunctionAsync();
        var created = await PostAsync(oto, year, Activity(code: " b3 ", audience: [function.ToLowerInvariant()], contact: chair.Person.Id));
        (created.Code, created.Team, created.Contact, created.Costs, created.Status, created.Kind)
            .ShouldBe(("B3", "WG-OMGEVINGSZORG", new PersonRefDto(chair.Person.Id, chair.Person.Name), new PlanCostsDto(1250.50m, "Locatie en catering"), "planned", "exercise"));
        created.Audience.ShouldBe([function]);
        created.Quarters.ShouldBe([2, 3]);
        await PostAsync(Coordinator, year, Activity(code: "D2", title: "LCMS-trainingen", team: "WG-OTO", quarters: [1, 2, 3, 4], amount: 4000m, kind: "training"));
        await PostAsync(oto, year, Activity(code: "B10", title: "Vervallen", amount: 999m, status: "cancelled"));

        var reader = Host.ClientFor((await Host.Kit.PersonAsync(CrisisRole.Viewer)).User);
        (await reader.GetFromJsonAsync<List<PlanActivityDto>>($"/api/yearplan/{year}/activities", Json.Options))!.Select(a => a.Code).ShouldBe(["B3", "B10", "D2"]);
        var plan = (await reader.GetFromJsonAsync<YearPlanDto>($"/api/yearplan/{year}", Json.Options))!;
        plan.CanEdit.ShouldBeFalse();
        plan.Costs.ShouldBe(5250.50m);
        var omg = plan.Groups.Single(g => g.Team == "WG-OMGEVINGSZORG");
        omg.Costs.ShouldBe(1250.50m);
        omg.Quarters.Select(q => q.Activities.Count).ShouldBe([0, 2, 2, 0]);
        plan.Groups.Select(g => g.Team).ShouldBe(["WG-PIM", "WG-OMGEVINGSZORG", "WG-ONDERSTEUNING", "WG-OTO"], ignoreOrder: false);

        var put = await oto.PutAsJsonAsync($"/api/yearplan/{year}/activities/b3", Activity(code: "B3", quarters: [4], amount: 100m, status: "preparing"), Json.Options);
        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var updated = (await put.Content.ReadFromJsonAsync<PlanActivityDto>(Json.Options))!;
        (updated.Costs!.Amount, updated.Status).ShouldBe((100m, "preparing"));
        updated.Quarters.ShouldBe([4]);

        await (await oto.DeleteAsync($"/api/yearplan/{year}/activities/B10")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await oto.DeleteAsync($"/api/yearplan/{year}/activities/B10")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await RowsAsync(year)).ShouldBe(2);
        (await oto.GetFromJsonAsync<YearPlanDto>($"/api/yearplan/{year}", Json.Options))!.CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task Outsiders_Are403_Anonymous401_Audited_AndNothingIsStored()
    {
        var year = FreshYear();
        await OtoAsync();
        await PostAsync(Coordinator, year, Activity());
        var outsider = Host.ClientFor((await Host.Kit.PersonAsync(CrisisRole.Officer)).User);
        await (await outsider.PostAsJsonAsync($"/api/yearplan/{year}/activities", Activity(code: "A1"), Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only the members of WG-OTO and coordinators");
        await (await outsider.PutAsJsonAsync($"/api/yearplan/{year}/activities/B3", Activity(), Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.DeleteAsync($"/api/yearplan/{year}/activities/B3")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PostAsync($"/api/yearplan/{year}/copy-to/{year + 1}", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PostAsync($"/api/yearplan/{year}/import", new StringContent("Code;Activiteit;Werkgroep;Status\nA1;x;WG-PIM;idee", Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PostAsJsonAsync($"/api/yearplan/{year}/activities/B3/sessions", new { date = "2027-02-01", attendees = Array.Empty<object>() }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await outsider.GetAsync($"/api/yearplan/{year}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Host.App.ClientFor(null).GetAsync($"/api/yearplan/{year}")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        (await RowsAsync(year)).ShouldBe(1);
        (await RowsAsync(year + 1)).ShouldBe(0);
        await using var scope = Host.App.Services.CreateAsyncScope();
        var denied = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().AuditTrail
            .Where(r => r.Target == $"yearplan/{year}" && r.Outcome == "denied").Select(r => r.Action).ToListAsync();
        denied.Order().ToList().ShouldBe(["yearplan.copy", "yearplan.create", "yearplan.delete", "yearplan.import", "yearplan.session", "yearplan.update"]);
    }

    [Theory]
    [InlineData("{\"code\":\"B3\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"planned\"}", HttpStatusCode.Conflict, "already has an activity B3")]
    [InlineData("{\"code\":\"3B\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"planned\"}", HttpStatusCode.BadRequest, "not an activity code")]
    [InlineData("{\"code\":\"A1\",\"title\":\" \",\"team\":\"WG-OTO\",\"status\":\"planned\"}", HttpStatusCode.BadRequest, "title")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"PIM\",\"status\":\"planned\"}", HttpStatusCode.BadRequest, "not a working group")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"busy\"}", HttpStatusCode.BadRequest, "not a status")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"quarters\":[5]}", HttpStatusCode.BadRequest, "not a quarter")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"costs\":{\"amount\":-5}}", HttpStatusCode.BadRequest, "costs")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"kind\":\"deployment\"}", HttpStatusCode.BadRequest, "kind of activity")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"audience\":[\"NOPE\"]}", HttpStatusCode.BadRequest, "not a function")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"kind\":\"training\",\"requirement\":\"AOV\"}", HttpStatusCode.BadRequest, "FUNCTION/CODE")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"contactPersonId\":\"00000000-0000-0000-0000-000000000404\"}", HttpStatusCode.BadRequest, "contact")]
    [InlineData("{\"code\":\"A1\",\"title\":\"x\",\"team\":\"WG-OTO\",\"status\":\"idea\",\"quarters\":\"Q1\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("", HttpStatusCode.BadRequest, null)]
    public async Task CreateActivity_BadInput_IsRefused_AndNothingIsStored(string json, HttpStatusCode status, string? detail)
    {
        var year = FreshYear();
        await PostAsync(Coordinator, year, Activity());
        var response = await Coordinator.PostAsync($"/api/yearplan/{year}/activities", new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(status);
        if (detail is not null)
        {
            await response.ShouldBeProblemAsync(status, detail);
        }
        (await RowsAsync(year)).ShouldBe(1);
    }

    [Fact]
    public async Task BadYearCodeMismatchAndFormat_Are4xx()
    {
        var year = FreshYear();
        await PostAsync(Coordinator, year, Activity());
        await (await Coordinator.GetAsync("/api/yearplan/1900")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a plan year");
        await (await Coordinator.GetAsync($"/api/yearplan/{year}?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a format");
        await (await Coordinator.PutAsJsonAsync($"/api/yearplan/{year}/activities/B3", Activity(code: "B4"), Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cannot change");
        await (await Coordinator.PutAsJsonAsync($"/api/yearplan/{year}/activities/Z9", Activity(code: "Z9"), Json.Options)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Coordinator.PostAsync($"/api/yearplan/{year}/copy-to/{year}", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "later year");
    }

    [Fact]
    public async Task Csv_RoundTripsThroughImport_AndBadRowsStoreNothing()
    {
        var year = FreshYear();
        var (chair, _) = await OtoAsync();
        await PostAsync(Coordinator, year, Activity(contact: chair.Person.Id));
        await PostAsync(Coordinator, year, Activity(code: "D5", title: "=Leerprikkelaar", team: "WG-OTO", amount: null, kind: null, status: "idea", quarters: []));
        var csvResponse = await Coordinator.GetAsync($"/api/yearplan/{year}?format=csv");
        await csvResponse.ShouldHaveStatusAsync(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csvResponse.Content.Headers.ContentDisposition!.FileName!.ShouldContain($"jaarplan-oto-{year}.csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.Preamble.ToArray());
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        csv.ShouldStartWith("Code;Activiteit;Werkgroep;Contactpersoon");
        csv.ShouldContain("'=Leerprikkelaar");
        csv.ShouldContain("1250,5");

        var target = FreshYear();
        var imported = await Coordinator.PostAsync($"/api/yearplan/{target}/import", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "text/csv" } } });
        await imported.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await imported.Content.ReadFromJsonAsync<PlanImportDto>(Json.Options))!.ShouldBe(new PlanImportDto(target, 2, 0));
        var original = (await Coordinator.GetFromJsonAsync<List<PlanActivityDto>>($"/api/yearplan/{year}/activities", Json.Options))!;
        var copy = (await Coordinator.GetFromJsonAsync<List<PlanActivityDto>>($"/api/yearplan/{target}/activities", Json.Options))!;
        copy.Select(a => a with { Year = year }).ToList().ShouldBeEquivalentTo(original);

        var again = await Coordinator.PostAsync($"/api/yearplan/{target}/import", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "text/csv" } } });
        (await again.Content.ReadFromJsonAsync<PlanImportDto>(Json.Options))!.ShouldBe(new PlanImportDto(target, 0, 2));

        var bad = "Code;Activiteit;Werkgroep;Status;Kosten\nA1;Goed;WG-PIM;Idee;10\nA2;Fout;WG-NOPE;Idee;\nA3;Fout;WG-PIM;Idee;veel\n";
        var refused = await Coordinator.PostAsync($"/api/yearplan/{target}/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "2 row(s) are wrong");
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("\"line\":3");
        body.ShouldContain("\"line\":4");
        (await RowsAsync(target)).ShouldBe(2);
        await (await Coordinator.PostAsync($"/api/yearplan/{target}/import", new StringContent("Code;Titel\nA1;x", Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lacks the column");
        await (await Coordinator.PostAsync($"/api/yearplan/{target}/import", new StringContent(" ", Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await RowsAsync(target)).ShouldBe(2);
    }

    [Fact]
    public async Task PrintView_ShowsTheGridWithTotals()
    {
        var year = FreshYear();
        await PostAsync(Coordinator, year, Activity(title: "<Simulatie>"));
        var html = await Coordinator.GetStringAsync($"/api/yearplan/{year}?format=html");
        html.ShouldContain($"<h1>Jaarplan OTO Bevolkingszorg {year}</h1>");
        html.ShouldContain("&lt;Simulatie&gt;");
        html.ShouldContain("€ 1.250,5");
    }

    [Fact]
    public async Task CopyTo_MakesIdeasOfTheNextYear_SkippingCodesAlreadyThere()
    {
        var year = FreshYear();
        var next = FreshYear();
        await PostAsync(Coordinator, year, Activity(status: "done"));
        await PostAsync(Coordinator, year, Activity(code: "C1", title: "Trainingen telefoonteam", team: "WG-ONDERSTEUNING"));
        await PostAsync(Coordinator, next, Activity(code: "C1", title: "Al gepland", team: "WG-ONDERSTEUNING"));
        var response = await Coordinator.PostAsync($"/api/yearplan/{year}/copy-to/{next}", null);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<PlanCopyDto>(Json.Options))!.ShouldSatisfyAllConditions(
            c => c.Copied.ShouldBe(["B3"]), c => c.Skipped.ShouldBe(["C1"]));
        var copied = (await Coordinator.GetFromJsonAsync<List<PlanActivityDto>>($"/api/yearplan/{next}/activities", Json.Options))!;
        copied.Select(a => (a.Code, a.Title, a.Status)).ShouldBe([("B3", "Simulatie-oefening Omgevingszorg", "idea"), ("C1", "Al gepland", "planned")]);
    }

    [Fact]
    public async Task Renewals_FindTheActivityWithTheRequirement_ThisYearOrLaterFirst()
    {
        var function = await Host.Kit.FunctionAsync();
        var code = "C" + (FreshYear() % 1000);
        await PostAsync(Coordinator, 2026, Activity(code: code, title: "Vorig jaar", requirement: $"{function}/JAAR"));
        await PostAsync(Coordinator, 2028, Activity(code: code, title: "Volgend jaar", requirement: $"{function}/JAAR"));
        await PostAsync(Coordinator, 2027, Activity(code: code, title: "Vervallen", status: "cancelled", requirement: $"{function}/JAAR"));
        await using var scope = Host.App.Services.CreateAsyncScope();
        var plan = scope.ServiceProvider.GetRequiredService<YearPlanService>();
        var found = await plan.RenewalsAsync([(function, "JAAR"), (function, "OTHER")]);
        found.ShouldBe(new Dictionary<(string, string), (int, string, string)> { [(function, "JAAR")] = (2028, code, "Volgend jaar") });
    }

    [Fact]
    public async Task Session_WritesEachAttendeesPaspoortRecord_AndCountsTheAudience()
    {
        var (chair, member) = await OtoAsync();
        var function = await Host.Kit.FunctionAsync();
        var code = "E" + (FreshYear() % 1000);
        (await Coordinator.PostAsJsonAsync("/api/paspoort/requirements",
            new { function, code = "OEF-" + code, name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 }, Json.Options)).EnsureSuccessStatusCode();
        var p1 = await Host.Kit.PersonAsync(CrisisRole.Member, function);
        var p2 = await Host.Kit.PersonAsync(CrisisRole.Member, function);
        var p3 = await Host.Kit.PersonAsync(CrisisRole.Member, function);
        await PostAsync(Coordinator, 2027, Activity(code: code, title: "Terrorismegevolgbestrijding", team: "WG-OTO", audience: [function],
            requirement: $"{function}/OEF-{code}"));
        var oto = Host.ClientFor(chair.User);

        var response = await oto.PostAsJsonAsync($"/api/yearplan/2027/activities/{code}/sessions",
            new { date = "2027-02-20", attendees = new object[] { new { personId = p1.Person.Id }, new { personId = p2.Person.Id, result = "passed" } } }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var activity = (await response.Content.ReadFromJsonAsync<PlanActivityDto>(Json.Options))!;
        activity.Attendance.ShouldBe(new PlanAttendanceDto(3, 2));
        activity.Sessions.Single().Attendees.Select(a => a.Id).ShouldBe([p1.Person.Id, p2.Person.Id], ignoreOrder: true);

        var dossier = (await Coordinator.GetFromJsonAsync<DossierDto>($"/api/paspoort/{p2.Person.Id}", Json.Options))!;
        dossier.Records.Single().ShouldSatisfyAllConditions(
            r => (r.Kind, r.Activity, r.Date, r.Function, r.Requirement, r.Result)
                .ShouldBe(("exercise", $"{code} Terrorismegevolgbestrijding", new NodaTime.LocalDate(2027, 2, 20), function, $"OEF-{code}", "passed")));

        // One attendee the paspoort refuses (the chair writing about themself): nothing of the session is stored.
        var before = await SessionRowsAsync(p3.Person.Id);
        await (await oto.PostAsJsonAsync($"/api/yearplan/2027/activities/{code}/sessions",
            new { date = "2027-02-21", attendees = new object[] { new { personId = p3.Person.Id }, new { personId = chair.Person.Id } } }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SessionRowsAsync(p3.Person.Id)).ShouldBe(before);

        // Bad input: a future date, a date outside the plan year, nobody, a bad result, an unknown person.
        foreach (var (body, status) in new (object, HttpStatusCode)[]
        {
            (new { date = "2027-12-01", attendees = new object[] { new { personId = p3.Person.Id } } }, HttpStatusCode.BadRequest),
            (new { date = "2026-12-01", attendees = new object[] { new { personId = p3.Person.Id } } }, HttpStatusCode.BadRequest),
            (new { date = "2027-02-21", attendees = Array.Empty<object>() }, HttpStatusCode.BadRequest),
            (new { date = "2027-02-21", attendees = new object[] { new { personId = p3.Person.Id, result = "great" } } }, HttpStatusCode.BadRequest),
            (new { date = "2027-02-21", attendees = new object[] { new { personId = Guid.NewGuid() } } }, HttpStatusCode.BadRequest),
            (new { date = "21-02", attendees = new object[] { new { personId = p3.Person.Id } } }, HttpStatusCode.BadRequest),
        })
        {
            await (await oto.PostAsJsonAsync($"/api/yearplan/2027/activities/{code}/sessions", body, Json.Options)).ShouldBeProblemAsync(status);
        }
        (await SessionRowsAsync(p3.Person.Id)).ShouldBe(before);

        // An OTO member who may not write paspoort records (a plain member) is refused by the paspoort, and an activity without kind is 409.
        await (await Host.ClientFor(member.User).PostAsJsonAsync($"/api/yearplan/2027/activities/{code}/sessions",
            new { date = "2027-02-21", attendees = new object[] { new { personId = p3.Person.Id } } }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await PostAsync(Coordinator, 2027, Activity(code: code + "9", kind: null));
        await (await oto.PostAsJsonAsync($"/api/yearplan/2027/activities/{code}9/sessions",
            new { date = "2027-02-21", attendees = new object[] { new { personId = p3.Person.Id } } }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "has no kind");
        (await SessionRowsAsync(p3.Person.Id)).ShouldBe(before);
    }
}

/// <summary>The demo seeds the working groups and the year plan of the current year in the paper plan's shape.</summary>
public sealed class YearPlanDemoTests
{
    [Fact]
    public async Task SeedDemo_StaffsTheFourGroups_WithMeetingsAndAnOverdueAction_AndAYearPlan()
    {
        var app = await CrisisApp.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Crisis.Web.Demo.DemoSeeder>().SeedAsync();
            var system = Crisis.Web.Identity.Actor.System("test") with { Role = CrisisRole.Coordinator };
            var actions = scope.ServiceProvider.GetRequiredService<ActionListService>();
            var groups = await actions.GroupsOfAsync(system);
            groups.Select(g => g.Code).ShouldBe([TeamCatalogue.WgOmgevingszorg, TeamCatalogue.WgOndersteuning, TeamCatalogue.WgOto, TeamCatalogue.WgPim], ignoreOrder: true);
            groups.ShouldAllBe(g => g.Members.Count(m => m.Role == TeamRole.Chair) == 1 && g.Members.Count(m => m.Role == TeamRole.Member) >= 2);
            foreach (var g in groups)
            {
                (await actions.MeetingsAsync(system, g.Code)).ShouldNotBeEmpty();
            }
            (await actions.QueryAsync(system, mine: false, overdue: true)).Count.ShouldBe(1);

            var year = scope.ServiceProvider.GetRequiredService<YearPlanService>().Today.Year;
            var plan = await scope.ServiceProvider.GetRequiredService<YearPlanService>().PlanAsync(system, year);
            var codes = plan.Groups.SelectMany(g => g.Activities).Select(a => $"{a.Code} {a.Title}").ToList();
            codes.ShouldContain("A1 Slachtofferinformatie");
            codes.ShouldContain("B3 Simulatie-oefening Omgevingszorg");
            codes.ShouldContain("C1 Trainingen telefoonteam");
            codes.ShouldContain("D2 LCMS-trainingen");
            codes.ShouldContain("D5 Leerprikkelaar");
            codes.ShouldContain("E8 Terrorismegevolgbestrijding");
            plan.Groups.ShouldAllBe(g => g.Activities.Count > 0);
            plan.Costs.ShouldBeGreaterThan(0m);
        }
        finally
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }
}
