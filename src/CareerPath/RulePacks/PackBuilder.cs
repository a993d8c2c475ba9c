using System.Collections.Frozen;
using System.Linq.Expressions;
using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Planning;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// The second pass of loading: the checks that need the whole pack (one header, every text in every
/// language, every id defined), then compiling every condition and indexing the rules. Either every
/// check passes and a <see cref="RuleSet"/> comes out, or nothing does.
/// </summary>
internal static class PackBuilder
{
    public static RuleSet? Build(PackContents contents, IReadOnlyList<string> files, InputErrorList errors, InputLimits limits, IReadOnlyDictionary<string, Expression>? parsed = null)
    {
        CheckTexts(contents, errors);
        CheckReferences(contents, errors);
        CheckCatalogue(contents, errors);
        if (contents.RuleIds.Count == 0 && contents.Headers.Count > 0 && !contents.OverLimit)
        {
            errors.Add(contents.Headers[0].File, contents.Headers[0].Node, "the pack has no rules; add a 'rules:' list to one of its files (see docs/rule-format.md).", field: "rules");
        }

        var catalogue = new PackCatalogue(
            contents.Languages,
            contents.Skills.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal),
            contents.Certificates.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal),
            contents.Majors.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal),
            contents.Positions.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal),
            contents.Learning.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal),
            contents.Pathways.ToFrozenDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal));

        var rules = Compile(contents, catalogue, errors, limits, parsed);
        if (errors.Count > 0)
        {
            return null;
        }

        var labels = catalogue.Pathways.Values
            .ToFrozenDictionary(p => p.Id, p => new TimelineLabels(p, catalogue.Languages), StringComparer.Ordinal);
        var layers = contents.Layers.Select(l => new PlanPack(l.Name, l.Version)).ToList().AsReadOnly();
        return new RuleSet(contents.Name!, contents.Version!, catalogue, rules, Index(catalogue, rules), labels) { Layers = layers, ParsedAhead = parsed is not null };
    }

    /// <summary>Exactly one <c>pack:</c> header per pack; <paramref name="severalPacks"/> when each path given is a pack of its own.</summary>
    public static void CheckHeader(PackContents contents, IReadOnlyList<string> files, InputErrorList errors, bool severalPacks)
    {
        if (contents.Headers.Count == 0)
        {
            errors.Add(files.Count > 0 ? files[0] : "rule pack", 0, 0, severalPacks
                ? "these files have no 'pack:' header, but other paths given are packs of their own; when you give several packs, each folder is one pack with one header. Add 'pack: { name: ..., version: ..., extends: ... }' or move the files into a pack's folder."
                : "no file of the pack has a 'pack:' header; add 'pack: { name: my-school, version: 1.0.0 }' to one of its files.", field: "pack");
        }

        foreach (var (file, node) in contents.Headers.Skip(1))
        {
            errors.Add(file, node, $"a second 'pack:' header (the first is in {contents.Headers[0].File}:{contents.Headers[0].Node.Line}); a pack has exactly one. Remove this one, or give each pack its own folder.", field: "pack");
        }
    }

    private static void CheckTexts(PackContents contents, InputErrorList errors)
    {
        foreach (var pending in contents.Texts)
        {
            foreach (var language in contents.Languages)
            {
                if (!pending.Text.ByLanguage.ContainsKey(language))
                {
                    errors.Add(pending.File, pending.Node,
                        $"'{pending.Field}' has no '{language}' text; the pack is written in {string.Join(" and ", contents.Languages)}, so add '{language}: ...'.",
                        pending.OwnerId, pending.Field);
                }
            }

            foreach (var (language, text) in pending.Text.ByLanguage)
            {
                var place = pending.Node is YamlMapping map ? map[language] ?? pending.Node : pending.Node;
                if (!contents.Languages.Contains(language))
                {
                    errors.Add(pending.File, place,
                        $"'{pending.Field}' has a '{language}' text, but the pack's languages are {string.Join(", ", contents.Languages)}.{Suggestion.Hint(language, contents.Languages)}",
                        pending.OwnerId, pending.Field);
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add(pending.File, place, $"the '{language}' text of '{pending.Field}' is empty; write the text or remove the key.", pending.OwnerId, pending.Field);
                }
            }
        }
    }

    private static void CheckReferences(PackContents contents, InputErrorList errors)
    {
        foreach (var reference in contents.References)
        {
            var seen = reference.Kind == "rule" ? contents.RuleIds.ContainsKey(reference.Id) : contents.SeenIds.Contains((reference.Kind, reference.Id));
            if (!seen)
            {
                var known = reference.Kind == "rule"
                    ? contents.RuleIds.Keys
                    : contents.SeenIds.Where(e => e.Kind == reference.Kind).Select(e => e.Id);
                errors.Add(reference.File, reference.Node,
                    $"'{reference.Field}' names the {reference.Kind} '{reference.Id}', which no file of the pack defines.{Suggestion.Hint(reference.Id, known)}",
                    reference.OwnerId, reference.Field);
            }
        }
    }

    private static void CheckCatalogue(PackContents contents, InputErrorList errors)
    {
        foreach (var (major, place) in contents.Majors.Values)
        {
            if (major.ArticulatesTo is { } target && contents.Majors.TryGetValue(target, out var articulated)
                && Array.IndexOf(Stages.PathwayStages, articulated.Value.Level) <= Array.IndexOf(Stages.PathwayStages, major.Level))
            {
                errors.Add(place.File, place.Line, place.Column,
                    $"the {major.Level} major '{major.Id}' articulates to '{target}', which is a {articulated.Value.Level} major; 'articulatesTo' names a major of a later stage (secondary vocational to higher vocational to undergraduate).", major.Id, "articulatesTo");
            }
        }

        foreach (var rule in contents.Rules.Values)
        {
            if (rule.Due.Kind != TimelinePointKind.AfterGraduation || rule.Due.Months == 0)
            {
                continue;
            }

            var pathways = rule.Scope.Pathways.Count > 0
                ? rule.Scope.Pathways.Select(id => contents.Pathways.TryGetValue(id, out var p) ? p.Value : null).OfType<Pathway>()
                : contents.Pathways.Values.Select(p => p.Value);
            var months = pathways.SelectMany(p => p.FollowUpMonths).Distinct().Order().ToList();
            if (months.Count > 0 && !months.Contains(rule.Due.Months))
            {
                errors.Add(rule.Place.File, rule.Place.Line, rule.Place.Column,
                    $"'due' of the rule '{rule.Id}' is {rule.Due.Months} months after graduation, but its pathways follow graduates up at {string.Join(", ", months)} months; use one of those (or 0, graduation itself).",
                    rule.Id, "due");
            }
        }
    }

    private static List<CompiledRule> Compile(PackContents contents, PackCatalogue catalogue, InputErrorList errors, InputLimits limits, IReadOnlyDictionary<string, Expression>? parsed)
    {
        var compiler = new ConditionCompiler(catalogue, limits, parsed);
        var order = contents.Rules.Keys.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
        foreach (var (ruleId, field, source) in contents.UnusedConditions)
        {
            compiler.Compile(source, ruleId, field, errors);
        }

        var rules = new List<CompiledRule>(contents.Rules.Count);
        foreach (var definition in contents.Rules.Values)
        {
            var when = definition.When is null ? null : compiler.Compile(definition.When, definition.Id, "when", errors);
            var doneWhen = definition.DoneWhen is null ? null : compiler.Compile(definition.DoneWhen, definition.Id, "doneWhen", errors);
            foreach (var superseded in definition.Supersedes)
            {
                if (superseded == definition.Id)
                {
                    errors.Add(definition.Place.File, definition.Place.Line, definition.Place.Column,
                        $"the rule '{definition.Id}' supersedes itself; list other rules' ids in 'supersedes'.", definition.Id, "supersedes");
                }
            }

            foreach (var superseded in definition.Supersedes)
            {
                if (contents.Rules.TryGetValue(superseded, out var other) && other.Supersedes.Contains(definition.Id) && string.CompareOrdinal(definition.Id, superseded) < 0)
                {
                    errors.Add(definition.Place.File, definition.Place.Line, definition.Place.Column,
                        $"the rules '{definition.Id}' and '{superseded}' ({other.Place}) supersede each other, so when both fire neither is shown; keep 'supersedes' on one of them.",
                        definition.Id, "supersedes");
                }
            }

            int[] supersedes = [.. definition.Supersedes.Where(order.ContainsKey).Select(id => order[id])];
            rules.Add(new CompiledRule(definition, when, doneWhen, rules.Count, supersedes));
        }

        return rules;
    }

    /// <summary>For each major and each of its pathways, the rules that can apply, with due points resolved.</summary>
    private static FrozenDictionary<string, FrozenDictionary<string, RuleCell>> Index(PackCatalogue catalogue, IReadOnlyList<CompiledRule> rules)
    {
        var byMajor = new Dictionary<string, FrozenDictionary<string, RuleCell>>(StringComparer.Ordinal);
        foreach (var major in catalogue.Majors.Values)
        {
            var byPathway = new Dictionary<string, RuleCell>(StringComparer.Ordinal);
            foreach (var pathwayId in major.Pathways)
            {
                var pathway = catalogue.Pathways[pathwayId];
                var slots = new List<RuleSlot>();
                foreach (var rule in rules)
                {
                    var scope = rule.Definition.Scope;
                    if ((scope.Majors.Count > 0 && !scope.Majors.Contains(major.Id)) || (scope.Pathways.Count > 0 && !scope.Pathways.Contains(pathwayId)))
                    {
                        continue;
                    }

                    var due = rule.Definition.Due;
                    if (due.Kind == TimelinePointKind.Now)
                    {
                        slots.Add(new RuleSlot(rule, RuleSlot.DueNow, slots.Count));
                        continue;
                    }

                    if (due.Kind == TimelinePointKind.AfterGraduation && due.Months != 0 && !pathway.FollowUpMonths.Contains(due.Months))
                    {
                        continue;
                    }

                    var index = due.Resolve(pathway, now: 0);
                    if (index != TimelinePoint.NotOnPathway)
                    {
                        slots.Add(new RuleSlot(rule, index, slots.Count));
                    }
                }

                byPathway[pathwayId] = new RuleCell([.. slots], catalogue.Languages.Count);
            }

            byMajor[major.Id] = byPathway.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return byMajor.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
