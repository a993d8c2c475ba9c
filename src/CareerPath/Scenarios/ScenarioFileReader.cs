using CareerPath.Planning;
using CareerPath.Yaml;

namespace CareerPath.Scenarios;

/// <summary>Reads a scenario file (docs/scenarios.md): every key checked, every rule and phase id checked against the pack.</summary>
internal sealed class ScenarioFileReader(string file, RuleSet ruleSet, InputErrorList errors)
{
    private static readonly string[] TopKeys = ["scenarios"];
    private static readonly string[] ScenarioKeys = ["name", "student", "language", "expect"];
    private static readonly string[] ExpectKeys = ["currentPhase", "phases", "present", "absent", "status", "contains", "lacks", "targets"];
    private static readonly string[] PhaseStatuses = ["done", "current", "upcoming"];
    private static readonly string[] StepStatuses = ["done", "now", "upcoming", "overdue"];

    private readonly YamlFieldReader _reader = new(file, errors);
    private readonly HashSet<string> _ruleIds = [.. ruleSet.Rules.Select(r => r.Definition.Id)];

    public List<Scenario> Read(string text)
    {
        var scenarios = new List<Scenario>();
        var root = YamlDocumentReader.Read(text, file, errors);
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(file, 0, 0, "the file is empty; a scenario file holds 'scenarios:' with at least one scenario (docs/scenarios.md).");
            }

            return scenarios;
        }

        var top = _reader.Mapping(root, "a scenario file", TopKeys);
        var node = top is null ? null : _reader.Get(top, "scenarios", required: true, "a scenario file");
        var list = _reader.Sequence(node, "'scenarios'");
        if (node is YamlScalar { IsNull: true } || list is { Items.Count: 0 })
        {
            _reader.Error(node!, "'scenarios' is empty; add at least one scenario with a name, a student and what to expect.");
        }

        if (list is null)
        {
            return scenarios;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (ReadScenario(item, names) is { } scenario)
            {
                scenarios.Add(scenario);
            }
        }

        return scenarios;
    }

    private Scenario? ReadScenario(YamlNode node, Dictionary<string, int> names)
    {
        var before = errors.Count;
        var map = _reader.Mapping(node, "a scenario", ScenarioKeys);
        if (map is null)
        {
            return null;
        }

        var name = _reader.String(map, "name", required: true, "a scenario");
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            _reader.Error(map["name"]!, "the scenario's 'name' is empty; say in a few words what it checks, so a failure says which.");
            name = null;
        }
        var what = name is null ? "the scenario" : $"the scenario '{name}'";
        if (name is not null && !names.TryAdd(name, map.Line))
        {
            _reader.Error(map["name"]!, $"two scenarios are named '{name}' (the first at line {names[name]}); give each its own name so a failure says which.");
        }

        var student = ReadStudent(_reader.Get(map, "student", required: true, what));
        var language = _reader.String(map, "language", required: false, what);
        if (language is not null)
        {
            _reader.OneOf(map["language"]!, language, "language", what, ruleSet.Languages);
        }

        var expect = _reader.Mapping(_reader.Get(map, "expect", required: true, what), $"'expect' of {what}", ExpectKeys);
        if (expect is not null && expect.Entries.Count == 0)
        {
            _reader.Error(expect, $"'expect' of {what} is empty; say what the plan must show, for example 'currentPhase: dedicated-study'.");
        }

        if (expect is null || student is null || name is null)
        {
            return null;
        }

        var scenario = new Scenario(file, map.Line, name, student, language)
        {
            CurrentPhase = expect["currentPhase"] is { } phase ? Phase(phase, "currentPhase") : null,
            Phases = Pairs(expect, "phases", (key, value) => Phase(key, "phases") is { } id && Status(value, "phases", PhaseStatuses) is { } status
                ? (id, Enum.Parse<PhaseStatus>(status, ignoreCase: true)) : ((string, PhaseStatus)?)null),
            Present = RuleIds(expect, "present"),
            Absent = RuleIds(expect, "absent"),
            Statuses = Pairs(expect, "status", (key, value) => RuleId(key, "status") is { } id && Status(value, "status", StepStatuses) is { } status
                ? (id, Enum.Parse<StepStatus>(status, ignoreCase: true)) : ((string, StepStatus)?)null),
            Contains = Texts(expect, "contains", what),
            Lacks = Texts(expect, "lacks", what),
            Targets = expect["targets"] is null ? null : [.. _reader.StringList(expect, "targets", what).Select(t => t.Value)],
        };
        return errors.Count > before ? null : scenario;
    }

    private string[] Texts(YamlMapping expect, string key, string what)
    {
        var texts = _reader.StringList(expect, key, what);
        foreach (var (_, node) in texts.Where(t => string.IsNullOrWhiteSpace(t.Value)))
        {
            _reader.Error(node, $"an empty text in '{key}' of {what} {(key == "contains" ? "is in every step" : "is in every step, so it always fails")}; write the words to look for.");
        }

        return [.. texts.Select(t => t.Value)];
    }

    private StudentProfile? ReadStudent(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMapping)
        {
            return StudentProfileReader.ReadNode(node, file, ruleSet, errors);
        }

        if (_reader.String(node, "student", "a scenario") is not { } path)
        {
            return null;
        }

        var full = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", path);
        try
        {
            return StudentProfileReader.ReadFile(full, ruleSet);
        }
        catch (StudentProfileException exception)
        {
            var missing = exception.Errors.Count == 1 && exception.Errors[0].Line == 0;
            foreach (var error in exception.Errors)
            {
                errors.Add(missing ? file : error.File, missing ? node.Line : error.Line, missing ? node.Column : error.Column,
                    missing ? $"'student' names '{path}': {error.Message}" : error.Message, error.Id, error.Field);
            }

            return null;
        }
    }

    private string? Phase(YamlNode node, string key)
    {
        var id = _reader.String(node, key, $"'{key}'");
        return id is not null && _reader.OneOf(node, id, key, "'expect'", CareerPhases.Ids) is not null ? id : null;
    }

    private string? Status(YamlNode node, string key, IReadOnlyCollection<string> allowed)
    {
        var status = _reader.String(node, key, $"'{key}'");
        return status is not null && _reader.OneOf(node, status, key, "'expect'", allowed) is not null ? status.Replace("-", string.Empty, StringComparison.Ordinal) : null;
    }

    private string? RuleId(YamlNode node, string key)
    {
        var id = _reader.String(node, key, $"'{key}'");
        if (id is not null && !_ruleIds.Contains(id))
        {
            _reader.Error(node, $"'{key}' names the rule '{id}', which the pack '{ruleSet.Name}' does not have, so the expectation could never fail.{Suggestion.Hint(id, _ruleIds)}");
            return null;
        }

        return id;
    }

    private string[] RuleIds(YamlMapping expect, string key) =>
        [.. _reader.StringList(expect, key, $"'{key}'").Select(item => RuleId(item.Node, key)).OfType<string>()];

    private List<T> Pairs<T>(YamlMapping expect, string key, Func<YamlNode, YamlNode, T?> read)
        where T : struct
    {
        var pairs = new List<T>();
        if (expect[key] is not { } node)
        {
            return pairs;
        }

        if (node is not YamlMapping map)
        {
            _reader.Error(node, $"'{key}' should map each id to a status, like '{key}: {{ dedicated-study: current }}'.");
            return pairs;
        }

        foreach (var entry in map.Entries)
        {
            if (read(entry.Key, entry.Value) is { } pair)
            {
                pairs.Add(pair);
            }
        }

        return pairs;
    }
}
