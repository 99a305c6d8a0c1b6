using System.Reflection;
using Crisis.Web.Contracts;
using Crisis.Web.Messaging;
using MassTransit;

namespace Crisis.Web.Tests.Platform;

/// <summary>Rules every domain event of every feature keeps (MassTransit's guidance: immutable records, past-tense nouns).</summary>
public sealed class EventContractTests
{
    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var t in EventTypes.All)
        {
            data.Add(EventTypes.NameOfOrNull(t)!);
        }
        return data;
    }

    [Fact]
    public void EventTypes_AreDiscoveredByTheirStableNames()
    {
        EventTypes.Resolve("log-entry-appended").ShouldBe(typeof(LogEntryAppended));
        EventTypes.Resolve("incident-closed").ShouldBe(typeof(IncidentClosed));
        EventTypes.Resolve("NoSuchEvent").ShouldBeNull();
    }

    [Fact]
    public void OutboxRowsOfTheOldVersion_ByClrName_AreStillUnderstood() =>
        EventTypes.Resolve("LogEntryAppended").ShouldBe(typeof(LogEntryAppended));

    [Fact]
    public void Events_LiveInTheContractsNamespace() =>
        EventTypes.All.Where(t => t.Namespace != "Crisis.Web.Contracts").Select(t => t.FullName).ShouldBeEmpty();

    [Fact]
    public void EveryEvent_HasAnOrderingKey() =>
        EventTypes.All.Except(EventOrdering.Ordered).Select(t => t.Name).ShouldBeEmpty();

    [Theory, MemberData(nameof(Events))]
    public void Event_HasAStableMessageTypeAndExchange_FromItsName(string name)
    {
        var type = EventTypes.Resolve(name)!;

        name.ShouldMatch("^[a-z]+(-[a-z]+)*$");
        MessageUrn.ForTypeString(type).ShouldBe($"urn:message:crisis:{name}");
    }

    [Fact]
    public void WorkConsumers_AreOnlyOnTheSharedQueue_NotificationsOnEachNode()
    {
        BusExtensions.Consumers(work: true).ShouldBe(
            [typeof(Crisis.Web.Paspoort.PaspoortDraftsConsumer), typeof(Crisis.Web.Alerting.Channels.AlertNotificationsDueConsumer), typeof(Crisis.Web.Alerting.AlertLogDueConsumer),
             typeof(Crisis.Web.Exercises.ExerciseSessionConsumer)], ignoreOrder: true);
        BusExtensions.Consumers(work: false).ShouldNotContain(typeof(Crisis.Web.Paspoort.PaspoortDraftsConsumer));
        BusExtensions.Consumers(work: false).ShouldContain(typeof(Crisis.Web.Incidents.LogEntryAppendedConsumer));
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
