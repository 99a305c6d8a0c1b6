using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Exercises;

/// <summary>What kind of exercise a scenario is.</summary>
public enum ScenarioType
{
    Tabletop,
    Functional,
    Alerting,
    FullScale,
}

/// <summary>How an inject reaches the players in the story (the simulated channel).</summary>
public enum InjectMethod
{
    Phone,
    Email,
    WalkIn,
    Media,
    Radio,
}

public static class ScenarioNames
{
    private static readonly WireNames<ScenarioType> Types = new(
        (ScenarioType.Tabletop, "tabletop", "Tafeloefening"),
        (ScenarioType.Functional, "functional", "Functionele oefening"),
        (ScenarioType.Alerting, "alerting", "Alarmeringsoefening"),
        (ScenarioType.FullScale, "full-scale", "Grootschalige oefening"));

    private static readonly WireNames<InjectMethod> Methods = new(
        (InjectMethod.Phone, "phone", "telefoon"),
        (InjectMethod.Email, "email", "e-mail"),
        (InjectMethod.WalkIn, "walk-in", "aan de balie"),
        (InjectMethod.Media, "media", "media"),
        (InjectMethod.Radio, "radio", "portofoon"));

    public static IReadOnlyList<string> TypeWireNames => Types.All;

    public static IReadOnlyList<string> MethodWireNames => Methods.All;

    public static string ToWire(this ScenarioType type) => Types.Wire(type);

    public static string ToDutch(this ScenarioType type) => Types.Dutch(type);

    public static string ToWire(this InjectMethod method) => Methods.Wire(method);

    public static string ToDutch(this InjectMethod method) => Methods.Dutch(method);

    public static bool TryParse(string? wire, out ScenarioType type) => Types.TryParse(wire, out type);

    public static bool TryParse(string? wire, out InjectMethod method) => Methods.TryParse(wire, out method);
}

/// <summary>
/// An exercise scenario as its file describes it (the contract's <c>crisis.exercise/v1</c> format), checked whole by
/// <see cref="ScenarioReader"/>: a scenario with a problem is never built, so nothing half-read is ever played.
/// </summary>
public sealed record Scenario(
    string Id,
    string Title,
    ScenarioType Type,
    string? OtoActivity,
    string? Summary,
    string? Briefing,
    LocalDateTime? ScenarioStart,
    int DurationMinutes,
    IReadOnlyList<Objective> Objectives,
    ScenarioParticipants Participants,
    IReadOnlyList<ScenarioAlert> Alerting,
    IReadOnlyList<ScenarioInject> Injects)
{
    public ScenarioInject? Inject(string id) => Injects.FirstOrDefault(i => i.Id == id);

    /// <summary>Every expected action with the inject that asks for it.</summary>
    public IEnumerable<(ScenarioInject Inject, ExpectedAction Action)> ExpectedActions =>
        Injects.SelectMany(i => i.ExpectedActions.Select(a => (i, a)));
}

public sealed record Objective(string Id, string Text, IReadOnlyList<string> Criteria);

/// <summary>The functions and teams the scenario is written for.</summary>
public sealed record ScenarioParticipants(IReadOnlyList<string> Functions, IReadOnlyList<string> Teams);

/// <summary>A real alert raised when the exercise starts, to its participants only.</summary>
public sealed record ScenarioAlert(string Function, string Message);

/// <summary>
/// One scripted message. <see cref="At"/> is the exercise time after the start at which it is due; null for an inject
/// delivered only through a <see cref="Contingency"/> (or by hand).
/// </summary>
public sealed record ScenarioInject(
    string Id,
    Duration? At,
    string? From,
    Addressee To,
    InjectMethod? Method,
    string Title,
    string Message,
    IReadOnlyList<ExpectedAction> ExpectedActions,
    string? ControlNotes,
    Contingency? Contingency)
{
    public bool ContingencyOnly => At is null;
}

/// <summary>What the players are expected to do after an inject, by whom and within how many exercise minutes.</summary>
public sealed record ExpectedAction(string Id, string Text, string By, int WithinMinutes, string? Objective);

/// <summary>Deliver <see cref="Inject"/> when the deadline of the expected action <see cref="IfMissed"/> passes unmet.</summary>
public sealed record Contingency(string IfMissed, string Inject);
