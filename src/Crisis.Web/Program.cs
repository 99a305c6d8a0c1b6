using Crisis.Web.Cli;
using Crisis.Web.Platform;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    EnvironmentName = CrisisHostDefaults.EnvironmentName(),
});
if (command is not null)
{
    // A command prints only its result on stdout; whatever the host has to say goes to stderr.
    builder.Logging.ClearProviders();
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}
builder.AddCrisis();

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app);
}
app.MapCrisis();
await app.RunCrisisAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
