using System.Net;
using System.Net.Http.Json;
using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Domain.Teams;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Tests.Teams;

/// <summary>A host of its own with a fake clock (Monday 1 March 2027, 09:00 in the region) for the action-list tests.</summary>
public sealed class ActionListFixture : IAsyncLifetime
{
    public AlertingHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AlertingHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ActionListCollection : ICollectionFixture<ActionListFixture>
{
    public const string Name = "action-lists";
}

/// <summary>A working group of its own: a chair and two members, each also a user.</summary>
public sealed record TestGroup(string Code, (PersonDto Person, TestUser User) Chair, (PersonDto Person, TestUser User) A, (PersonDto Person, TestUser User) B);

/// <summary>Action lists, meetings and the progress report on the real host: access, bad input, mine/overdue.</summary>
[Collection(ActionListCollection.Name)]
public sealed class ActionListTests(ActionListFixture fixture)
{
    private AlertingHost Host => fixture.Host;

    private HttpClient Coordinator => Host.Kit.Coordinator;

    private LocalDate Today => Host.Now.InZone(AlertingHost.Zone).Date;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private async Task<TestGroup> GroupAsync(bool staffed = true)
    {
        var code = $"WG-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        (await Coordinator.PostAsJsonAsync("/api/teams", new { code, name = $"Werkgroep {code}", kind = "workinggroup" }, Json.Options)).EnsureSuccessStatusCode();
        var chair = await Host.Kit.PersonAsync(CrisisRole.Member);
        var a = await Host.Kit.PersonAsync(CrisisRole.Member);
        var b = await Host.Kit.PersonAsync(CrisisRole.Member);
        if (staffed)
        {
            (await Coordinator.PutAsJsonAsync($"/api/teams/{code}/members", new
            {
                members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
            }, Json.Options)).EnsureSuccessStatusCode();
        }
        return new TestGroup(code, chair, a, b);
    }

    private static async Task<ActionDto> CreateAsync(TestGroup group, HttpClient by, object body)
    {
        var response = await by.PostAsJsonAsync($"/api/teams/{group.Code}/actions", body, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ActionDto>(Json.Options))!;
    }

    private static async Task<ActionDto> MoveAsync(TestGroup group, HttpClient by, Guid id, string status, string? note = null)
    {
        var response = await by.PostAsJsonAsync($"/api/teams/{group.Code}/actions/{id}/status", new { status, note }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ActionDto>(Json.Options))!;
    }

    /// <summary>Rows of action lists and meetings of <paramref name="team"/>: refused requests must leave them as they were.</summary>
    private async Task<(int Actions, int History, int Meetings)> RowsAsync(string team)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var ids = await db.Set<ActionRecord>().Where(a => a.TeamCode == team).Select(a => a.Id).ToListAsync();
        return (ids.Count, await db.Set<ActionStatusChangeRecord>().CountAsync(h => ids.Contains(h.ActionId)),
            await db.Set<MeetingRecord>().CountAsync(m => m.TeamCode == team));
    }

