using NodaTime;

namespace Crisis.Domain.Teams;

/// <summary>Where an action stands. Done and cancelled close it; only reopening (back to open) leaves them.</summary>
public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>What an action came out of: a working-group meeting, an incident, or a finding of an exercise evaluation.</summary>
public enum ActionSourceKind
{
    Meeting,
    Incident,
    ExerciseFinding,
}

/// <summary>
/// The link from an action to where it came from. <see cref="Id"/> is the meeting's or incident's id (for an exercise
/// finding, the exercise incident's); <see cref="Label"/> says which part of it, e.g. the finding's text.
/// </summary>
public sealed record ActionSource(ActionSourceKind Kind, Guid Id, string? Label);

/// <summary>One step of an action's status history: who moved it from what to what, when, and why.</summary>
public sealed record ActionStatusChange(ActionStatus? From, ActionStatus To, Instant At, string By, string? Note);

/// <summary>A new action as its rules accept it (trimmed, canonical), before it is stored.</summary>
public sealed record NewAction(string Title, Guid OwnerPersonId, LocalDate? Due, string? Activity, ActionSource? Source);

/// <summary>Wire names and Dutch labels of the action enums.</summary>
public static class ActionNames
{
    public static readonly WireNames<ActionStatus> Statuses = new(
        (ActionStatus.Open, "open", "Open"),
        (ActionStatus.InProgress, "in-progress", "Onderhanden"),
        (ActionStatus.Done, "done", "Gereed"),
        (ActionStatus.Cancelled, "cancelled", "Vervallen"));

    public static readonly WireNames<ActionSourceKind> SourceKinds = new(
        (ActionSourceKind.Meeting, "meeting", "Overleg"),
        (ActionSourceKind.Incident, "incident", "Incident"),
        (ActionSourceKind.ExerciseFinding, "exercise-finding", "Bevinding uit oefening"));

    public static string ToWire(this ActionStatus status) => Statuses.Wire(status);

    public static string ToDutch(this ActionStatus status) => Statuses.Dutch(status);

    public static string ToWire(this ActionSourceKind kind) => SourceKinds.Wire(kind);

    public static string ToDutch(this ActionSourceKind kind) => SourceKinds.Dutch(kind);

    public static ActionStatus ParseStatus(string? wire, string field = "status") => Statuses.TryParse(wire, out var status)
        ? status
        : throw ActionRefusals.StatusUnknown.RaiseFor(field, ("status", Texts.Shorten(wire ?? "")), ("statuses", Statuses.All));

    public static ActionSourceKind ParseSourceKind(string? wire, string field = "source.kind") => SourceKinds.TryParse(wire, out var kind)
        ? kind
        : throw ActionRefusals.SourceKindUnknown.RaiseFor(field, ("kind", Texts.Shorten(wire ?? "")), ("kinds", SourceKinds.All));
}

/// <summary>
/// The rules of a working group's action list (actielijst): what a new action must look like, which status changes
/// there are, and when an action is overdue, on the region's calendar days.
/// </summary>
public static class ActionRules
{
    public const int MaxTitleLength = 300;
    public const int MaxNoteLength = 1000;
    public const int MaxActivityLength = 16;
    public const int MaxSourceLabelLength = 300;

    /// <summary>How far back a due date may lie (recording an action that was already late) and how far ahead.</summary>
    public static readonly Period DueAtMostBefore = Period.FromYears(1);

    public static readonly Period DueAtMostAfter = Period.FromYears(5);

    public static bool IsClosed(ActionStatus status) => status is ActionStatus.Done or ActionStatus.Cancelled;

    /// <summary>
    /// Whether <paramref name="from"/> may become <paramref name="to"/>: an open or running action may move to any other
    /// status; a closed one (done, cancelled) only back to open; never to the status it has.
    /// </summary>
    public static bool CanMove(ActionStatus from, ActionStatus to) =>
        from != to && (!IsClosed(from) || to == ActionStatus.Open);

    /// <summary>Overdue: it has a due date before <paramref name="today"/> (the region's date) and is not closed.</summary>
    public static bool IsOverdue(ActionStatus status, LocalDate? due, LocalDate today) =>
        !IsClosed(status) && due is { } d && d < today;

    /// <summary>A new action: title 1..300, the owner a member of the group, a due date within the sane range of today.</summary>
    public static NewAction ValidateNew(
        Team team, string? title, Guid? ownerPersonId, LocalDate? due, string? activity, ActionSource? source, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(team);
        RequireWorkingGroup(team);
        // Visible text only: white space, zero-width and format characters alone are no title.
        var trimmed = TextRules.Required(title, "title", ActionRefusals.TitleMissing.RaiseFor("title"));
        if (trimmed.Length > MaxTitleLength)
        {
            throw ActionRefusals.TitleTooLong.RaiseFor("title", ("length", trimmed.Length), ("max", MaxTitleLength));
        }
        if (ownerPersonId is not { } owner || owner == Guid.Empty)
        {
            throw ActionRefusals.OwnerMissing.RaiseFor("ownerPersonId");
        }
        if (!team.IsMember(owner))
        {
            throw ActionRefusals.OwnerNotMember.RaiseFor("ownerPersonId", ("personId", owner), ("team", team.Code));
        }
        if (due is { } d && (d < today.Plus(-DueAtMostBefore) || d > today.Plus(DueAtMostAfter)))
        {
            throw ActionRefusals.DueOutOfRange.RaiseFor("due",
                ("due", d), ("earliest", today.Plus(-DueAtMostBefore)), ("latest", today.Plus(DueAtMostAfter)));
        }
        var code = Texts.TrimToNull(activity)?.ToUpperInvariant();
        if (code is not null && (code.Length > MaxActivityLength || !code.All(char.IsAsciiLetterOrDigit)))
        {
            throw ActionRefusals.ActivityInvalid.RaiseFor("activity", ("activity", Texts.Shorten(code)), ("max", MaxActivityLength));
        }
        var label = Texts.TrimToNull(source?.Label);
        if (label is { Length: > MaxSourceLabelLength })
        {
            throw ActionRefusals.SourceLabelTooLong.RaiseFor("source.label", ("length", label.Length), ("max", MaxSourceLabelLength));
        }
        return new NewAction(trimmed, owner, due, code, source is null ? null : source with { Label = label });
    }

    /// <summary>The change that moves an action from <paramref name="from"/> to <paramref name="to"/>, or the refusal that says why not.</summary>
    public static ActionStatusChange Move(ActionStatus from, ActionStatus to, string? note, Instant at, string by)
    {
        if (!CanMove(from, to))
        {
            throw (from == to ? ActionRefusals.StatusUnchanged : ActionRefusals.StatusNotAllowed).RaiseFor("status",
                ("from", new Bilingual(from.ToWire(), from.ToDutch().ToLowerInvariant())),
                ("to", new Bilingual(to.ToWire(), to.ToDutch().ToLowerInvariant())));
        }
        var trimmed = Texts.TrimToNull(note);
        if (trimmed is { Length: > MaxNoteLength })
        {
            throw ActionRefusals.NoteTooLong.RaiseFor("note", ("length", trimmed.Length), ("max", MaxNoteLength));
        }
        return new ActionStatusChange(from, to, at, by, trimmed);
    }

    /// <summary>Action lists and meetings belong to working groups; a task team has neither.</summary>
    public static void RequireWorkingGroup(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Kind != TeamKind.WorkingGroup)
        {
            throw ActionRefusals.NotAWorkingGroup.Raise(("team", team.Code));
        }
    }
}
