using Crisis.Domain.Teams;
using NodaTime;

namespace Crisis.Domain.Tests.Teams;

public class ActionRulesTests
{
    private static readonly Guid Chair = new("00000000-0000-0000-0000-00000000c001");
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000b001");
    private static readonly Guid Outsider = new("00000000-0000-0000-0000-000000000404");
    private static readonly LocalDate Today = new(2027, 3, 1);
    private static readonly Instant At = Instant.FromUtc(2027, 3, 1, 8, 0);

    private static readonly Team Group = new("WG-OTO", "Werkgroep OTO Bevolkingszorg", TeamKind.WorkingGroup, null,
        [new(Chair, TeamRole.Chair), new(A, TeamRole.Member), new(B, TeamRole.Member)]);

    private static readonly Team Unstaffed = Group with { Members = [new(Chair, TeamRole.Chair), new(A, TeamRole.Member)] };

    private static readonly Team TaskTeam = new("PIM", "Publieke Zorg & Informatie", TeamKind.TaskTeam, null, [new(A, TeamRole.Member)]);

    private static void Refused(Action call, RefusalCode code, string? field)
    {
        var refusal = Should.Throw<RuleViolationException>(call);
        (refusal.Code, refusal.Kind, refusal.Field).ShouldBe((code.Code, code.Kind, field));
    }

    private static NewAction New(string? title = "Draaiboek opvang bijwerken", Guid? owner = null, LocalDate? due = null, string? activity = null,
        ActionSource? source = null, Team? team = null) =>
        ActionRules.ValidateNew(team ?? Group, title, owner ?? A, due, activity, source, Today);

    [Fact]
    public void ValidateNew_GoodAction_IsTrimmedAndCanonical()
    {
        var source = new ActionSource(ActionSourceKind.ExerciseFinding, Guid.NewGuid(), "  Bevinding: opvang te laat  ");
        var action = New("  Draaiboek bijwerken ", B, Today.PlusDays(14), " d5 ", source);
        action.ShouldBe(new NewAction("Draaiboek bijwerken", B, Today.PlusDays(14), "D5", source with { Label = "Bevinding: opvang te laat" }));
    }

    [Theory]
    [InlineData("missing", null)]
    [InlineData("blank", "   ")]
    [InlineData("zero-width and format characters only", " \u200B\u2060\uFEFF ")]
    public void ValidateNew_NoTitle_IsRefused(string description, string? title)
    {
        _ = description;
        Refused(() => New(title), ActionRefusals.TitleMissing, "title");
    }

    [Fact]
    public void ValidateNew_TitleLength_300IsAccepted_301IsRefused()
    {
        New(new string('x', ActionRules.MaxTitleLength)).Title.Length.ShouldBe(300);
        Refused(() => New(new string('x', ActionRules.MaxTitleLength + 1)), ActionRefusals.TitleTooLong, "title");
    }

    [Fact]
    public void ValidateNew_OwnerMustBeNamedAndAMemberOfTheGroup()
    {
        New(owner: Chair).OwnerPersonId.ShouldBe(Chair);
        Refused(() => ActionRules.ValidateNew(Group, "x", null, null, null, null, Today), ActionRefusals.OwnerMissing, "ownerPersonId");
        Refused(() => New(owner: Outsider), ActionRefusals.OwnerNotMember, "ownerPersonId");
    }

    [Fact]
    public void ValidateNew_DueDate_WithinAYearBackAndFiveYearsAhead_TheEdgesIncluded()
    {
        New(due: new LocalDate(2026, 3, 1)).Due.ShouldBe(new LocalDate(2026, 3, 1));
        New(due: new LocalDate(2032, 3, 1)).Due.ShouldBe(new LocalDate(2032, 3, 1));
        New(due: null).Due.ShouldBeNull();
        Refused(() => New(due: new LocalDate(2026, 2, 28)), ActionRefusals.DueOutOfRange, "due");
        Refused(() => New(due: new LocalDate(2032, 3, 2)), ActionRefusals.DueOutOfRange, "due");
    }

