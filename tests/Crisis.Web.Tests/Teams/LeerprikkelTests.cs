using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crisis.Domain.Identity;
using Crisis.Web.Paspoort;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Infrastructure;
using NodaTime;

namespace Crisis.Web.Tests.Teams;

public sealed class LeerprikkelFixture : IAsyncLifetime
{
    public LeerprikkelHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await LeerprikkelHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LeerprikkelCollection : ICollectionFixture<LeerprikkelFixture>
{
    public const string Name = "leerprikkelaar";
}

/// <summary>
/// The Leerprikkelaar on the real host (SQLite, fake clock that only moves forward, mail to loopback): sending on the
/// day at 09:00, the reminder, answers, rates, the paspoort training record, access and bad input.
/// </summary>
[Collection(LeerprikkelCollection.Name)]
public sealed class LeerprikkelTests(LeerprikkelFixture fixture)
{
    private LeerprikkelHost L => fixture.Host;

    private static LocalDateTime Nine(LocalDate date) => date + new LocalTime(9, 0);

    [Fact]
    public async Task Send_NothingBeforeNineOnItsDay_ThenOnceToEveryHolder_ByMailAndInTheApp()
    {
        var oto = await L.OtoMemberAsync();
        var function = await L.Host.Kit.FunctionAsync();
        var a = await L.Host.Kit.PersonAsync(CrisisRole.Officer, function);
        var b = await L.Host.Kit.PersonAsync(CrisisRole.Member, function);
        var other = await L.Host.Kit.PersonAsync(CrisisRole.Member, await L.Host.Kit.FunctionAsync());
        var day = L.Today.PlusDays(2);
        var created = await LeerprikkelHost.CreateAsync(L.ClientFor(oto.User), LeerprikkelHost.Question([function.ToLowerInvariant()], day));
        (created.Status, created.Audience.Single(), created.SendOn, created.Addressed).ShouldBe(("scheduled", function, day, 0));
        created.SendAt.ShouldBe(Nine(day).InZoneStrictly(LeerprikkelHost.Zone).ToInstant());

        await L.AtAsync(Nine(day).PlusMinutes(-1));
        (await L.GetAsync(created.Id)).Status.ShouldBe("scheduled");
        (await L.MineAsync(a.User)).ShouldNotContain(q => q.Id == created.Id);
        await (await L.AnswerAsync(a.User, created.Id, "Te vroeg")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goes out on");
        L.MailsOf(created.Id).ShouldBeEmpty();

        await L.AtAsync(Nine(day));
        await L.PassAsync();
        var sent = await L.GetAsync(created.Id);
        (sent.Status, sent.Addressed, sent.Answered, sent.SentAt).ShouldBe(("sent", 2, 0, (Instant?)L.Host.Now));
        sent.Rates.ShouldBe([new AnswerRateDto(function, 2, 0)]);
        sent.Answers!.Select(x => (x.Person.Id, x.Mail)).OrderBy(x => x.Id).ShouldBe(new[] { (a.Person.Id, (string?)"sent"), (b.Person.Id, "sent") }.OrderBy(x => x.Item1));
        var mails = L.MailsOf(created.Id);
        mails.SelectMany(m => m.To).Order().ShouldBe(new[] { a.User.Email, b.User.Email }.Order());
        mails[0].Subject.ShouldStartWith("Leerprikkelaar: Welke processen");
        mails[0].Body.ShouldContain($"{LeerprikkelHost.PublicUrl}/leerprikkelaar");
        var mine = (await L.MineAsync(a.User)).Single(q => q.Id == created.Id);
        (mine.Question, mine.AnsweredAt, mine.Training).ShouldBe((created.Question, (Instant?)null, (LeerprikkelTrainingDto?)null));
        (await L.MineAsync(other.User)).ShouldNotContain(q => q.Id == created.Id);

        // Later passes, and the next day, send nothing again.
        await L.PassAsync();
        await L.AtAsync(Nine(day).PlusHours(25));
        L.MailsOf(created.Id).Count.ShouldBe(2);
        (await L.GetAsync(created.Id)).Addressed.ShouldBe(2);
        (await L.AuditAsync("succeeded")).ShouldContain("leerprikkel.send");
    }

    [Fact]
    public async Task Reminder_GoesOnceToWhoHasNotAnswered_AfterTheDays()
    {
        var oto = await L.OtoMemberAsync();
        var function = await L.Host.Kit.FunctionAsync();
        var answers = await L.Host.Kit.PersonAsync(CrisisRole.Member, function);
        var silent = await L.Host.Kit.PersonAsync(CrisisRole.Member, function);
        var day = L.Today.PlusDays(1);
        var q = await LeerprikkelHost.CreateAsync(L.ClientFor(oto.User), LeerprikkelHost.Question([function], day, reminderAfterDays: 3));
        await L.AtAsync(Nine(day));
        await (await L.AnswerAsync(answers.User, q.Id, "Opvang en voorlichting.")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await L.AtAsync(Nine(day.PlusDays(3)).PlusMinutes(-1));
        (await L.GetAsync(q.Id)).Status.ShouldBe("sent");
        L.MailsOf(q.Id).Count.ShouldBe(2);

        await L.AtAsync(Nine(day.PlusDays(3)));
        await L.PassAsync();
        var reminded = await L.GetAsync(q.Id);
        (reminded.Status, reminded.NextDueAt).ShouldBe(("reminded", (Instant?)null));
        var byPerson = reminded.Answers!.ToDictionary(x => x.Person.Id);
        (byPerson[silent.Person.Id].RemindedAt, byPerson[silent.Person.Id].ReminderMail).ShouldBe(((Instant?)L.Host.Now, "sent"));
        byPerson[answers.Person.Id].RemindedAt.ShouldBeNull();
        var reminders = L.MailsOf(q.Id).Where(m => m.Subject.StartsWith("Herinnering Leerprikkelaar", StringComparison.Ordinal)).ToList();
        reminders.Single().To.ShouldBe([silent.User.Email]);
        (await L.MineAsync(silent.User)).Single(x => x.Id == q.Id).RemindedAt.ShouldNotBeNull();

        await L.AtAsync(Nine(day.PlusDays(20)));
        L.MailsOf(q.Id).Count.ShouldBe(3);
        // The reminded one can still answer.
        await (await L.AnswerAsync(silent.User, q.Id, "Later, maar toch.")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await L.GetAsync(q.Id)).Answered.ShouldBe(2);
    }

    [Fact]
    public async Task Answer_Once_RatesPerFunction_AndATrainingRecordInThePaspoort()
    {
        var oto = await L.OtoMemberAsync();
        var (f1, f2) = (await L.Host.Kit.FunctionAsync(), await L.Host.Kit.FunctionAsync());
        var p1 = await L.Host.Kit.PersonAsync(CrisisRole.Member, f1);
        var p12 = await L.Host.Kit.PersonAsync(CrisisRole.Officer, f1, f2);
        var p2 = await L.Host.Kit.PersonAsync(CrisisRole.Member, f2);
        var q = await LeerprikkelHost.CreateAsync(L.ClientFor(oto.User), LeerprikkelHost.Question([f1, f2], L.Today, training: new { activity = "D5 Leerprikkelaar maart" }));
        q.Training.ShouldBe(new LeerprikkelTrainingDto("D5 Leerprikkelaar maart", null));
        await L.AtAsync(Nine(L.Today).PlusMinutes(1));

        var answered = await L.AnswerAsync(p1.User, q.Id, "  Opvang, voorlichting en SIS.\n");
        await answered.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var mine = (await answered.Content.ReadFromJsonAsync<MyLeerprikkelDto>(Json.Options))!;
        (mine.Answer, mine.AnsweredAt).ShouldBe(("Opvang, voorlichting en SIS.", (Instant?)L.Host.Now));
        await (await L.AnswerAsync(p12.User, q.Id, "Eerst het beeld halen.")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await L.AnswerAsync(p1.User, q.Id, "Toch iets anders")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "answered this question already");

        var rated = await L.GetAsync(q.Id, L.ClientFor(oto.User));
        rated.Rates.ShouldBe([new AnswerRateDto(f1, 2, 2), new AnswerRateDto(f2, 2, 1)]);
        (rated.Addressed, rated.Answered).ShouldBe((3, 2));
        rated.Answers!.Single(x => x.Person.Id == p1.Person.Id).Text.ShouldBe("Opvang, voorlichting en SIS.");
        rated.Answers!.Single(x => x.Person.Id == p2.Person.Id).AnsweredAt.ShouldBeNull();
        // Readers see the rates, not who answered what.
        var reader = await L.GetAsync(q.Id, L.ClientFor(p2.User));
        (reader.Answers, reader.Answered).ShouldBe(((IReadOnlyList<LeerprikkelAnswerDto>?)null, 2));
        var list = (await L.ClientFor(p2.User).GetFromJsonAsync<LeerprikkelaarDto>("/api/leerprikkels", Json.Options))!;
        (list.CanWrite, list.Items.Any(i => i.Id == q.Id)).ShouldBe((false, true));

        var dossier = (await L.Coordinator.GetFromJsonAsync<DossierDto>($"/api/paspoort/{p1.Person.Id}", Json.Options))!;
        var record = dossier.Records.Single();
        (record.Kind, record.Activity, record.Date, record.RecordedBy.Name).ShouldBe(("training", "D5 Leerprikkelaar maart", L.Today, "Crisis"));
        (await L.Coordinator.GetFromJsonAsync<DossierDto>($"/api/paspoort/{p2.Person.Id}", Json.Options))!.Records.ShouldBeEmpty();
        (await L.AuditAsync("succeeded")).ShouldContain("leerprikkel.answer");
    }

    [Fact]
    public async Task Access_MembersCannotWrite_OnlyAddresseesAnswer_AllRefusalsAudited_AndNothingIsStored()
    {
        var oto = await L.OtoMemberAsync();
        var function = await L.Host.Kit.FunctionAsync();
        var addressee = await L.Host.Kit.PersonAsync(CrisisRole.Member, function);
        var outsider = await L.Host.Kit.PersonAsync(CrisisRole.Officer);
        var q = await LeerprikkelHost.CreateAsync(L.Coordinator, LeerprikkelHost.Question([function], L.Today.PlusDays(5)));
        var before = await L.RowsAsync();
        var member = L.ClientFor(addressee.User);

        await (await member.PostAsJsonAsync("/api/leerprikkels", LeerprikkelHost.Question([function], L.Today.PlusDays(5)), Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Only the members of WG-OTO and coordinators");
        await (await member.DeleteAsync($"/api/leerprikkels/{q.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsync($"/api/leerprikkels/{q.Id}/send-now", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await L.Host.App.ClientFor(null).GetAsync("/api/leerprikkels")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await L.RowsAsync()).ShouldBe(before);

        // Sent now by the OTO group: the addressee answers, the outsider may not.
        var sent = await L.ClientFor(oto.User).PostAsync($"/api/leerprikkels/{q.Id}/send-now", null);
        await sent.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await sent.Content.ReadFromJsonAsync<LeerprikkelDto>(Json.Options))!.Addressed.ShouldBe(1);
        await (await L.AnswerAsync(outsider.User, q.Id, "Ik ook")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not sent to you");
        await (await L.ClientFor(oto.User).DeleteAsync($"/api/leerprikkels/{q.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "went out already");
        await (await L.ClientFor(oto.User).PostAsync($"/api/leerprikkels/{q.Id}/send-now", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await L.RowsAsync()).Answered.ShouldBe(before.Answered);

        var denied = await L.AuditAsync("denied");
        denied.ShouldContain("leerprikkel.create");
        denied.ShouldContain("leerprikkel.delete");
        denied.ShouldContain("leerprikkel.send-now");
        denied.ShouldContain("leerprikkel.answer");

        // A scheduled question can be withdrawn by the group.
        var later = await LeerprikkelHost.CreateAsync(L.ClientFor(oto.User), LeerprikkelHost.Question([function], L.Today.PlusDays(30)));
        await (await L.ClientFor(oto.User).DeleteAsync($"/api/leerprikkels/{later.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await L.Coordinator.GetAsync($"/api/leerprikkels/{later.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "empty question", "{\"question\":\" \",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"2027-06-01\"}", "question" },
        { "huge question", $"{{\"question\":\"{new string('x', 4001)}\",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"2027-06-01\"}}", "at most 4000" },
        { "unknown function", "{\"question\":\"Vraag\",\"audience\":[\"BRANDWEER\"],\"sendOn\":\"2027-06-01\"}", "not a function" },
        { "no audience", "{\"question\":\"Vraag\",\"audience\":[],\"sendOn\":\"2027-06-01\"}", "at least one function" },
        { "no day", "{\"question\":\"Vraag\",\"audience\":[\"OVD-BZ\"]}", "day the question goes out" },
        { "bad day", "{\"question\":\"Vraag\",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"1-6-2027\"}", "sendOn" },
        { "past day", "{\"question\":\"Vraag\",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"2026-01-01\"}", "cannot be the send day" },
        { "reminder", "{\"question\":\"Vraag\",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"2027-06-01\",\"reminderAfterDays\":90}", "reminder" },
        { "requirement", "{\"question\":\"Vraag\",\"audience\":[\"OVD-BZ\"],\"sendOn\":\"2027-06-01\",\"training\":{\"requirement\":\"LCMS\"}}", "FUNCTION/CODE" },
        { "not json", "question=Vraag", "" },
        { "null body", "null", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_BadInput_Is400_AndNothingIsStored(string description, string json, string detail)
    {
        description.ShouldNotBeEmpty();
        var before = await L.RowsAsync();
        var response = await L.Coordinator.PostAsync("/api/leerprikkels", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail.Length == 0 ? null : detail);
        (await L.RowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Answer_BadInputAndUnknownIds_Are4xx_AndNothingIsStored()
    {
        var function = await L.Host.Kit.FunctionAsync();
        var addressee = await L.Host.Kit.PersonAsync(CrisisRole.Member, function);
        var q = await LeerprikkelHost.CreateAsync(L.Coordinator, LeerprikkelHost.Question([function], L.Today.PlusDays(1)));
        await (await L.Coordinator.PostAsync($"/api/leerprikkels/{q.Id}/send-now", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var before = await L.RowsAsync();

        await (await L.AnswerAsync(addressee.User, q.Id, "  ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Write your answer");
        await (await L.AnswerAsync(addressee.User, q.Id, new string('a', 4001))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "at most 4000");
        await (await L.AnswerAsync(addressee.User, q.Id, "Bel\u0007")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await L.ClientFor(addressee.User).PostAsync($"/api/leerprikkels/{q.Id}/answer", new StringContent("null", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var unknown = Guid.NewGuid();
        await (await L.AnswerAsync(addressee.User, unknown, "Antwoord")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await L.Coordinator.GetAsync($"/api/leerprikkels/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await L.Coordinator.DeleteAsync($"/api/leerprikkels/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await L.Coordinator.PostAsync($"/api/leerprikkels/{unknown}/send-now", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await L.RowsAsync()).ShouldBe(before);
        (await L.MineAsync(addressee.User)).Single(x => x.Id == q.Id).AnsweredAt.ShouldBeNull();
    }
}

/// <summary>Two nodes on one SQLite file, each with its own timer: a question goes out once and is reminded once.</summary>
public sealed class LeerprikkelTwoNodeTests
{
    [Fact]
    public async Task TwoNodes_PassingAtOnce_SendAndRemindOnce()
    {
        await using var a = await LeerprikkelHost.StartAsync();
        await using var b = await a.SecondNodeAsync();
        var function = await a.Host.Kit.FunctionAsync();
        var people = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            people.Add((await a.Host.Kit.PersonAsync(CrisisRole.Member, function)).User);
        }
        var day = a.Today.PlusDays(1);
        var q = await LeerprikkelHost.CreateAsync(a.Coordinator, LeerprikkelHost.Question([function], day, reminderAfterDays: 2));

        a.Host.Clock.Reset((day + new LocalTime(9, 0)).InZoneStrictly(LeerprikkelHost.Zone).ToInstant());
        var passes = await Task.WhenAll(a.PassAsync(), b.PassAsync(), a.PassAsync(), b.PassAsync());
        passes.Sum().ShouldBeLessThanOrEqualTo(1);
        (await a.GetAsync(q.Id)).Addressed.ShouldBe(4);
        a.MailsOf(q.Id).Count.ShouldBe(4);
        a.MailsOf(q.Id).SelectMany(m => m.To).Distinct().Count().ShouldBe(4);

        a.Host.Clock.Reset((day.PlusDays(2) + new LocalTime(9, 0)).InZoneStrictly(LeerprikkelHost.Zone).ToInstant());
        await Task.WhenAll(a.PassAsync(), b.PassAsync(), a.PassAsync(), b.PassAsync());
        var reminded = await b.GetAsync(q.Id);
        reminded.Status.ShouldBe("reminded");
        a.MailsOf(q.Id).Count(m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal)).ShouldBe(4);
        a.MailsOf(q.Id).Count.ShouldBe(8);
    }
}
