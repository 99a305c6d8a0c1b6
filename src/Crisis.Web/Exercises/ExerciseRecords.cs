using System.Text.Json;
using Crisis.Domain.Exercises;
using Crisis.Domain.Incidents;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Crisis.Web.Exercises;

/// <summary>
/// One exercise: the scenario as it was when the exercise was made (its YAML, so a later edit of the file never changes
/// a running exercise), and the run (clock, injects, expected actions) as a JSON document. The row is also the durable
/// timer: <see cref="NextDueAt"/> says when the next inject or deadline falls due, and <see cref="Version"/> is the claim
/// that lets exactly one node (or request) take each step.
/// </summary>
public sealed class ExerciseRecord
{
    public Guid IncidentId { get; set; }
    public required string ScenarioId { get; set; }
    public required string ScenarioSource { get; set; }
    public required string Run { get; set; }
    public ExerciseState State { get; set; }
    public Instant? NextDueAt { get; set; }

    /// <summary>Delivered injects wait for their log entry, or an ended exercise for its incident to close.</summary>
    public bool AwaitingWork { get; set; }

    /// <summary>Paused by GEEN OEFENING (a real incident) rather than by the control staff.</summary>
    public bool PausedForRealIncident { get; set; }

    public Guid CreatedById { get; set; }
    public Instant CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A participant who is on the control staff (oefenstaf) of an exercise.</summary>
public sealed class ExerciseStaffRecord
{
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
}

public sealed class ExerciseObservationRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public required string Text { get; set; }
    public string? Objective { get; set; }
    public int? Seq { get; set; }
    public ObservationRating? Rating { get; set; }
    public Instant At { get; set; }
    public long ExerciseTimeMs { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }

    public Observation ToObservation() =>
        new(Id, Text, Objective, Seq, Rating, At, Duration.FromMilliseconds(ExerciseTimeMs), new AuthorRef(AuthorId, AuthorName));
}

/// <summary>The run as stored: the domain's <see cref="ExerciseRun"/> in a JSON shape of its own, so the domain stays free of storage.</summary>
internal sealed record RunDocument(
    ExerciseState State, List<ClockSegment> Segments, List<RunDocument.Inject> Injects, List<RunDocument.Action> Actions)
{
    internal sealed record Inject(string Id, int Order, Duration? At, InjectStatus Status, Duration? DeliveredAt, Instant? DeliveredInstant, int? Seq,
        string? ToFunction, string? ToTeam, string? Text, InjectMethod? Method);

    internal sealed record Action(string Id, string InjectId, int WithinMinutes, string? ContingencyInject, ActionStatus Status, Duration? DueAt, int? MetBySeq, int? MinutesToAction);

    public static string Write(ExerciseRun run) => JsonSerializer.Serialize(new RunDocument(
        run.Clock.State, [.. run.Clock.Segments],
        run.Injects.Select(i => new Inject(i.Id, i.Order, i.At, i.Status, i.DeliveredAt, i.DeliveredInstant, i.Seq,
            i.AdHoc?.To.Function, i.AdHoc?.To.Team, i.AdHoc?.Text, i.AdHoc?.Method)).ToList(),
        run.Actions.Select(a => new Action(a.Id, a.InjectId, a.WithinMinutes, a.ContingencyInject, a.Status, a.DueAt, a.MetBySeq, a.MinutesToAction)).ToList()),
        CrisisJson.Options);

    public static ExerciseRun Read(string json)
    {
        var d = JsonSerializer.Deserialize<RunDocument>(json, CrisisJson.Options) ?? throw new InvalidOperationException("An exercise run is empty.");
        return new ExerciseRun(
            new ExerciseClock(d.State, d.Segments),
            d.Injects.Select(i => new InjectState(i.Id, i.Order, i.At, i.Status, i.DeliveredAt, i.DeliveredInstant, i.Seq,
                i.Text is null ? null : new AdHocInject(new Addressee(i.ToFunction, i.ToTeam), i.Text, i.Method))).ToList(),
            d.Actions.Select(a => new ActionState(a.Id, a.InjectId, a.WithinMinutes, a.ContingencyInject, a.Status, a.DueAt, a.MetBySeq, a.MinutesToAction)).ToList());
    }
}

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<ExerciseRecord>
{
    public void Configure(EntityTypeBuilder<ExerciseRecord> e)
    {
        e.ToTable("exercises");
        e.HasKey(x => x.IncidentId);
        e.Property(x => x.ScenarioId).HasMaxLength(64);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.NextDueAt);
        e.HasIndex(x => x.AwaitingWork);
        e.HasOne<IncidentRecord>().WithOne().HasForeignKey<ExerciseRecord>(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExerciseStaffConfiguration : IEntityTypeConfiguration<ExerciseStaffRecord>
{
    public void Configure(EntityTypeBuilder<ExerciseStaffRecord> s)
    {
        s.ToTable("exercise_staff");
        s.HasKey(x => new { x.IncidentId, x.UserId });
        s.HasOne<ExerciseRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<CrisisUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExerciseObservationConfiguration : IEntityTypeConfiguration<ExerciseObservationRecord>
{
    public void Configure(EntityTypeBuilder<ExerciseObservationRecord> o)
    {
        o.ToTable("exercise_observations");
        o.HasKey(x => x.Id);
        o.HasIndex(x => new { x.IncidentId, x.At });
        o.Property(x => x.Text).HasMaxLength(4000);
        o.Property(x => x.Objective).HasMaxLength(16);
        o.Property(x => x.Rating).HasConversion<string>().HasMaxLength(16);
        o.Property(x => x.AuthorName).HasMaxLength(200);
        o.HasOne<ExerciseRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The exercise fields of log entries: an inject's address and scenario id, which is unique within an incident's log.</summary>
internal sealed class InjectLogFieldsConfiguration : IEntityTypeConfiguration<LogEntryRecord>
{
    public void Configure(EntityTypeBuilder<LogEntryRecord> e)
    {
        e.Property(x => x.AddressedToFunction).HasMaxLength(32);
        e.Property(x => x.AddressedToTeam).HasMaxLength(32);
        e.Property(x => x.InjectId).HasMaxLength(16);
        e.HasIndex(x => new { x.IncidentId, x.InjectId }).IsUnique();
    }
}
