using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Parser;
using FastExpressionCompiler;
using System.Linq.Expressions;
using System.Reflection;
using CareerPath.Catalogue;
using CareerPath.RulePacks;
using CareerPath.Yaml;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace CareerPath.Engine;

/// <summary>
/// Turns a rule's condition text into a delegate: Microsoft RulesEngine's expression parser builds the
/// expression tree, an allow-list checks every node of it, and the tree is compiled once.
/// </summary>
/// <remarks>
/// RulesEngine's own workflow execution allocates about 135 KB a student and turns a broken
/// expression into a silent false; parsing through it and compiling typed delegates keeps its
/// language while making a broken or forbidden condition a load error.
/// </remarks>
internal sealed class ConditionCompiler
{
    public static readonly ParameterExpression Student = Expression.Parameter(typeof(StudentProfile), "student");
    public static readonly ParameterExpression Facts = Expression.Parameter(typeof(StudentFacts), "facts");

    /// <summary>Student members a condition may read; the name is personal data and is not among them.</summary>
    public static readonly IReadOnlyList<string> StudentMembers =
        [nameof(StudentProfile.Id), nameof(StudentProfile.Major), nameof(StudentProfile.Pathway), nameof(StudentProfile.Stage),
         nameof(StudentProfile.Year), nameof(StudentProfile.Term), nameof(StudentProfile.Goal), nameof(StudentProfile.Gpa),
         nameof(StudentProfile.Interests)];