    [Fact]
    public async Task CreateAction_ByAMember_Is201_WithOwnerStatusAndHistory_AndTheGroupListsIt()
    {
        var group = await GroupAsync();
        var member = Host.ClientFor(group.A.User);
        var action = await CreateAsync(group, member, new { title = "  Draaiboek opvang bijwerken ", ownerPersonId = group.B.Person.Id, due = Iso(Today.PlusDays(14)), activity = "a1" });

        action.ShouldSatisfyAllConditions(
            a => (a.Team, a.Title, a.Owner, a.Due, a.Status, a.Activity, a.Source, a.ClosedAt, a.Overdue)
                .ShouldBe((group.Code, "Draaiboek opvang bijwerken", new PersonRefDto(group.B.Person.Id, group.B.Person.Name), Today.PlusDays(14), "open", "A1",
                    (ActionSourceDto?)null, (Instant?)null, false)),
            a => a.CreatedAt.ShouldBe(Host.Now),
            a => a.History.Select(h => (h.From, h.To, h.ByUserId)).ShouldBe([((string?)null, "open", group.A.User.Id)]));

        var list = (await Host.ClientFor(group.Chair.User).GetFromJsonAsync<List<ActionDto>>($"/api/teams/{group.Code.ToLowerInvariant()}/actions", Json.Options))!;
        list.Select(a => a.Id).ShouldBe([action.Id]);
        (await Coordinator.GetFromJsonAsync<List<ActionDto>>($"/api/teams/{group.Code}/actions", Json.Options))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ActionList_OutsidersAre403_UnknownTeamIs404_ATaskTeamIs409_AndNothingIsStored()
    {
        var group = await GroupAsync();
        var action = await CreateAsync(group, Coordinator, new { title = "Bestaand", ownerPersonId = group.A.Person.Id });
        var outsider = Host.ClientFor((await Host.Kit.PersonAsync(CrisisRole.Officer)).User);
        var before = await RowsAsync(group.Code);

        await (await outsider.GetAsync($"/api/teams/{group.Code}/actions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, $"Only the members of {group.Code} and coordinators");
        await (await outsider.PostAsJsonAsync($"/api/teams/{group.Code}/actions", new { title = "x", ownerPersonId = group.A.Person.Id }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PostAsJsonAsync($"/api/teams/{group.Code}/actions/{action.Id}/status", new { status = "done" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.GetAsync($"/api/teams/{group.Code}/meetings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Coordinator.GetAsync("/api/teams/WG-BESTAAT-NIET/actions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "There is no team WG-BESTAAT-NIET.");
        await (await Coordinator.PostAsJsonAsync("/api/teams/PIM/actions", new { title = "x", ownerPersonId = group.A.Person.Id }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "PIM is a task team");
        await (await Host.App.ClientFor(null).GetAsync($"/api/teams/{group.Code}/actions")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        (await RowsAsync(group.Code)).ShouldBe(before);
        await using (var scope = Host.App.Services.CreateAsyncScope())
        {
            var denied = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().AuditTrail
                .Where(r => r.Target == $"team/{group.Code}" && r.Outcome == "denied").Select(r => r.Action).ToListAsync();
            denied.Order().ToList().ShouldBe(["action.create", "action.list", "action.status", "meeting.list"]);
        }
        await (await Coordinator.GetAsync("/api/teams/PIM/actions")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "PIM is a task team");
    }

    [Fact]
    public async Task CreateAction_BadInput_Is400_NamingTheProblem_AndNothingIsStored()
    {
        var group = await GroupAsync();
        var member = Host.ClientFor(group.A.User);
        var owner = group.A.Person.Id;
        var before = await RowsAsync(group.Code);
        var cases = new (object Body, string Detail)[]
        {
            (new { title = "", ownerPersonId = owner }, "Give the action a title."),
            (new { title = new string('x', 301), ownerPersonId = owner }, "The title is 301 characters long; at most 300"),
            (new { title = "x" }, "Name who owns the action"),
            (new { title = "x", ownerPersonId = Guid.NewGuid() }, $"is not a member of {group.Code}"),
            (new { title = "x", ownerPersonId = owner, due = Iso(Today.PlusYears(6)) }, "lies outside"),
            (new { title = "x", ownerPersonId = owner, due = Iso(Today.PlusYears(-2)) }, "lies outside"),
            (new { title = "x", ownerPersonId = owner, due = "morgen" }, "morgen"),
            (new { title = "x", ownerPersonId = owner, activity = "D-5" }, "not a year-plan activity code"),
            (new { title = "x", ownerPersonId = owner, source = new { kind = "mail", id = Guid.NewGuid() } }, "'mail' is not a kind of source"),
            (new { title = "x", ownerPersonId = owner, source = new { kind = "meeting", id = Guid.NewGuid() } }, "There is no meeting"),
            (new { title = "x", ownerPersonId = owner, source = new { kind = "incident", id = Guid.NewGuid() } }, "There is no incident"),
            (new { title = "x", ownerPersonId = owner, source = new { kind = "exercise-finding" } }, "There is no"),
        };
        foreach (var (body, detail) in cases)
        {
            await (await member.PostAsJsonAsync($"/api/teams/{group.Code}/actions", body, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        }
        (await RowsAsync(group.Code)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateAction_FromAnIncidentOrAnExerciseFinding_LinksItsSource_AndALiveIncidentIsNoExercise()
    {
        var group = await GroupAsync();
        var live = await Host.App.OpenIncidentAsync(Host.Kit.CoordinatorUser);
        var exercise = await Host.App.OpenIncidentAsync(Host.Kit.CoordinatorUser, exercise: true);

        var fromIncident = await CreateAsync(group, Coordinator, new { title = "Nazorg", ownerPersonId = group.A.Person.Id, source = new { kind = "incident", id = live.Id } });
        fromIncident.Source.ShouldBe(new ActionSourceDto("incident", live.Id, null));
        var fromFinding = await CreateAsync(group, Coordinator, new
        {
            title = "Opvang sneller", ownerPersonId = group.A.Person.Id, source = new { kind = "exercise-finding", id = exercise.Id, label = " Opvang pas na 50 minuten " },
        });
        fromFinding.Source.ShouldBe(new ActionSourceDto("exercise-finding", exercise.Id, "Opvang pas na 50 minuten"));

        var before = await RowsAsync(group.Code);
        await (await Coordinator.PostAsJsonAsync($"/api/teams/{group.Code}/actions",
                new { title = "x", ownerPersonId = group.A.Person.Id, source = new { kind = "exercise-finding", id = live.Id } }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "is not an exercise");
        (await RowsAsync(group.Code)).ShouldBe(before);
    }

    [Fact]
    public async Task ExerciseFinding_LandsOnTheGroupsList_OwnedByItsChair_AndATaskTeamNamesItsWorkingGroup()
    {
        var group = await GroupAsync();
        var exercise = await Host.App.OpenIncidentAsync(Host.Kit.CoordinatorUser, exercise: true);
        await using var scope = Host.App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ActionListService>();
        var actor = new Crisis.Web.Identity.Actor(Host.Kit.CoordinatorUser.Id, Host.Kit.CoordinatorUser.Name, Host.Kit.CoordinatorUser.Email, CrisisRole.Coordinator, "test");

        var finding = await service.CreateFromFindingAsync(actor, exercise.Id, group.Code.ToLowerInvariant(), "  Opvang kwam pas na 50 minuten op gang ");
        (finding.Team, finding.Title, finding.Owner.Id, finding.Source!.Kind, finding.Source.Id)
            .ShouldBe((group.Code, "Opvang kwam pas na 50 minuten op gang", group.Chair.Person.Id, "exercise-finding", exercise.Id));
        (await Should.ThrowAsync<RuleViolationException>(() => service.CreateFromFindingAsync(actor, exercise.Id, "pim", "Verwanteninformatie"))).Code
            .ShouldBe(TeamsRefusals.WorkingGroupOneChair.Code, "WG-PIM has no chair yet to own the finding");
        (await Coordinator.PutAsJsonAsync($"/api/teams/{TeamCatalogue.WgPim}/members", new
        {
            members = new[] { new { personId = group.Chair.Person.Id, role = "chair" }, new { personId = group.A.Person.Id, role = "member" }, new { personId = group.B.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();
        var pim = await service.CreateFromFindingAsync(actor, exercise.Id, "pim", "Verwanteninformatie");
        (pim.Team, pim.Owner.Id).ShouldBe((TeamCatalogue.WgPim, group.Chair.Person.Id));

        var before = await RowsAsync(group.Code);
        var live = await Host.App.OpenIncidentAsync(Host.Kit.CoordinatorUser);
        (await Should.ThrowAsync<RuleViolationException>(() => service.CreateFromFindingAsync(actor, live.Id, group.Code, "x"))).Code
            .ShouldBe(ActionHostRefusals.SourceNotExercise.Code);
        (await Should.ThrowAsync<RuleViolationException>(() => service.CreateFromFindingAsync(actor, exercise.Id, group.Code, " "))).Code
            .ShouldBe(ActionRefusals.TitleMissing.Code);
        (await Should.ThrowAsync<RuleViolationException>(() => service.CreateFromFindingAsync(actor, exercise.Id, "GEEN-GROEP", "x"))).Code
            .ShouldBe(TeamsRefusals.TeamUnknown.Code);
        (await RowsAsync(group.Code)).ShouldBe(before);
    }

    [Fact]
    public async Task Status_FollowsTheStateMachine_WithWhoWhenAndNote_AndRefusalsChangeNothing()
    {
        var group = await GroupAsync();
        var action = await CreateAsync(group, Coordinator, new { title = "Oefening plannen", ownerPersonId = group.A.Person.Id });
        var owner = Host.ClientFor(group.A.User);

        var running = await MoveAsync(group, owner, action.Id, "in-progress", "  gestart ");
        Host.Clock.Advance(Duration.FromMinutes(5));
        var done = await MoveAsync(group, Host.ClientFor(group.Chair.User), action.Id, "done", "afgerond in overleg");
        running.ClosedAt.ShouldBeNull();
        done.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe("done"),
            d => d.ClosedAt.ShouldBe(Host.Now),
            d => d.History.Select(h => (h.From, h.To, h.By, h.Note)).ShouldBe([
                ((string?)null, "open", Host.Kit.CoordinatorUser.Name, (string?)null),
                ("open", "in-progress", group.A.User.Name, "gestart"),
                ("in-progress", "done", group.Chair.User.Name, "afgerond in overleg")]),
            d => d.History[2].At.ShouldBe(Host.Now));

        var before = await RowsAsync(group.Code);
        var path = $"/api/teams/{group.Code}/actions/{action.Id}/status";
        await (await owner.PostAsJsonAsync(path, new { status = "done" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "The action is already done.");
        await (await owner.PostAsJsonAsync(path, new { status = "in-progress" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "reopen it first");
        await (await owner.PostAsJsonAsync(path, new { status = "klaar" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'klaar' is not an action status");
        await (await owner.PostAsJsonAsync(path, new { status = "open", note = new string('x', 1001) }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "The note is 1001");
        await (await owner.PostAsJsonAsync($"/api/teams/{group.Code}/actions/{Guid.NewGuid()}/status", new { status = "done" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var other = await GroupAsync();
        await (await Coordinator.PostAsJsonAsync($"/api/teams/{other.Code}/actions/{action.Id}/status", new { status = "open" }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, $"{other.Code} has no action {action.Id}");
        (await RowsAsync(group.Code)).ShouldBe(before);

        var reopened = await MoveAsync(group, owner, action.Id, "open", "toch niet klaar");
        (reopened.Status, reopened.ClosedAt, reopened.History.Count).ShouldBe(("open", (Instant?)null, 4));
    }

    [Fact]
    public async Task Actions_MineAndOverdue_AcrossGroups_OnTheRegionsDays()
    {
        var first = await GroupAsync();
        var second = await GroupAsync();
        var me = first.A;
        (await Coordinator.PutAsJsonAsync($"/api/teams/{second.Code}/members", new
        {
            members = new[] { new { personId = second.Chair.Person.Id, role = "chair" }, new { personId = me.Person.Id, role = "member" }, new { personId = second.B.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();

        var late = await CreateAsync(first, Coordinator, new { title = "Te laat", ownerPersonId = me.Person.Id, due = Iso(Today.PlusDays(-1)) });
        var dueToday = await CreateAsync(second, Coordinator, new { title = "Vandaag", ownerPersonId = me.Person.Id, due = Iso(Today) });
        var lateButDone = await CreateAsync(second, Coordinator, new { title = "Te laat maar klaar", ownerPersonId = me.Person.Id, due = Iso(Today.PlusDays(-3)) });
        await MoveAsync(second, Coordinator, lateButDone.Id, "done");
        var someoneElses = await CreateAsync(first, Coordinator, new { title = "Van een ander", ownerPersonId = first.B.Person.Id, due = Iso(Today.PlusDays(-1)) });

        var client = Host.ClientFor(me.User);
        var mine = (await client.GetFromJsonAsync<List<ActionDto>>("/api/actions?mine=true", Json.Options))!;
        mine.Select(a => a.Id).Order().ShouldBe(new[] { late.Id, dueToday.Id, lateButDone.Id }.Order());
        var mineOverdue = (await client.GetFromJsonAsync<List<ActionDto>>("/api/actions?mine=true&overdue=true", Json.Options))!;
        mineOverdue.Select(a => (a.Id, a.Overdue)).ShouldBe([(late.Id, true)]);
        var myGroupsOverdue = (await client.GetFromJsonAsync<List<ActionDto>>("/api/actions?overdue=true", Json.Options))!;
        myGroupsOverdue.Select(a => a.Id).Order().ShouldBe(new[] { late.Id, someoneElses.Id }.Order());

        var outsider = Host.ClientFor((await Host.Kit.PersonAsync(CrisisRole.Officer)).User);
        (await outsider.GetFromJsonAsync<List<ActionDto>>("/api/actions", Json.Options))!.ShouldBeEmpty("an outsider sees no group's actions");
        var everyone = (await Coordinator.GetFromJsonAsync<List<ActionDto>>("/api/actions?overdue=true", Json.Options))!;
        everyone.Select(a => a.Id).ShouldContain(late.Id);
        everyone.Select(a => a.Id).ShouldContain(someoneElses.Id);

        // 23:30 UTC on the due date is already the next day in the region: the action due "today" is then overdue.
        var start = Host.Now;
        try
        {
            var dueDate = Today;
            Host.Clock.Reset(new LocalDateTime(dueDate.Year, dueDate.Month, dueDate.Day, 23, 30).InUtc().ToInstant());
            var afterMidnight = (await client.GetFromJsonAsync<List<ActionDto>>("/api/actions?mine=true&overdue=true", Json.Options))!;
            afterMidnight.Select(a => a.Id).Order().ShouldBe(new[] { late.Id, dueToday.Id }.Order());
            Host.Clock.Reset(new LocalDateTime(dueDate.Year, dueDate.Month, dueDate.Day, 22, 30).InUtc().ToInstant().Minus(Duration.FromHours(1)));
            (await client.GetFromJsonAsync<List<ActionDto>>("/api/actions?mine=true&overdue=true", Json.Options))!.Select(a => a.Id).ShouldBe([late.Id]);
        }
        finally
        {
            Host.Clock.Reset(start);
        }
        await (await client.GetAsync("/api/actions?mine=ja")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Meetings_AgendaIsTheOpenActionList_AndActionsCanComeFromAMeeting()
    {
        var group = await GroupAsync();
        var open = await CreateAsync(group, Coordinator, new { title = "Open punt", ownerPersonId = group.A.Person.Id, due = Iso(Today.PlusDays(7)) });
        var closed = await CreateAsync(group, Coordinator, new { title = "Klaar punt", ownerPersonId = group.A.Person.Id });
        await MoveAsync(group, Coordinator, closed.Id, "done");

        var chair = Host.ClientFor(group.Chair.User);
        var response = await chair.PostAsJsonAsync($"/api/teams/{group.Code}/meetings",
            new { date = Iso(Today), attendees = new[] { group.Chair.Person.Id, group.A.Person.Id }, notes = " Tweewekelijks overleg " }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = (await response.Content.ReadFromJsonAsync<MeetingDto>(Json.Options))!;
        meeting.ShouldSatisfyAllConditions(
            m => (m.Team, m.Date, m.Notes).ShouldBe((group.Code, Today, "Tweewekelijks overleg")),
            m => m.Attendees.ShouldBe([new PersonRefDto(group.Chair.Person.Id, group.Chair.Person.Name), new PersonRefDto(group.A.Person.Id, group.A.Person.Name)]),
            m => m.Agenda.Select(a => a.Id).ShouldBe([open.Id]));

        var fromMeeting = await CreateAsync(group, chair, new { title = "Uit het overleg", ownerPersonId = group.B.Person.Id, source = new { kind = "meeting", id = meeting.Id } });
        fromMeeting.Source.ShouldBe(new ActionSourceDto("meeting", meeting.Id, null));

        var listed = (await Host.ClientFor(group.B.User).GetFromJsonAsync<List<MeetingDto>>($"/api/teams/{group.Code}/meetings", Json.Options))!;
        listed.Single().Agenda.Select(a => a.Id).Order().ShouldBe(new[] { open.Id, fromMeeting.Id }.Order());

        var other = await GroupAsync();
        await (await Coordinator.PostAsJsonAsync($"/api/teams/{other.Code}/actions",
                new { title = "x", ownerPersonId = other.A.Person.Id, source = new { kind = "meeting", id = meeting.Id } }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "There is no meeting");
    }

    [Fact]
    public async Task Meetings_BadInputIs400_AnUnstaffedGroupIs409_OutsidersAre403_AndNothingIsStored()
    {
        var group = await GroupAsync();
        var unstaffed = await GroupAsync(staffed: false);
        var chair = Host.ClientFor(group.Chair.User);
        var before = await RowsAsync(group.Code);
        var path = $"/api/teams/{group.Code}/meetings";

        await (await chair.PostAsJsonAsync(path, new { date = "gisteren", attendees = Array.Empty<Guid>() }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "gisteren");
        await (await chair.PostAsJsonAsync(path, new { date = Iso(Today.PlusYears(2)) }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lies outside");
        await (await chair.PostAsJsonAsync(path, new { date = Iso(Today), attendees = new[] { Guid.NewGuid() } }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "There is no person");
        await (await chair.PostAsJsonAsync(path, new { date = Iso(Today), attendees = new[] { group.A.Person.Id, group.A.Person.Id } }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "named twice");
        await (await chair.PostAsJsonAsync(path, new { date = Iso(Today), notes = new string('x', 4001) }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "4001");
        var outsider = Host.ClientFor((await Host.Kit.PersonAsync(CrisisRole.Officer)).User);
        await (await outsider.PostAsJsonAsync(path, new { date = Iso(Today) }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await RowsAsync(group.Code)).ShouldBe(before);

        await (await Coordinator.PostAsJsonAsync($"/api/teams/{unstaffed.Code}/meetings", new { date = Iso(Today) }, Json.Options))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "A working group has exactly one chair");
        (await RowsAsync(unstaffed.Code)).Meetings.ShouldBe(0);
    }

    [Fact]
    public async Task Progress_PerGroupOpenedDoneAndOverdue_AsJsonMarkdownAndHtml()
    {
        var group = await GroupAsync();
        var since = Today.PlusDays(-14);
        var opened = await CreateAsync(group, Coordinator, new { title = "Nieuw & open", ownerPersonId = group.A.Person.Id, due = Iso(Today.PlusDays(-2)) });
        var done = await CreateAsync(group, Coordinator, new { title = "Afgerond", ownerPersonId = group.B.Person.Id });
        await MoveAsync(group, Coordinator, done.Id, "done");

        var member = Host.ClientFor(group.A.User);
        var report = (await member.GetFromJsonAsync<ProgressDto>($"/api/teams/progress?since={Iso(since)}", Json.Options))!;
        (report.Since, report.Today).ShouldBe((since, Today));
        var mine = report.Groups.Single(g => g.Code == group.Code);
        mine.Opened.Select(a => a.Id).Order().ShouldBe(new[] { opened.Id, done.Id }.Order());
        mine.Done.Select(a => a.Id).ShouldBe([done.Id]);
        mine.Overdue.Select(a => a.Id).ShouldBe([opened.Id]);
        report.Groups.ShouldNotContain(g => g.Code == TeamCatalogue.WgOto, "a member sees the groups they are in");
        (await Coordinator.GetFromJsonAsync<ProgressDto>($"/api/teams/progress?since={Iso(since)}", Json.Options))!.Groups.Select(g => g.Code)
            .ShouldContain(TeamCatalogue.WgOto, "a coordinator sees every working group");

        var markdown = await member.GetAsync($"/api/teams/progress?since={Iso(since)}&format=markdown");
        markdown.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        (await markdown.Content.ReadAsStringAsync()).ShouldContain($"(WG-");
        using var accept = new HttpRequestMessage(HttpMethod.Get, $"/api/teams/progress?since={Iso(since)}");
        accept.Headers.Accept.ParseAdd("text/markdown");
        var byAccept = await member.SendAsync(accept);
        byAccept.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        (await byAccept.Content.ReadAsStringAsync()).ShouldContain("Geopend: 2 · Gereed: 1 · Over tijd: 1");
        var html = await member.GetAsync($"/api/teams/progress?since={Iso(since)}&format=html");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await html.Content.ReadAsStringAsync()).ShouldContain("Nieuw &amp; open");

        await (await member.GetAsync("/api/teams/progress")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync("/api/teams/progress?since=1-3-2027")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "1-3-2027");
        await (await member.GetAsync($"/api/teams/progress?since={Iso(since)}&format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "'pdf' is not a format");
    }
}
