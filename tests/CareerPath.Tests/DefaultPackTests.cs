using CareerPath.Catalogue;

namespace CareerPath.Tests;

/// <summary>What the default pack promises: every articulated major on every pathway, specific and bilingual.</summary>
public sealed class DefaultPackTests
{
    private static readonly string[] HigherVocationalMajors =
    [
        "computer-network-technology", "mechatronics-technology", "big-data-accounting",
        "e-commerce", "new-energy-vehicle-technology", "artificial-intelligence-technology-application",
    ];

    private static readonly string[] Pathways = ["3+2", "2+3+2", "3+4", "five-year", "higher-vocational-3", "open-education"];

    private static readonly RuleSet Pack = RulePackLoader.LoadDefault();

    private static readonly CareerPlanner Planner = new(Pack);

    private static readonly string[] SampleFileNames =
        [.. Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "samples", "students")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> SampleFiles => [.. SampleFileNames];

    private static StudentProfile Sample(string file) =>
        StudentProfileReader.ReadFile(Path.Combine(TestFiles.RepoRoot, "samples", "students", file), Pack);

    private static IEnumerable<(StudentProfile Student, CareerPlan Plan)> AllSamplePlans() =>
        SampleFileNames.Select(Sample).Select(student => (student, Planner.Plan(student)));

    [Fact]
    public void Every_articulated_major_is_in_the_catalogue_with_its_feeder_and_undergraduate_major()
    {
        foreach (var id in HigherVocationalMajors)
        {
            var major = Pack.Catalogue.Majors[id];
            Assert.Equal("higher-vocational", major.Level);
            Assert.Equal(Pathways.Order(StringComparer.Ordinal), major.Pathways.Order(StringComparer.Ordinal));
            Assert.Equal("undergraduate", Pack.Catalogue.Majors[major.ArticulatesTo!].Level);
            Assert.NotNull(major.Transfer);
            Assert.Contains(Pack.Catalogue.Majors.Values, feeder => feeder.Level == "secondary-vocational" && feeder.ArticulatesTo == id && feeder.Transfer is not null);
        }
    }

    [Fact]
    public void Every_higher_vocational_major_has_at_least_four_complete_positions()
    {
        foreach (var id in HigherVocationalMajors)
        {
            var positions = Pack.Catalogue.Positions.Values.Where(p => p.Major == id).ToList();
            Assert.True(positions.Count >= 4, $"{id} has {positions.Count} positions");
            Assert.All(positions, p =>
            {
                Assert.NotEmpty(p.Skills);
                Assert.NotEmpty(p.Certificates);
                Assert.NotNull(p.Employers);
                Assert.InRange(p.Riasec.Length, 1, 3);
            });
        }
    }

    [Fact]
    public void The_skill_catalogue_has_at_least_sixty_skills()
    {
        Assert.True(Pack.Catalogue.Skills.Count >= 60, $"{Pack.Catalogue.Skills.Count} skills");
    }

