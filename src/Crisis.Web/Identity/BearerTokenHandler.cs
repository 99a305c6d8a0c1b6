using System.Security.Claims;
using System.Text.Encodings.Web;
using Crisis.Web.Audit;
using Crisis.Web.Incidents;
using Crisis.Web.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer crs_…</c>, and for the hub (WebSockets cannot send headers from a
/// browser) the <c>access_token</c> query parameter.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokenService tokens,
    AuditTrail audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (request.Path.StartsWithSegments(CrisisHub.Path) && request.Query.TryGetValue("access_token", out var q))
        {
            return q.ToString();
        }
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadToken(Request);
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }
        var found = await tokens.FindAsync(secret, Context.RequestAborted);
        if (found is not { } tokenAndUser)
        {
            await audit.RecordAsync(null, "auth.token", Request.Path, AuditOutcome.Denied,
                $"unknown, revoked or expired bearer token from {Context.Connection.RemoteIpAddress}");
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired.");
        }
        var (token, user) = tokenAndUser;
        var identity = CrisisClaims.IdentityFor(user, SchemeName);
        identity.AddClaim(new Claim(CrisisClaims.TokenId, token.Id.ToString()));
        var principal = new ClaimsPrincipal(identity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "Not signed in",
            detail: "Send a valid bearer token (Authorization: Bearer …) or sign in.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(title: "Forbidden", detail: "You may not do this.", statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(Context);
    }
}
