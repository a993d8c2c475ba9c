using System.CommandLine;
using System.Text;

namespace CareerPath.CohortGenerator;

/// <summary>
/// Writes a made-up cohort CSV for the counselor app's <c>batch</c> command: the same file for the same
/// seed and row count, every time. <c>dotnet run --project tools/CohortGenerator</c> rewrites
/// samples/cohort.csv; <c>-- --rows 100000 --out /tmp/cohort.csv</c> makes a large one.
/// </summary>
internal static class Program
{
    public const ulong DefaultSeed = 20250901;

    public static int Main(string[] args)
    {
        var rows = new Option<int>("--rows", "-n") { Description = "How many data rows.", DefaultValueFactory = _ => 1200 };
        var output = new Option<string>("--out", "-o") { Description = "The CSV file to write. Default: samples/cohort.csv in the repository.", HelpName = "file" };
        var seed = new Option<ulong>("--seed") { Description = "The seed; another seed makes another cohort.", DefaultValueFactory = _ => DefaultSeed };
        var catalogue = new Option<string>("--catalogue") { Description = "A rule pack's catalogue folder. Default: the default pack's, copied beside this tool.", HelpName = "dir" };
        var root = new RootCommand("Writes a made-up cohort CSV (docs/cohort-format.md) with a few deliberately bad rows.") { rows, output, seed, catalogue };
        root.SetAction(parsed => Write(
            parsed.GetValue(rows),
            parsed.GetValue(output) ?? Path.Combine(RepositoryRoot(), "samples", "cohort.csv"),
            parsed.GetValue(seed),
            parsed.GetValue(catalogue) ?? Path.Combine(AppContext.BaseDirectory, "catalogue")));
        return root.Parse(args).Invoke();
    }

    private static int Write(int rows, string path, ulong seed, string cataloguePath)
    {
        if (rows < 1)
        {
            Console.Error.WriteLine("cohort-generator: --rows must be 1 or more.");
            return 2;
        }

        var generator = new CohortRows(Catalogue.Read(cataloguePath));
        var random = new SplitMix64(seed);
        var bad = new List<int>();
        var temporary = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', CohortRows.Header));
            for (var i = 0; i < rows; i++)
            {
                writer.WriteLine(generator.Row(i, random));
                if (CohortRows.IsBad(i))
                {
                    bad.Add(i + 2);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        Console.WriteLine($"Wrote {rows} rows ({generator.Combinations} major x pathway x stage combinations) to {path}.");
        Console.WriteLine($"{bad.Count} deliberately bad rows, by line: {string.Join(", ", bad.Take(100))}{(bad.Count > 100 ? ", ..." : string.Empty)}");
        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerPath.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository, or give --out.");
    }
}
