using Crisis.Domain.Roster;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Domain.Tests.Roster;

/// <summary>Shared zone, people and builders for the roster tests. All times are Europe/Amsterdam unless named.</summary>
internal static class RosterTestData
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public const string OvdBz = "OvD-BZ";
    public const string Hin = "HIN";

    public static readonly Guid Anna = new("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Bram = new("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Cor = new("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid Dewi = new("00000000-0000-0000-0000-00000000000d");

    /// <summary>A local date-time from "2026-03-23 08:00".</summary>
    public static LocalDateTime Local(string text) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Parse(text).Value;

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    /// <summary>An instant from "2026-03-23T07:00:00Z".</summary>
    public static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    /// <summary>The instant of a local time that exists exactly once in Amsterdam.</summary>
    public static Instant At(string local) => Amsterdam.AtStrictly(Local(local)).ToInstant();

    /// <summary>A shift between two Amsterdam local times.</summary>
    public static Shift ShiftOf(Guid person, string start, string end, string function = OvdBz, ShiftOrigin origin = ShiftOrigin.Manual) =>
        new(Guid.NewGuid(), function, person, At(start), At(end), origin);

    public static Unavailability Leave(Guid person, string start, string end) => new(person, At(start), At(end), "verlof");

    public static RosterPeriod Days(string from, string to) => RosterPeriod.Of(Date(from), Date(to), Amsterdam);

    public static readonly RosterFunction OvdFunction = new(OvdBz);
}
