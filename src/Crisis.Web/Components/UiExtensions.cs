using MudBlazor.Services;

namespace Crisis.Web.Components;

public static class UiExtensions
{
    /// <summary>Blazor Server (interactive server render mode) with MudBlazor, and the demo seeder.</summary>
    public static WebApplicationBuilder AddCrisisUi(this WebApplicationBuilder builder)
    {
        // The framework's and MudBlazor's files (blazor.web.js, _content/MudBlazor/…) live in the packages, listed by
        // the build's static web assets manifest. ASP.NET Core reads that manifest by itself only in Development; a
        // Release build run from its output (dotnet run -c Release, Production) needs it too. Published output has the
        // files copied into wwwroot and no manifest, and there this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddMudServices();
        builder.Services.AddScoped<UiSession>();
        return builder;
    }

    public static WebApplication MapCrisisUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
