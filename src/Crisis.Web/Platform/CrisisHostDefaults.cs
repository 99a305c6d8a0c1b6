namespace Crisis.Web.Platform;

public static class CrisisHostDefaults
{
    /// <summary>
    /// A Debug build (what <c>dotnet run</c> builds) runs as Development unless the environment says otherwise, so
    /// that a newcomer gets the demo region; Release builds run as Production. This replaces launchSettings.json,
    /// because <c>dotnet run</c> announces a launch profile on stdout and would spoil the commands' output.
    /// </summary>
    public static string? EnvironmentName()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")))
        {
            return null;
        }
#if DEBUG
        return Environments.Development;
#else
        return null;
#endif
    }
}
