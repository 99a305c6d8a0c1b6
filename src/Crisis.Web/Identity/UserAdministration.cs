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
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give a valid email address with --email.", "email");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give the person's name with --name.", "name");
        }
        if (!CrisisRoles.TryParse(role, out var parsedRole))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"'{role}' is not a role; use one of {string.Join(", ", CrisisRoles.WireNames)}.", "role");
        }
        if (await users.FindByEmailAsync(email.Trim()) is not null)
        {
            throw LegacyRefusals.Of(ViolationKind.Conflict, $"A user with email {email.Trim()} already exists.");
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
            throw LegacyRefusals.Of(ViolationKind.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)));
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
        if (string.IsNullOrWhiteSpace(email))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Give the user's email address with --email.", "email");
        }
        return await users.FindByEmailAsync(email.Trim())
            ?? throw LegacyRefusals.Of(ViolationKind.NotFound, $"There is no user with email {email.Trim()}.");
    }
}