    private static readonly HashSet<string> StringMethods = ["Contains", "StartsWith", "EndsWith", "Equals", "Compare", "CompareOrdinal", "Concat", "IsNullOrEmpty"];
    private static readonly HashSet<Type> ValueTypes = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float)];

    /// <summary>RulesEngine's settings for the condition language: the facts type is the one custom type.</summary>
    private static readonly ReSettings Settings = new() { CustomTypes = [typeof(StudentFacts)] };

    private readonly ParsingConfig _config = new()
    {
        CustomTypeProvider = new FixedTypeProvider(Settings.CustomTypes),
        IsCaseSensitive = Settings.IsExpressionCaseSensitive,
    };

    private readonly PackCatalogue _catalogue;
    private readonly InputLimits _limits;

    private readonly IReadOnlyDictionary<string, Expression>? _parsed;

    /// <param name="catalogue">The ids that helper calls may name.</param>
    /// <param name="limits">Length and nesting limits; <see cref="InputLimits.Default"/> when null.</param>
    /// <param name="parsed">Trees already parsed from these exact texts (the default pack's <see cref="PackSnapshot"/>); each still passes the allow-list.</param>
    public ConditionCompiler(PackCatalogue catalogue, InputLimits? limits = null, IReadOnlyDictionary<string, Expression>? parsed = null)
    {
        _catalogue = catalogue;
        _limits = limits ?? InputLimits.Default;
        _parsed = parsed;
    }

    /// <summary>The parsed tree of a condition that compiled at load (for the linter); null if it does not parse.</summary>
    public Expression? Parse(ExpressionSource source)
    {
        if (source.Text.Length > _limits.MaxConditionLength || WrittenDepth(source.Text) > _limits.MaxConditionDepth)
        {
            return null;
        }

        try
        {
            return Parse(source.Text);
        }
        catch (Exception exception) when (exception is ParseException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Compiles <paramref name="source"/>, or returns null after adding every problem to <paramref name="errors"/>.</summary>
    public CompiledCondition? Compile(ExpressionSource source, string ruleId, string field, InputErrorList errors)
    {
        if (source.Text.Length > _limits.MaxConditionLength)
        {
            errors.Add(source.File, source.Line, source.Column,
                $"the '{field}' condition of the rule '{ruleId}' is {source.Text.Length:N0} characters long; keep it to {_limits.MaxConditionLength:N0} {InputLimits.HowToRaise(nameof(InputLimits.MaxConditionLength))} by splitting the rule in two.", ruleId, field);
            return null;
        }

        // The parser recurses into brackets, '!' and '?:'; refusing deep nesting before it starts keeps the stack safe.
        if (WrittenDepth(source.Text) is var written && written > _limits.MaxConditionDepth)
        {
            errors.Add(source.File, source.Line, source.Column,
                $"the '{field}' condition of the rule '{ruleId}' nests {written} levels deep (brackets, '!' and '? :' inside one another); at most {_limits.MaxConditionDepth} are allowed {InputLimits.HowToRaise(nameof(InputLimits.MaxConditionDepth))}. Split the rule in two.", ruleId, field);
            return null;
        }

        Expression body;
        try
        {
            body = _parsed is not null && _parsed.TryGetValue(source.Text, out var parsed) ? parsed : Parse(source.Text);
        }
        catch (ParseException exception)
        {
            var column = source.IsSingleLine ? source.Column + exception.Position : source.Column;
            var where = source.IsSingleLine ? string.Empty : $" at character {exception.Position + 1} of the condition";
            errors.Add(source.File, source.Line, column,
                $"the '{field}' condition of the rule '{ruleId}' does not compile{where}: {exception.Message.TrimEnd('.')}. See 'Conditions' in docs/rule-format.md for what a condition may use.",
                ruleId, field);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            errors.Add(source.File, source.Line, source.Column,
                $"the '{field}' condition of the rule '{ruleId}' does not compile: {exception.Message.TrimEnd('.')}.", ruleId, field);
            return null;
        }

        if (body.Type != typeof(bool))
        {
            errors.Add(source.File, source.Line, source.Column,
                $"the '{field}' condition of the rule '{ruleId}' gives a {body.Type.Name}, but a condition must be true or false (for example 'facts.SkillLevel(\"x\") >= 3').", ruleId, field);
            return null;
        }

        var check = new AllowListVisitor(_catalogue, _limits.MaxConditionDepth);
        check.Visit(body);
        if (check.Problems.Count > 0)
        {
            foreach (var problem in check.Problems.Distinct())
            {
                errors.Add(source.File, source.Line, source.Column, $"the '{field}' condition of the rule '{ruleId}' {problem}", ruleId, field);
            }

            return null;
        }

        var compiled = Expression.Lambda<Func<StudentProfile, StudentFacts, bool>>(body, Student, Facts).CompileFast();
        var probes = check.Probes
            .DistinctBy(Describe)
            .Select(probe => new FactProbe(Describe(probe), probe))
            .ToList();
        return new CompiledCondition(source.Text, compiled, probes);
    }

    /// <summary>
    /// Parses as RulesEngine's <see cref="RuleExpressionParser.Parse"/> does (the same parser, settings and
    /// types), but with one configuration for the whole pack: RulesEngine makes a new one for each
    /// condition, and its type provider scans every loaded assembly each time.
    /// </summary>
    private Expression Parse(string text) => new ExpressionParser([Student, Facts], text, [], _config).Parse(typeof(bool));

    /// <summary>How a value the condition reads is written, for the step's "why".</summary>
    private static string Describe(Expression expression) => expression switch
    {
        ParameterExpression parameter => parameter.Name!,
        MemberExpression member => $"{Describe(member.Expression!)}.{member.Member.Name}",
        MethodCallExpression call => $"{Describe(call.Object!)}.{call.Method.Name}({string.Join(", ", call.Arguments.Select(Describe))})",
        ConstantExpression { Value: string text } => $"\"{text}\"",
        ConstantExpression constant => Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        UnaryExpression { NodeType: ExpressionType.Convert } unary => Describe(unary.Operand),
        _ => expression.ToString(),
    };

    /// <summary>
    /// How deep the text nests as written, counted generously so that it bounds the parser's recursion:
    /// the deepest bracket, plus the longest run of prefix '!', '-' and '+', plus every '?' and '=>'
    /// (each '? :', '??' and lambda nests the rest of the condition one level).
    /// </summary>
    internal static int WrittenDepth(string text)
    {
        int depth = 0, deepest = 0, run = 0, longestRun = 0, questions = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                // Skip a string or character literal, with its backslash escapes.
                for (i++; i < text.Length && text[i] != c; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }

                run = 0;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    run = 0;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    run = 0;
                    break;
                case '!' or '-' or '+':
                    longestRun = Math.Max(longestRun, ++run);
                    break;
                case '?':
                    questions++;
                    run = 0;
                    break;
                case '=' when i + 1 < text.Length && text[i + 1] == '>':
                    // A lambda's body nests too; lambdas are refused after parsing, but parsing them recurses.
                    questions++;
                    run = 0;
                    break;
                default:
                    run = 0;
                    break;
            }
        }

        return deepest + longestRun + questions;
    }

    /// <summary>
    /// The types RulesEngine's <see cref="RulesEngine.CustomTypeProvider"/> gives the parser (the custom types, RulesEngine's
    /// helpers, <see cref="Enumerable"/>, and the bases and interfaces of each), worked out once. RulesEngine's
    /// provider also scans every loaded assembly for <see cref="DynamicLinqTypeAttribute"/> on each call: 60 ms
    /// the first time in the sample app, and a way for any assembly a host loads to add types to conditions.
    /// </summary>
    private sealed class FixedTypeProvider : DefaultDynamicLinqCustomTypeProvider
    {
        private readonly HashSet<Type> _types;

        public FixedTypeProvider(Type[] customTypes)
            : base(ParsingConfig.Default, cacheCustomTypes: true)
        {
            _types = [.. customTypes, typeof(RulesEngine.HelperFunctions.ExpressionUtils), typeof(Enumerable)];
            var queue = new Queue<Type>(_types);
            while (queue.TryDequeue(out var type))
            {
                foreach (var related in type.GetInterfaces().Prepend(type.BaseType))
                {
                    if (related is not null && _types.Add(related))
                    {
                        queue.Enqueue(related);
                    }
                }
            }

            _types.Add(typeof(System.Collections.IEnumerable));
        }

        public override HashSet<Type> GetCustomTypes() => [.. _types];
    }

    private static string Friendly(Type? type) =>
        type is null ? "?" : type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    /// <summary>Accepts only the documented inputs, operators, literals and helpers; collects what else it meets.</summary>
    private sealed class AllowListVisitor(PackCatalogue catalogue, int maxDepth) : ExpressionVisitor
    {
        private int _depth;

        public List<string> Problems { get; } = [];

        public List<Expression> Probes { get; } = [];

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(node))]
        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            // A long chain of '&&' or '+' parses without recursion but makes a tree as deep as it is
            // long; stop descending at the limit, so checking (and compiling) never recurses further.
            if (_depth >= maxDepth)
            {
                Problems.Add($"nests operations more than {maxDepth} levels deep (each '&&', '||' or '+' of a chain is one level) {InputLimits.HowToRaise(nameof(InputLimits.MaxConditionDepth))}; split the rule in two.");
                return node;
            }

            _depth++;
            try
            {
                return Check(node);
            }
            finally
            {
                _depth--;
            }
        }

        private Expression Check(Expression node)
        {
            switch (node.NodeType)
            {
                case ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Not
                    or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                    or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                    or ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide
                    or ExpressionType.Modulo or ExpressionType.Negate or ExpressionType.Conditional or ExpressionType.Coalesce
                    or ExpressionType.And or ExpressionType.Or or ExpressionType.Convert:
                    return base.Visit(node);
                case ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.MemberAccess or ExpressionType.Call:
                    return base.Visit(node);
                default:
                    Problems.Add($"uses a '{node.NodeType}' expression, which conditions may not use; see 'Conditions' in docs/rule-format.md.");
                    return node;
            }
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !ValueTypes.Contains(Nullable.GetUnderlyingType(node.Type) ?? node.Type))
            {
                Problems.Add($"uses a value of type '{node.Type.Name}', which conditions may not use.");
            }

            return node;
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var target = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
            if (node.NodeType == ExpressionType.Convert && !ValueTypes.Contains(target) && target != typeof(object))
            {
                Problems.Add($"converts to '{target.Name}', which conditions may not use.");
                return node;
            }

            return base.VisitUnary(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node != Student && node != Facts)
            {
                Problems.Add($"uses '{node.Name}'; conditions see only 'student' and 'facts'.");
            }

            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is null)
            {
                Problems.Add($"reads '{node.Member.DeclaringType?.Name}.{node.Member.Name}', which conditions may not use; they see only 'student' and 'facts'.");
                return node;
            }

            var owner = node.Expression;
            if (owner == Student)
            {
                if (node.Member.Name == nameof(StudentProfile.Name))
                {
                    Problems.Add("reads 'student.Name': the name is personal data and conditions may not see it. Use student.Id if you must single out a student.");
                }
                else if (!StudentMembers.Contains(node.Member.Name))
                {
                    Problems.Add($"reads 'student.{node.Member.Name}', which conditions may not use.{Suggestion.Hint(node.Member.Name, StudentMembers)} For skills and certificates use facts.SkillLevel(\"id\") and facts.HasCertificate(\"id\").");
                }
                else
                {
                    Probes.Add(node);
                }

                return node;
            }

            if (owner == Facts && node.Member is PropertyInfo && node.Member.DeclaringType == typeof(StudentFacts))
            {
                Probes.Add(node);
                return node;
            }

            if (node.Member.DeclaringType == typeof(string) && node.Member.Name == nameof(string.Length))
            {
                return base.VisitMember(node);
            }

            if (Nullable.GetUnderlyingType(owner.Type) is not null && node.Member.Name is "Value" or "HasValue")
            {
                return base.VisitMember(node);
            }

            Visit(owner);
            Problems.Add($"reads '{node.Member.Name}' of a '{Friendly(owner.Type)}', which conditions may not use; see 'Conditions' in docs/rule-format.md.");
            return node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object == Facts && node.Method.DeclaringType == typeof(StudentFacts))
            {
                CheckHelperArguments(node);
                Probes.Add(node);
                return base.VisitMethodCall(node);
            }

            if (node.Method.DeclaringType == typeof(string) && StringMethods.Contains(node.Method.Name))
            {
                return base.VisitMethodCall(node);
            }

            if (node.Method.DeclaringType == typeof(Math) && node.Method.Name is "Min" or "Max" or "Abs" or "Round" or "Floor" or "Ceiling")
            {
                return base.VisitMethodCall(node);
            }

            // The receiver and the arguments are checked too, so that every refused member is named
            // (in 'Enumerable.Range(0, 9).Count()' both Range and Count).
            if (node.Object is not null)
            {
                Visit(node.Object);
            }

            foreach (var argument in node.Arguments)
            {
                Visit(argument);
            }

            Problems.Add($"calls '{node.Method.Name}' ({Friendly(node.Method.DeclaringType)}.{node.Method.Name}), which conditions may not use; see 'Conditions' in docs/rule-format.md.");
            return node;
        }

        private void CheckHelperArguments(MethodCallExpression node)
        {
            if (node.Arguments is not [ConstantExpression { Value: string id }])
            {
                return;
            }

            var (kind, known) = node.Method.Name switch
            {
                nameof(StudentFacts.SkillLevel) => ("skill", (IEnumerable<string>)catalogue.Skills.Keys),
                nameof(StudentFacts.HasCertificate) => ("certificate", catalogue.Certificates.Keys),
                nameof(StudentFacts.IsTarget) or nameof(StudentFacts.Fit) => ("position", catalogue.Positions.Keys),
                nameof(StudentFacts.HasSkillGap) => ("skill", catalogue.Skills.Keys),
                nameof(StudentFacts.HasInterest) => ("RIASEC letter", ["R", "I", "A", "S", "E", "C"]),
                _ => (string.Empty, []),
            };
            if (kind.Length > 0 && !known.Contains(id))
            {
                Problems.Add($"asks facts.{node.Method.Name}(\"{id}\"), but '{id}' is not a {kind} in this pack.{Suggestion.Hint(id, known)}");
            }
        }
    }
}
