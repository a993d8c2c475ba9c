using System.Globalization;
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
        var random = new SplitMix(((ulong)(uint)_seed << 32) | (uint)number);
        var m = random.Next(_majors.Length);
        var major = _majors[m];
        var pathway = _pathways[m][random.Next(_pathways[m].Length)];
        var stageIndex = random.Next(pathway.Stages.Count + 1);
        var graduated = stageIndex == pathway.Stages.Count;
        var positions = _positions[m];
        var skills = new Dictionary<string, int>(_skills.Length / 2, StringComparer.Ordinal);
        foreach (var skill in _skills)
        {
            if (random.Next(3) == 0)
            {
                skills[skill] = random.Next(6);
            }
        }

        return new StudentProfile
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"gen-{number:D6}"),
            Major = major.Id,
            Pathway = pathway.Id,
            Stage = graduated ? (random.Next(5) == 0 ? "graduate" : "graduated") : pathway.Stages[stageIndex].Stage,
            Year = graduated ? 0 : 1 + random.Next(pathway.Stages[stageIndex].Years),
            Term = 1 + random.Next(2),
            Skills = skills,
            Certificates = Some(_certificates, 6, ref random),
            Interests = Interests(ref random),
            Goal = Goals[random.Next(Goals.Length)],
            TargetPositions = Some(positions, 3, ref random),
            Gpa = random.Next(4) == 0 ? null : random.Next(41) / 10.0,
            Graduation = graduated
                ? new GraduationRecord
                {
                    MonthsSince = random.Next(15),
                    Employed = random.Next(3) > 0,
                    Position = positions.Length > 0 && random.Next(2) == 0 ? positions[random.Next(positions.Length)] : null,
                }
                : null,
        };
    }

    /// <summary>Each of <paramref name="ids"/> with a chance of one in <paramref name="oneIn"/>.</summary>
    private static string[] Some(string[] ids, int oneIn, ref SplitMix random)
    {
        Span<bool> taken = ids.Length <= 256 ? stackalloc bool[ids.Length] : new bool[ids.Length];
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            taken[i] = random.Next(oneIn) == 0;
            count += taken[i] ? 1 : 0;
        }

        var some = count == 0 ? [] : new string[count];
        for (int i = 0, next = 0; i < ids.Length; i++)
        {
            if (taken[i])
            {
                some[next++] = ids[i];
            }
        }

        return some;
    }

    private static string Interests(ref SplitMix random)
    {
        Span<char> letters = stackalloc char[6];
        var count = 0;
        foreach (var letter in "RIASEC")
        {
            if (random.Next(3) == 0)
            {
                letters[count++] = letter;
            }
        }

        return count == 0 ? string.Empty : new string(letters[..count]);
    }

    /// <summary>
    /// SplitMix64: a tiny, fast generator whose whole state is one number, so that a student's numbers
    /// depend only on the seed and the student's number (System.Random's seeded form is slow to start).
    /// </summary>
    private struct SplitMix(ulong state)
    {
        private ulong _state = state;

        public int Next(int below)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)below);
        }
    }
}
