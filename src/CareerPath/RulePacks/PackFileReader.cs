using System.Collections.Frozen;
using CareerPath.Catalogue;
using CareerPath.Planning;
using CareerPath.Profiles;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// Reads one pack file into <see cref="PackContents"/>: every key checked, every problem reported
/// with its line and column, nothing thrown. Checks that need the other files wait in the contents.
/// </summary>
internal sealed class PackFileReader
{
    public static readonly IReadOnlyList<string> Categories =
        ["orientation", "course", "practice", "skill", "certificate", "project", "exam", "transition", "job-search", "follow-up", "reflection"];

    public static readonly IReadOnlyList<string> CertificateLevels = ["elementary", "intermediate", "advanced", "none"];

    private static readonly string[] TopKeys = ["pack", "skills", "certificates", "majors", "positions", "learning", "pathways", "rules", "overrides", "disable"];
    private static readonly string[] PackKeys = ["name", "version", "description", "languages", "extends"];
    private static readonly string[] SkillKeys = ["id", "name", "description"];
    private static readonly string[] CertificateKeys = ["id", "name", "level", "credits", "includes"];
    private static readonly string[] MajorKeys = ["id", "name", "level", "articulatesTo", "transfer", "pathways"];
    private static readonly string[] PositionKeys = ["id", "major", "name", "riasec", "skills", "certificates", "employers"];
    private static readonly string[] LearningKeys = ["id", "kind", "majors", "name", "skills", "certificates"];
    private static readonly string[] PathwayKeys = ["id", "name", "stages", "phases", "followUpMonths", "transfer"];
    private static readonly string[] StageKeys = ["stage", "years"];
    private static readonly string[] RuleKeys =
        ["id", "phase", "category", "appliesTo", "when", "doneWhen", "due", "priority", "supersedes", "forEach", "maxItems", "title", "detail", "because"];

    public static readonly IReadOnlyList<string> LearningKinds = ["module", "practice-base"];

    private static readonly string[] OverrideKeys = ["id", "when", "doneWhen", "due", "priority", "title", "detail", "because", "appliesTo", "maxItems"];

    public static readonly IReadOnlyList<string> ForEachItems = ["skill-gaps", "certificate-gaps", "job-skill-gaps", "job-certificate-gaps"];
    private static readonly string[] ScopeKeys = ["majors", "pathways", "stages", "goals"];
    private static readonly string[] PointKeys = ["stage", "year", "term", "afterGraduation"];

    private static readonly string[] CatalogueLists = ["skills", "certificates", "majors", "positions", "learning", "pathways"];

    private readonly PackContents _contents;
    private readonly YamlFieldReader _reader;
    private readonly InputLimits _limits;

    private PackFileReader(PackContents contents, YamlFieldReader reader, InputLimits limits)
    {
        _contents = contents;
        _reader = reader;
        _limits = limits;
    }

    private string File => _reader.File;

    /// <summary>Reads one file; returns false when the file is not a YAML document at all (so whole-pack checks would only mislead).</summary>
    public static bool Read(string text, string file, PackContents contents, InputErrorList errors, InputLimits limits) =>
        Read(text, file, contents, errors, limits, parsed: null);

    /// <summary>Reads one file, as <see cref="Read(string, string, PackContents, InputErrorList, InputLimits)"/> does, from its YAML tree when <paramref name="parsed"/> holds it already.</summary>
    public static bool Read(string text, string file, PackContents contents, InputErrorList errors, InputLimits limits, YamlNode? parsed)
    {
        var root = parsed;
        if (root is null)
        {
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(file, 0, 0, "this is not a text file; a rule pack file is YAML text.");
                return false;
            }

            var before = errors.Count;
            root = YamlDocumentReader.Read(text, file, errors, limits);
            if (root is null)
            {
                return errors.Count == before;
            }
        }

        var self = new PackFileReader(contents, new YamlFieldReader(file, errors), limits);
        if (root is YamlMapping { } scenarioFile && scenarioFile.Entries.FirstOrDefault(e => e.Key.Value == "scenarios").Key is { } scenarios)
        {
            errors.Add(file, scenarios, "this is a scenario file (docs/scenarios.md), not a rule pack file: a pack's folder loads every .yaml under it. Keep scenarios in a folder of their own, beside the pack's.", field: "scenarios");
            return false;
        }

