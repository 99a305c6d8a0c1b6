using System.Security.Claims;
using Crisis.Domain;
using Crisis.Domain.Identity;

namespace Crisis.Web.Identity;

/// <summary>Who is acting, as every feature sees it: resolved once from the signed-in principal.</summary>
public sealed record Actor(Guid UserId, string Name, string Email, CrisisRole Role, string Origin)
{
    /// <summary>Crisis itself, for system entries and injects.</summary>
    public static Actor System(string origin = "system") =>
        new(Guid.Empty, "Crisis", "", CrisisRole.Coordinator, origin);

    public bool IsCoordinator => Role == CrisisRole.Coordinator;

    public static Actor FromPrincipal(ClaimsPrincipal principal, string origin)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !CrisisRoles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            throw Platform.PlatformPhrases.NotSignedIn.Raise();
        }
        var name = principal.FindFirstValue(CrisisClaims.DisplayName) ?? principal.Identity.Name ?? id.ToString();
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity.Name ?? "";
        return new Actor(id, name, email, role, origin);
    }
}

public static class ActorExtensions
{
    /// <summary>The signed-in caller of an API request, as every feature's endpoints pass it to their service.</summary>
    public static Actor Actor(this HttpContext http) =>
        Identity.Actor.FromPrincipal(http.User, $"api {http.Connection.RemoteIpAddress}");
}

public static class CrisisClaims
{
    public const string DisplayName = "crisis:display-name";

    /// <summary>The id of the API token a bearer principal was made from.</summary>
    public const string TokenId = "crisis:token-id";

    public static ClaimsIdentity IdentityFor(CrisisUser user, string authenticationType) =>
        new(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? user.Id.ToString()),
                new Claim(ClaimTypes.Email, user.Email ?? ""),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(CrisisClaims.DisplayName, user.DisplayName),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
}
