using Crisis.Domain.Incidents;
using NodaTime;

namespace Crisis.Domain.Tests.Incidents;

/// <summary>
/// Builds incidents and log entries for tests. Everything a test does not mention gets a fixed value, so
/// a test states only what it is about.
/// </summary>
internal static class TestLog
{
    public static readonly Guid IncidentId = new("0e7c1d2a-5b4f-4c3e-9a10-6d2f8b7a0c11");

    public static readonly AuthorRef JanDeVries = new(new Guid("a1f0c3d4-1111-4b22-8c33-0d4e5f607182"), "Jan de Vries");

    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    /// <summary>2026-03-28T23:00Z, which is 00:00 in Amsterdam on the day summer time starts.</summary>
    public static readonly Instant Opened = Instant.FromUtc(2026, 3, 28, 23, 0);

    /// <summary>2026-03-29T08:00Z, which is 10:00 in Amsterdam (summer time).</summary>
    public static readonly Instant DrawnAt = Instant.FromUtc(2026, 3, 29, 8, 0);

    /// <summary>
    /// One log entry. Without <paramref name="at"/> it is written <paramref name="seq"/> minutes after
    /// <see cref="Opened"/>; without <paramref name="text"/> its text is "kind #seq".
    /// </summary>
    public static LogEntry Entry(
        int seq,
        LogEntryKind kind,
        string? team = null,
        int? corrects = null,
        int? completes = null,
        string? text = null,
        Instant? at = null,
        AuthorRef? author = null,
        bool exercise = false) =>
        new(
            new Guid($"00000000-0000-0000-0000-{seq:D12}"),
            IncidentId,
            seq,
            at ?? Opened + Duration.FromMinutes(seq),
            author ?? JanDeVries,
            kind,
            team,
            text ?? $"{kind} #{seq}",
            corrects,
            completes,
            exercise);

    public static IncidentInfo Incident(
        bool exercise = false,
        string title = "Brand in loods",
        string? municipality = null,
        int grip = 1,
        IncidentStatus status = IncidentStatus.Open) =>
        new(IncidentId, title, exercise, municipality, grip, status, Opened, null, 0);
}

/// <summary>Assertions shared by the incident tests.</summary>
internal static class IncidentAssertions
{
    /// <summary>The entries, in the order given, have exactly these sequence numbers.</summary>
    public static void ShouldHaveSeqs(this IEnumerable<LogEntry> entries, params int[] expected) =>
        entries.Select(e => e.Seq).ToArray().ShouldBe(expected);

    /// <summary>The call is refused as invalid input, blaming <paramref name="field"/>; returns the refusal.</summary>
    public static RuleViolationException ShouldBeInvalid(Func<object?> call, string field, string? because = null)
    {
        var refusal = Should.Throw<RuleViolationException>(call, because);
        refusal.Kind.ShouldBe(ViolationKind.Invalid, because);
        refusal.Field.ShouldBe(field, because);
        return refusal;
    }

    /// <summary>The report's section for <paramref name="team"/>; fails when there is none.</summary>
    public static SitrepSection Section(this Sitrep report, string team)
    {
        var section = report.Sections.SingleOrDefault(s => s.Team == team);
        section.ShouldNotBeNull($"the report should have a section '{team}'; it has {string.Join(", ", report.Sections.Select(s => s.Team))}");
        return section;
    }
}
