using Crisis.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Crisis.Web.Security;

/// <summary>
/// Refuses a password that is on the list of common passwords (an embedded file of English and Dutch words with the usual
/// endings: <c>wachtwoord</c>, <c>welkom123</c>, <c>voorjaar2026</c> …) or that is weak however long: one character
/// repeated, a short block repeated, or a run along the alphabet, the digits or a keyboard row (<c>1234567890</c>).
/// The minimum length is Identity's own rule (10).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<CrisisUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string WeakCode = "PasswordWeak";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    private static readonly string[] Runs =
        ["abcdefghijklmnopqrstuvwxyz", "01234567890123456789", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn"];

    public Task<IdentityResult> ValidateAsync(UserManager<CrisisUser> manager, CrisisUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = "The password is a common one." }));
        }
        return Task.FromResult(IsWeak(password)
            ? IdentityResult.Failed(new IdentityError { Code = WeakCode, Description = "The password is too simple." })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public static bool IsWeak(string password)
    {
        var p = password.ToLowerInvariant();
        if (p.Distinct().Count() < 4)
        {
            return true;
        }
        for (var period = 1; period <= 4; period++)
        {
            if (Enumerable.Range(period, p.Length - period).All(i => p[i] == p[i - period]))
            {
                return true;
            }
        }
        return Runs.Any(run => run.Contains(p, StringComparison.Ordinal) || new string(run.Reverse().ToArray()).Contains(p, StringComparison.Ordinal));
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Crisis.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set;
    }
}
