using System.Globalization;
using System.Text.RegularExpressions;
using Crisis.Domain.Incidents;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Crisis.Domain.Exercises.ScenarioProblems;

namespace Crisis.Domain.Exercises;

/// <summary>A scenario file as read: the scenario when the file is right, else every problem found in it.</summary>
public sealed record ScenarioFile(string Id, string FileName, Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool IsValid => Scenario is not null;
}

/// <summary>
/// Reads and checks a scenario from its YAML text (a pure function of the text: the host reads the files). Every
/// problem is reported with its line and field; a file with any problem yields no scenario at all.
/// </summary>
public static partial class ScenarioReader
{
    public const string Schema = "crisis.exercise/v1";
    public const int MaxTitle = 200;
    public const int MaxText = 1000;
    public const int MaxMessage = 3000;
    public const int MaxNotes = 4000;
    public const int MaxInjects = 500;
    public const int MaxDurationMinutes = 7 * 24 * 60;

    private static readonly string[] RootKeys =
        ["schema", "title", "type", "otoActivity", "summary", "briefing", "scenarioStart", "durationMinutes", "objectives", "participants", "alerting", "injects"];

    private static readonly string[] InjectKeys =
        ["id", "at", "contingencyOnly", "from", "to", "method", "title", "message", "expectedActions", "controlNotes", "contingency"];

