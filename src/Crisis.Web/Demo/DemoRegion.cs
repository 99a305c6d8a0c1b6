namespace Crisis.Web.Demo;

/// <summary>A fictitious safety region: every name is invented.</summary>
public static class DemoRegion
{
    public const string Name = "Veiligheidsregio Lage Landen";

    public static IReadOnlyList<string> Municipalities { get; } =
    [
        "Aldervoort", "Beekhuizen", "Dijkerwaard", "Elsveen", "Groenmeer", "Hasselburg", "Kraaiendam",
        "Lindewold", "Noordhaven", "Oosterbroek", "Rietwijk", "Tolhuizen", "Waalderveld", "Zilverdal",
    ];

    /// <summary>The shared password of the demo users; shown on the login page in Development.</summary>
    public const string Password = "oefenen-2026";
}
