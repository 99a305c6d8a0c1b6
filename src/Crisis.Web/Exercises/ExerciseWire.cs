using System.Text.Json;
using Crisis.Domain;
using Crisis.Domain.Exercises;
using Crisis.Domain.Incidents;

namespace Crisis.Web.Exercises;

/// <summary>Reads the exercises API's request bodies into typed values, with the field-naming 400s.</summary>
internal static class ExerciseWire
{
    public static IReadOnlyList<ExerciseParticipant> Participants(CreateExerciseRequest request) =>
        (request.Participants ?? []).Select(p => new ExerciseParticipant(p?.Email, p?.Function, p?.Control ?? false)).ToList();

    public static double Speed(SpeedRequest? request, bool required) =>
        request?.Speed ?? (required ? throw ExercisesHostRefusals.SpeedMissing.RaiseFor("speed") : 1.0);

    public static int Minutes(AdvanceRequest? request) =>
        request?.Minutes ?? throw ExercisesHostRefusals.MinutesMissing.RaiseFor("minutes");

    public static int Seq(MetRequest? request) =>
        request?.Seq ?? throw ExercisesHostRefusals.SeqMissing.RaiseFor("seq");

    /// <summary><c>{"function": "OVD-BZ"}</c>, <c>{"team": "PIM"}</c>, or a bare code (a task team's name, else a function).</summary>
    public static Addressee Address(JsonElement? to, LogTeams teams)
    {
        string? function = null;
        string? team = null;
        switch (to)
        {
            case { ValueKind: JsonValueKind.String } s:
                var code = s.GetString()?.Trim() ?? "";
                if (teams.Normalize(code) is { } t)
                {
                    team = t;
                }
                else if (code.Length > 0)
                {
                    function = code;
                }
                break;
            case { ValueKind: JsonValueKind.Object } o:
                function = o.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.String ? Texts.TrimToNull(f.GetString()) : null;
                team = o.TryGetProperty("team", out var tm) && tm.ValueKind == JsonValueKind.String ? Texts.TrimToNull(tm.GetString()) : null;
                break;
        }
        if ((function is null) == (team is null) || (function ?? team)!.Length > 32)
        {
            throw ExercisesHostRefusals.AddressInvalid.RaiseFor("to");
        }
        if (team is not null)
        {
            return Addressee.ToTeam(teams.Normalize(team)
                ?? throw ExercisesHostRefusals.TeamUnknown.RaiseFor("to.team", ("team", Texts.Shorten(team)), ("teams", teams.Codes)));
        }
        return Addressee.ToFunction(function!.ToUpperInvariant());
    }

    /// <summary>The channel of an ad-hoc inject: none for <c>inject</c> (or nothing), else a method name.</summary>
    public static InjectMethod? Method(string? kind)
    {
        if (Texts.TrimToNull(kind) is not { } k || string.Equals(k, "inject", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return ScenarioNames.TryParse(k, out InjectMethod method)
            ? method
            : throw ExercisesHostRefusals.KindUnknown.RaiseFor("kind", ("kind", Texts.Shorten(k)), ("allowed", ScenarioNames.MethodWireNames.Prepend("inject").ToList()));
    }

    public static ObservationRating? Rating(string? rating)
    {
        if (Texts.TrimToNull(rating) is not { } r)
        {
            return null;
        }
        return ExerciseTimes.TryParse(r, out var parsed)
            ? parsed
            : throw ExercisesHostRefusals.RatingUnknown.RaiseFor("rating", ("rating", Texts.Shorten(r)), ("allowed", ExerciseTimes.RatingWireNames));
    }

    public static bool AsHtml(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "markdown" or "md" => false,
        "html" => true,
        _ => throw ExercisesHostRefusals.FormatUnknown.RaiseFor("format", ("format", Texts.Shorten(format))),
    };
}
