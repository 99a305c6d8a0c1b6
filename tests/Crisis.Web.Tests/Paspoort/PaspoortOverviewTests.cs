using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Paspoort;
using Crisis.Web.Roster;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>The matrix, the expiry list, and the roster's qualification rule.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortOverviewTests(PaspoortHost host)
{
    private static readonly DateTimeZone Zone = PaspoortHost.Zone;

    /// <summary>A function with a course and a yearly exercise, and four people: current, expiring, expired, missing.</summary>
    private async Task<(string Function, Guid Current, Guid Expiring, Guid Expired, Guid Missing)> FourStatusesAsync()
    {
        var function = await host.FunctionAsync(
            new { code = "BASIS", name = "Basisopleiding", kind = "course" },
            new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var current = await host.PersonAsync(null, function);
        var expiring = await host.PersonAsync(null, function);
        var expired = await host.PersonAsync(null, function);
        var missing = await host.PersonAsync(null, function);
        foreach (var p in new[] { current, expiring, expired, missing })
        {
            if (p != missing)
            {
                await host.RecordAsync(p.Id, "course", new LocalDate(2020, 1, 1), function, "BASIS", "passed");
            }
        }
        await host.RecordAsync(current.Id, "exercise", new LocalDate(2027, 11, 1), function, "JAAR");
        await host.RecordAsync(missing.Id, "exercise", new LocalDate(2027, 11, 1), function, "JAAR");
        await host.RecordAsync(expiring.Id, "exercise", new LocalDate(2027, 5, 10), function, "JAAR"); // until 2028-05-10
        await host.RecordAsync(expired.Id, "exercise", new LocalDate(2027, 3, 15), function, "JAAR"); // until 2028-03-15
        return (function, current.Id, expiring.Id, expired.Id, missing.Id);
    }

    [Fact]
    public async Task Matrix_ShowsEveryHolderByRequirement()
    {
        var (function, current, expiring, expired, missing) = await FourStatusesAsync();
        var client = host.ClientFor(await host.CreateUserAsync(CrisisRole.ExerciseLead));

        var matrix = (await client.GetFromJsonAsync<MatrixDto>($"/api/paspoort/matrix?function={function.ToLowerInvariant()}", Json.Options))!;

        matrix.Function.ShouldBe(function);
        matrix.At.ShouldBe(PaspoortHost.Today);
        matrix.Requirements.Select(r => r.Code).ShouldBe(["BASIS", "JAAR"]);
        matrix.Rows.Count.ShouldBe(4);
        Row(current).Status.ShouldBe("current");
        Row(expiring).Status.ShouldBe("expiring");
        Row(expiring).Cells.Single(c => c.Code == "JAAR").ValidUntil.ShouldBe(new LocalDate(2028, 5, 10));
        Row(expired).Status.ShouldBe("expired");
        Row(missing).Status.ShouldBe("missing");
        Row(missing).Cells.Select(c => c.Status).ShouldBe(["missing", "current"]);
        await (await client.GetAsync("/api/paspoort/matrix")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Choose a function");
        await (await client.GetAsync("/api/paspoort/matrix?function=BRANDWEER")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a function");

        MatrixRowDto Row(Guid id) => matrix.Rows.Single(r => r.Person.Id == id);
    }

    [Fact]
    public async Task Expiries_ListWhatRunsOutWithinTheHorizon()
    {
        var (function, current, expiring, expired, _) = await FourStatusesAsync();
        var client = await host.CoordinatorAsync();

        var ninety = (await client.GetFromJsonAsync<List<PersonExpiriesDto>>("/api/paspoort/expiries", Json.Options))!;
        var year = (await client.GetFromJsonAsync<List<PersonExpiriesDto>>("/api/paspoort/expiries?days=366", Json.Options))!;

        var item = ninety.Single(g => g.Person.Id == expiring).Items.ShouldHaveSingleItem();
        item.ShouldBe(new ExpiryItemDto(function, "JAAR", "Jaarlijkse oefening", "expiring", new LocalDate(2028, 5, 10), 40));
        ninety.ShouldNotContain(g => g.Person.Id == current, "2028-11-01 is more than 90 days away");
        ninety.ShouldNotContain(g => g.Person.Id == expired, "what has run out is in the matrix, not in the expiry list");
        year.Single(g => g.Person.Id == current).Items.ShouldHaveSingleItem().ValidUntil.ShouldBe(new LocalDate(2028, 11, 1));
        await (await client.GetAsync("/api/paspoort/expiries?days=-1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "days");
    }

    [Fact]
    public async Task QualificationRule_GivesTheDaysEachPersonIsQualified_InTheRegionsZone()
    {
        var (function, current, expiring, expired, missing) = await FourStatusesAsync();
        // Becomes qualified during the period: the exercise is dated 10 March.
        var late = await host.PersonAsync(null, function);
        await host.RecordAsync(late.Id, "course", new LocalDate(2019, 1, 1), function, "BASIS", "passed");
        await host.RecordAsync(late.Id, "exercise", new LocalDate(2028, 3, 10), function, "JAAR");
        var march = new Interval(Start(new LocalDate(2028, 3, 1)), Start(new LocalDate(2028, 4, 1)));

        await using var scope = host.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetServices<IRosterQualificationRule>().ToList();
        var rule = rules.OfType<PaspoortQualificationRule>().ShouldHaveSingleItem();
        var qualified = await rule.LoadAsync([function, "AOV-NERGENS"], [current, expiring, expired, missing, late.Id], march, CancellationToken.None);

        qualified(function, current, march).ShouldBe([march]);
        qualified(function, expiring, march).ShouldBe([march], "expiring is still qualified");
        // Valid through 15 March: qualified until 16 March 00:00 local (23:00 UTC, winter time).
        qualified(function, expired, march).ShouldBe([new Interval(march.Start, Start(new LocalDate(2028, 3, 16)))]);
        Start(new LocalDate(2028, 3, 16)).ShouldBe(Instant.FromUtc(2028, 3, 15, 23, 0));
        qualified(function, missing, march).ShouldBeEmpty();
        qualified(function, late.Id, march).ShouldBe([new Interval(Start(new LocalDate(2028, 3, 10)), march.End)]);
        // Asked about one shift, the answer stays within it; across the change to summer time (26 March).
        var shift = new Interval(Start(new LocalDate(2028, 3, 13)).Plus(Duration.FromHours(8)), Start(new LocalDate(2028, 3, 20)).Plus(Duration.FromHours(8)));
        qualified(function, expired, shift).ShouldBe([new Interval(shift.Start, Start(new LocalDate(2028, 3, 16)))]);
        var summer = new Interval(Start(new LocalDate(2028, 3, 25)), Start(new LocalDate(2028, 3, 27)));
        (summer.Duration).ShouldBe(Duration.FromHours(47));
        qualified(function, current, summer).ShouldBe([summer]);
        // A function without requirements asks nothing.
        qualified("AOV-NERGENS", missing, shift).ShouldBe([shift]);
    }

    private static Instant Start(LocalDate day) => day.AtStartOfDayInZone(Zone).ToInstant();
}
