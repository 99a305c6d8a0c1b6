using System.Globalization;
using System.Text.RegularExpressions;
using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using Crisis.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>Creating, locking, re-roling and deleting users and their tokens; used by the command line and the demo seeder.</summary>
public sealed partial class UserAdministration(
    UserManager<CrisisUser> users, ApiTokenService tokens, CrisisDbContext db, AuditTrail audit, IClock clock, OutboxDispatcher outbox,
    CredentialCheck check)
{
    /// <summary>The lockout end of an administrative lock: for good, until <c>user unlock</c>.</summary>
    public static readonly DateTimeOffset LockedUntil = DateTimeOffset.MaxValue;

    public async Task<CrisisUser> AddUserAsync(string? email, string? name, string? role, string? password, Actor actor)
    {
        if (TextRules.IsBlank(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw IdentityRefusals.EmailInvalid.RaiseFor("email");
        }
        if (TextRules.IsBlank(name))
        {
            throw IdentityRefusals.NameMissing.RaiseFor("name");
        }
        var parsedRole = ParseRole(role);
        if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            throw IdentityRefusals.UserExists.Raise(("email", email.Trim()));
        }
        var user = new CrisisUser
        {
            Id = Guid.NewGuid(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            Role = parsedRole.ToWire(),
            CreatedAt = clock.GetCurrentInstant(),
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw Rejection(result.Errors.ToList());
        }
        await audit.RecordAsync(actor, "user.add", $"user/{user.Id}", AuditOutcome.Succeeded, $"email={user.Email} role={user.Role}");
        return user;
    }

    /// <summary>A new token; <paramref name="expires"/> like <c>90d</c>, <c>12h</c> or <c>30m</c> makes it stop by itself.</summary>
    public async Task<string> CreateTokenAsync(string? email, Actor actor, string? expires = null)
    {
        var lifetime = expires is null ? (Duration?)null : ParseLifetime(expires);
        var user = await FindAsync(email);
        var (token, secret) = await tokens.CreateAsync(user.Id, lifetime);
        await audit.RecordAsync(actor, "token.create", $"user/{user.Id}", AuditOutcome.Succeeded,
            $"token={token.Id} expires={token.ExpiresAt?.ToString() ?? "never"}");
        return secret;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(string? email) =>
        await tokens.ListAsync(email is null ? null : (await FindAsync(email)).Id);

    public async Task<int> RevokeTokensAsync(string? email, Actor actor)
    {
        var user = await FindAsync(email);
        return await tokens.RevokeAsync(user.Id, null,
            d => audit.Stage(d, actor, "token.revoke", $"user/{user.Id}", "all tokens"));
    }

    /// <summary>Revokes one token by its id (as <c>token list</c> shows it); 0 when it was revoked already.</summary>
    public async Task<int> RevokeTokenAsync(string? id, Actor actor)
    {
        if (!Guid.TryParse(id, out var tokenId))
        {
            throw IdentityRefusals.TokenUnknown.RaiseFor("id", ("id", Texts.Shorten(id ?? "")));
        }
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId)
            ?? throw IdentityRefusals.TokenUnknown.RaiseFor("id", ("id", id!));
        return await tokens.RevokeAsync(token.UserId, tokenId,
            d => audit.Stage(d, actor, "token.revoke", $"user/{token.UserId}", $"token={tokenId}"));
    }

    /// <summary>Locks a user for good: no login, no token, and every open session ends.</summary>
    public Task LockAsync(string? email, Actor actor) =>
        ChangeAsync(email, actor, "user.lock", "locked", u => u.LockoutEnd = LockedUntil);

    public Task UnlockAsync(string? email, Actor actor) =>
        ChangeAsync(email, actor, "user.unlock", "unlocked", u => u.LockoutEnd = null);

    public Task SetRoleAsync(string? email, string? role, Actor actor)
    {
        var parsed = ParseRole(role).ToWire();
        return ChangeAsync(email, actor, "user.role", $"role {parsed}", u => u.Role = parsed);
    }

    /// <summary>Deletes a user and their tokens; their sessions end on every node.</summary>
    public async Task DeleteAsync(string? email, Actor actor)
    {
        var user = await FindAsync(email);
        var now = clock.GetCurrentInstant();
        var message = CredentialEvents.Stage(db, user.Id, null, "user deleted", now);
        audit.Stage(db, actor, "user.delete", $"user/{user.Id}", $"email={user.Email}");
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw Rejection(result.Errors.ToList());
        }
        check.Forget(user.Id);
        outbox.Notify([message.Id]);
    }

    /// <summary>
    /// Changes the user, replaces the security stamp (so login cookies issued before stop working) and writes the
    /// <c>credentials-revoked</c> event, all in one transaction (the user store saves the unit of work).
    /// </summary>
    private async Task ChangeAsync(string? email, Actor actor, string action, string reason, Action<CrisisUser> change)
    {
        var user = await FindAsync(email);
        change(user);
        var message = CredentialEvents.Stage(db, user.Id, null, reason, clock.GetCurrentInstant());
        audit.Stage(db, actor, action, $"user/{user.Id}", reason);
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw Rejection(result.Errors.ToList());
        }
        check.Forget(user.Id);
        outbox.Notify([message.Id]);
    }

    /// <summary>Ends the user's login sessions everywhere (logout): a copied cookie stops working.</summary>
    public Task EndSessionsAsync(CrisisUser user, Actor actor) =>
        ChangeAsync(user.Email, actor, "auth.logout", "logged out", _ => { });

    public Task<bool> AnyUsersAsync() => db.Users.AnyAsync();

    private static CrisisRole ParseRole(string? role) =>
        CrisisRoles.TryParse(role, out var parsed)
            ? parsed
            : throw IdentityRefusals.RoleUnknown.RaiseFor("role", ("role", Texts.Shorten(role ?? "")), ("roles", CrisisRoles.WireNames));

    /// <summary><c>90d</c>, <c>12h</c>, <c>30m</c>: a positive number of days (up to ten years), hours or minutes.</summary>
    public static Duration ParseLifetime(string text)
    {
        var match = LifetimePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw IdentityRefusals.TokenExpiryInvalid.RaiseFor("expires", ("expires", Texts.Shorten(text)));
        }
        var lifetime = match.Groups[2].Value switch
        {
            "d" => Duration.FromDays(n),
            "h" => Duration.FromHours(n),
            _ => Duration.FromMinutes(n),
        };
        return lifetime <= Duration.FromDays(3660)
            ? lifetime
            : throw IdentityRefusals.TokenExpiryInvalid.RaiseFor("expires", ("expires", Texts.Shorten(text)));
    }

    [GeneratedRegex("^([0-9]{1,7})([dhm])$")]
    private static partial Regex LifetimePattern();

    private async Task<CrisisUser> FindAsync(string? email)
    {
        if (TextRules.IsBlank(email))
        {
            throw IdentityRefusals.EmailMissing.RaiseFor("email");
        }
        return await users.FindByEmailAsync(email.Trim())
            ?? throw IdentityRefusals.UserUnknown.Raise(("email", email.Trim()));
    }

    /// <summary>Identity's refusal of a user: a short, common or weak password said in both languages, anything else as Identity says it.</summary>
    private RuleViolationException Rejection(IReadOnlyList<IdentityError> errors)
    {
        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort)))
        {
            return IdentityRefusals.PasswordTooShort.RaiseFor("password", ("length", users.Options.Password.RequiredLength));
        }
        if (errors.Any(e => e.Code == PasswordRules.CommonCode))
        {
            return IdentityRefusals.PasswordCommon.RaiseFor("password");
        }
        if (errors.Any(e => e.Code == PasswordRules.WeakCode))
        {
            return IdentityRefusals.PasswordWeak.RaiseFor("password");
        }
        return IdentityRefusals.UserRejected.Raise(("reasons", new Bilingual(
            string.Join(" ", errors.Select(e => e.Description)), string.Join(", ", errors.Select(e => e.Code)))));
    }
}
