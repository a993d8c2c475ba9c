using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerPath.Tests;

public sealed class AddCareerPathTests
{
    private static readonly StudentProfile CntStudent = new()
    {
        Id = "2024-cnt-0012",
        Major = "computer-network-technology",
        Pathway = "2+3+2",
        Stage = "secondary-vocational",
        Year = 1,
    };

    private static ServiceProvider Provider(Action<CareerPathOptions>? configure = null, LogRecords? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs));
        }

        return services.AddCareerPath(configure).BuildServiceProvider();
    }

    private static async Task<IHost> StartHost(Action<CareerPathOptions> configure, LogRecords logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Services.AddCareerPath(configure);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    [Fact]
    public void With_no_options_it_plans_from_the_default_pack()
    {
        using var provider = Provider();

        var plan = provider.GetRequiredService<ICareerPlanner>().Plan(CntStudent);

        Assert.Same(RulePackLoader.LoadDefault(), provider.GetRequiredService<RuleSet>());
        Assert.Equal(RulePackLoader.LoadDefault().Name, plan.Pack.Name);
        Assert.Equal("2024-cnt-0012", plan.StudentId);
        Assert.Equal("en", plan.Language);
    }

    [Fact]
    public void The_planner_and_its_rule_set_are_singletons()
    {
        using var provider = Provider();

        var planner = provider.GetRequiredService<ICareerPlanner>();

        Assert.Same(planner, provider.GetRequiredService<ICareerPlanner>());
        Assert.Same(provider.GetRequiredService<RuleSet>(), planner.RuleSet);
    }

    [Fact]
    public void Calling_it_twice_registers_nothing_twice_and_both_configurations_apply()
    {
        var services = new ServiceCollection()
            .AddCareerPath(options => options.UseDefaultPack = false)
            .AddCareerPath(options => options.AddRulePackFile(TestFiles.Pack("mini.yaml")));

        Assert.Single(services, s => s.ServiceType == typeof(ICareerPlanner));
        Assert.Single(services, s => s.ServiceType == typeof(RuleSet));
        Assert.Single(services, s => s.ServiceType == typeof(IValidateOptions<CareerPathOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("mini", provider.GetRequiredService<ICareerPlanner>().RuleSet.Name);
    }

    [Fact]
    public void Without_the_default_pack_it_plans_from_the_pack_files_given()
    {
        using var provider = Provider(options =>
        {
            options.UseDefaultPack = false;
            options.AddRulePackFile(TestFiles.Pack("mini.yaml"));
        });

        var plan = provider.GetRequiredService<ICareerPlanner>().Plan(MiniStudents.At("higher-vocational", 1));

        Assert.Equal(new PlanPack("mini", "2.0.0"), plan.Pack);
    }

    [Fact]
    public void With_the_default_pack_a_pack_that_extends_it_layers_on_it()
    {
        using var provider = Provider(options => options.AddRulePackDirectory(TestFiles.Pack("school")));

        var planner = provider.GetRequiredService<ICareerPlanner>();
        var plan = planner.Plan(CntStudent);

        Assert.Equal(RulePackLoader.LoadDefault().RuleCount, planner.RuleSet.RuleCount);
        Assert.Equal("example-school", plan.Pack.Name);
        Assert.Equal(["careerpath-default", "example-school"], planner.RuleSet.Layers.Select(l => l.Name));
        Assert.Contains(plan.Phases[0].Steps, step => step.RuleId == "school-pc-enrolment-talk");
    }

    [Fact]
    public void With_the_default_pack_a_pack_that_does_not_extend_it_stops_start_up_with_the_fix()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Provider(options => options.AddRulePackFile(TestFiles.Pack("mini.yaml"))).GetRequiredService<RuleSet>());

        Assert.Contains("add 'extends: careerpath-default'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_can_come_from_streams_such_as_embedded_resources()
    {
        var mini = File.ReadAllBytes(TestFiles.Pack("mini.yaml"));
        using var provider = Provider(options =>
        {
            options.UseDefaultPack = false;
            options.AddRulePackStream("resource:mini.yaml", () => new MemoryStream(mini));
        });

        Assert.Equal("mini", provider.GetRequiredService<RuleSet>().Name);
    }

    [Fact]
    public void The_default_language_applies_when_a_plan_names_none()
    {
        using var provider = Provider(options => options.DefaultLanguage = "zh-CN");
        var planner = provider.GetRequiredService<ICareerPlanner>();

        Assert.Equal("zh-CN", planner.Plan(CntStudent).Language);
        Assert.Equal("zh-CN", planner.Plan(CntStudent, new PlanOptions()).Language);
        Assert.Equal("en", planner.Plan(CntStudent, new PlanOptions { Language = "en" }).Language);
    }

    [Fact]
    public void The_options_bind_from_configuration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CareerPath:UseDefaultPack"] = "false",
            ["CareerPath:RulePackPaths:0"] = TestFiles.Pack("mini.yaml"),
            ["CareerPath:DefaultLanguage"] = "zh-CN",
        });
        builder.Services.Configure<CareerPathOptions>(builder.Configuration.GetSection("CareerPath"));
        builder.Services.AddCareerPath();
        using var host = builder.Build();

        var plan = host.Services.GetRequiredService<ICareerPlanner>().Plan(MiniStudents.At("higher-vocational", 1));

        Assert.Equal("mini", plan.Pack.Name);
        Assert.Equal("zh-CN", plan.Language);
    }

    [Fact]
    public async Task A_broken_pack_stops_the_host_at_start_with_every_located_problem()
    {
        var logs = new LogRecords();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHost(
            options =>
            {
                options.UseDefaultPack = false;
                options.AddRulePackFile(TestFiles.Pack("three-mistakes.yaml"));
            },
            logs));

        var expected = Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([TestFiles.Pack("three-mistakes.yaml")]));
        Assert.Equal(expected.Message, exception.Message);
        Assert.Matches(@"three-mistakes\.yaml:\d+:\d+: ", exception.Message);
        var error = Assert.Single(logs.All, r => r.Level == LogLevel.Error && r.Category.StartsWith("CareerPath", StringComparison.Ordinal));
        Assert.Equal("RulePackLoadFailed", error.EventId.Name);
        Assert.Equal(expected.Errors.Count, error["ProblemCount"]);
        Assert.IsType<RulePackException>(error.Exception);
    }

    [Fact]
    public async Task A_host_without_any_pack_does_not_start()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHost(options => options.UseDefaultPack = false, new LogRecords()));

        Assert.Contains("no rule pack: UseDefaultPack is false", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_language_the_pack_does_not_have_stops_the_start()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHost(options => options.DefaultLanguage = "fr", new LogRecords()));

        Assert.Contains("DefaultLanguage 'fr' is not one of the rule pack's languages (en, zh-CN)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stream_problem_is_listed_with_the_pack_files_problems()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Provider(options =>
        {
            options.UseDefaultPack = false;
            options.AddRulePackStream("missing-resource.yaml", () => null!);
            options.AddRulePackFile(TestFiles.Pack("no-such-file.yaml"));
        }).GetRequiredService<ICareerPlanner>());

        Assert.Contains("missing-resource.yaml: the stream provider returned no stream", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-file.yaml: the file does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_host_loads_the_pack_once_and_logs_its_name_version_rules_and_time()
    {
        var logs = new LogRecords();
        using var host = await StartHost(options =>
        {
            options.UseDefaultPack = false;
            options.AddRulePackFile(TestFiles.Pack("mini.yaml"));
        }, logs);

        var ruleSet = host.Services.GetRequiredService<RuleSet>();
        await host.StopAsync(TestContext.Current.CancellationToken);

        var loaded = Assert.Single(logs.All, r => r.EventId.Name == "RulePackLoaded");
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Equal("CareerPath.RulePackLoader", loaded.Category);
        Assert.Equal("mini", loaded["PackName"]);
        Assert.Equal("2.0.0", loaded["PackVersion"]);
        Assert.Equal(ruleSet.RuleCount, loaded["RuleCount"]);
        Assert.IsType<long>(loaded["ElapsedMilliseconds"]);
    }

    [Fact]
    public void A_rule_fault_is_logged_as_a_warning_naming_the_student_by_id_only()
    {
        var logs = new LogRecords();
        using var provider = Provider(
            options =>
            {
                options.UseDefaultPack = false;
                options.AddRulePackFile(TestFiles.Pack("mini.yaml"));
            },
            logs);
        var student = MiniStudents.At("secondary-vocational", 1) with
        {
            Id = "s-777",
            Name = "王小明",
            Gpa = null,
            Interests = "RIC",
            Skills = new Dictionary<string, int> { ["s1"] = 2 },
        };

        provider.GetRequiredService<ICareerPlanner>().Plan(student);

        var warning = Assert.Single(logs.All, r => r.Level == LogLevel.Warning);
        Assert.Equal("PlanDiagnostic", warning.EventId.Name);
        Assert.Equal("CareerPath.CareerPlanner", warning.Category);
        Assert.Equal("s-777", warning["StudentId"]);
        Assert.Equal("gpa-fault", warning["RuleId"]);
        Assert.Equal("rule-fault", warning["DiagnosticCode"]);
        var everything = new StringBuilder();
        foreach (var record in logs.All)
        {
            everything.AppendLine(record.Message).AppendJoin('\n', record.Values.Select(v => $"{v.Key}={v.Value}"));
        }

        Assert.DoesNotContain("王小明", everything.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RIC", everything.ToString(), StringComparison.Ordinal);
    }
}
