using Crisis.Web.Data;
using Crisis.Web.Demo;

namespace Crisis.Web.Platform;

public static class Startup
{
    /// <summary>
    /// Migrates the database, starts the host, and on an empty database either seeds the demo region
    /// (Development, or Crisis:SeedDemo=true) or says how to create the first coordinator (Production).
    /// </summary>
    public static async Task RunCrisisAsync(this WebApplication app)
    {
        await app.Services.MigrateCrisisDatabaseAsync();
        await app.StartAsync();

        await app.SeedDemoIfEmptyAsync();
        await app.WaitForShutdownAsync();
    }
}
