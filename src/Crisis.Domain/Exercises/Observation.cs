using System.Globalization;
using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Exercises;

public enum ObservationRating
{
    Goed,
    Voldoende,
    Onvoldoende,
}

/// <summary>What a control staff member saw, on an objective and a log entry when given, with a rating.</summary>
public sealed record Observation(
    Guid Id, string Text, string? Objective, int? Seq, ObservationRating? Rating, Instant At, Duration ExerciseTime, AuthorRef Author);

/// <summary>How one alerted person answered an exercise alert.</summary>
public sealed record AlertFigure(string Function, string? Person, string Response, Instant? NotifiedAt, Instant? RespondedAt)
{
    public double? MinutesToAnswer => NotifiedAt is { } n && RespondedAt is { } r ? Math.Round((r - n).TotalMinutes, 1) : null;
}

public static class ExerciseTimes
{
    private static readonly WireNames<ObservationRating> Ratings = new(
        (ObservationRating.Goed, "goed", "Goed"), (ObservationRating.Voldoende, "voldoende", "Voldoende"), (ObservationRating.Onvoldoende, "onvoldoende", "Onvoldoende"));

    public static IReadOnlyList<string> RatingWireNames => Ratings.All;

    public static string ToWire(this ObservationRating r) => Ratings.Wire(r);

    public static string ToDutch(this ObservationRating r) => Ratings.Dutch(r);

    public static bool TryParse(string? wire, out ObservationRating rating) => Ratings.TryParse(wire, out rating);

    /// <summary>An exercise time as the scenario writes it: <c>01:25</c> (hours and minutes after the start).</summary>
    public static string HoursMinutes(Duration time)
    {
        var minutes = (long)Math.Floor(time.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }

    /// <summary>An exercise time to the second: <c>01:25:07</c>.</summary>
    public static string HoursMinutesSeconds(Duration time)
    {
        var seconds = (long)Math.Floor(time.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    /// <summary>The time in the story at an exercise time, when the scenario gives a start for its story.</summary>
    public static LocalDateTime? ScenarioTime(LocalDateTime? scenarioStart, Duration exerciseTime) =>
        scenarioStart?.PlusSeconds((long)Math.Floor(exerciseTime.TotalSeconds));
}
