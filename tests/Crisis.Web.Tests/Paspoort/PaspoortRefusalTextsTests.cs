using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Domain.Paspoort;
using Crisis.Web.Paspoort;
using Crisis.Web.Platform;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Paspoort;

/// <summary>The paspoort's refusals as data: a stable code on the API, the contract's English, Dutch with Dutch dates for the pages.</summary>
[Collection(PaspoortCollection.Name)]
public sealed class PaspoortRefusalTextsTests(PaspoortHost host)
{
    private static readonly Phrasebook Phrases = new(PaspoortHost.Zone);

    [Fact]
    public void DateInTheFuture_IsISOInEnglishAndDutchInDutch()
    {
        var phrase = PaspoortRuleRefusals.DateInFuture.With(("date", new LocalDate(2026, 12, 14)), ("today", new LocalDate(2026, 12, 1)));

        Phrases.English(phrase).ShouldBe("2026-12-14 is in the future; record an activity once it has taken place (today is 2026-12-01).");
        Phrases.Dutch(phrase).ShouldBe(
            "14-12-2026 ligt in de toekomst; registreer een activiteit pas als die heeft plaatsgevonden (vandaag is het 01-12-2026).");
    }

    [Fact]
    public void KindsAndResults_AreWireNamesInEnglishAndDutchWordsInDutch()
    {
        var cannot = PaspoortRuleRefusals.KindCannotMeet.With(
            ("code", "OVD-BASIS"), ("required", PaspoortRuleRefusals.Word(ActivityKind.Course)), ("kind", PaspoortRuleRefusals.Word(ActivityKind.Training)));
        var unknown = PaspoortRuleRefusals.ResultUnknown.With(("result", "excellent"), ("results", PaspoortRuleRefusals.AllResults()));

        Phrases.English(cannot).ShouldBe("OVD-BASIS asks for a course; a training cannot meet it.");
        Phrases.Dutch(cannot).ShouldBe("OVD-BASIS vraagt om een cursus; een training voldoet daar niet aan.");
        Phrases.English(unknown).ShouldBe("'excellent' is not a result; use one of passed, failed, attended, or leave it out.");
        Phrases.Dutch(unknown).ShouldBe("'excellent' is geen resultaat; kies een van geslaagd, niet geslaagd, deelgenomen, of laat het leeg.");
    }

    [Fact]
    public void AnAttendeesRefusal_NamesThemInBothLanguages()
    {
        var phrase = PaspoortRefusals.AttendeeRefused.With(
            ("name", "Anna de Vries"), ("reason", PaspoortRuleRefusals.NotesTooLong.With(("length", 2001), ("max", 2000))));

        Phrases.English(phrase).ShouldBe("Anna de Vries: The notes are 2001 characters long; at most 2000 are allowed.");
        Phrases.Dutch(phrase).ShouldBe("Anna de Vries: De notities zijn 2001 tekens lang; er mogen er hoogstens 2000 zijn.");
    }

    [Fact]
    public async Task Refusals_CarryTheirCodeOnTheApi()
    {
        var lead = await host.CreateUserAsync(CrisisRole.ExerciseLead);
        var own = await host.PersonAsync(lead, "HIN");
        var member = host.ClientFor(await host.CreateUserAsync(CrisisRole.Member));
        var client = host.ClientFor(lead);

        var forSelf = await client.PostAsJsonAsync("/api/paspoort/records",
            new { personId = own.Id, kind = "training", activity = "LCMS", date = PaspoortHost.Today, requirement = "LCMS-TRAINING" }, Json.Options);
        var matrix = await member.GetAsync("/api/paspoort/matrix?function=HIN");
        var badDate = await client.GetAsync("/api/paspoort/attendance?from=gisteren");

        (await CodeOfAsync(forSelf, HttpStatusCode.Forbidden)).ShouldBe("paspoort.own-record");
        (await CodeOfAsync(matrix, HttpStatusCode.Forbidden)).ShouldBe("paspoort.planners-only");
        (await CodeOfAsync(badDate, HttpStatusCode.BadRequest)).ShouldBe("paspoort.date-unreadable");
    }

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldHaveStatusAsync(status);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
