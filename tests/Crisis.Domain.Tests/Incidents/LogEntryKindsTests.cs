using Crisis.Domain.Incidents;

namespace Crisis.Domain.Tests.Incidents;

public class LogEntryKindsTests
{
    public static TheoryData<LogEntryKind, string, string> Kinds => new()
    {
        // kind, wire name, Dutch label
        { LogEntryKind.Info, "info", "Melding" },
        { LogEntryKind.Situation, "situation", "Beeld" },
        { LogEntryKind.Assessment, "assessment", "Oordeel" },
        { LogEntryKind.Decision, "decision", "Besluit" },
        { LogEntryKind.Action, "action", "Actie" },
        { LogEntryKind.Inject, "inject", "Inject" },
        { LogEntryKind.System, "system", "Systeem" },
    };

    [Fact]
    public void Kinds_CoversEveryKind() =>
        Kinds.Select(r => (LogEntryKind)r[0]).ShouldBe(Enum.GetValues<LogEntryKind>(), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ToWire_EveryKind_IsItsWireName(LogEntryKind kind, string wire, string dutch)
    {
        kind.ToWire().ShouldBe(wire);
        kind.ToDutch().ShouldBe(dutch);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TryParse_EveryWireName_GivesItsKind(LogEntryKind kind, string wire, string dutch)
    {
        LogEntryKinds.TryParse(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind, $"{wire} ({dutch})");
    }

    [Fact]
    public void TryParse_ToWireOfEveryKind_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<LogEntryKind>())
        {
            LogEntryKinds.TryParse(kind.ToWire(), out var parsed).ShouldBeTrue(kind.ToString());
            parsed.ShouldBe(kind);
        }
    }

    [Theory]
    [InlineData("upper case", "ASSESSMENT", LogEntryKind.Assessment)]
    [InlineData("padded", "  inject\t", LogEntryKind.Inject)]
    public void TryParse_OtherCaseOrPadded_GivesTheKind(string description, string wire, LogEntryKind expected)
    {
        LogEntryKinds.TryParse(wire, out var parsed).ShouldBeTrue(description);
        parsed.ShouldBe(expected, description);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("Dutch label", "Besluit")]
    [InlineData("enum number", "3")]
    [InlineData("unknown word", "note")]
    public void TryParse_NotAWireName_Fails(string description, string? wire) =>
        LogEntryKinds.TryParse(wire, out _).ShouldBeFalse(description);

    [Fact]
    public void WireNames_AreAllKindsInEnumOrder() =>
        LogEntryKinds.WireNames.ShouldBe(["info", "situation", "assessment", "decision", "action", "inject", "system"]);

    [Fact]
    public void Writable_IsTheBobCycleWithReportsAndActions() =>
        LogEntryKinds.Writable.ShouldBe(
            [LogEntryKind.Info, LogEntryKind.Situation, LogEntryKind.Assessment, LogEntryKind.Decision, LogEntryKind.Action]);
}
