using System.Net;
using Crisis.Domain.Identity;
using Crisis.Domain.Paspoort;
using Crisis.Web.Demo;
using Crisis.Web.Identity;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>The Dutch pages as the server first renders them, and the demo region's paspoorts.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortPagesTests(PaspoortHost host)
{
    [Fact]
    public async Task MyPaspoort_ShowsTheSignedInPersonsDossierInDutch()
    {
        var user = await host.CreateUserAsync(CrisisRole.Member, "Marit Lid");
        var person = await host.PersonAsync(user, "OVD-BZ");
        await host.RecordAsync(person.Id, "course", new NodaTime.LocalDate(2021, 4, 1), "OVD-BZ", "OVD-BASIS", "passed", "Basisopleiding OvD-BZ 2021");

        var page = await host.ClientFor(user).GetStringAsync("/paspoort");

        page.ShouldContain("Mijn Veiligheidspaspoort");
        page.ShouldContain("Marit Lid");
        page.ShouldContain("Basisopleiding OvD-BZ 2021");
        page.ShouldContain("data-status=\"current\"");
        page.ShouldContain("data-status=\"missing\"");
        page.ShouldContain("Ontbreekt");
    }

    [Fact]
    public async Task Matrix_ShowsColouredStatusesForPlanners_AndADutchRefusalForOthers()
    {
        var lead = await host.CreateUserAsync(CrisisRole.ExerciseLead);
        var member = await host.CreateUserAsync(CrisisRole.Member);
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "exercise", new NodaTime.LocalDate(2027, 5, 1), function, "JAAR");

        var forLead = await host.ClientFor(lead).GetStringAsync("/paspoort/matrix");
        var forMember = await host.ClientFor(member).GetAsync("/paspoort/matrix");

        forLead.ShouldContain("Kwalificatiematrix");
        forLead.ShouldContain("data-testid=\"matrix\"");
        forMember.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await forMember.Content.ReadAsStringAsync();
        refused.ShouldContain("Je eigen paspoort staat onder Mijn paspoort"); // (non-ASCII letters arrive HTML-encoded)
        refused.ShouldNotContain("data-testid=\"matrix\"");
    }

    [Fact]
    public async Task SeedDemo_FillsPaspoortsSoThatEveryKeyFunctionShowsAllFourStatuses()
    {
        var app = await CrisisApp.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            var paspoort = scope.ServiceProvider.GetRequiredService<PaspoortOverviewService>();

            foreach (var function in DefaultRequirements.Functions)
            {
                var matrix = await paspoort.MatrixAsync(Actor.System("test"), function.Code);
                matrix.Rows.Select(r => r.Row.Status).Distinct().ShouldBe(
                    [PaspoortStatus.Current, PaspoortStatus.Expiring, PaspoortStatus.Expired, PaspoortStatus.Missing], ignoreOrder: true, function.Code);
            }
            (await paspoort.AttendanceAsync(Actor.System("test"))).ShouldContain(a => a.Attendees.Count > 1, "activities are recorded as attendance lists");
        }
        finally
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }
}
