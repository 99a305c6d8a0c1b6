using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Demo;

/// <summary>The demo region as a feature of its own: its seeder, and the start-up step that fills an empty database.</summary>
public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddScoped<DemoSeeder>();
        builder.Services.TryAddSingleton<DemoState>();
        return builder;
    }

    /// <summary>
    /// After the host has started (the log writer runs and the addresses are known): on an empty database, seeds
    /// the demo region (Development, or Crisis:SeedDemo=true) or says how to create the first coordinator.
    /// </summary>
    public static async Task SeedDemoIfEmptyAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        if (await users.AnyUsersAsync())
        {
            return;
        }
        var seed = app.Services.GetRequiredService<IOptions<CrisisOptions>>().Value.SeedDemo ?? app.Environment.IsDevelopment();
        if (seed)
        {
            var state = app.Services.GetRequiredService<DemoState>();
            IReadOnlyList<DemoLogin> logins;
            state.Seeding = true;
            try
            {
                logins = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                state.Seeded = true;
            }
            finally
            {
                state.Seeding = false;
            }
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

/// <summary>
/// Whether this node is filling the demo region right now, and whether it did: the login page asks people to wait
/// while the demo users do not exist yet, and names the demo logins once they do.
/// </summary>
public sealed class DemoState
{
    private volatile bool _seeding;
    private volatile bool _seeded;

    public bool Seeding
    {
        get => _seeding;
        set => _seeding = value;
    }

    public bool Seeded
    {
        get => _seeded;
        set => _seeded = value;
    }
}
