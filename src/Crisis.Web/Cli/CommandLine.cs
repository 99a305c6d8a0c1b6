using Crisis.Domain;
using Crisis.Web.Data;
using Crisis.Web.Demo;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;

namespace Crisis.Web.Cli;

/// <summary>
/// The host's commands (<c>user add|lock|unlock|role|delete</c>, <c>token create|list|revoke</c>, <c>seed-demo</c>). They use the
/// same configuration and database as the server, print only their result on stdout, and on failure print a
/// message on stderr and exit non-zero.
/// </summary>
public sealed class CommandLine
{
    private readonly string _verb;
    private readonly Dictionary<string, string> _options;

    private CommandLine(string verb, Dictionary<string, string> options)
    {
        _verb = verb;
        _options = options;
    }

    public const string Usage = """
        Usage: Crisis.Web [command]
          (no command)                                          serve the app
          user add --email E --name N --role R [--password P]   create a user (roles: coordinator, officer, member, exercise-lead, viewer)
          user lock --email E                                   lock the user out for good; their sessions end
          user unlock --email E                                 lift the lock
          user role --email E --role R                          give the user another role; their sessions end
          user delete --email E                                 delete the user and their tokens; their sessions end
          token create --email E [--expires 90d|12h|30m]        print a new bearer token for that user
          token list [--email E]                                the tokens (id, user, created, expires, revoked; never the secret)
          token revoke --id ID                                  revoke one token
          token revoke --email E                                revoke all bearer tokens of that user
          seed-demo                                             fill an empty database with the demo region
        """;

    /// <summary>The command in <paramref name="args"/>, or null when the host should serve.</summary>
    public static CommandLine? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }
        var words = new List<string>();
        var i = 0;
        for (; i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            words.Add(args[i]);
        }
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var bad = new List<string>();
        for (; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                bad.Add(args[i]);
                continue;
            }
            options[args[i][2..]] = args[++i];
        }
        if (bad.Count > 0)
        {
            options["!bad"] = string.Join(' ', bad);
        }
        return new CommandLine(string.Join(' ', words), options);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            if (_options.TryGetValue("!bad", out var bad))
            {
                throw new CommandException(IdentityRefusals.CommandOptionsUnreadable.Raise(("words", bad)), withUsage: false);
            }
            await app.Services.MigrateCrisisDatabaseAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var actor = Actor.System("cli");
            var admin = sp.GetRequiredService<UserAdministration>();
            switch (_verb)
            {
                case "user add":
                    Expect("email", "name", "role", "password");
                    var user = await admin.AddUserAsync(
                        Get("email"), Get("name"), Get("role"), _options.GetValueOrDefault("password"), actor);
                    Console.Out.WriteLine(user.Id);
                    return 0;
                case "user lock":
                    Expect("email");
                    await admin.LockAsync(Get("email"), actor);
                    return 0;
                case "user unlock":
                    Expect("email");
                    await admin.UnlockAsync(Get("email"), actor);
                    return 0;
                case "user role":
                    Expect("email", "role");
                    await admin.SetRoleAsync(Get("email"), Get("role"), actor);
                    return 0;
                case "user delete":
                    Expect("email");
                    await admin.DeleteAsync(Get("email"), actor);
                    return 0;
                case "token create":
                    Expect("email", "expires");
                    Console.Out.WriteLine(await admin.CreateTokenAsync(Get("email"), actor, _options.GetValueOrDefault("expires")));
                    return 0;
                case "token list":
                    Expect("email");
                    foreach (var t in await admin.ListTokensAsync(_options.GetValueOrDefault("email")))
                    {
                        Console.Out.WriteLine(string.Join('\t', t.Id, t.Email, t.CreatedAt, t.ExpiresAt?.ToString() ?? "never",
                            t.RevokedAt is { } revoked ? $"revoked {revoked}" : "active"));
                    }
                    return 0;
                case "token revoke":
                    Expect("email", "id");
                    if (_options.ContainsKey("id") == _options.ContainsKey("email"))
                    {
                        throw new CommandException(IdentityRefusals.CommandOptionMissing.Raise(("command", _verb), ("option", "id")));
                    }
                    var n = _options.ContainsKey("id")
                        ? await admin.RevokeTokenAsync(Get("id"), actor)
                        : await admin.RevokeTokensAsync(Get("email"), actor);
                    Console.Out.WriteLine(n);
                    return 0;
                case "seed-demo":
                    Expect();
                    // The seeder writes log entries through the log writer, which normally runs as a hosted service.
                    var writer = app.Services.GetRequiredService<LogWriter>();
                    await writer.StartAsync(CancellationToken.None);
                    try
                    {
                        var logins = await sp.GetRequiredService<DemoSeeder>().SeedAsync();
                        Console.Out.Write(DemoSeeder.Describe(logins));
                    }
                    finally
                    {
                        await writer.StopAsync(CancellationToken.None);
                    }
                    return 0;
                default:
                    throw new CommandException(IdentityRefusals.CommandUnknown.Raise(("command", _verb)));
            }
        }
        catch (CommandException ex)
        {
            var text = English(app, ex.Refusal);
            await Console.Error.WriteLineAsync(ex.WithUsage ? $"{text}\n{Usage}" : text);
            return 2;
        }
        catch (RuleViolationException ex)
        {
            await Console.Error.WriteLineAsync($"{_verb}: {English(app, ex)}");
            return 1;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{_verb} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>A refusal in English, from the host's phrasebook: what a person at the terminal reads.</summary>
    private static string English(WebApplication app, RuleViolationException refusal) =>
        app.Services.GetRequiredService<Phrasebook>().English(refusal.Phrase);

    private string Get(string name) =>
        _options.TryGetValue(name, out var v)
            ? v
            : throw new CommandException(IdentityRefusals.CommandOptionMissing.Raise(("command", _verb), ("option", name)));

    private void Expect(params string[] allowed)
    {
        var unknown = _options.Keys.Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandException(IdentityRefusals.CommandOptionUnknown.Raise(("command", _verb), ("option", unknown[0])));
        }
    }

    /// <summary>A command that cannot be run as given: said with the usage, and exit code 2.</summary>
    private sealed class CommandException(RuleViolationException refusal, bool withUsage = true) : Exception(refusal.Message, refusal)
    {
        public RuleViolationException Refusal { get; } = refusal;
        public bool WithUsage { get; } = withUsage;
    }
}
