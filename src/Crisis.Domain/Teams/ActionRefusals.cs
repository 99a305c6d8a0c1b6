namespace Crisis.Domain.Teams;

/// <summary>The rules of action lists a request can break.</summary>
public static class ActionRefusals
{
    public static readonly RefusalCode NotAWorkingGroup = new("actions.not-a-working-group", ViolationKind.Conflict);
    public static readonly RefusalCode TitleMissing = new("actions.title-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TitleTooLong = new("actions.title-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode OwnerMissing = new("actions.owner-missing", ViolationKind.Invalid);
    public static readonly RefusalCode OwnerNotMember = new("actions.owner-not-member", ViolationKind.Invalid);
    public static readonly RefusalCode DueOutOfRange = new("actions.due-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode ActivityInvalid = new("actions.activity-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode SourceKindUnknown = new("actions.source-kind-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode SourceLabelTooLong = new("actions.source-label-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode StatusUnknown = new("actions.status-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode StatusUnchanged = new("actions.status-unchanged", ViolationKind.Conflict);
    public static readonly RefusalCode StatusNotAllowed = new("actions.status-not-allowed", ViolationKind.Conflict);
    public static readonly RefusalCode NoteTooLong = new("actions.note-too-long", ViolationKind.Invalid);
}

/// <summary>The rules of working-group meetings a request can break.</summary>
public static class MeetingRefusals
{
    public static readonly RefusalCode DateOutOfRange = new("meetings.date-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode TooManyAttendees = new("meetings.too-many-attendees", ViolationKind.Invalid);
    public static readonly RefusalCode AttendeeTwice = new("meetings.attendee-twice", ViolationKind.Invalid);
    public static readonly RefusalCode AttendeeUnknown = new("meetings.attendee-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode NotesTooLong = new("meetings.notes-too-long", ViolationKind.Invalid);
}
