using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// The first condition a process parses costs about 150 ms of one-time set-up in System.Linq.Dynamic.Core
/// and the expression compiler. Once per process, on a second core, this runs one condition through every
/// step of <see cref="ConditionCompiler.Compile"/> while the load reads the pack's YAML, so that the set-up
/// overlaps the reading instead of following it. Nothing it makes is kept, and it never fails a load.
/// </summary>
/// <remarks>
/// The embedded default pack needs no warm-up: its conditions come parsed from its <see cref="PackSnapshot"/>.
/// Warming YamlDotNet and the compiler for it instead was measured and gained nothing (docs/performance.md).
/// </remarks>
internal static class ColdStart
{
    private static int _started;

    /// <summary>Starts the warm-up unless it ran already or there is only one core.</summary>
    public static void Begin()
    {
        if (Environment.ProcessorCount < 2 || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var thread = new Thread(Run, 1024 * 1024) { IsBackground = true, Name = "CareerPath cold start" };
        thread.Start();
    }

    private static void Run()
    {
        try
        {
            const string Text = "student.Year >= 1 && student.Major.StartsWith(\"a\") && facts.TermsLeft > 0 && facts.SkillLevel(student.Major) >= 2 || !facts.HasCertificate(student.Id)";
            new ConditionCompiler(PackCatalogue.Empty).Compile(new ExpressionSource(Text, "warm-up", 1, 1, IsSingleLine: true), "warm-up", "when", new InputErrorList());
        }
#pragma warning disable CA1031 // A warm-up that fails costs only the time it was meant to save; the load itself reports every real problem.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
