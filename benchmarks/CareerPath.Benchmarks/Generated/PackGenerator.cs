using System.Globalization;
using System.Text;

namespace CareerPath.Benchmarks.Generated;

/// <summary>A generated rule's scope and condition written by hand in C#: the baseline the compiled conditions are held to.</summary>
/// <param name="Id">The rule's id in the generated pack.</param>
/// <param name="Applies">The rule's <c>appliesTo</c> and <c>when</c> together, as a C# lambda.</param>
internal sealed record HandWrittenRule(string Id, Func<StudentProfile, StudentFacts, bool> Applies);

/// <summary>A generated pack: its YAML files (the default pack's catalogue and generated rules) and the same rules in C#.</summary>
internal sealed record GeneratedPack(int RuleCount, List<(string Name, string Text)> Sources, IReadOnlyList<HandWrittenRule> HandWritten)
{
    /// <summary>Loads and compiles the pack, as a school's pack is loaded.</summary>
    public RuleSet Load()
    {
        var errors = new Yaml.InputErrorList();
        return RulePackLoader.Load(Sources, [], errors, InputLimits.Default);
    }
}

/// <summary>
/// Makes rule packs of any size over the default pack's catalogue, the same for the same size and
/// seed: the benchmarks' packs of 210, 1,000 and 5,000 rules. Each rule is one of a dozen condition
/// shapes that real packs use (skill levels, certificates, goals, fit, the timeline), narrowed to a
/// major most of the time, and comes with the same rule written as a C# lambda.
/// </summary>
internal static class PackGenerator
{
    public const int DefaultSeed = 20261123;

    private static readonly string[] Phases = ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"];
    private static readonly string[] Categories = ["orientation", "course", "practice", "skill", "certificate", "project", "exam", "transition", "job-search", "follow-up", "reflection"];
    private static readonly string[] Goals = ["employment", "further-study", "undecided"];

    /// <summary>Generates a pack of <paramref name="ruleCount"/> rules.</summary>
    public static GeneratedPack Generate(int ruleCount, int seed = DefaultSeed)
    {
        var catalogue = RulePackLoader.LoadDefault().Catalogue;
        var majors = catalogue.Majors.Values.Where(m => m.Pathways.Count > 0).Select(m => m.Id).Order(StringComparer.Ordinal).ToArray();
        var skills = catalogue.Skills.Keys.Order(StringComparer.Ordinal).ToArray();
        var certificates = catalogue.Certificates.Keys.Order(StringComparer.Ordinal).ToArray();
        var positions = catalogue.Positions.Values.Where(p => majors.Contains(p.Major)).Select(p => p.Id).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var yaml = new StringBuilder("rules:\n");
        var handWritten = new List<HandWrittenRule>(ruleCount);
        for (var i = 0; i < ruleCount; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"gen-{i + 1:D5}");
            string? major = random.Next(100) < 85 ? majors[random.Next(majors.Length)] : null;
            string? goal = random.Next(100) < 20 ? Goals[random.Next(Goals.Length)] : null;
            var (when, condition) = Condition(random.Next(12), random, skills, certificates, positions);
            handWritten.Add(new HandWrittenRule(id, Scoped(major, goal, condition)));

            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {id}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    phase: {Phases[i % Phases.Length]}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    category: {Categories[random.Next(Categories.Length)]}\n");
            if (major is not null || goal is not null)
            {
                var scope = new List<string>(2);
                if (major is not null)
                {
                    scope.Add($"majors: [{major}]");
                }

                if (goal is not null)
                {
                    scope.Add($"goals: [{goal}]");
                }

                yaml.Append(CultureInfo.InvariantCulture, $"    appliesTo: {{ {string.Join(", ", scope)} }}\n");
            }

            yaml.Append(CultureInfo.InvariantCulture, $"    when: '{when}'\n");
            yaml.Append(random.Next(2) == 0 ? "    due: now\n" : "    due: { stage: first, year: 1, term: 1 }\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    priority: {random.Next(0, 30)}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    title: {{ en: \"Generated step {i + 1} for {{major}}\", zh-CN: \"生成的第{i + 1}步（{{major}}）\" }}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    detail: {{ en: \"A generated step of the {{pathway}} pathway.\", zh-CN: \"{{pathway}}路径上的生成步骤。\" }}\n");
        }

