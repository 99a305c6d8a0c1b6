namespace Crisis.Domain.Alerting;

/// <summary>Where an alert stands. Cancelled and resolved are final; the others follow from the answers and the clock.</summary>
public enum AlertStatus
{
    Open,
    /// <summary>Every target has its required number of people coming.</summary>
    Satisfied,
    /// <summary>The escalation policy ran out before every target was satisfied.</summary>
    Unanswered,
    Cancelled,
    Resolved,
}

/// <summary>A recipient's answer. Pending and no-answer are what Crisis records; coming and declined what a person says.</summary>
public enum AlertResponse
{
    Pending,
    Coming,
    Declined,
    NoAnswer,
}

/// <summary>Whom an escalation step reaches, for the function being alerted.</summary>
public enum EscalationNotify
{
    /// <summary>Whoever is on call for the function now.</summary>
    OnCall,
    /// <summary>Whoever is on call next (not now); the deputy when nobody is.</summary>
    NextOnCall,
    Deputy,
    /// <summary>Everyone holding the function who is qualified and not on leave.</summary>
    Pool,
    Coordinators,
}

/// <summary>Why a person was notified: the step's audience, or a target that names the people directly.</summary>
public enum NotifyReason
{
    OnCall,
    NextOnCall,
    Deputy,
    Pool,
    Coordinator,
    /// <summary>The alert names the person (also a proefalarm).</summary>
    Named,
    /// <summary>A team target with <c>everyone</c>.</summary>
    TeamMember,
}

/// <summary>Why a step reached somebody less than it was meant to.</summary>
public enum SkipReason
{
    NobodyOnCall,
    NoNextOnCall,
    NoDeputy,
    EmptyPool,
    NoCoordinators,
    NoMembers,
    OnLeave,
    NotQualified,
    /// <summary>An exercise alert reaches only the exercise's participants.</summary>
    NotParticipant,
}

/// <summary>Wire names (the API's words) and Dutch labels (the pages) of the alerting enums.</summary>
public static class AlertingNames
{
    public static readonly WireNames<AlertStatus> Statuses = new(
        (AlertStatus.Open, "open", "open"),
        (AlertStatus.Satisfied, "satisfied", "voldaan"),
        (AlertStatus.Unanswered, "unanswered", "onbeantwoord"),
        (AlertStatus.Cancelled, "cancelled", "geannuleerd"),
        (AlertStatus.Resolved, "resolved", "afgehandeld"));

    public static readonly WireNames<AlertResponse> Responses = new(
        (AlertResponse.Pending, "pending", "wacht"),
        (AlertResponse.Coming, "coming", "komt"),
        (AlertResponse.Declined, "declined", "kan niet"),
        (AlertResponse.NoAnswer, "no-answer", "geen antwoord"));

    public static readonly WireNames<EscalationNotify> Notifies = new(
        (EscalationNotify.OnCall, "oncall", "piket"),
        (EscalationNotify.NextOnCall, "next-oncall", "volgende piket"),
        (EscalationNotify.Deputy, "deputy", "plaatsvervanger"),
        (EscalationNotify.Pool, "pool", "piketpool"),
        (EscalationNotify.Coordinators, "coordinators", "coördinatoren"));

    public static readonly WireNames<NotifyReason> NotifyReasons = new(
        (NotifyReason.OnCall, "oncall", "heeft piket"),
        (NotifyReason.NextOnCall, "next-oncall", "volgende piket"),
        (NotifyReason.Deputy, "deputy", "plaatsvervanger"),
        (NotifyReason.Pool, "pool", "piketpool"),
        (NotifyReason.Coordinator, "coordinator", "coördinator"),
        (NotifyReason.Named, "named", "persoonlijk gealarmeerd"),
        (NotifyReason.TeamMember, "team-member", "teamlid"));

    public static readonly WireNames<SkipReason> SkipReasons = new(
        (SkipReason.NobodyOnCall, "nobody-on-call", "niemand heeft piket"),
        (SkipReason.NoNextOnCall, "no-next-on-call", "geen volgende piket"),
        (SkipReason.NoDeputy, "no-deputy", "geen plaatsvervanger"),
        (SkipReason.EmptyPool, "empty-pool", "piketpool is leeg"),
        (SkipReason.NoCoordinators, "no-coordinators", "geen coördinatoren"),
        (SkipReason.NoMembers, "no-members", "team heeft geen leden"),
        (SkipReason.OnLeave, "on-leave", "afwezig (verlof)"),
        (SkipReason.NotQualified, "not-qualified", "niet vakbekwaam"),
        (SkipReason.NotParticipant, "not-participant", "geen deelnemer aan de oefening"));

    public static string ToWire(this AlertStatus value) => Statuses.Wire(value);

    public static string ToDutch(this AlertStatus value) => Statuses.Dutch(value);

    public static string ToWire(this AlertResponse value) => Responses.Wire(value);

    public static string ToDutch(this AlertResponse value) => Responses.Dutch(value);

    public static string ToWire(this EscalationNotify value) => Notifies.Wire(value);

    public static string ToDutch(this EscalationNotify value) => Notifies.Dutch(value);

    public static string ToWire(this NotifyReason value) => NotifyReasons.Wire(value);

    public static string ToDutch(this NotifyReason value) => NotifyReasons.Dutch(value);

    public static string ToWire(this SkipReason value) => SkipReasons.Wire(value);

    public static string ToDutch(this SkipReason value) => SkipReasons.Dutch(value);

    /// <summary>Cancelled and resolved alerts take no answers and escalate no further.</summary>
    public static bool IsClosed(this AlertStatus status) => status is AlertStatus.Cancelled or AlertStatus.Resolved;

    /// <summary>Parses a step's <c>notify</c>; refuses with the audiences there are.</summary>
    public static EscalationNotify ParseNotify(string? wire, string field) => Notifies.TryParse(wire, out var notify)
        ? notify
        : throw AlertingRefusals.PolicyUnknownNotify.RaiseFor(field, ("notify", Texts.Shorten(wire ?? "")), ("allowed", Notifies.All));

    /// <summary>
    /// Parses what a person answers: <c>coming</c> or <c>declined</c>. Pending and no-answer are refused because only
    /// Crisis records those.
    /// </summary>
    public static AlertResponse ParseAnswer(string? wire, string field = "response")
    {
        if (Responses.TryParse(wire, out var response) && response is AlertResponse.Coming or AlertResponse.Declined)
        {
            return response;
        }
        throw AlertingRefusals.ResponseNotAnAnswer.RaiseFor(field, ("response", Texts.Shorten(wire ?? "")));
    }
}
