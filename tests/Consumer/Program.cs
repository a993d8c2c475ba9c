using CareerPath;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// A .NET app that adopts CareerPath from its NuGet package: a generic host, AddCareerPath, a plan.
// Arguments: a pack file to plan with instead of the default pack, and a pack file with mistakes.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Consumer <pack-file> <broken-pack-file>");
    return 2;
}

var cntStudent = new StudentProfile
{
    Id = "consumer-cnt-1",
    Major = "computer-network-technology",
    Pathway = "2+3+2",
    Stage = "secondary-vocational",
    Year = 1,
};
var miniStudent = new StudentProfile { Id = "consumer-mini-1", Major = "m1", Pathway = "p4", Stage = "higher-vocational", Year = 1 };

await Plan("default", options => options.DefaultLanguage = "zh-CN", cntStudent);
await Plan("file", options =>
{
    options.UseDefaultPack = false;
    options.AddRulePackFile(args[0]);
}, miniStudent);
try
{
    await Plan("broken", options =>
    {
        options.UseDefaultPack = false;
        options.AddRulePackFile(args[1]);
    }, miniStudent);
}
catch (OptionsValidationException exception)
{
    Console.WriteLine($"broken: the host did not start: {exception.Message.ReplaceLineEndings(" | ")}");
}

return 0;

static async Task Plan(string label, Action<CareerPathOptions> configure, StudentProfile student)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Services.AddCareerPath(configure);
    using var host = builder.Build();
    await host.StartAsync();
    var plan = host.Services.GetRequiredService<ICareerPlanner>().Plan(student);
    var steps = plan.Phases.Sum(phase => phase.Steps.Count);
    Console.WriteLine($"{label}: pack {plan.Pack.Name} {plan.Pack.Version}; student {plan.StudentId}; language {plan.Language}; "
        + $"{plan.Phases.Count} phases; {steps} steps; now in {plan.Phases.Single(p => p.Status == PhaseStatus.Current).Title}");
    await host.StopAsync();
}