    [Fact]
    public void Every_pathway_is_in_the_catalogue()
    {
        Assert.Equal(Pathways.Order(StringComparer.Ordinal), Pack.Catalogue.Pathways.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_major_has_at_least_three_rules_of_its_own_in_every_phase()
    {
        foreach (var id in HigherVocationalMajors)
        {
            foreach (var phase in Enum.GetValues<CareerPhase>())
            {
                var count = Pack.Rules.Count(r => r.Definition.Phase == phase && r.Definition.Scope.Majors.Contains(id));
                Assert.True(count >= 3, $"{id} has {count} rules of its own in {phase}");
            }
        }
    }

    [Fact]
    public void Samples_cover_every_major_on_every_stage_of_every_pathway_with_a_graduate_for_each_major()
    {
        var samples = AllSamplePlans().Select(p => p.Student).ToList();
        foreach (var major in HigherVocationalMajors)
        {
            foreach (var pathwayId in Pathways)
            {
                foreach (var stage in Pack.Catalogue.Pathways[pathwayId].Stages)
                {
                    Assert.True(samples.Any(s => s.Major == major && s.Pathway == pathwayId && s.Stage == stage.Stage),
                        $"no sample student of {major} on {pathwayId} in {stage.Stage}");
                }
            }

            Assert.Contains(samples, s => s.Major == major && s.Stage == "graduated");
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_plan_has_five_phases_and_at_least_three_steps_in_the_current_one(string file)
    {
        var plan = Planner.Plan(Sample(file));

        Assert.Equal(5, plan.Phases.Count);
        var current = Assert.Single(plan.Phases, p => p.Status == PhaseStatus.Current);
        Assert.True(current.Steps.Count >= 3, $"{file}: {current.Steps.Count} steps in {current.Id}");
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void No_two_students_of_different_majors_get_the_same_steps()
    {
        var plans = AllSamplePlans().ToList();
        foreach (var (a, planA) in plans)
        {
            foreach (var (b, planB) in plans.Where(p => p.Student.Major != a.Major))
            {
                Assert.NotEqual(Steps(planA), Steps(planB));
            }
        }

        static string Steps(CareerPlan plan) => string.Join('\n', plan.Phases.SelectMany(p => p.Steps).Select(s => s.Title));
    }

    [Fact]
    public void No_plan_names_another_majors_position_or_certificate()
    {
        foreach (var (student, plan) in AllSamplePlans())
        {
            foreach (var language in Pack.Languages)
            {
                var localised = language == plan.Language ? plan : Planner.Plan(student, new PlanOptions { Language = language });
                var foreign = ForeignNames(student.Major, language);
                foreach (var step in localised.Phases.SelectMany(p => p.Steps))
                {
                    var text = step.Title + " " + step.Detail;
                    var named = foreign.FirstOrDefault(name => text.Contains(name, StringComparison.OrdinalIgnoreCase));
                    Assert.True(named is null, $"{student.Id} ({student.Major}), {step.RuleId}: names '{named}' of another major");
                }
            }
        }
    }

    [Fact]
    public void Every_text_of_the_pack_is_written_in_both_languages()
    {
        var catalogue = Pack.Catalogue;
        IEnumerable<LocalizedText?> texts =
        [
            .. catalogue.Skills.Values.SelectMany(s => new[] { s.Name, s.Description }),
            .. catalogue.Certificates.Values.Select(c => c.Name),
            .. catalogue.Majors.Values.SelectMany(m => new[] { m.Name, m.Transfer }),
            .. catalogue.Positions.Values.SelectMany(p => new[] { p.Name, p.Employers }),
            .. catalogue.Pathways.Values.Select(p => p.Name),
            .. Pack.Rules.SelectMany(r => new[] { r.Definition.Title.Source, r.Definition.Detail.Source, r.Definition.Because?.Source }),
        ];

        Assert.All(texts.OfType<LocalizedText>(), text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.ByLanguage.GetValueOrDefault("en")));
            Assert.False(string.IsNullOrWhiteSpace(text.ByLanguage.GetValueOrDefault("zh-CN")));
        });
    }

    [Fact]
    public void A_student_choosing_targets_sees_each_skill_gap_with_its_levels_in_both_languages()
    {
        var student = new StudentProfile
        {
            Id = "gap-1", Major = "computer-network-technology", Pathway = "2+3+2", Stage = "secondary-vocational", Year = 1, Term = 2,
            TargetPositions = ["network-operations-engineer"], Skills = new Dictionary<string, int> { ["network-fundamentals"] = 1 },
        };

        var plan = Planner.Plan(student);
        var english = plan.Phases[1].Steps.Where(s => s.RuleId == "common-ps-target-skill-gaps").ToList();
        var chinese = Planner.Plan(student, new PlanOptions { Language = "zh-CN" }).Phases[1].Steps.Where(s => s.RuleId == "common-ps-target-skill-gaps").ToList();

        var expected = plan.TargetPositions.Single().Gaps.Where(g => g.Kind == "skill").Take(3).ToList();
        Assert.Equal(expected.Select(g => g.Id), english.Select(s => s.Item));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal($"Plan how to raise {expected[i].Name} from level {expected[i].Level} to {expected[i].Needed}", english[i].Title);
            Assert.Equal(StepStatus.Now, english[i].Status);
            Assert.Contains($"{Pack.Catalogue.Skills[expected[i].Id].Name["zh-CN"]}从{expected[i].Level}级提升到{expected[i].Needed}级", chinese[i].Title, StringComparison.Ordinal);
        }
    }

    /// <summary>Names of positions and certificates that belong to other majors only.</summary>
    [Fact]
    public void Every_skill_and_certificate_a_position_asks_for_is_closed_by_a_module_or_practice_base()
    {
        var catalogue = Pack.Catalogue;
        Assert.All(catalogue.Positions.Values, position =>
        {
            foreach (var (skill, _) in position.Skills)
            {
                Assert.True(catalogue.ClosersFor(position, "skill", skill, "en").Any(c => c.Closes), $"{position.Id}: nothing closes {skill}");
            }

            foreach (var certificate in position.Certificates)
            {
                Assert.True(catalogue.ClosersFor(position, "certificate", certificate, "en").Count > 0, $"{position.Id}: nothing prepares {certificate}");
            }
        });
    }

    [Fact]
    public void Every_undergraduate_major_offers_positions_to_students_going_on()
    {
        foreach (var major in Pack.Catalogue.Majors.Values.Where(m => m.Level == "higher-vocational"))
        {
            var student = new StudentProfile { Id = "going-on", Major = major.Id, Pathway = "2+3+2", Stage = "higher-vocational", Year = 1 };

            var plan = Planner.Plan(student);

            Assert.Contains(plan.Positions, p => p.Major == major.ArticulatesTo);
        }
    }

    [Fact]
    public void A_higher_level_certificate_counts_as_the_level_below_it()
    {
        var graduate = Sample("mt-5y-graduated-6m.yaml");

        var plan = Planner.Plan(graduate);

        Assert.Contains("1x-plc-system-application-programming-intermediate", graduate.Certificates);
        Assert.DoesNotContain(plan.Positions.SelectMany(p => p.Gaps), g => g.Id == "1x-plc-system-application-programming-elementary");
        Assert.DoesNotContain(plan.Phases.SelectMany(p => p.Steps), s => s.Item == "1x-plc-system-application-programming-elementary");
    }

    private static List<string> ForeignNames(string major, string language)
    {
        var catalogue = Pack.Catalogue;
        var further = catalogue.Majors[major].ArticulatesTo;
        var own = catalogue.Positions.Values.Where(p => p.Major == major || p.Major == further).ToList();
        var ownCertificates = own.SelectMany(p => p.Certificates).ToHashSet(StringComparer.Ordinal);
        var ownNames = own.Select(p => p.Name[language]).Concat(ownCertificates.Select(c => catalogue.Certificates[c].Name[language])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = catalogue.Positions.Values.Where(p => p.Major != major && p.Major != further).ToList();
        return
        [
            .. others.Select(p => p.Name[language])
                .Concat(others.SelectMany(p => p.Certificates).Where(c => !ownCertificates.Contains(c)).Select(c => catalogue.Certificates[c].Name[language]))
                .Where(name => !ownNames.Contains(name))
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
    }
}
