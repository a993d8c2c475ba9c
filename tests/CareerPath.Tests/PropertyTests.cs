using CsCheck;

namespace CareerPath.Tests;

/// <summary>
/// Issue 8, property-based: thousands of generated and mutated packs, records and profiles. The loader
/// and the reader either succeed or throw their documented exception; the planner makes a plan for
/// every profile it accepts, and refuses the rest with <see cref="StudentProfileException"/> only.
/// </summary>
public sealed class PropertyTests
{
    /// <summary>What a mutation may insert: YAML's sharp edges, junk and text that is not ASCII.</summary>
    private static readonly string[] Junk =
    [
        "&a ", "*a", "<<: *a", "[", "]", "{", "}", "\t", "\0", "---\n", "? ", ": ", "'", "\"", "#", "|\n", ">-\n", "!!binary ", "%YAML 1.1\n",
        "\u0007", "\u200b", "\uFEFF", "李明轩", "🙂", "\ud800", "-", "- ", "~", "null", "1e400", "-99999999999999999999", ".nan",
        "facts.GetType()", "student.Name", "Enumerable.Range(0, 100000000)", "((((((((((((((((((((((((((((((((((((", new string('x', 300),
    ];

    private static readonly string[] PackSeeds =
    [
        File.ReadAllText(TestFiles.Pack("mini.yaml")),
        File.ReadAllText(TestFiles.Pack("school/school.yaml")),
    ];

