using System.Net;
using System.Net.Http.Json;
using Crisis.Web.Paspoort;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>
/// The dossier vakbekwaamheid through the API: statuses to the day, month ends and leap years, the 60-day window,
/// minimum counts and voided records. "Today" is the fake clock's 2028-03-31 in Europe/Amsterdam.
/// </summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortStatusTests(PaspoortHost host)
{
    private static readonly LocalDate Today = PaspoortHost.Today;

    [Theory]
    [InlineData("2028-02-28", "expiring", "the day before it runs out")]
    [InlineData("2028-02-29", "expiring", "the last valid day: 31 January + 1 month in a leap year")]
    [InlineData("2028-03-01", "expired", "the day after")]
    public async Task Dossier_OneMonthFrom31January_RunsOutAtTheEndOfFebruaryInALeapYear(string at, string expected, string why)
    {
        var function = await host.FunctionAsync(new { code = "MAAND", name = "Maandelijkse training", kind = "training", validForMonths = 1 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "training", new LocalDate(2028, 1, 31), function, "MAAND");

        var dossier = await host.DossierAsync(person.Id, NodaTime.Text.LocalDatePattern.Iso.Parse(at).Value);

        var status = dossier.Requirement(function, "MAAND");
        status.Status.ShouldBe(expected, why);
        status.ValidUntil.ShouldBe(new LocalDate(2028, 2, 29));
        dossier.Function(function).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2027-02-28", "expiring")]
    [InlineData("2027-03-01", "expired")]
    public async Task Dossier_OneMonthFrom31January_RunsOutOn28FebruaryInAnOrdinaryYear(string at, string expected)
    {
        var function = await host.FunctionAsync(new { code = "MAAND", name = "Maandelijkse training", kind = "training", validForMonths = 1 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "training", new LocalDate(2027, 1, 31), function, "MAAND");

        var status = (await host.DossierAsync(person.Id, NodaTime.Text.LocalDatePattern.Iso.Parse(at).Value)).Requirement(function, "MAAND");

        status.Status.ShouldBe(expected);
        status.ValidUntil.ShouldBe(new LocalDate(2027, 2, 28));
    }

    [Fact]
    public async Task Dossier_TwelveMonthsFrom29February_RunsOutOn28FebruaryNextYear()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "exercise", new LocalDate(2028, 2, 29), function, "JAAR");

        (await host.DossierAsync(person.Id, new LocalDate(2029, 2, 28))).Requirement(function, "JAAR").Status.ShouldBe("expiring");
        (await host.DossierAsync(person.Id, new LocalDate(2029, 3, 1))).Requirement(function, "JAAR").Status.ShouldBe("expired");
        (await host.DossierAsync(person.Id)).Requirement(function, "JAAR").ValidUntil.ShouldBe(new LocalDate(2029, 2, 28));
    }

    [Theory]
    [InlineData(2027, 5, 30, "expiring", "runs out exactly 60 days after today")]
    [InlineData(2027, 5, 31, "current", "runs out 61 days after today")]
    [InlineData(2027, 3, 31, "expiring", "runs out today")]
    [InlineData(2027, 3, 30, "expired", "ran out yesterday")]
    public async Task Dossier_Today_UsesTheRegionsClockAndTheSixtyDayWindow(int year, int month, int day, string expected, string why)
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "exercise", new LocalDate(year, month, day), function, "JAAR");

        var dossier = await host.DossierAsync(person.Id);

        dossier.At.ShouldBe(Today);
        dossier.Requirement(function, "JAAR").Status.ShouldBe(expected, why);
    }

    [Fact]
    public async Task Dossier_WithoutRecords_IsMissing_AndOnceOnlyCourseNeverExpires()
    {
        var function = await host.FunctionAsync(
            new { code = "BASIS", name = "Basisopleiding", kind = "course" },
            new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        await host.RecordAsync(person.Id, "course", new LocalDate(1998, 6, 1), function, "BASIS", "passed");

        var dossier = await host.DossierAsync(person.Id);

        dossier.Requirement(function, "BASIS").Status.ShouldBe("current");
        dossier.Requirement(function, "BASIS").ValidUntil.ShouldBeNull();
        dossier.Requirement(function, "JAAR").Status.ShouldBe("missing");
        dossier.Function(function).Status.ShouldBe("missing");
    }

    [Fact]
    public async Task Dossier_MinimumCount_NeedsThatManyValidAtOnce()
    {
        var function = await host.FunctionAsync(new { code = "TWEE", name = "Twee oefeningen per jaar", kind = "exercise", validForMonths = 12, minimumCount = 2 });
        var person = await host.PersonAsync(null, function);

        await host.RecordAsync(person.Id, "exercise", new LocalDate(2027, 10, 1), function, "TWEE");
        var one = (await host.DossierAsync(person.Id)).Requirement(function, "TWEE");
        await host.RecordAsync(person.Id, "exercise", new LocalDate(2026, 1, 10), function, "TWEE");
        var oneOld = (await host.DossierAsync(person.Id)).Requirement(function, "TWEE");
        await host.RecordAsync(person.Id, "exercise", new LocalDate(2027, 9, 1), function, "TWEE");
        var two = (await host.DossierAsync(person.Id)).Requirement(function, "TWEE");

        one.Status.ShouldBe("missing");
        oneOld.Status.ShouldBe("missing", "two records more than twelve months apart were never valid together");
        two.Status.ShouldBe("current");
        two.ValidUntil.ShouldBe(new LocalDate(2028, 9, 1), "the second-newest record decides");
        two.Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Correction_VoidsTheEarlierRecord_AndCannotBeDoneTwice()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        var original = await host.RecordAsync(person.Id, "exercise", new LocalDate(2028, 1, 15), function, "JAAR");
        var client = await host.CoordinatorAsync();

        var correction = await host.RecordAsync(person.Id, "exercise", new LocalDate(2028, 1, 15), function, "JAAR", "failed",
            "Oefening januari (gecorrigeerd)", original.Id);
        var again = await client.PostAsJsonAsync("/api/paspoort/records",
            new { personId = person.Id, kind = "exercise", activity = "Nog eens", date = "2028-01-15", function, voidsRecordId = original.Id }, Json.Options);

        correction.VoidsRecordId.ShouldBe(original.Id);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already voided");
        var dossier = await host.DossierAsync(person.Id);
        dossier.Requirement(function, "JAAR").Status.ShouldBe("missing", "the original is voided and the correction says failed");
        dossier.Records.Single(r => r.Id == original.Id).VoidedBy.ShouldBe(correction.Id);
        dossier.Records.Count.ShouldBe(2, "a correction adds a record; nothing is edited");
    }

    [Fact]
    public async Task Withdraw_LeavesATrail_AndTheRecordNoLongerCounts()
    {
        var function = await host.FunctionAsync(new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);
        var record = await host.RecordAsync(person.Id, "exercise", new LocalDate(2028, 1, 15), function, "JAAR");
        var client = await host.CoordinatorAsync();
        (await host.DossierAsync(person.Id)).Requirement(function, "JAAR").Status.ShouldBe("current");

        var noReason = await client.PostAsJsonAsync($"/api/paspoort/records/{record.Id}/withdraw", new { }, Json.Options);
        var withdrawn = await client.PostAsJsonAsync($"/api/paspoort/records/{record.Id}/withdraw", new { notes = "Verkeerde persoon" }, Json.Options);
        var twice = await client.PostAsJsonAsync($"/api/paspoort/records/{record.Id}/withdraw", new { notes = "Nog eens" }, Json.Options);

        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "why");
        await withdrawn.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await withdrawn.Content.ReadFromJsonAsync<RecordDto>(Json.Options))!.Status.ShouldBe("void");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var dossier = await host.DossierAsync(person.Id);
        dossier.Requirement(function, "JAAR").Status.ShouldBe("missing");
        dossier.Records.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Record_CourseWithoutRequirement_IsTakenForTheFunctionsOnlyCourse()
    {
        var function = await host.FunctionAsync(
            new { code = "BASIS", name = "Basisopleiding", kind = "course" },
            new { code = "JAAR", name = "Jaarlijkse oefening", kind = "exercise", validForMonths = 12 });
        var person = await host.PersonAsync(null, function);

        var record = await host.RecordAsync(person.Id, "course", new LocalDate(2020, 5, 4), function, null, "passed", "Basisopleiding voorjaar 2020");
        var deployment = await host.RecordAsync(person.Id, "deployment", new LocalDate(2028, 3, 2), function, null, "attended", "Inzet: brand");

        record.Requirement.ShouldBe("BASIS");
        deployment.Requirement.ShouldBeNull();
        var dossier = await host.DossierAsync(person.Id);
        dossier.Function(function).Status.ShouldBe("current", "a deployment in the function counts for its exercise requirement");
    }
}
