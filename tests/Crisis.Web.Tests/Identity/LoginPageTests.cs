using Crisis.Web.Demo;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Identity;

/// <summary>The login page while the demo region is being filled: the demo users do not exist yet, so it says so.</summary>
public sealed class LoginPageTests
{
    [Fact]
    public async Task LoginPage_SaysTheDemoIsBeingSetUp_AndRefreshes_OnlyWhileItIs()
    {
        await using var app = await CrisisApp.StartAsync();
        var state = app.Services.GetRequiredService<DemoState>();
        var client = app.CreateClient();

        state.Seeding = true;
        var seeding = await client.GetStringAsync("/login");
        seeding.ShouldContain("De demo wordt klaargezet");
        seeding.ShouldContain("http-equiv=\"refresh\"");

        state.Seeding = false;
        var ready = await client.GetStringAsync("/login");
        ready.ShouldNotContain("De demo wordt klaargezet");
        ready.ShouldNotContain("http-equiv=\"refresh\"");
    }
}