    private static readonly string[] StudentSeeds =
        [.. Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, "samples", "students")).Order(StringComparer.Ordinal).Take(12).Select(File.ReadAllText)];

    private static readonly RuleSet Default = RulePackLoader.LoadDefault();

    /// <summary>One change to a text: delete, duplicate or swap lines, flip or insert characters, cut it off.</summary>
    private sealed record Mutation(int Kind, double Where, double Other, int JunkIndex)
    {
        public string Apply(string text)
        {
            var lines = text.Split('\n').ToList();
            var line = (int)(Where * lines.Count) % Math.Max(1, lines.Count);
            var other = (int)(Other * lines.Count) % Math.Max(1, lines.Count);
            var at = (int)(Where * text.Length);
            switch (Kind)
            {
                case 0:
                    lines.RemoveAt(line);
                    return string.Join('\n', lines);
                case 1:
                    lines.Insert(line, lines[other]);
                    return string.Join('\n', lines);
                case 2:
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    return string.Join('\n', lines);
                case 3:
                    return text.Length == 0 ? text : string.Concat(text.AsSpan(0, at), Junk[JunkIndex].AsSpan(0, 1), text.AsSpan(Math.Min(text.Length, at + 1)));
                case 4:
                    return text[..at];
                default:
                    return text.Insert(at, Junk[JunkIndex]);
            }
        }

        public override string ToString() => $"{new[] { "delete line", "duplicate line", "swap lines", "flip character", "cut off", "insert" }[Kind]} at {Where:0.###}/{Other:0.###} ({Junk[JunkIndex].Length} chars of junk #{JunkIndex})";
    }

    private static readonly Gen<Mutation[]> Mutations =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 0.999], Gen.Double[0, 0.999], Gen.Int[0, Junk.Length - 1], (kind, where, other, junk) => new Mutation(kind, where, other, junk))
            .Array[1, 4];

    private static string Mutate(string seed, Mutation[] mutations) => mutations.Aggregate(seed, (text, mutation) => mutation.Apply(text));

    [Fact]
    public void A_mutated_pack_either_loads_or_is_refused_with_a_RulePackException()
    {
        Gen.Select(Gen.Int[0, PackSeeds.Length - 1], Mutations).Sample((seed, mutations) =>
        {
            var text = Mutate(PackSeeds[seed], mutations);
            try
            {
                var ruleSet = RulePackLoader.LoadText(text, "mutated.yaml");
                Assert.True(ruleSet.RuleCount > 0);
            }
            catch (RulePackException exception)
            {
                Assert.NotEmpty(exception.Errors);
            }
        }, iter: 1000, print: sample => string.Join("; ", sample.Item2.Select(m => m.ToString())));
    }

    [Fact]
    public void A_mutated_student_record_is_read_and_planned_or_refused_with_a_StudentProfileException()
    {
        var planner = new CareerPlanner(Default);
        Gen.Select(Gen.Int[0, StudentSeeds.Length - 1], Mutations).Sample((seed, mutations) =>
        {
            var text = Mutate(StudentSeeds[seed], mutations);
            try
            {
                var student = StudentProfileReader.Read(text, "mutated.yaml", Default);
                Assert.Equal(5, planner.Plan(student).Phases.Count);
            }
            catch (StudentProfileException exception)
            {
                Assert.NotEmpty(exception.Errors);
                Assert.DoesNotContain("李明轩", exception.Message, StringComparison.Ordinal);
            }
        }, iter: 3000, print: sample => string.Join("; ", sample.Item2.Select(m => m.ToString())));
    }

    [Fact]
    public void A_generated_profile_is_planned_or_refused_with_a_StudentProfileException_and_never_its_name_in_the_message()
    {
        var planner = new CareerPlanner(Default);
        Profiles.Sample(student =>
        {
            try
            {
                Assert.Equal(5, planner.Plan(student).Phases.Count);
            }
            catch (StudentProfileException exception)
            {
                Assert.DoesNotContain(Marker, exception.Message, StringComparison.Ordinal);
            }
        }, iter: 4000, print: student => System.Text.Json.JsonSerializer.Serialize(student));
    }

    [Fact]
    public void A_generated_profile_that_fits_the_pack_is_always_planned()
    {
        var planner = new CareerPlanner(Default);
        Fitting.Sample(student => Assert.Equal(5, planner.Plan(student).Phases.Count), iter: 3000, print: student => System.Text.Json.JsonSerializer.Serialize(student));
    }

    private const string Marker = "MARKER-7f3a";

    private static Gen<string> Id(IEnumerable<string> known) =>
        Gen.Frequency((6, Gen.OneOf([.. known])), (1, Gen.OneOf("", " ", Marker, "no-such-id", "李明轩", new string('z', 20_000))), (1, Gen.String));

    /// <summary>Profiles of every shape: catalogue ids mixed with junk, numbers out of every range, nulls where code can put them.</summary>
    private static readonly Gen<StudentProfile> Profiles =
        Gen.Select(
            Id(Default.Catalogue.Majors.Keys),
            Id(Default.Catalogue.Pathways.Keys),
            Id(["secondary-vocational", "higher-vocational", "undergraduate", "graduate", "graduated"]),
            Gen.Int[-3, 12],
            Gen.Int[-1, 3],
            Gen.Select(Id(Default.Catalogue.Skills.Keys), Gen.Int[-2, 7]).Array[0, 8],
            Id(Default.Catalogue.Certificates.Keys).Array[0, 6],
            Id(Default.Catalogue.Positions.Keys).Array[0, 3],
            Gen.OneOf<double?>(null, 0, 3.3, 4, -1, 4.5, double.NaN, double.PositiveInfinity),
            Gen.OneOf("", "R", "RIC", "ric", "XYZ", "RR", Marker),
            Gen.OneOf("employment", "further-study", "undecided", "", Marker),
            Gen.OneOf<GraduationRecord?>(null, new GraduationRecord { MonthsSince = 6, Employed = true }, new GraduationRecord { MonthsSince = -1 }, new GraduationRecord { MonthsSince = 3, Employed = true, Position = Marker }),
            (major, pathway, stage, year, term, skills, certificates, targets, gpa, interests, goal, graduation) => new StudentProfile
            {
                Id = "gen-1",
                Name = Marker,
                Major = major,
                Pathway = pathway,
                Stage = stage,
                Year = year,
                Term = term,
                Skills = skills.DistinctBy(s => s.Item1).ToDictionary(s => s.Item1, s => s.Item2),
                Certificates = certificates,
                TargetPositions = targets,
                Gpa = gpa,
                Interests = interests,
                Goal = goal,
                Graduation = graduation,
            });

    /// <summary>Profiles built only from what the default pack allows, at every point of every pathway.</summary>
    private static readonly Gen<StudentProfile> Fitting =
        Gen.Select(
            Gen.OneOf([.. Default.Catalogue.Majors.Values.Where(m => m.Pathways.Count > 0)]),
            Gen.Int[0, 100],
            Gen.Int[0, 100],
            Gen.Int[1, 2],
            Gen.Select(Gen.OneOf([.. Default.Catalogue.Skills.Keys]), Gen.Int[0, 5]).Array[0, 10],
            Gen.OneOf([.. Default.Catalogue.Certificates.Keys]).Array[0, 5],
            Gen.OneOf("employment", "further-study", "undecided"),
            Gen.OneOf<double?>(null, 0, 2.5, 3.6, 4),
            Gen.Int[0, 120],
            Gen.Bool,
            (major, pathwayPick, stagePick, term, skills, certificates, goal, gpa, months, employed) =>
            {
                var pathway = Default.Catalogue.Pathways[major.Pathways[pathwayPick % major.Pathways.Count]];
                var stageCount = pathway.Stages.Count;
                var graduated = stagePick % (stageCount + 1) == stageCount;
                var stage = graduated ? null : pathway.Stages[stagePick % stageCount];
                var targets = Default.Catalogue.Positions.Values.Where(p => p.Major == major.Id).Select(p => p.Id).Take(pathwayPick % 3).ToArray();
                return new StudentProfile
                {
                    Id = "fit-1",
                    Major = major.Id,
                    Pathway = pathway.Id,
                    Stage = graduated ? "graduated" : stage!.Stage,
                    Year = graduated ? 0 : 1 + (stagePick % stage!.Years),
                    Term = term,
                    Skills = skills.DistinctBy(s => s.Item1).ToDictionary(s => s.Item1, s => s.Item2),
                    Certificates = [.. certificates.Distinct()],
                    TargetPositions = targets,
                    Goal = goal,
                    Gpa = gpa,
                    Graduation = graduated ? new GraduationRecord { MonthsSince = months, Employed = employed } : null,
                };
            });
}
