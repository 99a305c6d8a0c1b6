using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Crisis.Domain.Exercises;
using Crisis.Web.Platform;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Exercises;

/// <summary>
/// The scenario files in <c>Crisis:ScenarioPath</c> (default <c>exercises</c>: beside the app when published, else in the
/// repository root above the content root, where the solution is). Files are read on every listing, so a new or fixed
/// file shows without a restart; an exercise keeps the text it was made from (<see cref="Snapshot"/>).
/// </summary>
public sealed partial class ScenarioCatalog(IOptions<CrisisOptions> options, IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, Scenario> _snapshots = new(StringComparer.Ordinal);

    /// <summary>The folder the scenarios are read from.</summary>
    public string Folder { get; } = Resolve(options.Value.ScenarioPath, environment.ContentRootPath);

    public IReadOnlyList<ScenarioFile> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(Folder, "*.yaml")
            .Where(f => IdPattern().IsMatch(Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(f => ReadFile(f).File)
            .ToList();
    }

    /// <summary>The scenario file <paramref name="id"/> with its text; null when there is none by that name.</summary>
    public (ScenarioFile File, string Source)? Find(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            return null;
        }
        var path = Path.Combine(Folder, id + ".yaml");
        return File.Exists(path) ? ReadFile(path) : null;
    }

    /// <summary>The scenario an exercise was made from, parsed from its stored text (once per text).</summary>
    public Scenario Snapshot(string id, string source) =>
        _snapshots.GetOrAdd(Hash(id, source), _ => ScenarioReader.Read(id, id + ".yaml", source).Scenario
            ?? throw new InvalidOperationException($"The stored scenario of exercise '{id}' no longer reads."));

    private static (ScenarioFile File, string Source) ReadFile(string path)
    {
        var source = File.ReadAllText(path, Encoding.UTF8);
        return (ScenarioReader.Read(Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), source), source);
    }

    /// <summary>
    /// An absolute path as it is; a relative one against the content root when it exists there (a published app), else
    /// against the first folder above it that holds a solution file (<c>dotnet run</c> and the tests).
    /// </summary>
    internal static string Resolve(string configured, string contentRoot)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? "exercises" : configured;
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        foreach (var root in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var beside = Path.GetFullPath(Path.Combine(root, path));
            if (Directory.Exists(beside))
            {
                return beside;
            }
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln").Any())
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, path));
            }
        }
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }

    private static string Hash(string id, string source) =>
        id + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();
}
