using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Crisis.Web.Realtime;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Security;

/// <summary>
/// Keeps other sites from using a visitor's login cookie. A cookie-authenticated request (one with the login cookie and
/// no bearer token) to the hub must come from the site's own origin (or one of <c>Crisis:AllowedOrigins</c>); one that
/// changes state on <c>/api</c> or <c>/account</c> must in addition carry <see cref="HeaderName"/>: 1 (a header a browser
/// sends cross-site only after a CORS preflight, which Crisis never grants) or a valid antiforgery token (the forms).
/// A foreign <c>Origin</c> or <c>Sec-Fetch-Site: cross-site</c> is refused with 403. Bearer-token requests pass.
/// </summary>
public sealed class CrossSiteGuard(RequestDelegate next, IOptions<CrisisOptions> options, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-Crisis-Request";

    private readonly HashSet<string> _allowed = new(
        CrisisOptions.ListOf(options.Value.AllowedOrigins).Select(o => o.TrimEnd('/'))
            .Concat(options.Value.PublicUri is { } u ? [u.GetLeftPart(UriPartial.Authority)] : []),
        StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var hub = request.Path.StartsWithSegments(CrisisHub.Path);
        var write = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
            && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/account"));
        if ((hub || write) && BearerTokenHandler.ReadToken(request) is null && request.Cookies.ContainsKey(IdentityExtensions.CookieName))
        {
            if (!SameSite(request))
            {
                await RefuseAsync(http, "The request comes from another site; Crisis does not accept its login cookie there.");
                return;
            }
            if (write && request.Headers[HeaderName] != "1" && !await HasAntiforgeryTokenAsync(http))
            {
                await RefuseAsync(http, $"A signed-in browser request that changes something needs the header {HeaderName}: 1 or an antiforgery token.");
                return;
            }
        }
        await next(http);
    }

    private bool SameSite(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Not a browser's cross-site request: browsers send Origin on every cross-origin write and WebSocket.
            return true;
        }
        return _allowed.Contains(origin.TrimEnd('/'))
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> HasAntiforgeryTokenAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return false;
        }
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static Task RefuseAsync(HttpContext http, string detail) =>
        Results.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
}
