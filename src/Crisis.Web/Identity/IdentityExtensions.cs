using System.Security.Claims;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Realtime;
using Crisis.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Identity;

public static class IdentityExtensions
{
    public const string SelectorScheme = "Crisis";

    /// <summary>The login cookie.</summary>
    public const string CookieName = "crisis.auth";

    /// <summary>
    /// ASP.NET Core Identity with a login cookie for people and bearer tokens for machines; a policy scheme picks
    /// the bearer handler whenever a token is sent. API and hub calls get 401/403 problem details, never a
    /// redirect to the login page.
    /// </summary>
    public static WebApplicationBuilder AddCrisisIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<CrisisUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<CrisisDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CrisisClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx => BearerTokenHandler.ReadToken(ctx.Request) is not null
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/login";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = ctx => IsMachineCall(ctx.Request)
                ? WriteProblem(ctx.HttpContext, 401, "Not signed in", "Send a valid bearer token (Authorization: Bearer …) or sign in.")
                : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsMachineCall(ctx.Request)
                ? WriteProblem(ctx.HttpContext, 403, "Forbidden", "You may not do this.")
                : Redirect(ctx);
            // Instead of Identity's security stamp validator every 30 minutes: the credential check on every request
            // (cached two seconds), so a logout, lock, deletion or role change ends the cookie at once.
            o.Events.OnValidatePrincipal = ValidateCookieAsync;
        });
        // Every node must read the cookies and circuit state the others wrote: the keys live in the shared database
        // (encrypted with Crisis:DataProtection:Certificate when one is configured).
        var dataProtection = services.AddDataProtection().SetApplicationName("Crisis").PersistKeysToDbContext<CrisisDbContext>();
        builder.AddCrisisSecurity(dataProtection);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // A circuit rechecks its credential every two seconds and on every credentials-revoked event.
        services.AddScoped<AuthenticationStateProvider, CircuitAuthenticationState>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        return builder;
    }

    private static bool IsMachineCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(CrisisHub.Path);

    /// <summary>
    /// The redirect to the login page, relative: the handler makes it absolute from the request's Host header, which a
    /// client can forge.
    /// </summary>
    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        var target = Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : ctx.RedirectUri;
        ctx.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext ctx)
    {
        var check = ctx.HttpContext.RequestServices.GetRequiredService<CredentialCheck>();
        if (ctx.Principal is null || !await check.IsValidAsync(ctx.Principal, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);

    /// <summary>The cookie login form posts here; the page itself is <c>/login</c>.</summary>
    public static IEndpointRouteBuilder MapCrisisIdentity(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async (
            [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<CrisisUser> signIn, IPasswordHasher<CrisisUser> hasher, AuditTrail audit, HttpContext http) =>
        {
            var target = SafeReturnUrl(returnUrl);
            var origin = $"ui {http.Connection.RemoteIpAddress}";
            if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            {
                return Results.LocalRedirect($"/login?error=empty&returnUrl={Uri.EscapeDataString(target)}");
            }
            // An unknown e-mail costs a password hash too, and gets the same answer as a wrong password: neither the
            // message nor the time tells which addresses have an account.
            var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
            var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
            if (user is null)
            {
                hasher.VerifyHashedPassword(UnknownUser, UnknownUserHash(hasher), password);
            }
            else
            {
                result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            }
            if (!result.Succeeded)
            {
                await audit.RecordAsync(new Actor(Guid.Empty, email.Trim(), email.Trim(), CrisisRole.Viewer, origin),
                    "auth.login", null, AuditOutcome.Denied, result.IsLockedOut ? "locked out" : "wrong email or password");
                var error = result.IsLockedOut ? "locked" : "invalid";
                return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
            }
            return Results.LocalRedirect(target);
        }).AllowAnonymous();

        app.MapPost("/account/logout", async (SignInManager<CrisisUser> signIn, UserAdministration admin, HttpContext http) =>
        {
            // A new security stamp ends this session on the server too: a copied cookie stops working, on every node.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await admin.EndSessionsAsync(user, Actor.FromPrincipal(http.User, $"ui {http.Connection.RemoteIpAddress}"));
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();
        return app;
    }

    private static readonly CrisisUser UnknownUser = new() { Id = Guid.Empty, DisplayName = "", Role = "" };
    private static string? _unknownUserHash;

    private static string UnknownUserHash(IPasswordHasher<CrisisUser> hasher) =>
        _unknownUserHash ??= hasher.HashPassword(UnknownUser, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private static string SafeReturnUrl(string? returnUrl) => Platform.LocalUrls.SafeReturnUrl(returnUrl);
}

/// <summary>Adds the role and the display name to the login cookie's principal.</summary>
public sealed class CrisisClaimsPrincipalFactory(UserManager<CrisisUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrisisUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrisisUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(CrisisClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
