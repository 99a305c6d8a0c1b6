using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Crisis.Domain.Exercises;

/// <summary>
/// Reads the values of a parsed YAML document field by field, noting every problem with its line and field path
/// instead of stopping at the first: a scenario author sees all that is wrong with a file at once.
/// </summary>
internal sealed class YamlFields(string file)
{
    private readonly List<ScenarioProblem> _problems = [];

    public IReadOnlyList<ScenarioProblem> Problems => _problems;

    public void Note(YamlNode? node, string field, NoticeCode code, params (string Name, object? Value)[] args) =>
        NoteAt(node is null ? 1 : LineOf(node), field, code, args);

    public void NoteAt(int line, string field, NoticeCode code, params (string Name, object? Value)[] args) =>
        _problems.Add(new ScenarioProblem(file, line, field, code.With(args)));

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public static bool IsNull(YamlNode? node) =>
        node is null || node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The value of <paramref name="key"/> in <paramref name="map"/>, or null when it is absent or empty.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return IsNull(v) ? null : v;
            }
        }
        return null;
    }

    /// <summary>Notes every key of <paramref name="map"/> that is not one of <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMappingNode map, string path, params string[] allowed)
    {
        foreach (var (k, _) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Note(k, Join(path, name), ScenarioProblems.FieldUnknown, ("field", Crisis.Domain.Texts.Shorten(name)), ("allowed", allowed));
            }
        }
    }

    public YamlMappingNode? Map(YamlMappingNode parent, string key, string path, bool required)
    {
        var node = Get(parent, key);
        return node is null ? Missing<YamlMappingNode>(parent, Join(path, key), required) : AsMap(node, Join(path, key));
    }

    public YamlMappingNode? AsMap(YamlNode node, string field)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }
        Note(node, field, ScenarioProblems.WrongShape, ("expected", Shape.Mapping));
        return null;
    }

    public IReadOnlyList<YamlNode> List(YamlMappingNode parent, string key, string path)
    {
        var node = Get(parent, key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                return seq.Children.ToList();
            default:
                Note(node, Join(path, key), ScenarioProblems.WrongShape, ("expected", Shape.List));
                return [];
        }
    }

    public string? Text(YamlMappingNode parent, string key, string path, bool required, int max)
    {
        var node = Get(parent, key);
        var field = Join(path, key);
        if (node is null)
        {
            return Missing<string>(parent, field, required);
        }
        if (node is not YamlScalarNode { Value: { } value })
        {
            Note(node, field, ScenarioProblems.WrongShape, ("expected", Shape.Text));
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return Missing<string>(parent, field, required);
        }
        if (trimmed.Length > max)
        {
            Note(node, field, ScenarioProblems.TextTooLong, ("length", trimmed.Length), ("max", max));
            return null;
        }
        return trimmed;
    }

    /// <summary>A list of short texts (criteria, function codes).</summary>
    public IReadOnlyList<string> Texts(YamlMappingNode parent, string key, string path, int max)
    {
        var result = new List<string>();
        var items = List(parent, key, path);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"{Join(path, key)}[{i}]";
            if (items[i] is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
            {
                Note(items[i], field, ScenarioProblems.WrongShape, ("expected", Shape.Text));
            }
            else if (value.Trim().Length > max)
            {
                Note(items[i], field, ScenarioProblems.TextTooLong, ("length", value.Trim().Length), ("max", max));
            }
            else
            {
                result.Add(value.Trim());
            }
        }
        return result;
    }

    public int? Number(YamlMappingNode parent, string key, string path, bool required, int min, int max)
    {
        var node = Get(parent, key);
        var field = Join(path, key);
        if (node is null)
        {
            return Missing<int?>(parent, field, required);
        }
        if (node is not YamlScalarNode { Value: { } value } || !int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            Note(node, field, ScenarioProblems.WrongShape, ("expected", Shape.Number));
            return null;
        }
        if (n < min || n > max)
        {
            Note(node, field, ScenarioProblems.NumberOutOfRange, ("value", n), ("min", min), ("max", max));
            return null;
        }
        return n;
    }

    public bool Flag(YamlMappingNode parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return false;
        }
        if (node is YamlScalarNode { Value: { } value })
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
            }
        }
        Note(node, Join(path, key), ScenarioProblems.WrongShape, ("expected", Shape.YesNo));
        return false;
    }

    private T? Missing<T>(YamlNode parent, string field, bool required)
    {
        if (required)
        {
            Note(parent, field, ScenarioProblems.FieldMissing, ("field", field));
        }
        return default;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The shapes a value can be expected to have, in both languages.</summary>
    public static class Shape
    {
        public static readonly Bilingual Mapping = new("a mapping (key: value lines)", "een mapping (regels sleutel: waarde)");
        public static readonly Bilingual List = new("a list", "een lijst");
        public static readonly Bilingual Text = new("a text", "een tekst");
        public static readonly Bilingual Number = new("a whole number", "een geheel getal");
        public static readonly Bilingual YesNo = new("true or false", "true of false");
    }
}
