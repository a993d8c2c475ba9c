using System.Globalization;
using System.Linq.Expressions;
using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Planning;
using CareerPath.Profiles;
using CareerPath.RulePacks;

namespace CareerPath.Linting;

/// <summary>The warnings of a pack that loads: ids no catalogue defines, rules that can never fire, repeated steps, unused entries.</summary>
internal static class PackLinter
{
    public static IReadOnlyList<InputError> Lint(RuleSet ruleSet, PackContents contents)
    {
        var warnings = new List<InputError>();
        var catalogue = ruleSet.Catalogue;
        var compiler = new ConditionCompiler(catalogue);
        var used = new HashSet<(string Kind, string Id)>();
        var whens = new Dictionary<string, Expression>(StringComparer.Ordinal);
        foreach (var rule in ruleSet.Rules.Select(r => r.Definition))
        {
            foreach (var source in new[] { rule.When, rule.DoneWhen }.OfType<ExpressionSource>())
            {
                if (compiler.Parse(source) is { } body)
                {
                    new ConditionLint(rule, source, catalogue, warnings, used).Check(body, source == rule.When);
                    if (source == rule.When)
                    {
                        whens[rule.Id] = body;
                    }
                }
            }
        }

        var reach = NeverFires(ruleSet, warnings);
        DuplicateSteps(ruleSet, reach, whens, warnings);
        Unused(catalogue, contents, used, warnings);
        return [.. warnings.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line).ThenBy(w => w.Column)];
    }

    private static InputError Warning(SourcePlace place, string code, string id, string message) =>
        new(place.File, place.Line, place.Column, message) { Id = id, Code = code };

    /// <summary>Warns of rules no student can get; returns, for each rule, the (major, pathway) pairs whose students can.</summary>
    private static Dictionary<string, HashSet<(string, string)>> NeverFires(RuleSet ruleSet, List<InputError> warnings)
    {
        var catalogue = ruleSet.Catalogue;
        var placedAt = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        var offered = new List<(Major Major, Pathway Pathway)>();
        foreach (var major in catalogue.Majors.Values)
        {
            foreach (var pathwayId in major.Pathways)
            {
                offered.Add((major, catalogue.Pathways[pathwayId]));
                foreach (var slot in ruleSet.RulesFor(major.Id, pathwayId))
                {
                    if (!placedAt.TryGetValue(slot.Rule.Id, out var at))
                    {
                        placedAt[slot.Rule.Id] = at = [];
                    }

                    at.Add((major.Id, pathwayId));
                }
            }
        }

        var placed = placedAt.Keys.ToHashSet(StringComparer.Ordinal);

        foreach (var rule in ruleSet.Rules.Select(r => r.Definition))
        {
            var scope = rule.Scope;
            var reach = offered.Where(o => (scope.Majors.Count == 0 || scope.Majors.Contains(o.Major.Id)) && (scope.Pathways.Count == 0 || scope.Pathways.Contains(o.Pathway.Id))).ToList();
            string? why = null;
            if (reach.Count == 0)
            {
                why = "no major in its 'appliesTo' is offered on any pathway in it (see each major's 'pathways')";
            }
            else if (!placed.Contains(rule.Id))
            {
                why = $"its 'due' point is not on any pathway it applies to ({string.Join("; ", reach.Select(o => o.Pathway).Distinct().Select(Describe))})";
            }
            else if (scope.Stages.Count > 0 && !scope.Stages.Any(stage => Stages.IsAfterPathway(stage) || reach.Any(o => o.Pathway.FindStage(stage) is not null)))
            {
                why = $"its 'appliesTo' stages ({string.Join(", ", scope.Stages)}) are on none of its pathways ({string.Join("; ", reach.Select(o => o.Pathway).Distinct().Select(Describe))})";
            }

            if (why is not null)
            {
                warnings.Add(Warning(rule.Place, "never-fires", rule.Id, $"the rule '{rule.Id}' can never fire: {why}. Fix its 'appliesTo' or 'due', or remove it."));
            }
        }

        return placedAt;
    }

    private static string Describe(Pathway pathway) =>
        $"{pathway.Id}: {string.Join(", ", pathway.Stages.Select(s => $"{s.Stage} {s.Years} years"))}";

    /// <summary>
    /// Two rules that can reach one student (a major and pathway both are indexed for, stages and
    /// goals that meet, conditions that do not contradict each other) with the same title or detail.
    /// </summary>
    private static void DuplicateSteps(
        RuleSet ruleSet, Dictionary<string, HashSet<(string, string)>> reach, Dictionary<string, Expression> whens, List<InputError> warnings)
    {
        bool Together(RuleDefinition a, RuleDefinition b) =>
            Overlap(a.Scope, b.Scope)
            && reach.TryGetValue(a.Id, out var atA) && reach.TryGetValue(b.Id, out var atB) && atA.Overlaps(atB)
            && !(whens.TryGetValue(a.Id, out var whenA) && whens.TryGetValue(b.Id, out var whenB)
                 && ConditionLint.Contradiction(Expression.AndAlso(whenA, whenB)) is not null);

        var rules = ruleSet.Rules.Select(r => r.Definition).ToList();
        var seen = new Dictionary<(string Field, string Language, string Text), List<RuleDefinition>>();
        foreach (var rule in rules)
        {
            foreach (var (field, template) in new[] { ("title", rule.Title), ("detail", rule.Detail) })
            {
                foreach (var (language, text) in template.Source.ByLanguage)
                {
                    var key = (field, language, Normalise(text));
                    if (!seen.TryGetValue(key, out var earlier))
                    {
                        seen[key] = earlier = [];
                    }

                    if (earlier.FirstOrDefault(other => Together(other, rule)) is { } first
                        && !warnings.Any(w => w.Code == "duplicate-step" && w.Id == rule.Id))
                    {
                        warnings.Add(Warning(rule.Place, "duplicate-step", rule.Id,
                            $"the rule '{rule.Id}' has the same {field} ({language}) as '{first.Id}' ({first.Place}), and both can reach the same student, who would read the step twice. Merge them, or narrow one's 'appliesTo'."));
                    }

                    earlier.Add(rule);
                }
            }
        }
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '。');

    private static bool Overlap(RuleScope a, RuleScope b) =>
        Meet(a.Majors, b.Majors) && Meet(a.Pathways, b.Pathways) && Meet(a.Stages, b.Stages) && Meet(a.Goals, b.Goals);

    private static bool Meet(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Count == 0 || b.Count == 0 || a.Intersect(b).Any();

    private static void Unused(PackCatalogue catalogue, PackContents contents, HashSet<(string Kind, string Id)> used, List<InputError> warnings)
    {
        var readByRules = used.ToHashSet();
        foreach (var position in catalogue.Positions.Values)
        {
            used.UnionWith(position.Skills.Keys.Select(s => ("skill", s)));
            used.UnionWith(position.Certificates.Select(c => ("certificate", c)));
        }

        foreach (var entry in catalogue.Learning.Values)
        {
            used.UnionWith(entry.Skills.Keys.Select(s => ("skill", s)));
            used.UnionWith(entry.Certificates.Select(c => ("certificate", c)));
        }

        var closing = new HashSet<string>(StringComparer.Ordinal);
        var language = catalogue.Languages[0];
        foreach (var position in catalogue.Positions.Values)
        {
            foreach (var skill in position.Skills.Keys)
            {
                closing.UnionWith(catalogue.ClosersFor(position, "skill", skill, language).Select(c => c.Id));
            }

            foreach (var certificate in position.Certificates)
            {
                closing.UnionWith(catalogue.ClosersFor(position, "certificate", certificate, language).Select(c => c.Id));
            }
        }

        var offeredPathways = catalogue.Majors.Values.SelectMany(m => m.Pathways).ToHashSet(StringComparer.Ordinal);
        var studied = catalogue.Majors.Values.Where(m => m.Pathways.Count > 0).SelectMany(m => new[] { m.Id, m.ArticulatesTo }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var fed = catalogue.Majors.Values.Select(m => m.ArticulatesTo).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Report(contents.Skills, id => used.Contains(("skill", id)), "skill", "no position, learning entry or rule condition uses it", warnings);
        Report(contents.Certificates, id => used.Contains(("certificate", id)), "certificate", "no position, learning entry or rule condition names it", warnings);
        bool Useful(string id) => closing.Contains(id)
            || catalogue.Learning[id].Skills.Keys.Any(s => readByRules.Contains(("skill", s)))
            || catalogue.Learning[id].Certificates.Any(c => readByRules.Contains(("certificate", c)));
        Report(contents.Learning, Useful, "learning entry", "it closes no gap of any position open to its majors, and no rule condition reads its skills or certificates", warnings);
        Report(contents.Pathways, offeredPathways.Contains, "pathway", "no major lists it in 'pathways'", warnings);
        Report(contents.Positions, id => studied.Contains(catalogue.Positions[id].Major), "position", "its major is not offered on any pathway and no offered major leads to it, so no student is matched to it", warnings);
        Report(contents.Majors, id => catalogue.Majors[id].Pathways.Count > 0 || fed.Contains(id) || catalogue.Majors[id].ArticulatesTo is not null, "major", "it is offered on no pathway and no major leads to it or from it", warnings);
    }

    private static void Report<T>(Dictionary<string, (T Value, SourcePlace Place)> entries, Func<string, bool> isUsed, string kind, string why, List<InputError> warnings)
    {
        foreach (var (id, (_, place)) in entries)
        {
            if (!isUsed(id))
            {
                warnings.Add(Warning(place, "unused-entry", id, $"the {kind} '{id}' is never used: {why}. Use it or remove it."));
            }
        }
    }

    /// <summary>Checks one condition: string ids no catalogue defines, and conjuncts that contradict each other.</summary>
    private sealed class ConditionLint(RuleDefinition rule, ExpressionSource source, PackCatalogue catalogue, List<InputError> warnings, HashSet<(string, string)> used)
        : ExpressionVisitor
    {
        private static readonly HashSet<string> SkillHelpers = ["SkillLevel", "HasSkillGap"];

        public void Check(Expression body, bool isWhen)
        {
            Visit(body);
            if (isWhen && Contradiction(body) is { } reason)
            {
                warnings.Add(new InputError(source.File, source.Line, source.Column,
                    $"the 'when' of the rule '{rule.Id}' can never be true: {reason}, so the rule never fires. Fix the condition or remove the rule.")
                { Id = rule.Id, Code = "contradiction" });
            }
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object is ParameterExpression && node.Arguments is [ConstantExpression { Value: string id }])
            {
                used.Add((SkillHelpers.Contains(node.Method.Name) ? "skill" : node.Method.Name == "HasCertificate" ? "certificate" : "position", id));
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
                && (Member(node.Left, node.Right) ?? Member(node.Right, node.Left)) is var (member, value)
                && Known(member) is { } known && !known.Contains(value))
            {
                warnings.Add(new InputError(source.File, source.Line, source.Column,
                    $"the condition of the rule '{rule.Id}' compares {Name(member)} with \"{value}\", which no catalogue or list of this pack defines, so the comparison is always {(node.NodeType == ExpressionType.Equal ? "false" : "true")}.{Yaml.Suggestion.Hint(value, known)}")
                { Id = rule.Id, Code = "unknown-id" });
            }

            return base.VisitBinary(node);
        }

        private static (MemberExpression, string)? Member(Expression a, Expression b) =>
            Strip(a) is MemberExpression { Expression: ParameterExpression } member && Strip(b) is ConstantExpression { Value: string value } ? (member, value) : null;

        private static string Name(MemberExpression member) => $"{((ParameterExpression)member.Expression!).Name}.{member.Member.Name}";

        private IReadOnlyCollection<string>? Known(MemberExpression member) => Name(member) switch
        {
            "student.Major" => catalogue.Majors.Keys,
            "facts.ArticulatedMajor" => [.. catalogue.Majors.Keys, string.Empty],
            "student.Pathway" => catalogue.Pathways.Keys,
            "student.Stage" => Stages.StudentStages,
            "facts.NextStage" => [.. Stages.PathwayStages, string.Empty],
            "student.Goal" => StudentProfileValidator.Goals,
            "facts.CurrentPhase" => CareerPhases.Ids,
            _ => null,
        };

        private static Expression Strip(Expression expression) =>
            expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? Strip(convert.Operand) : expression;

        /// <summary>Cheap checks over the top-level conjuncts (a &amp;&amp; b &amp;&amp; ...): a fact and its negation, two different values, an empty range.</summary>
        public static string? Contradiction(Expression body)
        {
            var conjuncts = new List<Expression>();
            Flatten(body, conjuncts);
            var truths = new Dictionary<string, bool>(StringComparer.Ordinal);
            var ranges = new Dictionary<string, Range>(StringComparer.Ordinal);
            foreach (var conjunct in conjuncts.Select(Strip))
            {
                var (fact, truth) = conjunct is UnaryExpression { NodeType: ExpressionType.Not } not ? (Strip(not.Operand), false) : (conjunct, true);
                if (fact.Type == typeof(bool) && fact is MemberExpression or MethodCallExpression)
                {
                    var key = fact.ToString();
                    if (truths.TryGetValue(key, out var seen) && seen != truth)
                    {
                        return $"it asks for both {key} and !{key}";
                    }

                    truths[key] = truth;
                }
                else if (conjunct is BinaryExpression binary && Compared(binary) is var (key, op, value))
                {
                    var range = ranges.GetValueOrDefault(key) ?? new Range();
                    ranges[key] = range;
                    if (range.Add(op, value) is { } reason)
                    {
                        return $"{key} {reason}";
                    }
                }
            }

            return null;
        }

        private static void Flatten(Expression expression, List<Expression> conjuncts)
        {
            if (Strip(expression) is BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } both && both.Type == typeof(bool))
            {
                Flatten(both.Left, conjuncts);
                Flatten(both.Right, conjuncts);
            }
            else
            {
                conjuncts.Add(expression);
            }
        }

        private static (string Key, ExpressionType Op, object Value)? Compared(BinaryExpression binary)
        {
            var (left, right, op) = (Strip(binary.Left), Strip(binary.Right), binary.NodeType);
            if (left is ConstantExpression && right is not ConstantExpression)
            {
                (left, right) = (right, left);
                op = op switch
                {
                    ExpressionType.LessThan => ExpressionType.GreaterThan,
                    ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
                    ExpressionType.GreaterThan => ExpressionType.LessThan,
                    ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
                    _ => op,
                };
            }

            return right is ConstantExpression { Value: { } value } && left is not ConstantExpression
                && op is ExpressionType.Equal or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                ? (left.ToString(), op, value)
                : null;
        }

        /// <summary>What the conjuncts so far allow one value: an exact value, or bounds.</summary>
        private sealed class Range
        {
            private object? _exact;
            private double _low = double.NegativeInfinity;
            private bool _lowStrict;
            private double _high = double.PositiveInfinity;
            private bool _highStrict;

            public string? Add(ExpressionType op, object value)
            {
                if (value is string text)
                {
                    if (op != ExpressionType.Equal)
                    {
                        return null;
                    }

                    if (_exact is string other && other != text)
                    {
                        return $"must equal both \"{other}\" and \"{text}\"";
                    }

                    _exact = text;
                    return null;
                }

                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                switch (op)
                {
                    case ExpressionType.Equal:
                        if (_exact is double other && other != number)
                        {
                            return $"must equal both {other} and {number}";
                        }

                        _exact = number;
                        break;
                    case ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual when number > _low || (number == _low && op == ExpressionType.GreaterThan):
                        (_low, _lowStrict) = (number, op == ExpressionType.GreaterThan);
                        break;
                    case ExpressionType.LessThan or ExpressionType.LessThanOrEqual when number < _high || (number == _high && op == ExpressionType.LessThan):
                        (_high, _highStrict) = (number, op == ExpressionType.LessThan);
                        break;
                }

                var empty = _low > _high || (_low == _high && (_lowStrict || _highStrict));
                if (_exact is double exact)
                {
                    empty |= exact < _low || exact > _high || (exact == _low && _lowStrict) || (exact == _high && _highStrict);
                }

                return empty ? "has no value that meets all its comparisons" : null;
            }
        }
    }
}
