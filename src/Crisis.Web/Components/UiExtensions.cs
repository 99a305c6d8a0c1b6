using Crisis.Web.Demo;
using MudBlazor.Services;

namespace Crisis.Web.Components;

public static class UiExtensions
{
    /// <summary>Blazor Server (interactive server render mode) with MudBlazor, and the demo seeder.</summary>
    public static WebApplicationBuilder AddCrisisUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddMudServices();
        builder.Services.AddScoped<UiSession>();
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    public static WebApplication MapCrisisUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
