using System.Reflection;
using Crisis.Web.Messaging;

namespace Crisis.Web.Tests.Platform;

/// <summary>Rules every domain event of every feature keeps (MassTransit's guidance: immutable records, past-tense nouns).</summary>
public sealed class EventContractTests
{
    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var t in EventTypes.All)
        {
            data.Add(t.Name);
        }
        return data;
    }

    [Fact]
    public void EventTypes_AreDiscovered()
    {
        EventTypes.All.Select(t => t.Name).ShouldContain("LogEntryAppended");
        EventTypes.All.Select(t => t.Name).ShouldContain("IncidentChanged");
        EventTypes.Resolve("NoSuchEvent").ShouldBeNull();
    }

    [Theory, MemberData(nameof(Events))]
    public void Event_IsASealedImmutableRecord(string name)
    {
        var type = EventTypes.Resolve(name)!;

        type.IsSealed.ShouldBeTrue($"{name} should be sealed");
        type.GetMethod("<Clone>$").ShouldNotBeNull($"{name} should be a record");
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .ShouldBeEmpty($"{name} should have no settable properties");
        type.BaseType.ShouldBe(typeof(object), $"{name} should have no base class");
    }
}
