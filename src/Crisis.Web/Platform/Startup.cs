using Crisis.Web.Data;
using Crisis.Web.Demo;
using Crisis.Web.Identity;
using Microsoft.Extensions.Options;

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

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            if (!await users.AnyUsersAsync())
            {
                var seed = app.Services.GetRequiredService<IOptions<CrisisOptions>>().Value.SeedDemo ?? app.Environment.IsDevelopment();
                if (seed)
                {
                    var logins = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                    Console.Out.WriteLine();
                    Console.Out.Write(DemoSeeder.Describe(logins));
                    Console.Out.WriteLine($"Open {string.Join(" or ", app.Urls)} and log in.");
                    Console.Out.WriteLine();
                }
                else
                {
                    Console.Out.WriteLine("""

                        Crisis has no users yet. Create the first coordinator with:
                          dotnet run --project src/Crisis.Web -- user add --email you@example.org --name "Your Name" --role coordinator --password "a-long-password"
                        (or, in a published build: dotnet Crisis.Web.dll user add …), then log in with that email and password.

                        """);
                }
            }
        }
        await app.WaitForShutdownAsync();
    }
}
