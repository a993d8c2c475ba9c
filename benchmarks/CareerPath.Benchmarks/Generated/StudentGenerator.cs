using CareerPath.Catalogue;
using CareerPath.Facts;
using CareerPath.Matching;

namespace CareerPath.Benchmarks.Generated;

/// <summary>
/// Makes valid student records over a pack's catalogue, the same for the same seed: every major and
/// pathway, every stage and year, graduates with and without jobs, random skills, certificates,
/// interests, goals, targets and GPA. Students are made one at a time, so a cohort of any size is
/// streamed, never held.
/// </summary>
internal sealed class StudentGenerator
{
    private static readonly string[] Goals = ["employment", "further-study", "undecided"];

    private readonly int _seed;
    private readonly Major[] _majors;
    private readonly Pathway[][] _pathways;
    private readonly string[][] _positions;
    private readonly string[] _skills;
    private readonly string[] _certificates;

    public StudentGenerator(RuleSet pack, int seed = PackGenerator.DefaultSeed)
    {
        var catalogue = pack.Catalogue;
        _seed = seed;
        _majors = [.. catalogue.Majors.Values.Where(m => m.Pathways.Count > 0).OrderBy(m => m.Id, StringComparer.Ordinal)];
        _pathways = [.. _majors.Select(m => m.Pathways.Select(p => catalogue.Pathways[p]).ToArray())];
        _positions = [.. _majors.Select(m => catalogue.Positions.Values.Where(p => p.Major == m.Id).Select(p => p.Id).Order(StringComparer.Ordinal).ToArray())];
        _skills = [.. catalogue.Skills.Keys.Order(StringComparer.Ordinal)];
        _certificates = [.. catalogue.Certificates.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The facts the planner derives for <paramref name="student"/> (the rules' second input), as it derives them.</summary>
    public static StudentFacts FactsOf(RuleSet pack, StudentProfile student)
    {
        var catalogue = pack.Catalogue;
        var positions = PositionMatcher.Rank(student, catalogue, "en");
        var job = PositionMatcher.Job(student, catalogue, catalogue.Majors[student.Major], positions, "en");
        return FactsBuilder.Build(student, catalogue.Pathways[student.Pathway], catalogue, positions, PositionMatcher.Targets(positions), job, out _);
    }

    /// <summary>Students 0 to <paramref name="count"/> - 1, made as they are asked for.</summary>
    public IEnumerable<StudentProfile> Students(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Student(i);
        }
    }

    /// <summary>Student number <paramref name="number"/>: the same student for the same number and seed, on any thread.</summary>
    public StudentProfile Student(int number)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + number));
        var m = random.Next(_majors.Length);
        var major = _majors[m];
        var pathway = _pathways[m][random.Next(_pathways[m].Length)];
        var stageIndex = random.Next(pathway.Stages.Count + 1);
        var graduated = stageIndex == pathway.Stages.Count;
        var positions = _positions[m];
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var skill in _skills)
        {
            if (random.Next(3) == 0)
            {
                skills[skill] = random.Next(0, 6);
            }
        }

        return new StudentProfile
        {
            Id = $"gen-{number:D6}",
            Major = major.Id,
            Pathway = pathway.Id,
            Stage = graduated ? (random.Next(5) == 0 ? "graduate" : "graduated") : pathway.Stages[stageIndex].Stage,
            Year = graduated ? 0 : random.Next(1, pathway.Stages[stageIndex].Years + 1),
            Term = random.Next(1, 3),
            Skills = skills,
            Certificates = [.. _certificates.Where(_ => random.Next(6) == 0)],
            Interests = new string([.. "RIASEC".Where(_ => random.Next(3) == 0)]),
            Goal = Goals[random.Next(Goals.Length)],
            TargetPositions = [.. positions.Where(_ => random.Next(3) == 0)],
            Gpa = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 4, 1),
            Graduation = graduated
                ? new GraduationRecord
                {
                    MonthsSince = random.Next(0, 15),
                    Employed = random.Next(3) > 0,
                    Position = positions.Length > 0 && random.Next(2) == 0 ? positions[random.Next(positions.Length)] : null,
                }
                : null,
        };
    }
}
