namespace Crisis.Domain.Incidents;

/// <summary>The rules of incident logs that a request can break (rendered by the web layer's IncidentTexts).</summary>
public static class IncidentRefusals
{
    /// <summary>No kind given; <c>{kinds}</c> lists the wire names.</summary>
    public static readonly RefusalCode KindMissing = new("incidents.kind-missing", ViolationKind.Invalid);

    /// <summary><c>{kind}</c> (quoted back, shortened) is not a wire name of <c>{kinds}</c>.</summary>
    public static readonly RefusalCode KindUnknown = new("incidents.kind-unknown", ViolationKind.Invalid);

    public static readonly RefusalCode InjectOnRealIncident = new("incidents.inject-on-real-incident", ViolationKind.Invalid);

    /// <summary>A person wrote an entry of a <c>{kind}</c> that only Crisis writes.</summary>
    public static readonly RefusalCode KindWrittenByCrisis = new("incidents.kind-written-by-crisis", ViolationKind.Invalid);

    public static readonly RefusalCode TextEmpty = new("incidents.text-empty", ViolationKind.Invalid);

    /// <summary>The text has <c>{length}</c> characters, more than <c>{max}</c>.</summary>
    public static readonly RefusalCode TextTooLong = new("incidents.text-too-long", ViolationKind.Invalid);

    /// <summary><c>{team}</c> is not one of <c>{teams}</c>.</summary>
    public static readonly RefusalCode TeamUnknown = new("incidents.team-unknown", ViolationKind.Invalid);

    /// <summary>The <c>{seq}</c> that a correction names is no entry of the incident.</summary>
    public static readonly RefusalCode CorrectedEntryUnknown = new("incidents.corrected-entry-unknown", ViolationKind.Invalid);

    /// <summary>The <c>{seq}</c> that a completion names is no entry of the incident.</summary>
    public static readonly RefusalCode CompletedEntryUnknown = new("incidents.completed-entry-unknown", ViolationKind.Invalid);

    /// <summary>The <c>{seq}</c> that a completion names is of <c>{kind}</c>, not an action.</summary>
    public static readonly RefusalCode CompletedEntryNotAnAction = new("incidents.completed-entry-not-an-action", ViolationKind.Invalid);

    public static readonly RefusalCode TitleMissing = new("incidents.title-missing", ViolationKind.Invalid);

    /// <summary>The title has <c>{length}</c> characters, more than <c>{max}</c>.</summary>
    public static readonly RefusalCode TitleTooLong = new("incidents.title-too-long", ViolationKind.Invalid);

    /// <summary>The municipality has <c>{length}</c> characters, more than <c>{max}</c>.</summary>
    public static readonly RefusalCode MunicipalityTooLong = new("incidents.municipality-too-long", ViolationKind.Invalid);

    /// <summary>GRIP <c>{level}</c> is outside <c>{min}</c>..<c>{max}</c>.</summary>
    public static readonly RefusalCode GripUnknown = new("incidents.grip-unknown", ViolationKind.Invalid);

    /// <summary>The incident is closed: its log and GRIP level no longer change.</summary>
    public static readonly RefusalCode Closed = new("incidents.closed", ViolationKind.Conflict);

    /// <summary>Closing an incident that is already closed.</summary>
    public static readonly RefusalCode AlreadyClosed = new("incidents.already-closed", ViolationKind.Conflict);
}
