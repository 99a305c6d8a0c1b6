namespace Crisis.Domain.Incidents;

/// <summary>GRIP levels: 0 is routine (no GRIP), 1 to 5 say how far up the crisis structure it is coordinated.</summary>
public static class GripLevel
{
    public const int Min = 0;
    public const int Max = 5;

    public static bool IsValid(int level) => level is >= Min and <= Max;

    public static string ToDutch(int level) => level == 0 ? "Geen GRIP" : $"GRIP {level}";
}
