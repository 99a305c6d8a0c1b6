using System.Text.Json;
using Crisis.Domain.Exercises;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using NodaTime;

namespace Crisis.Web.Exercises;

// The shapes of the exercises API (camelCase). Exercise times travel as "hh:mm:ss" after the start, scenario times as
// local date-times of the story.

public sealed record ScenarioProblemDto(string File, int Line, string Field, string Code, string Message);

public sealed record ObjectiveDto(string Id, string Text, IReadOnlyList<string> Criteria);

public sealed record ScenarioSummaryDto(
    string Id, string? Title, string? Type, int? DurationMinutes, int? InjectCount, IReadOnlyList<ObjectiveDto> Objectives, bool Valid,
    IReadOnlyList<ScenarioProblemDto> Errors)
{
    public static ScenarioSummaryDto From(ScenarioFile f, Phrasebook phrases) => f.Scenario is { } s
        ? new(f.Id, s.Title, s.Type.ToWire(), s.DurationMinutes, s.Injects.Count, s.Objectives.Select(o => new ObjectiveDto(o.Id, o.Text, o.Criteria)).ToList(), true, [])
        : new(f.Id, null, null, null, null, [], false,
            f.Problems.Select(p => new ScenarioProblemDto(p.File, p.Line, p.Field, p.Problem.Code.Code, phrases.English(p.Problem))).ToList());
}

public sealed record ExerciseParticipantRequest(string? Email, string? Function, bool? Control);

public sealed record CreateExerciseRequest(string? Scenario, string? Title, IReadOnlyList<ExerciseParticipantRequest>? Participants);

public sealed record SpeedRequest(double? Speed);

public sealed record AdvanceRequest(int? Minutes);

/// <summary><c>to</c> is <c>{function}</c> or <c>{team}</c>; <c>kind</c> is <c>inject</c> or the channel (phone, email …).</summary>
public sealed record AdHocInjectRequest(JsonElement? To, string? Text, string? Kind);

public sealed record MetRequest(int? Seq);

public sealed record ObservationRequest(string? Text, string? Objective, int? Seq, string? Rating);

/// <summary>A finding of the evaluation for a working group's action list: <c>team</c> is the group (WG-PIM) or its task team (PIM).</summary>
public sealed record FindingRequest(string? Text, string? Team);

public sealed record InjectDto(
    string Id, string? At, string Title, AddresseeDto To, string Status, int? Seq, string? Sender, string? Method, string Message, string? ControlNotes,
    bool ContingencyOnly, bool AdHoc, string? DeliveredAt)
{
    public static InjectDto From(InjectView i) =>
        new(i.Id, i.At is { } a ? ExerciseTimes.HoursMinutes(a) : null, i.Title, AddresseeDto.From(i.To)!, i.Status.ToWire(), i.Seq, i.From,
            i.Method?.ToWire(), i.Message, i.ControlNotes, i.ContingencyOnly, i.AdHoc, i.DeliveredAt is { } d ? ExerciseTimes.HoursMinutesSeconds(d) : null);
}

public sealed record ExpectedActionDto(
    string Id, string Inject, string Text, string By, int WithinMinutes, string? Objective, string Status, int? MetBySeq, int? MinutesToAction, string? DueAt);

public sealed record ObservationDto(Guid Id, string Text, string? Objective, int? Seq, string? Rating, Instant At, string ExerciseTime, AuthorDto Author)
{
    public static ObservationDto From(Observation o) =>
        new(o.Id, o.Text, o.Objective, o.Seq, o.Rating?.ToWire(), o.At, ExerciseTimes.HoursMinutesSeconds(o.ExerciseTime), new AuthorDto(o.Author.Id, o.Author.Name));
}

/// <summary>The control view: <c>GET /api/exercises/{id}</c> and the answer of every control step.</summary>
public sealed record ExerciseStateDto(
    Guid IncidentId, string Scenario, string State, double Speed, string ExerciseTime, LocalDateTime? ScenarioTime, bool PausedForRealIncident,
    IReadOnlyList<InjectDto> Injects, IReadOnlyList<ExpectedActionDto> ExpectedActions, IReadOnlyList<ObservationDto> Observations)
{
    public static ExerciseStateDto From(ExerciseView v, Instant now) => new(
        v.Clock.IncidentId, v.Scenario.Id, v.Clock.State.ToWire(), v.Clock.Clock.Speed, ExerciseTimes.HoursMinutesSeconds(v.Clock.ExerciseTimeAt(now)),
        v.Clock.ScenarioTimeAt(now), v.Clock.PausedForRealIncident,
        v.Injects.Select(InjectDto.From).ToList(),
        v.Actions.Select(a => new ExpectedActionDto(a.Id, a.InjectId, a.Text, a.By, a.WithinMinutes, a.Objective, a.Status.ToWire(), a.MetBySeq,
            a.MinutesToAction, a.DueAt is { } d ? ExerciseTimes.HoursMinutes(d) : null)).ToList(),
        v.Observations.Select(ObservationDto.From).ToList());
}

/// <summary>What every participant may see of the clock: <c>GET /api/exercises/{id}/clock</c>.</summary>
public sealed record ExerciseClockDto(Guid IncidentId, string State, double Speed, string ExerciseTime, LocalDateTime? ScenarioTime, bool PausedForRealIncident)
{
    public static ExerciseClockDto From(ExerciseClockView c, Instant now) =>
        new(c.IncidentId, c.State.ToWire(), c.Clock.Speed, ExerciseTimes.HoursMinutesSeconds(c.ExerciseTimeAt(now)), c.ScenarioTimeAt(now), c.PausedForRealIncident);
}

public sealed record RealIncidentDto(IReadOnlyList<Guid> Paused);
