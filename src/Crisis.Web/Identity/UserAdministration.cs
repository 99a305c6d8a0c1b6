using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Identity;

/// <summary>Creating users and their tokens; used by the command line and the demo seeder.</summary>
public sealed class UserAdministration(
    UserManager<CrisisUser> users, ApiTokenService tokens, CrisisDbContext db, AuditTrail audit, IClock clock)
{
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
        if (!CrisisRoles.TryParse(role, out var parsedRole))
        {
            throw IdentityRefusals.RoleUnknown.RaiseFor("role", ("role", Texts.Shorten(role ?? "")), ("roles", CrisisRoles.WireNames));
        }
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

    public async Task<string> CreateTokenAsync(string? email, Actor actor)
    {
        var user = await FindAsync(email);
        var (token, secret) = await tokens.CreateAsync(user.Id);
        await audit.RecordAsync(actor, "token.create", $"user/{user.Id}", AuditOutcome.Succeeded, $"token={token.Id}");
        return secret;
    }

    public async Task<int> RevokeTokensAsync(string? email, Actor actor)
    {
        var user = await FindAsync(email);
        var count = await tokens.RevokeAllAsync(user.Id);
        await audit.RecordAsync(actor, "token.revoke", $"user/{user.Id}", AuditOutcome.Succeeded, $"revoked={count}");
        return count;
    }

    public Task<bool> AnyUsersAsync() => db.Users.AnyAsync();

    private async Task<CrisisUser> FindAsync(string? email)
    {
        if (TextRules.IsBlank(email))
        {
            throw IdentityRefusals.EmailMissing.RaiseFor("email");
        }
        return await users.FindByEmailAsync(email.Trim())
            ?? throw IdentityRefusals.UserUnknown.Raise(("email", email.Trim()));
    }

    /// <summary>Identity's refusal of a new user: a short password said in both languages, anything else as Identity says it.</summary>
    private RuleViolationException Rejection(IReadOnlyList<IdentityError> errors)
    {
        if (errors is [{ Code: nameof(IdentityErrorDescriber.PasswordTooShort) }])
        {
            return IdentityRefusals.PasswordTooShort.RaiseFor("password", ("length", users.Options.Password.RequiredLength));
        }
        return IdentityRefusals.UserRejected.Raise(("reasons", new Bilingual(
            string.Join(" ", errors.Select(e => e.Description)), string.Join(", ", errors.Select(e => e.Code)))));
    }
}
