using NodaTime;

namespace Crisis.Domain.Exercises;

public enum ExerciseState
{
    Ready,
    Running,
    Paused,
    Ended,
}

public static class ExerciseStates
{
    private static readonly WireNames<ExerciseState> Names = new(
        (ExerciseState.Ready, "ready", "Klaar om te starten"),
        (ExerciseState.Running, "running", "Loopt"),
        (ExerciseState.Paused, "paused", "Gepauzeerd"),
        (ExerciseState.Ended, "ended", "Beëindigd"));

    public static string ToWire(this ExerciseState state) => Names.Wire(state);

    public static string ToDutch(this ExerciseState state) => Names.Dutch(state);
}

/// <summary>From <see cref="From"/> on (real time) the exercise time ran from <see cref="ExerciseTime"/> at <see cref="Speed"/>, or stood still.</summary>
public sealed record ClockSegment(Instant From, Duration ExerciseTime, double Speed, bool Running);

/// <summary>
/// The exercise clock: how much exercise time has passed at any real instant. It is a list of segments, one per start,
/// pause, resume, speed change or advance, so the exercise time of any past moment (a log entry's) can be told too.
/// Times are kept to the millisecond, and a time the clock reaches is reached for good: exercise time never runs back.
/// </summary>
public sealed record ExerciseClock(ExerciseState State, IReadOnlyList<ClockSegment> Segments)
{
    public const double MaxSpeed = 60;
    public const int MaxAdvanceMinutes = 24 * 60;

    public static ExerciseClock New { get; } = new(ExerciseState.Ready, []);

    public double Speed => Segments.Count == 0 ? 1 : Segments[^1].Speed;

    public Instant? StartedAt => Segments.Count == 0 ? null : Segments[0].From;

    /// <summary>The exercise time at a real instant (zero before the start; what it was then for a past instant).</summary>
    public Duration ExerciseTimeAt(Instant at)
    {
        for (var i = Segments.Count - 1; i >= 0; i--)
        {
            var s = Segments[i];
            if (s.From <= at)
            {
                return s.Running ? s.ExerciseTime + Scale(at - s.From, s.Speed) : s.ExerciseTime;
            }
        }
        return Duration.Zero;
    }

    /// <summary>The first real instant at which the running clock shows <paramref name="exerciseTime"/>; null when it stands still.</summary>
    public Instant? WhenReaches(Duration exerciseTime)
    {
        if (State != ExerciseState.Running || Segments.Count == 0)
        {
            return null;
        }
        var s = Segments[^1];
        if (exerciseTime <= s.ExerciseTime)
        {
            return s.From;
        }
        var ms = (long)Math.Ceiling((exerciseTime - s.ExerciseTime).TotalMilliseconds / s.Speed);
        var at = s.From + Duration.FromMilliseconds(ms);
        while (ExerciseTimeAt(at) < exerciseTime)
        {
            at += Duration.FromMilliseconds(1);
        }
        return at;
    }

    public ExerciseClock Start(Instant now, double speed)
    {
        if (State != ExerciseState.Ready)
        {
            throw State == ExerciseState.Ended ? ExercisesRefusals.Ended.Raise() : ExercisesRefusals.AlreadyStarted.Raise(("state", new Bilingual(State.ToWire(), State.ToDutch().ToLowerInvariant())));
        }
        return new(ExerciseState.Running, [new ClockSegment(now, Duration.Zero, CheckSpeed(speed), true)]);
    }

    public ExerciseClock Pause(Instant now)
    {
        RequireStarted();
        if (State != ExerciseState.Running)
        {
            throw ExercisesRefusals.NotRunning.Raise();
        }
        return With(ExerciseState.Paused, now, Speed, running: false);
    }

    public ExerciseClock Resume(Instant now)
    {
        RequireStarted();
        if (State != ExerciseState.Paused)
        {
            throw ExercisesRefusals.NotPaused.Raise();
        }
        return With(ExerciseState.Running, now, Speed, running: true);
    }

    public ExerciseClock ChangeSpeed(Instant now, double speed)
    {
        CheckSpeed(speed);
        RequireStarted();
        return With(State, now, speed, State == ExerciseState.Running);
    }

    public ExerciseClock Advance(Instant now, int minutes)
    {
        if (minutes is <= 0 or > MaxAdvanceMinutes)
        {
            throw ExercisesRefusals.AdvanceOutOfRange.RaiseFor("minutes", ("minutes", minutes), ("max", MaxAdvanceMinutes));
        }
        RequireStarted();
        now = NotBeforeLast(now);
        var time = ExerciseTimeAt(now) + Duration.FromMinutes(minutes);
        return this with { Segments = [.. Segments, new ClockSegment(now, time, Speed, State == ExerciseState.Running)] };
    }

    public ExerciseClock End(Instant now)
    {
        if (State == ExerciseState.Ended)
        {
            throw ExercisesRefusals.Ended.Raise();
        }
        return Segments.Count == 0 ? this with { State = ExerciseState.Ended } : With(ExerciseState.Ended, now, Speed, running: false);
    }

    /// <summary>A speed the clock can run at: above zero, at most <see cref="MaxSpeed"/>.</summary>
    public static double CheckSpeed(double speed) =>
        double.IsFinite(speed) && speed > 0 && speed <= MaxSpeed
            ? speed
            : throw ExercisesRefusals.SpeedOutOfRange.RaiseFor("speed", ("speed", speed), ("max", MaxSpeed));

    private void RequireStarted()
    {
        switch (State)
        {
            case ExerciseState.Ready:
                throw ExercisesRefusals.NotStarted.Raise();
            case ExerciseState.Ended:
                throw ExercisesRefusals.Ended.Raise();
        }
    }

    private ExerciseClock With(ExerciseState state, Instant now, double speed, bool running)
    {
        now = NotBeforeLast(now);
        return new(state, [.. Segments, new ClockSegment(now, ExerciseTimeAt(now), speed, running)]);
    }

    // Nodes' clocks differ a little: a change is never placed before the one it follows, so time never runs back.
    private Instant NotBeforeLast(Instant now) => Segments.Count > 0 && Segments[^1].From > now ? Segments[^1].From : now;

    private static Duration Scale(Duration real, double speed) =>
        real <= Duration.Zero ? Duration.Zero : Duration.FromMilliseconds((long)Math.Floor(real.TotalMilliseconds * speed));
}
