using Crisis.Domain.Alerting;
using Crisis.Domain.Organisation;
using Crisis.Domain.Roster;
using Crisis.Domain.Teams;
using NodaTime;

namespace Crisis.Domain.Tests.Alerting;

/// <summary>
/// A small region for alerting tests. OVD-BZ: Anna on call around <see cref="T0"/>, Bram next, Cor in the pool without a
/// shift. HIN: Dewi on call. Task team PIM: Gijs heads it (on call for HOOFD-PUBLIEKE-ZORG), Hanna is his deputy.
/// Frank is the coordinator. Everything a test does not change stays so.
/// </summary>
internal sealed class TestRoster
{
    public static readonly Guid Anna = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Bram = new("00000000-0000-0000-0000-0000000000b2");
    public static readonly Guid Cor = new("00000000-0000-0000-0000-0000000000c3");
    public static readonly Guid Dewi = new("00000000-0000-0000-0000-0000000000d4");
    public static readonly Guid Frank = new("00000000-0000-0000-0000-0000000000f6");
    public static readonly Guid Gijs = new("00000000-0000-0000-0000-000000000017");
    public static readonly Guid Hanna = new("00000000-0000-0000-0000-000000000018");
    public static readonly Guid Stranger = new("00000000-0000-0000-0000-000000000099");

    public const string OvdBz = FunctionCatalogue.OvdBz;
    public const string Hin = FunctionCatalogue.Hin;
    public const string HoofdPz = FunctionCatalogue.HoofdPubliekeZorg;

    /// <summary>2026-11-22T10:00Z, a Sunday in the middle of Anna's week on call.</summary>
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 22, 10, 0);

    public static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    public List<Shift> Shifts { get; } =
    [
        Shift(OvdBz, Anna, -2 * 24 * 60, 5 * 24 * 60),
        Shift(OvdBz, Bram, 5 * 24 * 60, 12 * 24 * 60),
        Shift(Hin, Dewi, -24 * 60, 6 * 24 * 60),
        Shift(HoofdPz, Gijs, -24 * 60, 6 * 24 * 60),
    ];

    public List<Unavailability> Leave { get; } = [];

    public Dictionary<string, List<Guid>> Pools { get; } = new()
    {
        [OvdBz] = [Anna, Bram, Cor],
        [Hin] = [Dewi],
        [HoofdPz] = [Gijs, Hanna],
    };

    /// <summary>Who is not qualified for which function (at any time).</summary>
    public HashSet<(Guid Person, string Function)> Unqualified { get; } = [];

    public List<Team> Teams { get; } =
    [
        .. TeamCatalogue.Seeded.Select(t => t.Code == TeamCatalogue.Pim
            ? t with { Members = [new(Gijs, TeamRole.Head), new(Hanna, TeamRole.Deputy)] }
            : t),
    ];

    public List<Guid> Coordinators { get; } = [Frank];

    public Dictionary<string, EscalationPolicy> Policies { get; } = [];

    public static Shift Shift(string function, Guid person, int fromMinutes, int toMinutes) =>
        new(Guid.NewGuid(), function, person, At(fromMinutes), At(toMinutes));

    public TestRoster OnLeave(Guid person, int fromMinutes = -60, int toMinutes = 24 * 60)
    {
        Leave.Add(new Unavailability(person, At(fromMinutes), At(toMinutes)));
        return this;
    }

    public TestRoster NotQualified(Guid person, string function)
    {
        Unqualified.Add((person, function));
        return this;
    }

    public TestRoster WithPolicy(string function, params (int After, EscalationNotify Notify)[] steps) => WithPolicy(function, 0, steps);

    public TestRoster WithPolicy(string function, int repeat, params (int After, EscalationNotify Notify)[] steps)
    {
        Policies[function] = EscalationPolicy.Create(steps.Select(s => new EscalationStep(s.After, s.Notify)).ToList(), repeat);
        return this;
    }

    public RosterSnapshot Build() => new(
        Shifts.ToList(),
        Leave.ToList(),
        Pools.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value.ToList()),
        (function, person, during) => Unqualified.Contains((person, function)) ? [] : [during],
        Teams.ToList(),
        Coordinators.ToList(),
        new HashSet<Guid>([Anna, Bram, Cor, Dewi, Frank, Gijs, Hanna]),
        Policies.ToDictionary(p => p.Key, p => p.Value));
}

/// <summary>Raising alerts in tests: everything a test does not mention gets a fixed value.</summary>
internal static class Alerts
{
    public static readonly Guid AlertId = new("a1e47000-0000-0000-0000-000000000001");

    public static AlertDraft Draft(
        IReadOnlyList<AlertTarget>? targets = null,
        int? required = null,
        string? message = "Brand in loods aan de Havenweg; kom naar het COPI.",
        bool exercise = false,
        IReadOnlySet<Guid>? participants = null,
        Instant? at = null) =>
        new(AlertId, Guid.Empty, exercise, false, message, TestRoster.Frank, at ?? TestRoster.T0,
            targets ?? [new FunctionTarget(TestRoster.OvdBz)], required, participants);

    public static AlertChange Raise(IAlertRoster roster, params AlertTarget[] targets) =>
        Alert.Raise(Draft(targets.Length == 0 ? null : targets), roster);

    /// <summary>The people a change sent the alert to, step by step: "1:Anna" …</summary>
    public static IReadOnlyList<(int Step, Guid Person)> Sent(this AlertChange change) =>
        change.Fired.SelectMany(f => f.Notified.Select(n => (f.Step, n.PersonId))).ToList();

    public static IReadOnlyList<Guid> SentTo(this AlertChange change) =>
        change.Fired.SelectMany(f => f.Notified.Select(n => n.PersonId)).ToList();

    public static RuleViolationException ShouldRefuse(Func<object?> call, RefusalCode code, string? field = null, string? because = null)
    {
        var refusal = Should.Throw<RuleViolationException>(call, because);
        refusal.Code.ShouldBe(code.Code, because);
        refusal.Kind.ShouldBe(code.Kind, because);
        if (field is not null)
        {
            refusal.Field.ShouldBe(field, because);
        }
        return refusal;
    }
}