        var top = self._reader.Mapping(root, "a rule pack file", TopKeys);
        if (top is null)
        {
            return false;
        }

        if (top["pack"] is { } pack)
        {
            self.ReadHeader(pack);
        }

        self.ReadList(top, "skills", self.ReadSkill);
        self.ReadList(top, "certificates", self.ReadCertificate);
        self.ReadList(top, "majors", self.ReadMajor);
        self.ReadList(top, "positions", self.ReadPosition);
        self.ReadList(top, "learning", self.ReadLearning);
        self.ReadList(top, "pathways", self.ReadPathway);
        self.ReadList(top, "rules", self.ReadRule);
        self.ReadList(top, "overrides", self.ReadOverride);
        self.ReadList(top, "disable", self.ReadDisable);
        return true;
    }

    private void ReadList(YamlMapping top, string key, Action<YamlNode> readItem)
    {
        var list = _reader.Sequence(top[key], $"'{key}'");
        if (list is null || TooMany(key, list))
        {
            return;
        }

        foreach (var item in list.Items)
        {
            readItem(item);
        }
    }

    /// <summary>Whether the list would take the pack past a limit (reported); its entries are then not read at all.</summary>
    private bool TooMany(string key, YamlSequence list)
    {
        var (count, limit, kind, property) = key switch
        {
            "rules" or "overrides" => (_contents.RuleIds.Count + _contents.Overrides.Count, _limits.MaxRules, "rules and overrides", nameof(InputLimits.MaxRules)),
            _ when CatalogueLists.Contains(key) => (_contents.SeenIds.Count, _limits.MaxCatalogueEntries, "catalogue entries", nameof(InputLimits.MaxCatalogueEntries)),
            _ => (0, int.MaxValue, string.Empty, string.Empty),
        };
        if (count + list.Items.Count <= limit)
        {
            return false;
        }

        _contents.OverLimit = true;
        _reader.Error(list, $"'{key}' has {list.Items.Count:N0} entries, which takes the pack past the {limit:N0} {kind} a pack may have {InputLimits.HowToRaise(property)}. Split the pack, or remove entries.", field: key);
        return true;
    }

    private void ReadHeader(YamlNode node)
    {
        var pack = _reader.Mapping(node, "'pack'", PackKeys);
        if (pack is null)
        {
            return;
        }

        _contents.Headers.Add((File, pack));
        _contents.Name = _reader.Id(pack, "name", required: true, "'pack'");
        _contents.Version = _reader.String(pack, "version", required: true, "'pack'");
        if (pack["extends"] is { } extends && _reader.Id(extends, "extends", "'pack'") is { } baseName)
        {
            _contents.Extends = baseName;
            _contents.ExtendsPlace = new SourcePlace(File, extends.Line, extends.Column);
        }
        if (pack["description"] is { } description)
        {
            ReadText(description, "description", null);
        }

        if (pack["languages"] is not null)
        {
            var languages = _reader.StringList(pack, "languages", "'pack'");
            if (languages.Count == 0)
            {
                _reader.Error(pack["languages"]!, "'languages' needs at least one language, for example [en, zh-CN].", field: "languages");
            }
            else
            {
                _contents.Languages = [.. languages.Select(l => l.Value)];
                _contents.LanguagesSet = true;
            }
        }
    }

    private bool Define<T>(Dictionary<string, (T Value, SourcePlace Place)> defined, string kind, string id, YamlMapping node, T value)
    {
        if (defined.TryGetValue(id, out var first))
        {
            _reader.Error(node, $"the {kind} id '{id}' is defined twice (first at {first.Place}); give each {kind} its own id.", id, "id");
            return false;
        }

        defined.Add(id, (value, new SourcePlace(File, node.Line, node.Column)));
        return true;
    }

    private void ReadSkill(YamlNode node)
    {
        var map = _reader.Mapping(node, "a skill", SkillKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a skill") is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("skill", id));

        var name = RequiredText(map, "name", id, "skill");
        var description = RequiredText(map, "description", id, "skill");
        if (name is not null && description is not null)
        {
            Define(_contents.Skills, "skill", id, map, new Skill(id, name, description));
        }
    }

    private void ReadCertificate(YamlNode node)
    {
        var map = _reader.Mapping(node, "a certificate", CertificateKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a certificate") is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("certificate", id));

        var what = $"the certificate '{id}'";
        var name = RequiredText(map, "name", id, "certificate");
        var level = _reader.String(map, "level", required: false, what, id) ?? "none";
        var levelOk = _reader.OneOf(map["level"] ?? map, level, "level", what, CertificateLevels, id) is not null;
        var credits = _reader.Number(map, "credits", required: false, what, 0, 100, id) ?? 0;
        var includes = IdList(map, "includes", "certificate", id, what);
        if (name is not null && levelOk)
        {
            Define(_contents.Certificates, "certificate", id, map, new Certificate(id, name, level, credits, includes));
        }
    }

    private void ReadMajor(YamlNode node)
    {
        var map = _reader.Mapping(node, "a major", MajorKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a major") is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("major", id));

        var what = $"the major '{id}'";
        var name = RequiredText(map, "name", id, "major");
        var level = _reader.String(map, "level", required: true, what, id);
        var levelOk = level is not null && _reader.OneOf(map["level"]!, level, "level", what, Stages.PathwayStages, id) is not null;
        string? articulatesTo = null;
        if (map["articulatesTo"] is { } target && _reader.Id(target, "articulatesTo", what, id) is { } targetId)
        {
            articulatesTo = targetId;
            _contents.References.Add(new PendingReference("major", targetId, File, target, id, "articulatesTo"));
        }

        var pathways = IdList(map, "pathways", "pathway", id, what, allowPlus: true);
        var transfer = map["transfer"] is { } transferNode ? ReadText(transferNode, "transfer", id) : null;
        if (transfer is not null && articulatesTo is null)
        {
            _reader.Error(map["transfer"]!, $"{what} has 'transfer' but no 'articulatesTo'; 'transfer' says what the move into the articulated major needs.", id, "transfer");
        }

        if (name is not null && levelOk)
        {
            Define(_contents.Majors, "major", id, map, new Major(id, name, level!, articulatesTo, pathways, transfer));
        }
    }

    private void ReadPosition(YamlNode node)
    {
        var map = _reader.Mapping(node, "a position", PositionKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a position") is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("position", id));

        var what = $"the position '{id}'";
        var major = _reader.Id(map, "major", required: true, what, id);
        if (major is not null)
        {
            _contents.References.Add(new PendingReference("major", major, File, map["major"]!, id, "major"));
        }

        var name = RequiredText(map, "name", id, "position");
        var riasec = _reader.String(map, "riasec", required: true, what, id);
        if (riasec is not null && (riasec.Length is < 1 or > 3 || riasec.Any(c => "RIASEC".IndexOf(c, StringComparison.Ordinal) < 0) || riasec.Distinct().Count() != riasec.Length))
        {
            _reader.Error(map["riasec"]!, $"'riasec' of {what} should be a Holland code of 1 to 3 different letters from R I A S E C (for example RIC), but it is '{riasec}'.", id, "riasec");
            riasec = null;
        }

        var skills = SkillLevels(map, what, id, "the level the position needs");
        var certificates = IdList(map, "certificates", "certificate", id, what);
        var employers = map["employers"] is { } employersNode ? ReadText(employersNode, "employers", id) : null;
        if (name is not null && riasec is not null && major is not null)
        {
            Define(_contents.Positions, "position", id, map,
                new Position(id, major, name, riasec, skills, certificates, employers));
        }
    }

    private void ReadLearning(YamlNode node)
    {
        var map = _reader.Mapping(node, "a learning entry", LearningKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a learning entry") is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("learning", id));

        var what = $"the learning entry '{id}'";
        var kind = _reader.String(map, "kind", required: true, what, id);
        var kindOk = kind is not null && _reader.OneOf(map["kind"]!, kind, "kind", what, LearningKinds, id) is not null;
        var majors = IdList(map, "majors", "major", id, what);
        var name = RequiredText(map, "name", id, "learning entry");
        var skills = SkillLevels(map, what, id, "the level a student who completes it reaches");
        var certificates = IdList(map, "certificates", "certificate", id, what);
        if (name is not null && kindOk)
        {
            Define(_contents.Learning, "learning", id, map, new LearningEntry(id, kind!, majors, name, skills, certificates));
        }
    }

    /// <summary>Reads a required <c>skills:</c> map of skill id to level 1-5; <paramref name="meaning"/> says what the level is.</summary>
    private FrozenDictionary<string, int> SkillLevels(YamlMapping map, string what, string id, string meaning)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_reader.Get(map, "skills", required: true, what, id) is { } skillsNode)
        {
            if (skillsNode is YamlMapping skillMap && skillMap.Entries.Count > 0)
            {
                foreach (var entry in skillMap.Entries)
                {
                    _contents.References.Add(new PendingReference("skill", entry.Key.Value, File, entry.Key, id, "skills"));
                    if (_reader.Int(entry.Value, entry.Key.Value, $"the skills of {what}", 1, 5, id) is { } level)
                    {
                        skills[entry.Key.Value] = level;
                    }
                }
            }
            else
            {
                _reader.Error(skillsNode, $"'skills' of {what} should map each skill id to {meaning} (1-5), like 'skills: {{ network-configuration: 3 }}'.", id, "skills");
            }
        }

        return skills.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private void ReadPathway(YamlNode node)
    {
        var map = _reader.Mapping(node, "a pathway", PathwayKeys);
        if (map is null || _reader.Id(map, "id", required: true, "a pathway", allowPlus: true) is not { } id)
        {
            return;
        }

        _contents.SeenIds.Add(("pathway", id));

        var what = $"the pathway '{id}'";
        var name = RequiredText(map, "name", id, "pathway");
        var stages = new List<PathwayStage>();
        var stagesNode = _reader.Get(map, "stages", required: true, what, id);
        var stageList = stagesNode is null ? null : _reader.Sequence(stagesNode, $"'stages' of {what}", id);
        var termsSoFar = 0;
        foreach (var item in stageList?.Items ?? [])
        {
            var stageMap = _reader.Mapping(item, $"a stage of {what}", StageKeys, id);
            if (stageMap is null)
            {
                continue;
            }

            var stage = _reader.String(stageMap, "stage", required: true, $"a stage of {what}", id);
            var years = _reader.Int(stageMap, "years", required: true, $"a stage of {what}", 1, 8, id);
            if (stage is null || years is null || _reader.OneOf(stageMap["stage"]!, stage, "stage", what, Stages.PathwayStages, id) is null)
            {
                continue;
            }

            if (stages.Any(s => s.Stage == stage))
            {
                _reader.Error(stageMap, $"{what} lists the stage '{stage}' twice; list each stage once.", id, "stages");
                continue;
            }

            stages.Add(new PathwayStage(stage, years.Value, termsSoFar));
            termsSoFar += years.Value * 2;
        }

        if (stagesNode is YamlScalar { IsNull: true } || stageList is { Items.Count: 0 })
        {
            _reader.Error(stagesNode!, $"{what} needs at least one stage, like 'stages: [ {{ stage: higher-vocational, years: 3 }} ]'.", id, "stages");
        }

        var followUp = new List<int>();
        if (map["followUpMonths"] is { } followNode && _reader.Sequence(followNode, $"'followUpMonths' of {what}", id) is { } followList)
        {
            foreach (var item in followList.Items)
            {
                if (_reader.Int(item, "followUpMonths", what, 1, 120, id) is { } month)
                {
                    if (followUp.Count > 0 && month <= followUp[^1])
                    {
                        _reader.Error(item, $"'followUpMonths' of {what} must go up: {month} comes after {followUp[^1]}.", id, "followUpMonths");
                        continue;
                    }

                    followUp.Add(month);
                }
            }
        }

        if (name is null || stages.Count == 0)
        {
            return;
        }

        var transfer = map["transfer"] is { } transferNode ? ReadText(transferNode, "transfer", id) : null;
        var pathway = new Pathway(id, name, stages, followUp, transfer);
        if (ReadPhaseStarts(map, pathway, what) && Define(_contents.Pathways, "pathway", id, map, pathway))
        {
            return;
        }
    }

    private bool ReadPhaseStarts(YamlMapping map, Pathway pathway, string what)
    {
        var phases = _reader.Mapping(_reader.Get(map, "phases", required: true, what, pathway.Id), $"'phases' of {what}", CareerPhases.Ids, pathway.Id);
        if (phases is null)
        {
            return false;
        }

        var ok = true;
        var previous = -1;
        for (var i = 0; i < CareerPhases.Count; i++)
        {
            var phaseId = CareerPhases.Ids[i];
            var pointNode = phases[phaseId];
            if (pointNode is null)
            {
                _reader.Error(phases, $"'phases' of {what} has no start for '{phaseId}'; every pathway places all five phases.", pathway.Id, phaseId);
                ok = false;
                continue;
            }

            var point = ReadPoint(pointNode, $"the start of '{phaseId}' on {what}", pathway.Id, allowNow: false);
            if (point is null)
            {
                ok = false;
                continue;
            }

            var index = point.Resolve(pathway, now: 0);
            if (index == TimelinePoint.NotOnPathway)
            {
                _reader.Error(pointNode, $"the start of '{phaseId}' is not on {what}: it has no such stage or year.", pathway.Id, phaseId);
                ok = false;
            }
            else if (index <= previous)
            {
                _reader.Error(pointNode, $"'{phaseId}' must start after the phase before it on {what}.", pathway.Id, phaseId);
                ok = false;
            }
            else
            {
                pathway.PhaseStarts[i] = index;
                previous = index;
            }
        }

        return ok;
    }

    private TimelinePoint? ReadPoint(YamlNode node, string what, string? id, bool allowNow)
    {
        if (node is YamlScalar { Value: "now" } && allowNow)
        {
            return TimelinePoint.Now;
        }

        var map = _reader.Mapping(node, what, PointKeys, id);
        if (map is null)
        {
            if (node is YamlScalar && allowNow)
            {
                _reader.Error(node, $"{what} should be 'now' or a mapping such as '{{ stage: higher-vocational, year: 1, term: 1 }}' or '{{ afterGraduation: 6 }}'.", id);
            }

            return null;
        }

        if (map["afterGraduation"] is { } after)
        {
            if (map.Entries.Count > 1)
            {
                _reader.Error(map, $"{what} uses 'afterGraduation' alone, without 'stage', 'year' or 'term'.", id, "afterGraduation");
                return null;
            }

            return _reader.Int(after, "afterGraduation", what, 0, 120, id) is { } months
                ? new TimelinePoint(TimelinePointKind.AfterGraduation, string.Empty, 0, 0, months)
                : null;
        }

        var stage = _reader.String(map, "stage", required: true, what, id);
        if (stage is not null && stage is not (TimelinePoint.FirstStage or TimelinePoint.FinalStage)
            && _reader.OneOf(map["stage"]!, stage, "stage", what, [.. Stages.PathwayStages, TimelinePoint.FirstStage, TimelinePoint.FinalStage], id) is null)
        {
            stage = null;
        }

        var year = 1;
        if (map["year"] is { } yearNode)
        {
            if (yearNode is YamlScalar { Value: "last", IsQuoted: false })
            {
                year = TimelinePoint.LastYear;
            }
            else if (_reader.Int(yearNode, "year", what + " (a number, or 'last')", 1, 8, id) is { } y)
            {
                year = y;
            }
            else
            {
                return null;
            }
        }

        var term = map["term"] is null ? 1 : _reader.Int(map, "term", required: false, what, 1, 2, id);
        return stage is null || term is null ? null : new TimelinePoint(TimelinePointKind.Term, stage, year, term.Value, 0);
    }

    private void ReadRule(YamlNode node)
    {
        var written = node is YamlMapping { } peek && peek["id"] is YamlScalar { IsNull: false } idNode ? idNode.Value : null;
        var map = _reader.Mapping(node, written is null ? "a rule" : $"the rule '{written}'", RuleKeys, written);
        if (map is null || _reader.Id(map, "id", required: true, "a rule") is not { } id)
        {
            return;
        }

        var what = $"the rule '{id}'";
        var before = _reader.Errors.Count;
        if (_contents.RuleIds.TryGetValue(id, out var first))
        {
            _reader.Error(map, $"the rule id '{id}' is used twice (first at {first}); give each rule its own id.", id, "id");
            return;
        }

        _contents.RuleIds.Add(id, new SourcePlace(File, map.Line, map.Column));

        var phaseId = _reader.String(map, "phase", required: true, what, id);
        var phase = CareerPhase.ProfessionalCognition;
        if (phaseId is not null && !CareerPhases.TryParse(phaseId, out phase))
        {
            _reader.Error(map["phase"]!, $"'{phaseId}' is not a phase.{Suggestion.Hint(phaseId, CareerPhases.Ids)}", id, "phase");
        }

        var category = _reader.String(map, "category", required: true, what, id);
        if (category is not null)
        {
            _reader.OneOf(map["category"]!, category, "category", what, Categories, id);
        }

        var scope = ReadScope(map["appliesTo"], id, what);
        var when = Expression(map, "when", what, id);
        var doneWhen = Expression(map, "doneWhen", what, id);
        var dueNode = _reader.Get(map, "due", required: true, what, id);
        var due = dueNode is null ? null : ReadPoint(dueNode, $"'due' of {what}", id, allowNow: true);
        var priority = map["priority"] is null ? 0 : _reader.Int(map, "priority", required: false, what, -1000, 1000, id) ?? 0;
        var supersedes = IdList(map, "supersedes", "rule", id, what);
        var title = RequiredTemplate(map, "title", id);
        var detail = RequiredTemplate(map, "detail", id);
        var because = map["because"] is { } becauseNode ? Template(becauseNode, "because", id) : null;
        var forEach = _reader.String(map, "forEach", required: false, what, id);
        if (forEach is not null && _reader.OneOf(map["forEach"]!, forEach, "forEach", what, ForEachItems, id) is null)
        {
            forEach = null;
        }

        var maxItems = map["maxItems"] is null ? 3 : _reader.Int(map, "maxItems", required: false, what, 1, 20, id) ?? 3;
        if (map["maxItems"] is { } maxNode && map["forEach"] is null)
        {
            _reader.Error(maxNode, $"{what} has 'maxItems' but no 'forEach'; remove it or add 'forEach: skill-gaps'.", id, "maxItems");
        }

        foreach (var (key, template) in new[] { ("title", title), ("detail", detail), ("because", because) })
        {
            if (template is { UsesItem: true } && map["forEach"] is null)
            {
                _reader.Error(map[key]!, $"the {key} of {what} uses an item placeholder ({{skill}}, {{level}}, {{needed}}, {{certificate}} or {{position}}), which only a rule with 'forEach' can fill.", id, key);
            }
        }

        if (_reader.Errors.Count > before || due is null || title is null || detail is null || category is null)
        {
            // The rule is not used, but its conditions are still compiled for their own errors,
            // so that an author sees every mistake in one run.
            foreach (var (field, source) in new[] { ("when", when), ("doneWhen", doneWhen) })
            {
                if (source is not null)
                {
                    _contents.UnusedConditions.Add((id, field, source));
                }
            }

            return;
        }

        _contents.Rules.Add(id, new RuleDefinition(id, phase, category, scope, when, doneWhen, due, priority, supersedes,
            title, detail, because, new SourcePlace(File, map.Line, map.Column)) { ForEach = forEach, MaxItems = maxItems });
    }

    private void ReadOverride(YamlNode node)
    {
        var map = _reader.Mapping(node, "an override", OverrideKeys);
        if (map is null || _reader.Id(map, "id", required: true, "an override") is not { } id)
        {
            return;
        }

        var what = $"the override of '{id}'";
        if (map.Entries.Count < 2)
        {
            _reader.Error(map, $"{what} changes nothing; add the fields to replace (when, doneWhen, due, priority, title, detail, because, appliesTo, maxItems), or use 'disable: [{id}]' to switch the rule off.", id, "id");
            return;
        }

        var before = _reader.Errors.Count;
        var change = new RuleOverride(id, new SourcePlace(File, map.Line, map.Column), map)
        {
            When = Expression(map, "when", what, id),
            DoneWhen = Expression(map, "doneWhen", what, id),
            Due = map["due"] is { } due ? ReadPoint(due, $"'due' of {what}", id, allowNow: true) : null,
            Priority = map["priority"] is null ? null : _reader.Int(map, "priority", required: false, what, -1000, 1000, id),
            Title = map["title"] is { } title ? Template(title, "title", id) : null,
            Detail = map["detail"] is { } detail ? Template(detail, "detail", id) : null,
            Because = map["because"] is { } because ? Template(because, "because", id) : null,
            Scope = map["appliesTo"] is null ? null : ReadScope(map["appliesTo"], id, what),
            MaxItems = map["maxItems"] is null ? null : _reader.Int(map, "maxItems", required: false, what, 1, 20, id),
        };
        if (_reader.Errors.Count == before)
        {
            _contents.Overrides.Add(change);
        }
    }

    private void ReadDisable(YamlNode node)
    {
        if (_reader.Id(node, "disable", "'disable'") is { } id)
        {
            _contents.Disabled.Add((id, new SourcePlace(File, node.Line, node.Column)));
        }
    }

    private RuleScope ReadScope(YamlNode? node, string id, string what)
    {
        var map = _reader.Mapping(node, $"'appliesTo' of {what}", ScopeKeys, id);
        if (map is null)
        {
            return RuleScope.Any;
        }

        var majors = IdList(map, "majors", "major", id, what);
        var pathways = IdList(map, "pathways", "pathway", id, what, allowPlus: true);
        var stages = Words(map, "stages", Stages.StudentStages, id, what);
        var goals = Words(map, "goals", StudentProfileValidator.Goals, id, what);
        return new RuleScope(majors, pathways, stages, goals);
    }

    private string[] Words(YamlMapping map, string key, IReadOnlyList<string> allowed, string id, string what) =>
        [.. _reader.StringList(map, key, what, id)
            .Where(item => _reader.OneOf(item.Node, item.Value, key, what, allowed, id) is not null)
            .Select(item => item.Value)];

    private string[] IdList(YamlMapping map, string key, string kind, string ownerId, string what, bool allowPlus = false)
    {
        var ids = new List<string>();
        foreach (var (_, itemNode) in _reader.StringList(map, key, what, ownerId))
        {
            if (_reader.Id(itemNode, key, what, ownerId, allowPlus) is { } itemId)
            {
                ids.Add(itemId);
                _contents.References.Add(new PendingReference(kind, itemId, File, itemNode, ownerId, key));
            }
        }

        return [.. ids];
    }

    private ExpressionSource? Expression(YamlMapping map, string key, string what, string id)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        if (node is not YamlScalar scalar || scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value))
        {
            _reader.Error(node, $"'{key}' of {what} should be a condition such as 'facts.IsFirstYearOfStage', but this is {node.Describe()}.", id, key);
            return null;
        }

        return new ExpressionSource(scalar.Value, File, scalar.Line, scalar.ContentColumn, scalar.IsSingleLine);
    }

    private LocalizedText? RequiredText(YamlMapping map, string key, string id, string kind)
    {
        var node = _reader.Get(map, key, required: true, $"the {kind} '{id}'", id);
        return node is null ? null : ReadText(node, key, id);
    }

    private LocalizedText? ReadText(YamlNode node, string key, string? id)
    {
        if (node is not YamlMapping map || map.Entries.Count == 0)
        {
            _reader.Error(node, $"'{key}' should give the text in each language, like '{key}: {{ en: ..., zh-CN: ... }}', but this is {node.Describe()}.", id, key);
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (_reader.String(entry.Value, entry.Key.Value, $"'{key}'", id) is { } value)
            {
                texts[entry.Key.Value] = value.Trim();
            }
        }

        if (texts.Count == 0)
        {
            return null;
        }

        var text = new LocalizedText(texts.ToFrozenDictionary(StringComparer.Ordinal));
        _contents.Texts.Add(new PendingText(text, File, node, id, key));
        return text;
    }

    private TextTemplate? RequiredTemplate(YamlMapping map, string key, string id)
    {
        var node = _reader.Get(map, key, required: true, $"the rule '{id}'", id);
        return node is null ? null : Template(node, key, id);
    }

    private TextTemplate? Template(YamlNode node, string key, string id)
    {
        var text = ReadText(node, key, id);
        if (text is null)
        {
            return null;
        }

        return TextTemplate.Parse(text, (language, message) =>
        {
            var place = node is YamlMapping map ? map[language] ?? node : node;
            _reader.Error(place, $"the {language} text of '{key}': {message}", id, key);
        });
    }
}
