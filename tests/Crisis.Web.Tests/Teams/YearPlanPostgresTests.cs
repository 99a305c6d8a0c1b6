using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Paspoort;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Teams;

/// <summary>The year plan on PostgreSQL: its queries, decimals and enums must translate there too (details in <see cref="YearPlanTests"/>).</summary>
public sealed class YearPlanPostgresTests
{
    [PostgresFact]
    public async Task PlanCsvCopyAndSession_WorkEndToEndOnPostgres()
    {
        await using var host = await AlertingHost.StartAsync(kind: DatabaseKind.Postgres);
        var coordinator = host.Kit.Coordinator;
        var function = await host.Kit.FunctionAsync();
        var person = await host.Kit.PersonAsync(CrisisRole.Member, function);
        var created = await coordinator.PostAsJsonAsync("/api/yearplan/2027/activities", new
        {
            code = "B3", title = "Simulatie-oefening Omgevingszorg", team = "WG-OMGEVINGSZORG", audience = new[] { function }, quarters = new[] { 3 },
            costs = new { amount = 1250.25m }, status = "planned", kind = "exercise",
        }, Json.Options);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await coordinator.PostAsJsonAsync("/api/yearplan/2027/activities", new { code = "b3", title = "x", team = "WG-OTO", status = "idea" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var session = await coordinator.PostAsJsonAsync("/api/yearplan/2027/activities/B3/sessions",
            new { date = "2027-02-20", attendees = new[] { new { personId = person.Person.Id } } }, Json.Options);
        await session.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await session.Content.ReadFromJsonAsync<PlanActivityDto>(Json.Options))!.Attendance.ShouldBe(new PlanAttendanceDto(1, 1));
        var dossier = (await coordinator.GetFromJsonAsync<DossierDto>($"/api/paspoort/{person.Person.Id}", Json.Options))!;
        dossier.Records.Single().Activity.ShouldBe("B3 Simulatie-oefening Omgevingszorg");

        var plan = (await coordinator.GetFromJsonAsync<YearPlanDto>("/api/yearplan/2027", Json.Options))!;
        plan.Costs.ShouldBe(1250.25m);
        var csv = await coordinator.GetByteArrayAsync("/api/yearplan/2027?format=csv");
        var imported = await coordinator.PostAsync("/api/yearplan/2030/import", new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } });
        await imported.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var copy = await coordinator.PostAsync("/api/yearplan/2027/copy-to/2028", null);
        (await copy.Content.ReadFromJsonAsync<PlanCopyDto>(Json.Options))!.Copied.ShouldBe(["B3"]);
        (await coordinator.GetFromJsonAsync<List<PlanActivityDto>>("/api/yearplan/2030/activities", Json.Options))!.Single().Costs!.Amount.ShouldBe(1250.25m);
        await (await coordinator.DeleteAsync("/api/yearplan/2027/activities/B3")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }
}
