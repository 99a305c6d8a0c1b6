using System.Net.Http.Json;
using System.Text;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Roster;

/// <summary>
/// The roster pages as officers and coordinators use them (issue 9 point 5) in Debian's Chromium, on a host of its
/// own whose clock stands on Wednesday 15 September 2027, noon in Amsterdam.
/// </summary>
public sealed class RosterUiBrowserTests : IAsyncLifetime
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2027, 9, 15, 10, 0));
    private CrisisApp _app = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await RosterTestKit.StartHostAsync(Clock, kestrel: true);
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [BrowserFact]
    public async Task PiketNu_ShowsTapToCallNumbers_AndThePolicysNextStepAsFallback_NotNextWeeksPerson()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var (c, officer) = await kit.PersonAsync(CrisisRole.Officer, f);
        await kit.ShiftAsync(f, a.Id, "2027-09-13T08:00", "2027-09-20T08:00");
        await kit.ShiftAsync(f, b.Id, "2027-09-20T08:00", "2027-09-27T08:00");
        (await kit.Coordinator.PutAsJsonAsync($"/api/people/{a.Id}/contact", new { phone = "06 1234 5678" }, Json.Options)).EnsureSuccessStatusCode();
        (await kit.Coordinator.PutAsJsonAsync($"/api/people/{c.Id}/contact", new { phone = "+31 20 555 0101" }, Json.Options)).EnsureSuccessStatusCode();
        // After the on-call person: the pool, four minutes on; b is on call next week and holds the function too.
        (await kit.Coordinator.PutAsJsonAsync($"/api/functions/{f}/escalation",
            new { steps = new object[] { new { afterMinutes = 0, notify = "oncall" }, new { afterMinutes = 4, notify = "pool" } } }, Json.Options))
            .EnsureSuccessStatusCode();

        foreach (var viewport in new[] { new ViewportSize { Width = 1366, Height = 768 }, new ViewportSize { Width = 390, Height = 844 } })
        {
            var page = await _browser.NewPageAsync(new() { ViewportSize = viewport });
            await LoginAsync(page, officer, "/piketrooster/overzicht");
            var row = page.Locator($"[data-testid=oncall-row][data-function='{f}']");
            await Assertions.Expect(row.GetByTestId("oncall-person")).ToContainTextAsync(a.Name);
            await Assertions.Expect(row.GetByTestId("oncall-person")).ToContainTextAsync("tot 20-09-2027 08:00");
            (await row.GetByTestId("oncall-person").Locator("a[data-testid=tel-link]").GetAttributeAsync("href")).ShouldBe("tel:0612345678");
            var fallback = row.GetByTestId("oncall-fallback");
            await Assertions.Expect(fallback).ToContainTextAsync("stap 2, na 4 min, piketpool");
            await Assertions.Expect(fallback).ToContainTextAsync(c.Name);
            (await fallback.Locator("a[href='tel:+31205550101']").CountAsync()).ShouldBe(1);
            await Assertions.Expect(row).ToContainTextAsync($"Volgende dienst: {b.Name} vanaf 20-09-2027 08:00");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(viewport.Width);
            await page.CloseAsync();
        }

        // A viewer reads along and calls nobody: the names, not the private numbers.
        var viewer = await _app.CreateUserAsync(CrisisRole.Viewer);
        var read = await _browser.NewPageAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await LoginAsync(read, viewer, "/piketrooster/overzicht");
        var seen = read.Locator($"[data-testid=oncall-row][data-function='{f}']");
        await Assertions.Expect(seen.GetByTestId("oncall-person")).ToContainTextAsync(a.Name);
        await Assertions.Expect(seen.GetByTestId("oncall-fallback")).ToContainTextAsync(c.Name);
        (await seen.Locator("a[href^='tel:']").CountAsync()).ShouldBe(0);
        (await read.ContentAsync()).ShouldNotContain("5678");
        await read.CloseAsync();
    }

    [BrowserFact]
    public async Task Roster_OnFirstDecemberLocal_MarksToday_MonthOpensDecember_QuarterAndVandaag_FitsAPhone_AndPrints()
    {
        // 00:30 on Wednesday 1 December in Amsterdam is still 30 November in UTC; the week shown starts on 29 November.
        Clock.Reset(Instant.FromUtc(2027, 11, 30, 23, 30));
        try
        {
            var kit = await RosterTestKit.CreateAsync(_app);
            var f = await kit.FunctionAsync();
            var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
            var (b, _) = await kit.PersonAsync(CrisisRole.Officer, f);
            await kit.ShiftAsync(f, a.Id, "2027-11-29T08:00", "2027-12-06T08:00");
            await kit.ShiftAsync(f, b.Id, "2027-12-06T08:00", "2027-12-13T08:00");

            foreach (var viewport in new[] { new ViewportSize { Width = 1366, Height = 768 }, new ViewportSize { Width = 390, Height = 844 } })
            {
                var page = await _browser.NewPageAsync(new() { ViewportSize = viewport });
                await LoginAsync(page, kit.CoordinatorUser, "/piketrooster");
                await Assertions.Expect(page.Locator("th[data-today=true]")).ToContainTextAsync("wo 1-12");

                await page.GetByTestId("month-view").ClickAsync();
                await Assertions.Expect(page.GetByTestId("period")).ToHaveTextAsync("december 2027");
                var section = page.Locator($"section.roster-function[data-function='{f}']");
                await Assertions.Expect(section.Locator("[data-testid=roster-item][data-today=true]")).ToContainTextAsync(a.Name);
                await Assertions.Expect(section.Locator("[data-testid=roster-item][data-kind=gap]").First).ToContainTextAsync("GAT");
                await Assertions.Expect(page.Locator($"[data-testid=hours-row][data-person='{a.Id}']")).ToContainTextAsync("128 u");
                await Assertions.Expect(page.Locator($"[data-testid=hours-row][data-person='{b.Id}']")).ToContainTextAsync("168 u");
                (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(viewport.Width);

                await page.GetByTestId("quarter-view").ClickAsync();
                await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("4e kwartaal 2027");
                await page.GetByTestId("next").ClickAsync();
                await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("1e kwartaal 2028");
                await page.GetByTestId("today").ClickAsync();
                await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("4e kwartaal 2027");
                (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(viewport.Width);

                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Assertions.Expect(page.GetByTestId("today")).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
                await Assertions.Expect(section).ToBeVisibleAsync();
                await page.CloseAsync();
            }
        }
        finally
        {
            Clock.Reset(Instant.FromUtc(2027, 9, 15, 10, 0));
        }
    }

    [BrowserFact]
    public async Task MyShifts_LeaveInsideOwnShift_WarnsOfTheGapBeforeSaving_PickerAndDutchTyping_AndACoordinatorsChangeIsTold()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var f = await kit.FunctionAsync();
        var (a, officer) = await kit.PersonAsync(CrisisRole.Officer, f);
        var shift = await kit.ShiftAsync(f, a.Id, "2027-09-13T08:00", "2027-09-20T08:00");
        var page = await _browser.NewPageAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await LoginAsync(page, officer, "/mijn-diensten");

        // Typed in Dutch, the end picked in MudBlazor's date picker (the time stays midnight).
        await page.Locator("[data-testid=leave-start] .datetime-text input").FillAsync("16-09-2027 00:00");
        await page.Locator("[data-testid=leave-end] .datetime-date input").ClickAsync();
        await page.Locator(".mud-picker-calendar-day:not(.mud-hidden)", new() { HasTextString = "18" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=leave-end] .datetime-text input")).ToHaveValueAsync("18-09-2027 00:00");
        var warning = page.GetByTestId("leave-gap-warning");
        await Assertions.Expect(warning).ToContainTextAsync("16-09-2027 00:00 – 18-09-2027 00:00");
        (await warning.GetAttributeAsync("class"))!.ShouldContain("warning");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GetByRole(AriaRole.Button, new() { Name = "Afwezigheid melden" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("roster-warning")).ToContainTextAsync("gat");
        (await page.GetByTestId("roster-warning").GetAttributeAsync("class"))!.ShouldContain("warning");

        (await kit.Coordinator.PutAsJsonAsync($"/api/roster/shifts/{shift.Id}",
            new { function = f, personId = a.Id, start = "2027-09-13T08:00", end = "2027-09-19T08:00" }, Json.Options)).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("shift-notice")).ToContainTextAsync("de coördinator heeft je dienst gewijzigd");
        await Assertions.Expect(page.GetByTestId("shift-notice")).ToContainTextAsync("13-09-2027 08:00");
        await Assertions.Expect(page.GetByTestId("my-shift").First).ToContainTextAsync("19-09-2027 08:00");

        // On any other page the change is told too, with the way to Mijn diensten; there it is read.
        await page.GetByTestId("menu-button").ClickAsync();
        await page.GetByTestId("menu").GetByText("Incidenten").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await kit.Coordinator.PutAsJsonAsync($"/api/roster/shifts/{shift.Id}",
            new { function = f, personId = a.Id, start = "2027-09-13T08:00", end = "2027-09-18T08:00" }, Json.Options)).EnsureSuccessStatusCode();
        var elsewhere = page.GetByTestId("shift-notice-bar");
        await Assertions.Expect(elsewhere).ToContainTextAsync("de coördinator heeft je dienst gewijzigd");
        await Assertions.Expect(elsewhere).ToContainTextAsync("13-09-2027 08:00");
        await elsewhere.GetByRole(AriaRole.Link, new() { Name = "Naar Mijn diensten" }).ClickAsync();
        await page.WaitForURLAsync("**/mijn-diensten");
        await Assertions.Expect(page.GetByTestId("shift-notice-bar")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("my-shift").First).ToContainTextAsync("18-09-2027 08:00");
    }

    [BrowserFact]
    public async Task Rotation_TakesItsHandOverTimeFromTheTimePicker()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var f = await kit.FunctionAsync();
        var (a, _) = await kit.PersonAsync(CrisisRole.Officer, f);
        var page = await _browser.NewPageAsync(new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await LoginAsync(page, kit.CoordinatorUser, "/piketrooster");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Rotatie genereren" }).ClickAsync();

        await page.GetByTestId("rotation-function").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = f }).First.ClickAsync();
        var time = page.Locator("input[data-testid=rotation-time], [data-testid=rotation-time] input").First;
        await Assertions.Expect(time).ToHaveValueAsync("08:00");
        await time.FillAsync("07:30");
        await time.PressAsync("Tab");
        await page.Locator("[data-testid=rotation-from] .datetime-text input").FillAsync("04-10-2027");
        await page.Locator("[data-testid=rotation-to] .datetime-text input").FillAsync("18-10-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Genereren" }).ClickAsync();

        await Assertions.Expect(page.GetByText($"Rotatie {f}:")).ToBeVisibleAsync();
        var shifts = await kit.ShiftsAsync(f);
        shifts.ShouldNotBeEmpty();
        shifts.ShouldAllBe(s => s.PersonId == a.Id && s.Start.TimeOfDay == new LocalTime(7, 30));
    }

    [BrowserFact]
    public async Task Import_ReadsAnUploadedFile_WithBomAndSemicolons_AndNamesTheBadRow()
    {
        var kit = await RosterTestKit.CreateAsync(_app);
        var f = await kit.FunctionAsync();
        var (a, aUser) = await kit.PersonAsync(CrisisRole.Officer, f);
        var page = await _browser.NewPageAsync(new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await LoginAsync(page, kit.CoordinatorUser, "/piketrooster");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Importeren" }).ClickAsync();

        var bad = Encoding.UTF8.GetBytes($"\uFEFFFunctie;E-mail;Van;Tot\r\n{f};{aUser.Email};04-10-2027 08:00;11-10-2027 08:00\r\n{f};{aUser.Email};31-10-2027 99:00;01-11-2027 08:00\r\n");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "rooster.csv", MimeType = "text/csv", Buffer = bad });
        await Assertions.Expect(page.GetByTestId("import-file-name")).ToHaveTextAsync("rooster.csv");
        await page.GetByTestId("import").ClickAsync();
        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("3");
        await Assertions.Expect(errors).ToContainTextAsync("31-10-2027 99:00");
        (await kit.ShiftsAsync(f)).ShouldBeEmpty();

        var good = Encoding.UTF8.GetBytes($"\uFEFFFunctie;E-mail;Van;Tot\r\n{f};{aUser.Email};04-10-2027 08:00;11-10-2027 08:00\r\n");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "rooster2.csv", MimeType = "text/csv", Buffer = good });
        await Assertions.Expect(page.GetByTestId("import-file-name")).ToHaveTextAsync("rooster2.csv");
        await page.GetByTestId("import").ClickAsync();
        await Assertions.Expect(page.GetByText("1 dienst(en) geïmporteerd.")).ToBeVisibleAsync();
        (await kit.ShiftsAsync(f)).Select(s => (s.PersonId, s.Start)).ShouldBe([(a.Id, new LocalDateTime(2027, 10, 4, 8, 0))]);
    }

    private async Task LoginAsync(IPage page, TestUser user, string path)
    {
        await page.GotoAsync(new Uri(_app.RootUri, "/login?returnUrl=" + Uri.EscapeDataString(path)).ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**" + path);
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
    }
}
