using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerPath.Tests;

/// <summary>Issue 8: every input has a limit with a safe default; past it, a located error names the limit and how to raise it.</summary>
public sealed class InputLimitsTests
{
    private static readonly string Mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));

    private const string Student = "id: s1\nmajor: m1\npathway: p4\nstage: secondary-vocational\nyear: 1\n";

    private static InputError PackError(string yaml, InputLimits limits) =>
        Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(yaml, "pack.yaml", limits)).Errors[0];

    [Fact]
    public void A_pack_file_over_the_size_limit_is_refused_naming_the_limit()
    {
        var file = TestFiles.Write("mini.yaml", Mini);

        var error = Assert.Single(Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([file], InputLimits.Default with { MaxFileBytes = 1000 })).Errors);

        Assert.Equal(file, error.File);
        Assert.Contains("InputLimits.MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_never_ends_is_read_only_up_to_the_size_limit()
    {
        var error = Assert.Single(Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles(["/dev/zero"])).Errors);

        Assert.Contains("holds more than 4,194,304 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_never_ends_is_read_only_up_to_the_size_limit()
    {
        var services = new ServiceCollection().AddCareerPath(options =>
        {
            options.UseDefaultPack = false;
            options.Limits = options.Limits with { MaxFileBytes = 64 * 1024 };
            options.AddRulePackStream("endless.yaml", () => File.OpenRead("/dev/zero"));
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICareerPlanner>());

        Assert.Contains("endless.yaml: the file holds more than 65,536 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_at_their_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("pack: { name: x, version: 1 }\nrules:\n  - id: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        var file = TestFiles.Write("latin1.yaml", string.Empty);
        File.WriteAllBytes(file, bytes);

        var error = Assert.Single(Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([file])).Errors);

        Assert.Equal((3, 12), (error.Line, error.Column));
        Assert.StartsWith("this is not UTF-8 text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_is_read()
    {
        var file = TestFiles.Write("mini.yaml", string.Empty);
        File.WriteAllText(file, Mini, Encoding.Unicode);

        Assert.Equal("mini", RulePackLoader.LoadFiles([file]).Name);
    }

    [Fact]
    public void A_pack_over_the_rule_limit_is_refused_at_its_rules_list_without_compiling_them()
    {
        var error = PackError(Mini, InputLimits.Default with { MaxRules = 10 });

        Assert.Equal("rules", error.Field);
        Assert.Contains("past the 10 rules and overrides a pack may have (InputLimits.MaxRules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_over_the_catalogue_limit_is_refused_at_the_list_that_passes_it()
    {
        var error = PackError(Mini, InputLimits.Default with { MaxCatalogueEntries = 8 });

        Assert.Equal("positions", error.Field);
        Assert.Contains("InputLimits.MaxCatalogueEntries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_over_the_length_limit_is_refused_where_it_starts()
    {
        var error = PackError(Mini.Replace("Tour the labs", new string('x', 300), StringComparison.Ordinal), InputLimits.Default with { MaxStringLength = 200 });

        Assert.Equal(96, error.Line);
        Assert.Contains("a text may have at most 200 (InputLimits.MaxStringLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_nesting_past_the_configured_depth_is_refused()
    {
        var error = PackError("a: [[[[[x]]]]]\n", InputLimits.Default with { MaxYamlDepth = 3 });

        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Contains("deeper than 3 levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(InputLimits.MaxYamlDepth), 65)]
    [InlineData(nameof(InputLimits.MaxConditionDepth), 129)]
    [InlineData(nameof(InputLimits.MaxConditionLength), 20_001)]
    [InlineData(nameof(InputLimits.MaxRules), 0)]
    public void A_limit_past_its_ceiling_or_below_one_cannot_be_set(string limit, int value)
    {
        var property = typeof(InputLimits).GetProperty(limit)!;

        var exception = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.SetValue(new InputLimits(), value));

        Assert.Contains($"InputLimits.{limit} must be", Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_past_the_limit_are_counted_in_one_last_error()
    {
        var yaml = string.Concat(Enumerable.Range(0, 30).Select(i => $"unknown{i}: 1\n"));

        var errors = Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(yaml, "pack.yaml", InputLimits.Default with { MaxErrors = 5 })).Errors;

        Assert.Equal(6, errors.Count);
        Assert.StartsWith("26 more problems are not listed: only the first 5 are (InputLimits.MaxErrors", errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_record_with_more_skills_than_the_limit_is_refused_at_the_list()
    {
        var record = Student + "skills:\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"  s{i}: 1\n"));

        var error = Assert.Single(Assert.Throws<StudentProfileException>(() =>
            StudentProfileReader.Read(record, "s1.yaml", TestFiles.MiniPack, InputLimits.Default with { MaxProfileItems = 5 })).Errors);

        Assert.Equal(("skills", 7), (error.Field, error.Line));
        Assert.Contains("InputLimits.MaxProfileItems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_built_in_code_with_a_huge_list_is_refused_before_any_id_is_checked()
    {
        var student = MiniStudents.At("secondary-vocational", 1) with { Certificates = [.. Enumerable.Range(0, 100_000).Select(i => $"c{i}")] };

        var error = Assert.Single(Assert.Throws<StudentProfileException>(() => new CareerPlanner(TestFiles.MiniPack).Plan(student)).Errors);

        Assert.Equal("certificates", error.Field);
    }

    [Fact]
    public void A_student_file_that_never_ends_is_read_only_up_to_its_limit()
    {
        var error = Assert.Single(Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile("/dev/zero", TestFiles.MiniPack)).Errors);

        Assert.Contains("InputLimits.MaxStudentFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CareerPath:Limits:MaxRules"] = "20000", ["CareerPath:Limits:MaxYamlDepth"] = "48" })
            .Build();
        var services = new ServiceCollection();
        services.Configure<CareerPathOptions>(configuration.GetSection("CareerPath"));
        services.AddCareerPath();
        using var provider = services.BuildServiceProvider();

        var limits = provider.GetRequiredService<IOptions<CareerPathOptions>>().Value.Limits;

        Assert.Equal((20_000, 48, InputLimits.Default.MaxFileBytes), (limits.MaxRules, limits.MaxYamlDepth, limits.MaxFileBytes));
        Assert.Equal(5_000, InputLimits.Default.MaxRules);
    }
}
