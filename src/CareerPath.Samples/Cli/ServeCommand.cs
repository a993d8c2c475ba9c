using System.CommandLine;
using CareerPath.Samples.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareerPath.Samples.Cli;

/// <summary><c>careerpath serve [--port 5080] [--rules pack/]... [--students samples/students]</c>: the plan page and its JSON API on 127.0.0.1.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    private const string DefaultStudents = "samples/students";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = $"The port on 127.0.0.1 to serve on; 0 picks a free one. Default: {DefaultPort}.",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535 (0 picks a free port).");
            }
        });
        var rules = CommonOptions.Rules();
        var students = new Option<string>("--students", "-s")
        {
            Description = $"The folder of sample student records the page offers. Default: {DefaultStudents}.",
            HelpName = "dir",
        };

        var command = new Command("serve", "Serve the plan page and its JSON API on this computer (127.0.0.1) until Ctrl+C.") { port, rules, students };
        command.SetAction(parsed => Run(parsed.GetValue(port), parsed.GetValue(rules) ?? [], parsed.GetValue(students), output, error));
        return command;
    }

    private static int Run(int port, string[] rulePaths, string? studentsFolder, TextWriter output, TextWriter error)
    {
        if (CommonOptions.LoadRules(rulePaths, error) is not { } ruleSet)
        {
            return ExitCodes.InvalidInput;
        }

        SampleStudents samples;
        if (Directory.Exists(studentsFolder ?? DefaultStudents))
        {
            samples = SampleStudents.Load(studentsFolder ?? DefaultStudents, ruleSet, error);
        }
        else if (studentsFolder is not null)
        {
            error.WriteLine($"careerpath: --students {studentsFolder}: there is no such folder.");
            return ExitCodes.InvalidInput;
        }
        else
        {
            // Run from outside the repository: the page still plans, it just has no samples to offer.
            error.WriteLine($"careerpath: no {DefaultStudents} folder here, so the page offers no sample students (give one with --students).");
            samples = SampleStudents.None;
        }

        var app = PlanServer.Build(port, new CareerPlanner(ruleSet), samples, FormCatalogue.Load(ruleSet, rulePaths));
        try
        {
            app.Start();
        }
        catch (IOException exception)
        {
            // Kestrel's bind failure: the port is taken, or not ours to use.
            error.WriteLine($"careerpath: cannot serve on 127.0.0.1:{port} ({exception.Message}); choose another --port, or --port 0 for a free one.");
            return ExitCodes.InvalidInput;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        output.WriteLine($"CareerPath is serving {ruleSet} at {address}/ (this computer only). Press Ctrl+C to stop.");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}
