using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class ShiftTimesTests
{
    [Fact]
    public void Resolve_WeekLosingAnHourToSummerTime_Is167Hours()
    {
        var times = ShiftTimes.Resolve(Local("2026-03-23 08:00"), Local("2026-03-30 08:00"), Amsterdam);

        times.Hours.ShouldBe(167m);
        times.Start.ShouldBe(Utc("2026-03-23T07:00:00Z"));
        times.End.ShouldBe(Utc("2026-03-30T06:00:00Z"));
    }

    [Fact]
    public void Resolve_WeekGainingAnHourFromWinterTime_Is169Hours()
    {
        var times = ShiftTimes.Resolve(Local("2026-10-19 08:00"), Local("2026-10-26 08:00"), Amsterdam);

        times.Hours.ShouldBe(169m);
        times.Start.ShouldBe(Utc("2026-10-19T06:00:00Z"));
        times.End.ShouldBe(Utc("2026-10-26T07:00:00Z"));
    }

    [Fact]
    public void Resolve_OrdinaryWeek_Is168Hours()
    {
        ShiftTimes.Resolve(Local("2026-05-04 08:00"), Local("2026-05-11 08:00"), Amsterdam).Hours.ShouldBe(168m);
    }

    [Fact]
    public void Resolve_HalfHours_AreExactDecimals()
    {
        var times = ShiftTimes.Resolve(Local("2026-05-04 08:30"), Local("2026-05-04 16:00"), Amsterdam);

        times.Hours.ShouldBe(7.5m);
        times.LocalStart.ShouldBe(Local("2026-05-04 08:30"));
        times.LocalEnd.ShouldBe(Local("2026-05-04 16:00"));
    }

    [Fact]
    public void Resolve_SkippedStart_IsInvalidAndSaysWhy()
    {
        var error = Should.Throw<RuleViolationException>(
            () => ShiftTimes.Resolve(Local("2026-03-29 02:30"), Local("2026-03-29 10:00"), Amsterdam));

        error.Kind.ShouldBe(ViolationKind.Invalid);
        error.Field.ShouldBe("start");
        error.Code.ShouldBe(RosterRefusals.LocalTimeSkipped.Code);
        error.Phrase["local"].ShouldBe(Local("2026-03-29 02:30"));
        error.Phrase["zone"].ShouldBe("Europe/Amsterdam");
        error.Phrase["why"].ShouldBeOfType<Phrase>().Code.ShouldBe(RosterRefusals.SkippedForSummerTime);
        error.Phrase["from"].ShouldBe(new LocalTime(2, 0));
        error.Phrase["to"].ShouldBe(new LocalTime(3, 0));
    }

    [Fact]
    public void ResolveStrict_SkippedTime_CarriesEverythingTheExplanationNeeds()
    {
        // The full sentence in English and Dutch is pinned in Crisis.Web.Tests (RosterTextsTests).
        var error = Should.Throw<RuleViolationException>(() => ShiftTimes.ResolveStrict(Local("2026-03-29 02:30"), Amsterdam));

        error.Code.ShouldBe(RosterRefusals.LocalTimeSkipped.Code);
        error.Field.ShouldBeNull();
        error.Phrase.Args.Select(a => a.Key).ShouldBe(["local", "zone", "date", "from", "to", "why"]);
        error.Phrase["date"].ShouldBe(new LocalDate(2026, 3, 29));
    }

    [Fact]
    public void Resolve_SkippedEnd_IsInvalidOnTheEnd()
    {
        var error = Should.Throw<RuleViolationException>(
            () => ShiftTimes.Resolve(Local("2026-03-28 20:00"), Local("2026-03-29 02:00"), Amsterdam));

        error.Field.ShouldBe("end");
        error.Code.ShouldBe(RosterRefusals.LocalTimeSkipped.Code);
        error.Phrase["local"].ShouldBe(Local("2026-03-29 02:00"));
    }

    [Fact]
    public void Resolve_RepeatedLocalTime_TakesTheEarlierOffset()
    {
        var times = ShiftTimes.Resolve(Local("2026-10-25 02:30"), Local("2026-10-25 08:00"), Amsterdam);

        // 02:30 happens first at +02:00 (summer time), then at +01:00; the first is meant.
        times.Start.ShouldBe(Utc("2026-10-25T00:30:00Z"));
        Amsterdam.GetUtcOffset(times.Start).ShouldBe(Offset.FromHours(2));
        times.Hours.ShouldBe(6.5m);
    }

    [Fact]
    public void Resolve_RepeatedLocalEnd_TakesTheEarlierOffsetToo()
    {
        var times = ShiftTimes.Resolve(Local("2026-10-25 00:00"), Local("2026-10-25 02:30"), Amsterdam);

        times.End.ShouldBe(Utc("2026-10-25T00:30:00Z"));
        times.Hours.ShouldBe(2.5m);
    }

    [Theory]
    [InlineData("2026-05-04 08:00", "2026-05-04 08:00")]
    [InlineData("2026-05-04 08:00", "2026-05-04 07:59")]
    public void Resolve_EndNotAfterStart_IsInvalid(string start, string end)
    {
        var error = Should.Throw<RuleViolationException>(() => ShiftTimes.Resolve(Local(start), Local(end), Amsterdam));

        error.Kind.ShouldBe(ViolationKind.Invalid);
        error.Field.ShouldBe("end");
        error.Code.ShouldBe(RosterRefusals.ShiftEndsBeforeStart.Code);
        error.Phrase["start"].ShouldBe(Local(start));
        error.Phrase["end"].ShouldBe(Local(end));
    }

    [Fact]
    public void Resolve_LongerThanMaximum_IsInvalid()
    {
        var error = Should.Throw<RuleViolationException>(
            () => ShiftTimes.Resolve(Local("2026-05-01 08:00"), Local("2026-06-01 08:01"), Amsterdam));

        error.Field.ShouldBe("end");
        error.Code.ShouldBe(RosterRefusals.ShiftTooLong.Code);
        error.Phrase["days"].ShouldBe(31);
    }

    [Fact]
    public void Resolve_ExactlyTheMaximum_IsAccepted()
    {
        ShiftTimes.Resolve(Local("2026-05-01 08:00"), Local("2026-06-01 08:00"), Amsterdam).Length.ShouldBe(ShiftTimes.MaxLength);
    }

    [Fact]
    public void ResolveStrict_SkippedByAnOffsetChangeThatIsNotSummerTime_SaysSo()
    {
        // Samoa moved across the date line: 30 December 2011 did not happen there.
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];

        var error = Should.Throw<RuleViolationException>(() => ShiftTimes.ResolveStrict(Local("2011-12-30 12:00"), apia, "start"));

        error.Code.ShouldBe(RosterRefusals.LocalTimeSkipped.Code);
        var why = error.Phrase["why"].ShouldBeOfType<Phrase>();
        why.Code.ShouldBe(RosterRefusals.SkippedForOffsetChange);
        why["before"].ShouldBe("-10");
        why["after"].ShouldBe("+14");
    }

    [Fact]
    public void ResolveLenient_SkippedTime_IsTheInstantAfterTheGap()
    {
        ShiftTimes.ResolveLenient(Local("2026-03-29 02:30"), Amsterdam).ShouldBe(Utc("2026-03-29T01:00:00Z"));
    }

    [Fact]
    public void ResolveLenient_RepeatedTime_TakesTheEarlierOffset()
    {
        ShiftTimes.ResolveLenient(Local("2026-10-25 02:30"), Amsterdam).ShouldBe(Utc("2026-10-25T00:30:00Z"));
    }

    [Theory]
    [InlineData(1, 0.0167)]
    [InlineData(30, 0.5)]
    [InlineData(90, 1.5)]
    [InlineData(10020, 167)]
    public void Hours_Minutes_RoundToFourPlaces(int minutes, double hours)
    {
        ShiftTimes.Hours(Duration.FromMinutes(minutes)).ShouldBe((decimal)hours);
    }
}
