namespace CareerPath.Tests;

/// <summary>
/// Issue 8: a condition is code from a pack the host trusts only partly. After parsing and before
/// compiling, every node is checked against what docs/rule-format.md lists; the rest is a load error
/// with the place, the rule id and the member refused.
/// </summary>
public sealed class ConditionAllowListTests
{
    private static readonly string Mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));

    private static string WithCondition(string condition) =>
        Mini + $"\n  - id: probe\n    phase: dedicated-study\n    category: course\n    when: '{condition.Replace("'", "''", StringComparison.Ordinal)}'\n    due: now\n    title: {{ en: T, zh-CN: T }}\n    detail: {{ en: D, zh-CN: D }}\n";

    private static List<InputError> Refusals(string condition, InputLimits? limits = null) =>
        [.. Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(WithCondition(condition), "pack.yaml", limits ?? InputLimits.Default)).Errors.Where(e => e.Id == "probe")];

    [Theory]
    [InlineData("student.GetType().Assembly.Location != \"\"", "calls 'GetType' (Object.GetType)")]
    [InlineData("student.GetType().Assembly.Location != \"\"", "reads 'Assembly' of a 'Type'")]
    [InlineData("student.GetType().Assembly.DefinedTypes.Count() > 0", "reads 'DefinedTypes' of a 'Assembly'")]
    [InlineData("Enumerable.Range(0, 300000000).Where(x => x > 0).Count() > 0", "calls 'Range' (Enumerable.Range)")]
    [InlineData("Enumerable.Repeat(\"x\", 20000000).ToList().Count > 0", "calls 'Repeat' (Enumerable.Repeat)")]
    [InlineData("\"x\".PadLeft(100000000).Length > 0", "calls 'PadLeft' (String.PadLeft)")]
    [InlineData("DateTime.Now.Year > 2000", "reads 'DateTime.Now'")]
    [InlineData("student.Certificates.Any()", "reads 'student.Certificates'")]
    [InlineData("student.Graduation.Employed", "reads 'student.Graduation'")]
    [InlineData("new[] { 1, 2 }.Length > 0", "uses a 'NewArrayInit' expression")]
    public void A_condition_that_reaches_outside_the_documented_inputs_names_each_member_refused(string condition, string expected)
    {
        var refusals = Refusals(condition);

        Assert.Contains(refusals, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line == 228 && e.Column == 12 && e.Field == "when");
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "Unknown identifier 'System'")]
    [InlineData("Environment.ProcessorCount > 0", "Unknown identifier 'Environment'")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "Unknown identifier 'Type'")]
    [InlineData("AppDomain.CurrentDomain.BaseDirectory != \"\"", "Unknown identifier 'AppDomain'")]
    public void A_type_the_expression_language_does_not_know_does_not_compile(string condition, string expected)
    {
        var refusal = Assert.Single(Refusals(condition));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_longer_than_the_depth_limit_is_refused()
    {
        var refusal = Assert.Single(Refusals(string.Join(" && ", Enumerable.Repeat("facts.IsFirstStage", 40))));

        Assert.Contains("nests operations more than 32 levels deep", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(((((((((((((((((((((((((((((((((((true)))))))))))))))))))))))))))))))))))", 35)]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!true", 34)]
    [InlineData("student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? student.Gpa ?? 1.0 > 0", 34)]
    public void Nesting_past_the_depth_limit_as_written_is_refused_before_it_is_parsed(string condition, int depth)
    {
        var refusal = Assert.Single(Refusals(condition));

        Assert.Contains($"nests {depth} levels deep", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deepest_condition_the_ceilings_allow_loads_even_from_a_thread_with_a_small_stack()
    {
        var limits = InputLimits.Default with { MaxConditionDepth = InputLimits.ConditionDepthCeiling };
        var condition = new string('(', 126) + "true" + new string(')', 126);
        Exception? failure = null;
        RuleSet? loaded = null;

        var thread = new Thread(() =>
        {
            try
            {
                loaded = RulePackLoader.LoadText(WithCondition(condition), "pack.yaml", limits);
            }
            catch (RulePackException exception)
            {
                failure = exception;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal("mini", loaded?.Name);
    }

    [Fact]
    public void A_condition_longer_than_the_limit_is_refused_with_the_limit_named()
    {
        var refusal = Assert.Single(Refusals("facts.IsFirstStage || " + string.Join(" || ", Enumerable.Repeat("facts.IsFinalStage", 10)), InputLimits.Default with { MaxConditionLength = 100 }));

        Assert.Contains("keep it to 100 (InputLimits.MaxConditionLength", refusal.Message, StringComparison.Ordinal);
    }
}
