using Crisis.Domain;
using Crisis.Web.Data;
using Crisis.Web.Demo;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;

namespace Crisis.Web.Cli;

/// <summary>
/// The host's commands (<c>user add</c>, <c>token create</c>, <c>token revoke</c>, <c>seed-demo</c>). They use the
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
          token create --email E                                print a new bearer token for that user
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
                throw new CommandException($"Cannot read '{bad}': give options as --name value.");
            }
            await app.Services.MigrateCrisisDatabaseAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var actor = Actor.System("cli");
            switch (_verb)
            {
                case "user add":
                    Expect("email", "name", "role", "password");
                    var user = await sp.GetRequiredService<UserAdministration>().AddUserAsync(
                        Get("email"), Get("name"), Get("role"), _options.GetValueOrDefault("password"), actor);
                    Console.Out.WriteLine(user.Id);
                    return 0;
                case "token create":
                    Expect("email");
                    Console.Out.WriteLine(await sp.GetRequiredService<UserAdministration>().CreateTokenAsync(Get("email"), actor));
                    return 0;
                case "token revoke":
                    Expect("email");
                    var n = await sp.GetRequiredService<UserAdministration>().RevokeTokensAsync(Get("email"), actor);
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
                    throw new CommandException($"Unknown command '{_verb}'.\n{Usage}");
            }
        }
        catch (CommandException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (RuleViolationException ex)
        {
            await Console.Error.WriteLineAsync($"{_verb}: {ex.Message}");
            return 1;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{_verb} failed: {ex.Message}");
            return 1;
        }
    }

    private string Get(string name) =>
        _options.TryGetValue(name, out var v) ? v : throw new CommandException($"{_verb}: --{name} is required.\n{Usage}");

    private void Expect(params string[] allowed)
    {
        var unknown = _options.Keys.Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandException($"{_verb}: unknown option --{unknown[0]}.\n{Usage}");
        }
    }

    private sealed class CommandException(string message) : Exception(message);
}
