using System.CommandLine;
using System.Text;
using CareerPath.Samples.Cli;

namespace CareerPath.Samples;

/// <summary>The counselor app: <c>careerpath plan student.yaml</c>, <c>batch cohort.csv --out plans/</c>, <c>validate</c>, <c>test</c>, <c>serve</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var root = new RootCommand("CareerPath: full-course career plans for integrated vocational programmes.")
        {
            PlanCommand.Create(Console.Out, Console.Error),
            ValidateCommand.Create(Console.Out, Console.Error),
            TestCommand.Create(Console.Out, Console.Error),
            BatchCommand.Create(Console.Out, Console.Error),
            ServeCommand.Create(Console.Out, Console.Error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"careerpath: {error.Message}");
            }

            Console.Error.WriteLine("Run 'careerpath --help' (or 'dotnet run --project src/CareerPath.Samples -- --help') for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The last line of defence: no stack trace ever reaches a user.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"careerpath: something unexpected went wrong ({exception.GetType().Name}). Please report it with the command you ran.");
            return ExitCodes.Unexpected;
        }
    }
}
