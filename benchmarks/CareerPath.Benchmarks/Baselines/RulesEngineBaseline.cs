using CareerPath.RulePacks;
using RulesEngine.Models;

namespace CareerPath.Benchmarks.Baselines;

/// <summary>
/// The same pack run by Microsoft RulesEngine's own workflow execution: one workflow holding every
/// rule (its <c>appliesTo</c> written as an expression and joined to its <c>when</c>) and every
/// <c>doneWhen</c>, executed with <c>ExecuteAllRulesAsync</c> once per student. This is how a
/// developer would run a pack with RulesEngine alone, and the reference the differential test holds
/// CareerPath to.
/// </summary>
internal sealed class RulesEngineBaseline
{
    private const string WorkflowName = "careerpath";
    private const string DoneSuffix = "#done";

    private readonly RulesEngine.RulesEngine _engine;

    public RulesEngineBaseline(RuleSet pack)
    {
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = [.. pack.Rules.Select(rule => new Rule
            {
                RuleName = rule.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = ScopeExpression(rule.Definition.Scope) + " && (" + (rule.When?.Text ?? "true") + ")",
            }),
            .. pack.Rules.Where(rule => rule.DoneWhen is not null).Select(rule => new Rule
            {
                RuleName = rule.Id + DoneSuffix,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = rule.DoneWhen!.Text,
            })],
        };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(StudentFacts)] });
    }

    /// <summary>Runs the whole workflow for one student; returns the ids of the rules that fired (done rules left out).</summary>
    public HashSet<string> Fired(StudentProfile student, StudentFacts facts) => Run(student, facts).Fired;

    /// <summary>Runs the whole workflow for one student: the rules that fired, and the rules whose <c>doneWhen</c> held.</summary>
    public (HashSet<string> Fired, HashSet<string> Done) Run(StudentProfile student, StudentFacts facts)
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in Execute(student, facts))
        {
            if (!result.IsSuccess)
            {
                continue;
            }

            var name = result.Rule.RuleName;
            if (name.EndsWith(DoneSuffix, StringComparison.Ordinal))
            {
                done.Add(name[..^DoneSuffix.Length]);
            }
            else
            {
                fired.Add(name);
            }
        }

        return (fired, done);
    }

    /// <summary>How many rules fired (done rules left out): the cheapest way to read the workflow's answer.</summary>
    public int CountFired(StudentProfile student, StudentFacts facts)
    {
        var count = 0;
        foreach (var result in Execute(student, facts))
        {
            if (result.IsSuccess && !result.Rule.RuleName.EndsWith(DoneSuffix, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A planner whose rules fire by RulesEngine's workflow execution; everything else in the plan
    /// (facts, fit, ordering, texts) is CareerPath's, so the two plans are the same and only the
    /// rule evaluation differs. The workflow also runs every <c>doneWhen</c>, as a plan needs them.
    /// </summary>
    public CareerPlanner Planner(RuleSet pack) => new(pack, (student, facts, slots, fired, _) =>
    {
        var ids = Fired(student, facts);
        foreach (var slot in slots)
        {
            if (ids.Contains(slot.Rule.Id))
            {
                fired.Add(slot);
            }
        }
    });

    private List<RuleResultTree> Execute(StudentProfile student, StudentFacts facts) =>
        _engine.ExecuteAllRulesAsync(WorkflowName, [new RuleParameter("student", student), new RuleParameter("facts", facts)])
            .AsTask().GetAwaiter().GetResult();

    private static string ScopeExpression(RuleScope scope)
    {
        static string AnyOf(string member, IReadOnlyList<string> values) =>
            values.Count == 0 ? "true" : "(" + string.Join(" || ", values.Select(v => $"student.{member} == \"{v}\"")) + ")";

        return $"{AnyOf("Major", scope.Majors)} && {AnyOf("Pathway", scope.Pathways)} && {AnyOf("Stage", scope.Stages)} && {AnyOf("Goal", scope.Goals)}";
    }
}
