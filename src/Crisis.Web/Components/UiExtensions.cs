using Microsoft.AspNetCore.Diagnostics;
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
        // A page request that ends in an error without a body (an unknown address above all) gets the Dutch status page
        // with the same status code; the API, the hub and the framework's files keep their own answers (the feature is
        // switched off for them).
        app.UseStatusCodePagesWithReExecute("/fout/{0}", createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            if (!IsPageRequest(http) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(http);
        });
        // The re-executed request starts again after the status-code middleware, past the platform's antiforgery.
        app.UseWhen(http => http.Features.Get<IStatusCodeReExecuteFeature>() is not null, again => again.UseAntiforgery());
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsPageRequest(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs")
            && !request.Path.StartsWithSegments("/_blazor") && !request.Path.StartsWithSegments("/_framework")
            && !request.Path.StartsWithSegments("/_content") && !request.Path.StartsWithSegments("/healthz")
            && !request.Path.StartsWithSegments("/readyz")
            && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }
}
