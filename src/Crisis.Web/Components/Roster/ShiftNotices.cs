using Crisis.Web.Platform;
using Crisis.Web.Roster;
using NodaTime;

namespace Crisis.Web.Components.Roster;

/// <summary>
/// What a person is told when a coordinator changes their shifts (issue 9 point 5): one text for the notice on Mijn
/// diensten and for the one on every other page (<see cref="ShiftNoticeBar"/>).
/// </summary>
public static class ShiftNotices
{
    /// <summary>The notice for <paramref name="personId"/>, or null when the change is not theirs or was their own (swaps, leave).</summary>
    public static string? For(RosterChangeDto change, Guid personId, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.PersonIds.Contains(personId) || ChangedByCoordinator(change.Kind) is not { } what)
        {
            return null;
        }
        var when = change.From is { } f && change.To is { } t ? $" ({DutchFormat.DateTime(f, zone)} – {DutchFormat.DateTime(t, zone)})" : "";
        return $"{DutchFormat.Time(now.InZone(zone).TimeOfDay)}: de coördinator heeft {what}{(change.Function is { } fn ? $" {fn}" : "")}{when}.";
    }

    /// <summary>What a coordinator's change of the roster did, in Dutch; null for changes one makes oneself.</summary>
    private static string? ChangedByCoordinator(string kind) => kind switch
    {
        "shift.created" => "een dienst voor je ingepland",
        "shift.updated" => "je dienst gewijzigd",
        "shift.overridden" => "je dienst overgedragen",
        "shift.deleted" => "je dienst verwijderd",
        "rotation.generated" => "de rotatie opnieuw gemaakt",
        "roster.imported" => "diensten voor je geïmporteerd",
        _ => null,
    };
}