        var sources = RulePackLoader.EmbeddedSources()
            .Where(source => source.Name.Contains("/catalogue/", StringComparison.Ordinal))
            .ToList();
        sources.Insert(0, ("generated/pack.yaml", string.Create(CultureInfo.InvariantCulture,
            $"pack:\n  name: careerpath-generated\n  version: 1.0.{ruleCount}\n  languages: [en, zh-CN]\n  description: {{ en: \"{ruleCount} generated rules\", zh-CN: \"{ruleCount}条生成的规则\" }}\n")));
        sources.Add(("generated/rules.yaml", yaml.ToString()));
        return new GeneratedPack(ruleCount, sources, handWritten);
    }

    private static Func<StudentProfile, StudentFacts, bool> Scoped(string? major, string? goal, Func<StudentProfile, StudentFacts, bool> condition) => (major, goal) switch
    {
        (null, null) => condition,
        (not null, null) => (s, f) => s.Major == major && condition(s, f),
        (null, not null) => (s, f) => s.Goal == goal && condition(s, f),
        _ => (s, f) => s.Major == major && s.Goal == goal && condition(s, f),
    };

    /// <summary>One of the condition shapes, as the pack's text and as the C# a developer would write.</summary>
    private static (string Text, Func<StudentProfile, StudentFacts, bool> CSharp) Condition(
        int shape, Random random, string[] skills, string[] certificates, string[] positions)
    {
        var skill = skills[random.Next(skills.Length)];
        var certificate = certificates[random.Next(certificates.Length)];
        var position = positions[random.Next(positions.Length)];
        var level = random.Next(1, 5);
        var year = random.Next(1, 4);
        var fit = Math.Round(random.NextDouble() * 0.8, 2);
        var count = random.Next(1, 6);
        var text = fit.ToString(CultureInfo.InvariantCulture);
        return shape switch
        {
            0 => ($"facts.SkillLevel(\"{skill}\") < {level}", (_, f) => f.SkillLevel(skill) < level),
            1 => ($"!facts.HasCertificate(\"{certificate}\")", (_, f) => !f.HasCertificate(certificate)),
            2 => ($"student.Year >= {year} && facts.SkillLevel(\"{skill}\") < {level}", (s, f) => s.Year >= year && f.SkillLevel(skill) < level),
            3 => ($"facts.Fit(\"{position}\") >= {text}", (_, f) => f.Fit(position) >= fit),
            4 => ($"student.Goal == \"employment\" && !facts.HasCertificate(\"{certificate}\")", (s, f) => s.Goal == "employment" && !f.HasCertificate(certificate)),
            5 => ($"facts.ProgrammeTerm >= {count * 2} && !facts.IsGraduated", (_, f) => f.ProgrammeTerm >= count * 2 && !f.IsGraduated),
            6 => ($"facts.SkillGapCount >= {count} || facts.HasInterest(\"R\")", (_, f) => f.SkillGapCount >= count || f.HasInterest("R")),
            7 => ($"facts.IsFinalYearOfStage && facts.NextStage != \"\"", (_, f) => f.IsFinalYearOfStage && f.NextStage.Length != 0),
            8 => ($"student.Gpa >= 3.0 && facts.TargetFit < {text}", (s, f) => s.Gpa >= 3.0 && f.TargetFit < fit),
            9 => ($"facts.HasSkillGap(\"{skill}\") && facts.TermsLeft <= {count}", (_, f) => f.HasSkillGap(skill) && f.TermsLeft <= count),
            10 => ($"facts.IsGraduated && !facts.IsEmployed", (_, f) => f.IsGraduated && !f.IsEmployed),
            _ => ($"facts.CertificateCount < {count} && student.Stage != \"graduated\"", (s, f) => f.CertificateCount < count && s.Stage != "graduated"),
        };
    }
}
