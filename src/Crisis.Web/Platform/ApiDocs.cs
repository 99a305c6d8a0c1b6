using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Crisis.Web.Platform;

/// <summary>
/// The OpenAPI document for integrators (<c>/openapi/v1.json</c>): the bearer scheme, which operations need it, and the
/// problem details every API operation can answer; browsable at <c>/api/docs</c> (Scalar, served from the site itself).
/// </summary>
internal static class ApiDocs
{
    public const string Path = "/api/docs";
    private const string Bearer = "Bearer";

    /// <summary>The statuses every API operation can answer with a problem detail (see README, "Incident log: HTTP API").</summary>
    private static readonly (string Status, string Meaning)[] Problems =
    [
        ("400", "Bad input (problem details with a code and the field)"),
        ("401", "Not signed in"),
        ("403", "Forbidden"),
        ("404", "Unknown"),
        ("409", "Conflict"),
        ("429", "Too many requests (Retry-After in seconds)"),
    ];

    public static IServiceCollection AddCrisisApiDocs(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Crisis API";
                document.Info.Description =
                    "The HTTP API of Crisis. Sign in with a bearer token (`crisis token create`, see the README) in the " +
                    "Authorization header; errors are RFC 7807 problem details with a `code`.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token of Crisis.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var route = "/" + (context.Description.RelativePath ?? "");
                if (!route.StartsWith("/api/", StringComparison.Ordinal))
                {
                    return;
                }
                var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, meaning) in Problems)
                {
                    if (operation.Responses.ContainsKey(status))
                    {
                        continue;
                    }
                    operation.Responses[status] = new OpenApiResponse
                    {
                        Description = meaning,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    };
                }
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                if (!anonymous && metadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [],
                    });
                }
            });
        });

    public static WebApplication MapCrisisApiDocs(this WebApplication app)
    {
        app.MapScalarApiReference(Path, o => o
                .WithTitle("Crisis API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts())
            .AllowAnonymous();
        return app;
    }
}
