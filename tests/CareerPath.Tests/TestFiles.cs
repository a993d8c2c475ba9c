namespace CareerPath.Tests;

/// <summary>Where the test fixtures and the repository's own files are.</summary>
internal static class TestFiles
{
    public static string Pack(string name) => Path.Combine(AppContext.BaseDirectory, "Packs", name);

    public static string Student(string name) => Path.Combine(AppContext.BaseDirectory, "Students", name);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static RuleSet MiniPack { get; } = RulePackLoader.LoadFiles([Pack("mini.yaml")]);

    /// <summary>Writes a pack or student file into a fresh temporary folder and returns its path.</summary>
    public static string Write(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "careerpath-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerPath.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; CareerPath.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Students for the mini pack, at any point of its p4 pathway.</summary>
internal static class MiniStudents
{
    public static StudentProfile At(string stage, int year, int term = 1) => new()
    {
        Id = $"mini-{stage}-{year}-{term}",
        Major = "m1",
        Pathway = "p4",
        Stage = stage,
        Year = year,
        Term = term,
    };

    public static StudentProfile Graduated(int monthsSince, bool employed = false) => new()
    {
        Id = $"mini-graduated-{monthsSince}",
        Major = "m1",
        Pathway = "p4",
        Stage = "graduated",
        Graduation = new GraduationRecord { MonthsSince = monthsSince, Employed = employed },
    };
}
