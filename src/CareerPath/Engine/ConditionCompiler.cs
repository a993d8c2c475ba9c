using System.Linq.Dynamic.Core.Exceptions;
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
    public const int MaxLength = 2000;

    public static readonly ParameterExpression Student = Expression.Parameter(typeof(StudentProfile), "student");
    public static readonly ParameterExpression Facts = Expression.Parameter(typeof(StudentFacts), "facts");

    /// <summary>Student members a condition may read; the name is personal data and is not among them.</summary>
    public static readonly IReadOnlyList<string> StudentMembers =
        [nameof(StudentProfile.Id), nameof(StudentProfile.Major), nameof(StudentProfile.Pathway), nameof(StudentProfile.Stage),
         nameof(StudentProfile.Year), nameof(StudentProfile.Term), nameof(StudentProfile.Goal), nameof(StudentProfile.Gpa),
         nameof(StudentProfile.Interests)];

    private static readonly HashSet<string> StringMethods = ["Contains", "StartsWith", "EndsWith", "Equals", "Compare", "CompareOrdinal", "Concat", "IsNullOrEmpty"];
    private static readonly HashSet<Type> ValueTypes = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float)];

    private readonly RuleExpressionParser _parser = new(new ReSettings { CustomTypes = [typeof(StudentFacts)] });
    private readonly PackCatalogue _catalogue;

    public ConditionCompiler(PackCatalogue catalogue) => _catalogue = catalogue;

    /// <summary>The parsed tree of a condition that compiled at load (for the linter); null if it does not parse.</summary>
    public Expression? Parse(ExpressionSource source)
    {
        try
        {
            return _parser.Parse(source.Text, [Student, Facts], typeof(bool));
        }
        catch (Exception exception) when (exception is ParseException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Compiles <paramref name="source"/>, or returns null after adding every problem to <paramref name="errors"/>.</summary>
    public CompiledCondition? Compile(ExpressionSource source, string ruleId, string field, InputErrorList errors)
    {
        if (source.Text.Length > MaxLength)
        {
            errors.Add(source.File, source.Line, source.Column,
                $"the '{field}' condition of the rule '{ruleId}' is {source.Text.Length} characters long; keep it under {MaxLength} (split the rule in two).", ruleId, field);
            return null;
        }

        Expression body;
        try
        {
            body = _parser.Parse(source.Text, [Student, Facts], typeof(bool));
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

        var check = new AllowListVisitor(_catalogue);
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

    private static string Friendly(Type? type) =>
        type is null ? "?" : type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    /// <summary>Accepts only the documented inputs, operators, literals and helpers; collects what else it meets.</summary>
    private sealed class AllowListVisitor(PackCatalogue catalogue) : ExpressionVisitor
    {
        public List<string> Problems { get; } = [];

        public List<Expression> Probes { get; } = [];

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(node))]
        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

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

            if (node.Object is not null)
            {
                Visit(node.Object);
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
