using Crisis.Domain.Paspoort;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Small builders so each test states only what matters to it.</summary>
internal static class Build
{
    public static readonly Guid Person = new("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherPerson = new("22222222-2222-2222-2222-222222222222");
    public static readonly Guid Coordinator = new("33333333-3333-3333-3333-333333333333");
    public static readonly Instant RecordedAt = Instant.FromUtc(2026, 3, 1, 9, 0);

    public const string Ovd = DefaultRequirements.OvdBz;
    public const string Hin = DefaultRequirements.Hin;
    public const string ExerciseCode = "OVD-OEFENING";

    /// <summary>The functions the record and requirement validators are told exist.</summary>
    public static readonly IReadOnlyCollection<string> Functions = DefaultRequirements.Functions.Select(f => f.Code).ToArray();

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    /// <summary>An OvD-BZ exercise requirement; override what the test is about.</summary>
    public static Requirement Requirement(
        int? months = 12, int count = 1, ActivityKind kind = ActivityKind.Exercise, string function = Ovd, string code = ExerciseCode) =>
        new(function, code, "Oefening", kind, months, count);

    /// <summary>A confirmed record for <see cref="Person"/> naming <see cref="ExerciseCode"/>; override what the test is about.</summary>
    public static PaspoortRecord Record(
        LocalDate date,
        string? code = ExerciseCode,
        ActivityKind kind = ActivityKind.Exercise,
        RecordResult? result = null,
        RecordStatus status = RecordStatus.Confirmed,
        Guid? person = null,
        string? function = null,
        Guid? voids = null,
        Guid? id = null,
        string activity = "Oefening",
        Instant? recordedAt = null) =>
        new(id ?? Guid.NewGuid(), person ?? Person, kind, activity, date, function, code, result, null, status,
            Coordinator, recordedAt ?? RecordedAt, voids);

    public static RecordStamp Stamp(Guid? id = null, Instant? at = null) => new(id ?? Guid.NewGuid(), Coordinator, at ?? RecordedAt);

    /// <summary>Asserts that <paramref name="action"/> breaks a rule of the given kind on the given field.</summary>
    public static RuleViolationException ShouldViolate(Action action, ViolationKind kind, string? field = null)
    {
        var ex = Should.Throw<RuleViolationException>(action);
        ex.Kind.ShouldBe(kind);
        if (field is not null)
        {
            ex.Field.ShouldBe(field);
        }
        ex.Code.ShouldStartWith("paspoort.", customMessage: "every refusal is a declared paspoort code");
        return ex;
    }
}