    [Theory]
    [InlineData("D-5")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public void ValidateNew_BadActivityCode_IsRefused(string activity) =>
        Refused(() => New(activity: activity), ActionRefusals.ActivityInvalid, "activity");

    [Fact]
    public void ValidateNew_SourceLabelTooLong_IsRefused() =>
        Refused(() => New(source: new ActionSource(ActionSourceKind.Meeting, Guid.NewGuid(), new string('x', 301))), ActionRefusals.SourceLabelTooLong, "source.label");

    [Fact]
    public void ValidateNew_OnATaskTeam_IsRefused() =>
        Refused(() => New(team: TaskTeam), ActionRefusals.NotAWorkingGroup, null);

    /// <summary>The state machine checked over every pair of statuses against its definition, written out as a table.</summary>
    [Fact]
    public void CanMove_EveryPairOfStatuses_FollowsTheTable()
    {
        var allowed = new HashSet<(ActionStatus, ActionStatus)>
        {
            (ActionStatus.Open, ActionStatus.InProgress), (ActionStatus.Open, ActionStatus.Done), (ActionStatus.Open, ActionStatus.Cancelled),
            (ActionStatus.InProgress, ActionStatus.Open), (ActionStatus.InProgress, ActionStatus.Done), (ActionStatus.InProgress, ActionStatus.Cancelled),
            (ActionStatus.Done, ActionStatus.Open), (ActionStatus.Cancelled, ActionStatus.Open),
        };
        foreach (var from in Enum.GetValues<ActionStatus>())
        {
            foreach (var to in Enum.GetValues<ActionStatus>())
            {
                ActionRules.CanMove(from, to).ShouldBe(allowed.Contains((from, to)), $"{from} -> {to}");
                if (allowed.Contains((from, to)))
                {
                    ActionRules.Move(from, to, " klaar ", At, "Kees").ShouldBe(new ActionStatusChange(from, to, At, "Kees", "klaar"));
                }
                else
                {
                    Refused(() => ActionRules.Move(from, to, null, At, "Kees"),
                        from == to ? ActionRefusals.StatusUnchanged : ActionRefusals.StatusNotAllowed, "status");
                }
            }
        }
    }

    [Fact]
    public void Move_NoteTooLong_IsRefused() =>
        Refused(() => ActionRules.Move(ActionStatus.Open, ActionStatus.Done, new string('x', 1001), At, "Kees"), ActionRefusals.NoteTooLong, "note");

    /// <summary>Overdue against a brute-force reading of the rule, over every status and a range of due dates around today.</summary>
    [Fact]
    public void IsOverdue_OnlyOpenOrRunningActionsDueBeforeToday()
    {
        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            ActionRules.IsOverdue(status, null, Today).ShouldBeFalse();
            for (var days = -40; days <= 40; days++)
            {
                var due = Today.PlusDays(days);
                var expected = days < 0 && status is ActionStatus.Open or ActionStatus.InProgress;
                ActionRules.IsOverdue(status, due, Today).ShouldBe(expected, $"{status} due {due}");
            }
        }
    }

