using Crisis.Domain;

namespace Crisis.Web.Platform;

/// <summary>Sentences every feature shares.</summary>
public static class PlatformPhrases
{
    public static readonly RefusalCode NotSignedIn = new("platform.not-signed-in", ViolationKind.Forbidden);

    /// <summary>The database did not answer (down, or hung past the command timeout); a request may try again soon (503).</summary>
    public static readonly RefusalCode DatabaseUnavailable = new("platform.database-unavailable", ViolationKind.Unavailable);

    /// <summary>This node is shutting down and takes no more writes; another node (or this one after its restart) will (503).</summary>
    public static readonly RefusalCode ShuttingDown = new("platform.shutting-down", ViolationKind.Unavailable);

    /// <summary>A fault that is not the person's: said instead of the exception.</summary>
    public static readonly NoticeCode Failed = new("platform.failed");
}

internal sealed class PlatformTexts : PhraseTable
{
    public PlatformTexts()
    {
        Add(PlatformPhrases.NotSignedIn, "You are not signed in.", "Je bent niet aangemeld.");
        Add(PlatformPhrases.DatabaseUnavailable,
            "Crisis's database does not answer at the moment; try again in a moment.",
            "De database van Crisis reageert nu niet; probeer het zo opnieuw.");
        Add(PlatformPhrases.ShuttingDown,
            "This Crisis server is shutting down; nothing was stored. Try again in a moment.",
            "Deze Crisis-server wordt afgesloten; er is niets vastgelegd. Probeer het zo opnieuw.");
        Add(PlatformPhrases.Failed,
            "Crisis could not complete the request. Nothing was changed; try again.",
            "Dat lukte niet door een storing in Crisis. Er is niets veranderd; probeer het opnieuw.");
    }
}