    /// <summary>Reads the scenario <paramref name="id"/> from the text of <paramref name="fileName"/>.</summary>
    public static ScenarioFile Read(string id, string fileName, string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var fields = new YamlFields(fileName);
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            fields.NoteAt((int)Math.Max(1, ex.Start.Line), "", YamlInvalid);
            return new ScenarioFile(id, fileName, null, fields.Problems);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            fields.NoteAt(1, "", WrongShape, ("expected", YamlFields.Shape.Mapping));
            return new ScenarioFile(id, fileName, null, fields.Problems);
        }
        var scenario = ReadRoot(id, root, fields);
        return new ScenarioFile(id, fileName, fields.Problems.Count == 0 ? scenario : null, fields.Problems);
    }

    private static Scenario ReadRoot(string id, YamlMappingNode root, YamlFields f)
    {
        f.OnlyKeys(root, "", RootKeys);
        var schema = f.Text(root, "schema", "", required: true, 60);
        if (schema is not null && schema != Schema)
        {
            f.Note(YamlFields.Get(root, "schema"), "schema", SchemaUnknown, ("schema", Texts.Shorten(schema)), ("expected", Schema));
        }
        var title = f.Text(root, "title", "", required: true, MaxTitle);
        var typeText = f.Text(root, "type", "", required: true, 40);
        var type = ScenarioType.Tabletop;
        if (typeText is not null && !ScenarioNames.TryParse(typeText, out type))
        {
            f.Note(YamlFields.Get(root, "type"), "type", ValueUnknown, ("value", Texts.Shorten(typeText)), ("allowed", ScenarioNames.TypeWireNames));
        }
        var oto = f.Text(root, "otoActivity", "", required: false, 16);
        var summary = f.Text(root, "summary", "", required: false, MaxNotes);
        var briefing = f.Text(root, "briefing", "", required: false, MaxNotes);
        var scenarioStart = ReadDateTime(root, f);
        var duration = f.Number(root, "durationMinutes", "", required: true, 1, MaxDurationMinutes);

        var objectives = ReadObjectives(root, f);
        var participants = ReadParticipants(root, f);
        var alerting = ReadAlerting(root, f);
        var injects = ReadInjects(root, f, duration);
        CheckReferences(root, f, objectives, injects);

        return new Scenario(id, title ?? "", type, oto, summary, briefing, scenarioStart, duration ?? 0, objectives, participants, alerting, injects);
    }

    private static LocalDateTime? ReadDateTime(YamlMappingNode root, YamlFields f)
    {
        var text = f.Text(root, "scenarioStart", "", required: false, 40);
        if (text is null)
        {
            return null;
        }
        foreach (var pattern in new[] { LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm") })
        {
            var parsed = pattern.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }
        f.Note(YamlFields.Get(root, "scenarioStart"), "scenarioStart", DateTimeInvalid, ("value", Texts.Shorten(text)));
        return null;
    }

    private static List<Objective> ReadObjectives(YamlMappingNode root, YamlFields f)
    {
        var result = new List<Objective>();
        var items = f.List(root, "objectives", "");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"objectives[{i}]";
            if (f.AsMap(items[i], path) is not { } map)
            {
                continue;
            }
            f.OnlyKeys(map, path, "id", "text", "criteria");
            var oid = ReadId(map, path, f);
            var text = f.Text(map, "text", path, required: true, MaxText);
            var criteria = f.Texts(map, "criteria", path, MaxText);
            if (oid is not null && result.Any(o => o.Id == oid))
            {
                f.Note(YamlFields.Get(map, "id"), $"{path}.id", IdDuplicate, ("id", oid));
            }
            result.Add(new Objective(oid ?? "", text ?? "", criteria));
        }
        return result;
    }

    private static ScenarioParticipants ReadParticipants(YamlMappingNode root, YamlFields f)
    {
        if (f.Map(root, "participants", "", required: false) is not { } map)
        {
            return new ScenarioParticipants([], []);
        }
        f.OnlyKeys(map, "participants", "functions", "teams");
        var functions = f.Texts(map, "functions", "participants", 32).Select(c => c.ToUpperInvariant()).ToList();
        var teams = new List<string>();
        var raw = f.Texts(map, "teams", "participants", 32);
        for (var i = 0; i < raw.Count; i++)
        {
            if (LogTeams.Seeded.Normalize(raw[i]) is { } team)
            {
                teams.Add(team);
            }
            else
            {
                f.Note(map, $"participants.teams[{i}]", TeamUnknown, ("team", Texts.Shorten(raw[i])), ("teams", LogTeams.Seeded.Codes));
            }
        }
        return new ScenarioParticipants(functions, teams);
    }

    private static List<ScenarioAlert> ReadAlerting(YamlMappingNode root, YamlFields f)
    {
        var result = new List<ScenarioAlert>();
        var items = f.List(root, "alerting", "");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"alerting[{i}]";
            if (f.AsMap(items[i], path) is not { } map)
            {
                continue;
            }
            f.OnlyKeys(map, path, "function", "message");
            var function = f.Text(map, "function", path, required: true, 32);
            var message = f.Text(map, "message", path, required: true, MaxText);
            result.Add(new ScenarioAlert(function?.ToUpperInvariant() ?? "", message ?? ""));
        }
        return result;
    }

    private static List<ScenarioInject> ReadInjects(YamlMappingNode root, YamlFields f, int? duration)
    {
        var result = new List<ScenarioInject>();
        if (YamlFields.Get(root, "injects") is null)
        {
            f.Note(root, "injects", FieldMissing, ("field", "injects"));
            return result;
        }
        var items = f.List(root, "injects", "");
        if (items.Count == 0 && YamlFields.Get(root, "injects") is YamlSequenceNode)
        {
            f.Note(YamlFields.Get(root, "injects"), "injects", NoInjects);
        }
        if (items.Count > MaxInjects)
        {
            f.Note(YamlFields.Get(root, "injects"), "injects", NumberOutOfRange, ("value", items.Count), ("min", 1), ("max", MaxInjects));
            return result;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"injects[{i}]";
            if (f.AsMap(items[i], path) is not { } map)
            {
                continue;
            }
            f.OnlyKeys(map, path, InjectKeys);
            var iid = ReadId(map, path, f);
            if (iid is not null && result.Any(x => x.Id == iid))
            {
                f.Note(YamlFields.Get(map, "id"), $"{path}.id", IdDuplicate, ("id", iid));
            }
            var contingencyOnly = f.Flag(map, "contingencyOnly", path);
            var at = ReadAt(map, path, f, contingencyOnly, duration);
            var from = f.Text(map, "from", path, required: false, MaxTitle);
            var to = ReadAddress(map, path, f);
            InjectMethod? method = null;
            if (f.Text(map, "method", path, required: false, 40) is { } m)
            {
                if (ScenarioNames.TryParse(m, out InjectMethod parsed))
                {
                    method = parsed;
                }
                else
                {
                    f.Note(YamlFields.Get(map, "method"), $"{path}.method", ValueUnknown, ("value", Texts.Shorten(m)), ("allowed", ScenarioNames.MethodWireNames));
                }
            }
            var title = f.Text(map, "title", path, required: true, MaxTitle);
            var message = f.Text(map, "message", path, required: true, MaxMessage);
            var actions = ReadActions(map, path, f);
            var notes = f.Text(map, "controlNotes", path, required: false, MaxNotes);
            Contingency? contingency = null;
            if (f.Map(map, "contingency", path, required: false) is { } c)
            {
                f.OnlyKeys(c, $"{path}.contingency", "ifMissed", "inject");
                var ifMissed = f.Text(c, "ifMissed", $"{path}.contingency", required: true, 16);
                var target = f.Text(c, "inject", $"{path}.contingency", required: true, 16);
                contingency = new Contingency(ifMissed ?? "", target ?? "");
            }
            result.Add(new ScenarioInject(iid ?? "", contingencyOnly ? null : at ?? Duration.Zero, from, to ?? Addressee.ToFunction(""),
                method, title ?? "", message ?? "", actions, notes, contingency));
        }
        return result;
    }

    private static Duration? ReadAt(YamlMappingNode map, string path, YamlFields f, bool contingencyOnly, int? duration)
    {
        var node = YamlFields.Get(map, "at");
        if (contingencyOnly)
        {
            if (node is not null)
            {
                f.Note(node, $"{path}.at", AtOnContingencyOnly);
            }
            return null;
        }
        var text = f.Text(map, "at", path, required: true, 10);
        if (text is null)
        {
            return null;
        }
        var match = AtPattern().Match(text);
        if (!match.Success)
        {
            f.Note(node, $"{path}.at", TimeInvalid, ("value", Texts.Shorten(text)));
            return null;
        }
        var minutes = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (duration is { } d && minutes > d)
        {
            f.Note(node, $"{path}.at", AtAfterEnd, ("at", text), ("duration", d));
        }
        return Duration.FromMinutes(minutes);
    }

    private static Addressee? ReadAddress(YamlMappingNode map, string path, YamlFields f)
    {
        if (f.Map(map, "to", path, required: true) is not { } to)
        {
            return null;
        }
        var field = $"{path}.to";
        f.OnlyKeys(to, field, "function", "team");
        var function = f.Text(to, "function", field, required: false, 32);
        var team = f.Text(to, "team", field, required: false, 32);
        if ((function is null) == (team is null))
        {
            f.Note(to, field, AddressInvalid);
            return null;
        }
        if (team is not null)
        {
            if (LogTeams.Seeded.Normalize(team) is { } known)
            {
                return Addressee.ToTeam(known);
            }
            f.Note(YamlFields.Get(to, "team"), $"{field}.team", TeamUnknown, ("team", Texts.Shorten(team)), ("teams", LogTeams.Seeded.Codes));
            return null;
        }
        return Addressee.ToFunction(function!.ToUpperInvariant());
    }

    private static List<ExpectedAction> ReadActions(YamlMappingNode map, string path, YamlFields f)
    {
        var result = new List<ExpectedAction>();
        var items = f.List(map, "expectedActions", path);
        for (var i = 0; i < items.Count; i++)
        {
            var p = $"{path}.expectedActions[{i}]";
            if (f.AsMap(items[i], p) is not { } a)
            {
                continue;
            }
            f.OnlyKeys(a, p, "id", "text", "by", "withinMinutes", "objective");
            var aid = ReadId(a, p, f);
            var text = f.Text(a, "text", p, required: true, MaxText);
            var by = f.Text(a, "by", p, required: true, 32);
            var within = f.Number(a, "withinMinutes", p, required: true, 1, MaxDurationMinutes);
            var objective = f.Text(a, "objective", p, required: false, 16);
            result.Add(new ExpectedAction(aid ?? "", text ?? "", by is null ? "" : LogTeams.Seeded.Normalize(by) ?? by.ToUpperInvariant(), within ?? 1, objective));
        }
        return result;
    }

    private static void CheckReferences(YamlMappingNode root, YamlFields f, List<Objective> objectives, List<ScenarioInject> injects)
    {
        var items = Children(YamlFields.Get(root, "injects"));
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < injects.Count && i < items.Count; i++)
        {
            var inject = injects[i];
            var map = items[i] as YamlMappingNode;
            var actionNodes = map is null ? [] : Children(YamlFields.Get(map, "expectedActions"));
            for (var j = 0; j < inject.ExpectedActions.Count; j++)
            {
                var action = inject.ExpectedActions[j];
                var node = j < actionNodes.Count ? actionNodes[j] as YamlMappingNode : null;
                if (action.Id.Length > 0 && !actionIds.Add(action.Id))
                {
                    f.Note(node is null ? null : YamlFields.Get(node, "id"), $"injects[{i}].expectedActions[{j}].id", IdDuplicate, ("id", action.Id));
                }
                if (action.Objective is { } o && objectives.All(x => x.Id != o))
                {
                    f.Note(node is null ? null : YamlFields.Get(node, "objective"), $"injects[{i}].expectedActions[{j}].objective", ReferenceUnknown, ("id", Texts.Shorten(o)));
                }
            }
        }
        for (var i = 0; i < injects.Count && i < items.Count; i++)
        {
            if (injects[i].Contingency is not { } c || items[i] is not YamlMappingNode map || YamlFields.Get(map, "contingency") is not YamlMappingNode node)
            {
                continue;
            }
            if (c.IfMissed.Length > 0 && !actionIds.Contains(c.IfMissed))
            {
                f.Note(YamlFields.Get(node, "ifMissed"), $"injects[{i}].contingency.ifMissed", ReferenceUnknown, ("id", Texts.Shorten(c.IfMissed)));
            }
            if (c.Inject.Length == 0)
            {
                continue;
            }
            var target = injects.FirstOrDefault(x => x.Id == c.Inject);
            if (target is null)
            {
                f.Note(YamlFields.Get(node, "inject"), $"injects[{i}].contingency.inject", ReferenceUnknown, ("id", Texts.Shorten(c.Inject)));
            }
            else if (!target.ContingencyOnly)
            {
                f.Note(YamlFields.Get(node, "inject"), $"injects[{i}].contingency.inject", ContingencyNotContingencyOnly, ("id", c.Inject));
            }
        }
    }

    private static List<YamlNode> Children(YamlNode? node) => node is YamlSequenceNode seq ? seq.Children.ToList() : [];

    private static string? ReadId(YamlMappingNode map, string path, YamlFields f)
    {
        var id = f.Text(map, "id", path, required: true, 40);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            f.Note(YamlFields.Get(map, "id"), $"{path}.id", IdInvalid, ("id", Texts.Shorten(id)));
            return null;
        }
        return id;
    }

    [GeneratedRegex(@"^([0-9]{1,3}):([0-5][0-9])$")]
    private static partial Regex AtPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")]
    private static partial Regex IdPattern();
}