    [Fact]
    public void Wire_StatusesAndSourceKinds_RoundTrip_AndUnknownOnesAreRefused()
    {
        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            ActionNames.ParseStatus(status.ToWire()).ShouldBe(status);
        }
        foreach (var kind in Enum.GetValues<ActionSourceKind>())
        {
            ActionNames.ParseSourceKind(kind.ToWire()).ShouldBe(kind);
        }
        ActionNames.ParseStatus("in-progress").ShouldBe(ActionStatus.InProgress);
        ActionNames.ParseSourceKind("exercise-finding").ShouldBe(ActionSourceKind.ExerciseFinding);
        Refused(() => ActionNames.ParseStatus("klaar"), ActionRefusals.StatusUnknown, "status");
        Refused(() => ActionNames.ParseSourceKind("mail"), ActionRefusals.SourceKindUnknown, "source.kind");
    }

    [Fact]
    public void Meeting_NeedsAStaffedWorkingGroup_ByTheTeamRule()
    {
        MeetingRules.ValidateNew(Group, Today, [Chair, A], "  notulen ", Today, _ => true).ShouldSatisfyAllConditions(
            m => m.Attendees.ShouldBe([Chair, A]), m => m.Notes.ShouldBe("notulen"));
        Refused(() => MeetingRules.ValidateNew(Unstaffed, Today, [Chair], null, Today, _ => true), TeamsRefusals.WorkingGroupTooFewMembers, "members");
        Refused(() => MeetingRules.ValidateNew(TaskTeam, Today, [A], null, Today, _ => true), ActionRefusals.NotAWorkingGroup, null);
    }

    [Fact]
    public void Meeting_BadDateAttendeesOrNotes_AreRefused()
    {
        Refused(() => MeetingRules.ValidateNew(Group, Today.PlusYears(2), [], null, Today, _ => true), MeetingRefusals.DateOutOfRange, "date");
        Refused(() => MeetingRules.ValidateNew(Group, Today, [A, A], null, Today, _ => true), MeetingRefusals.AttendeeTwice, "attendees[1]");
        Refused(() => MeetingRules.ValidateNew(Group, Today, [A, Outsider], null, Today, id => id != Outsider), MeetingRefusals.AttendeeUnknown, "attendees[1]");
        Refused(() => MeetingRules.ValidateNew(Group, Today, [], new string('x', 4001), Today, _ => true), MeetingRefusals.NotesTooLong, "notes");
    }

    [Fact]
    public void Progress_CountsOpenedAndDoneSinceTheDate_AndOverdueToday()
    {
        var since = new LocalDate(2027, 2, 15);
        ProgressAction Act(string title, LocalDate opened, ActionStatus status, LocalDate? due = null, LocalDate? closed = null) =>
            new(Guid.NewGuid(), title, "Kees", due, status, opened, closed);
        var actions = new[]
        {
            Act("oud en open, over tijd", new LocalDate(2027, 1, 5), ActionStatus.Open, due: new LocalDate(2027, 2, 1)),
            Act("nieuw", since, ActionStatus.InProgress, due: Today),
            Act("oud, gereed sinds", new LocalDate(2027, 1, 5), ActionStatus.Done, closed: since),
            Act("oud, gereed ervoor", new LocalDate(2027, 1, 5), ActionStatus.Done, closed: since.PlusDays(-1)),
            Act("nieuw, vervallen", Today, ActionStatus.Cancelled, due: new LocalDate(2027, 2, 20), closed: Today),
        };
        var report = ProgressReport.Build(since, Today, [("WG-OTO", "Werkgroep OTO", actions)]);
        var group = report.Groups.Single();
        group.Opened.Select(a => a.Title).ShouldBe(["nieuw", "nieuw, vervallen"]);
        group.Done.Select(a => a.Title).ShouldBe(["oud, gereed sinds"]);
        group.Overdue.Select(a => a.Title).ShouldBe(["oud en open, over tijd"]);

        var markdown = ProgressRendering.ToMarkdown(report);
        markdown.ShouldContain("## Werkgroep OTO (WG-OTO)");
        markdown.ShouldContain("Geopend: 2 · Gereed: 1 · Over tijd: 1");
        ProgressRendering.ToHtml(report).ShouldContain("<ul class=\"late\">");
    }

    [Fact]
    public void Progress_Markdown_EscapesWhatPeopleTyped()
    {
        var report = ProgressReport.Build(Today, Today, [("WG-OTO", "Werkgroep OTO",
            [new ProgressAction(Guid.NewGuid(), "# [klik](http://x) <b>", "Kees", null, ActionStatus.Open, Today, null)])]);
        ProgressRendering.ToMarkdown(report).ShouldContain("\\# \\[klik\\]\\(http://x\\) \\<b\\>");
        ProgressRendering.ToHtml(report).ShouldContain("&lt;b&gt;");
    }
}
