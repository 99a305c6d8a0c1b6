using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Platform;

/// <summary>The OpenAPI document against the endpoints the host really maps, and the API browser at /api/docs.</summary>
[Collection(HostsCollection.Name)]
public sealed partial class OpenApiTests(HostsFixture hosts)
{
    [Fact]
    public async Task Document_DescribesEveryMappedApiEndpoint_WithTheBearerSchemeAndProblemDetails()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: OpenApiPath(e.RoutePattern.RawText ?? ""), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) && !e.Path.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .ToHashSet();

        using var doc = JsonDocument.Parse(await app.ClientFor(null).GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        var described = new HashSet<string>();
        var unsecured = new List<string>();
        var withoutProblems = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var key = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                described.Add(key);
                if (!operation.Value.TryGetProperty("security", out var security) || security.GetArrayLength() == 0)
                {
                    unsecured.Add(key);
                }
                if (!operation.Value.GetProperty("responses").TryGetProperty("401", out var problem)
                    || !problem.GetProperty("content").TryGetProperty("application/problem+json", out _))
                {
                    withoutProblems.Add(key);
                }
            }
        }

        mapped.Count.ShouldBeGreaterThan(30);
        mapped.Except(described).Order().ToList().ShouldBeEmpty("mapped API endpoints missing from the OpenAPI document");
        withoutProblems.Where(mapped.Contains).ShouldBeEmpty("API operations without problem-detail responses");
        unsecured.Where(mapped.Contains).ShouldBeEmpty("API operations without the bearer requirement");
        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
    }

    [Fact]
    public async Task ApiDocs_IsServedFromTheSite_WithItsOwnRelaxedPolicyOnlyThere()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var client = app.ClientFor(null);

        using var redirect = await client.GetAsync("/api/docs");
        using var docs = await client.GetAsync("/api/docs/");
        using var login = await client.GetAsync("/login");

        redirect.StatusCode.ShouldBe(HttpStatusCode.Found);
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await docs.Content.ReadAsStringAsync();
        html.ShouldContain("\"url\":\"openapi/v1.json\""); // resolved against the site's base path by Scalar's script
        html.ShouldContain("<script src=\"scalar.js\">"); // served by the site, no CDN
        html.ShouldNotContain("cdn.jsdelivr.net");
        using var script = await client.GetAsync("/api/docs/scalar.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        docs.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self' 'unsafe-inline'");
        login.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
    }

    /// <summary>A route pattern as OpenAPI writes its path: parameters without constraints, no trailing slash.</summary>
    private static string OpenApiPath(string raw)
    {
        var path = Parameter().Replace("/" + raw.TrimStart('/'), m => "{" + m.Groups[1].Value + "}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{\*{0,2}([^:}=?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
