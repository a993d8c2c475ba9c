using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Facts;
using CareerPath.Matching;
using CareerPath.Planning;
using CareerPath.Profiles;

namespace CareerPath;

/// <summary>
/// Makes full-course career plans from a <see cref="RuleSet"/>: derives the student's facts, runs the
/// rules that can apply (compiled once at load), orders the steps on the pathway's timeline,
/// fills in the texts in the plan's language and explains each step.
/// </summary>
/// <remarks>
/// One planner serves every thread; <see cref="Plan"/> is synchronous and never changes the planner.
/// <code>
/// var planner = CareerPlanner.CreateDefault();
/// CareerPlan plan = planner.Plan(student, new PlanOptions { Language = "zh-CN" });
/// </code>
/// </remarks>
public sealed class CareerPlanner : ICareerPlanner
{
    private readonly InputLimits _limits;

    /// <summary>Creates a planner over a loaded rule set.</summary>
    /// <param name="ruleSet">The rule set, from <see cref="RulePackLoader"/>.</param>
    public CareerPlanner(RuleSet ruleSet)
        : this(ruleSet, InputLimits.Default)
    {
    }

    /// <summary>Creates a planner over a loaded rule set that refuses profiles over <paramref name="limits"/>.</summary>
    /// <param name="ruleSet">The rule set, from <see cref="RulePackLoader"/>.</param>
    /// <param name="limits">The most a profile may hold (<see cref="InputLimits.MaxProfileItems"/>, <see cref="InputLimits.MaxStringLength"/>).</param>
    public CareerPlanner(RuleSet ruleSet, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(limits);
        RuleSet = ruleSet;
        _limits = limits;
    }

    /// <inheritdoc />
    public RuleSet RuleSet { get; }

    /// <summary>Creates a planner over the default pack embedded in the library.</summary>
    /// <returns>The planner.</returns>
    public static CareerPlanner CreateDefault() => new(RulePackLoader.LoadDefault());

    /// <inheritdoc />
    public CareerPlan Plan(StudentProfile student, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        var language = Language(options);
        var catalogue = RuleSet.Catalogue;
        student = Snapshot(student);
        Validate(student, catalogue, _limits);

        var major = catalogue.Majors[student.Major];
        var pathway = catalogue.Pathways[student.Pathway];
        var labels = RuleSet.Labels[pathway.Id];
        var articulated = major.ArticulatesTo is { } target ? catalogue.Majors[target] : null;
        var held = catalogue.Holding(student.Certificates);
        var positions = PositionMatcher.Rank(student, catalogue, major, pathway, language, held);
        var targets = PositionMatcher.Targets(positions);
        var job = PositionMatcher.Job(student, catalogue, major, positions, language, held);
        var facts = FactsBuilder.Build(student, pathway, catalogue, positions, targets, job, out var now, held);
        var values = new PlanTemplateValues(student, major, articulated, pathway, facts.NextStage, positions.Count > 0 ? positions[0] : null);
        var diagnostics = new List<PlanDiagnostic>();

        var fired = Fire(student, facts, RuleSet.RulesFor(major.Id, pathway.Id), diagnostics);
        ApplySupersedes(fired);
        var currentPhase = pathway.PhaseAt(now);
        var stepsByPhase = new List<(RuleSlot Slot, PlanStep Step)>[CareerPhases.Count];
        for (var i = 0; i < stepsByPhase.Length; i++)
        {
            stepsByPhase[i] = [];
        }

        foreach (var slot in fired)
        {
            var phaseSteps = stepsByPhase[(int)slot.Rule.Definition.Phase];
            if (slot.Rule.Definition.ForEach is not { } forEach)
            {
                phaseSteps.Add((slot, MakeStep(slot, student, facts, now, pathway, labels, language, values, null, major, diagnostics)));
                continue;
            }

            var items = facts.Items(forEach);
            for (var i = 0; i < items.Count && i < slot.Rule.Definition.MaxItems; i++)
            {
                phaseSteps.Add((slot, MakeStep(slot, student, facts, now, pathway, labels, language, new ItemTemplateValues(values, items[i]), items[i].Id, major, diagnostics)));
            }
        }

        var phases = new PlanPhase[CareerPhases.Count];
        for (var i = 0; i < phases.Length; i++)
        {
            var steps = stepsByPhase[i];
            steps.Sort(static (a, b) =>
            {
                var byDue = a.Step.Due.TimelineIndex.CompareTo(b.Step.Due.TimelineIndex);
                if (byDue != 0)
                {
                    return byDue;
                }

                var byPriority = b.Step.Priority.CompareTo(a.Step.Priority);
                return byPriority != 0 ? byPriority : a.Slot.Rule.Order.CompareTo(b.Slot.Rule.Order);
            });
            phases[i] = new PlanPhase
            {
                Phase = (CareerPhase)i,
                Id = CareerPhases.Ids[i],
                Title = CareerPhases.Names[i][language],
                Starts = labels[pathway.PhaseStarts[i], language],
                Status = i < (int)currentPhase ? PhaseStatus.Done : i == (int)currentPhase ? PhaseStatus.Current : PhaseStatus.Upcoming,
                Steps = ReadOnly(steps.Select(s => s.Step)),
            };
        }

        if (options?.Strict == true && diagnostics.Count > 0)
        {
            throw new RuleFaultException(student.Id, ReadOnly(diagnostics));
        }

        return new CareerPlan
        {
            StudentId = student.Id,
            Pack = new PlanPack(RuleSet.Name, RuleSet.Version),
            Language = language,
            Major = major.Id,
            MajorName = major.Name[language],
            ArticulatedMajor = articulated?.Id,
            ArticulatedMajorName = articulated?.Name[language],
            TransferRequirements = NextTransfer(student, facts, major, pathway, catalogue)?[language],
            Pathway = pathway.Id,
            PathwayName = pathway.Name[language],
            Position = Position(student, facts, now, labels, language),
            CurrentPhase = currentPhase,
            Stages = ReadOnly(pathway.Stages.Select(stage => new PlanStage(
                stage.Stage,
                Capitalized(Stages.Names[stage.Stage][language]),
                stage.Years,
                now >= stage.FirstTerm + stage.Terms ? PhaseStatus.Done : now >= stage.FirstTerm ? PhaseStatus.Current : PhaseStatus.Upcoming))),
            Positions = positions.AsReadOnly(),
            TargetPositions = targets.AsReadOnly(),
            Job = job,
            Phases = Array.AsReadOnly(phases),
            Diagnostics = ReadOnly(diagnostics),
        };
    }

    /// <summary>The rules whose scope and condition hold for the student, in pack order (before any supersedes).</summary>
    internal static List<RuleSlot> Fire(StudentProfile student, StudentFacts facts, RuleSlot[] slots, List<PlanDiagnostic>? diagnostics)
    {
        var fired = new List<RuleSlot>(slots.Length);
        foreach (var slot in slots)
        {
            var rule = slot.Rule;
            if (rule.Definition.Scope.Matches(student) && Holds(rule.When, rule, "when", student, facts, diagnostics, fallback: false))
            {
                fired.Add(slot);
            }
        }

        return fired;
    }

    /// <summary>Leaves out the rules that a fired rule supersedes.</summary>
    private static void ApplySupersedes(List<RuleSlot> fired)
    {
        List<int>? superseded = null;
        foreach (var slot in fired)
        {
            if (slot.Rule.Supersedes.Length > 0)
            {
                (superseded ??= []).AddRange(slot.Rule.Supersedes);
            }
        }

        if (superseded is not null)
        {
            fired.RemoveAll(slot => superseded.Contains(slot.Rule.Order));
        }
    }

    private static bool Holds(CompiledCondition? condition, CompiledRule rule, string field, StudentProfile student, StudentFacts facts, List<PlanDiagnostic>? diagnostics, bool fallback)
    {
        if (condition is null)
        {
            return true;
        }

        try
        {
            return condition.Evaluate(student, facts);
        }
#pragma warning disable CA1031 // A rule that fails must not take the plan down; the failure becomes a diagnostic.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            diagnostics?.Add(new PlanDiagnostic("rule-fault", rule.Id,
                $"the '{field}' condition of the rule '{rule.Id}' ({rule.Definition.Place}) failed with {exception.GetType().Name}; it was taken as {(fallback ? "true" : "false")}. Check the condition for values that can be missing."));
            return fallback;
        }
    }

    private static PlanStep MakeStep(
        RuleSlot slot, StudentProfile student, StudentFacts facts, int now, Pathway pathway, TimelineLabels labels, string language,
        ITemplateValues values, string? item, Major major, List<PlanDiagnostic> diagnostics)
    {
        var rule = slot.Rule;
        var definition = rule.Definition;
        var due = slot.Due == RuleSlot.DueNow ? now : slot.Due;
        var done = rule.DoneWhen is not null && Holds(rule.DoneWhen, rule, "doneWhen", student, facts, diagnostics, fallback: false);
        var status = done ? StepStatus.Done
            : due == now ? StepStatus.Now
            : due > now ? StepStatus.Upcoming
            : rule.DoneWhen is null ? StepStatus.Done
            : StepStatus.Overdue;

        return new PlanStep
        {
            RuleId = rule.Id,
            Item = item,
            Title = definition.Title.Render(language, values),
            Detail = definition.Detail.Render(language, values),
            Category = definition.Category,
            Due = Due(pathway, labels, due, language),
            Status = status,
            Why = Why(rule, language, values, major, pathway),
            Evidence = Evidence(rule.When, student, facts),
            Priority = definition.Priority,
        };
    }

    private static string Why(CompiledRule rule, string language, ITemplateValues values, Major major, Pathway pathway)
    {
        if (rule.Definition.Because is { } because)
        {
            return because.Render(language, values);
        }

        var chinese = CareerPhases.IsChinese(language);
        if (rule.When is { } when)
        {
            return chinese ? $"此步骤的条件成立：{when.Text}" : $"This step's condition holds: {when.Text}";
        }

        return chinese
            ? $"{pathway.Name[language]}路径上{major.Name[language]}专业的每位学生都有这一步。"
            : $"Every {major.Name[language]} student on the {pathway.Name[language]} pathway takes this step.";
    }

    private static ReadOnlyCollection<PlanEvidence> Evidence(CompiledCondition? condition, StudentProfile student, StudentFacts facts)
    {
        if (condition is null || condition.Probes.Count == 0)
        {
            return ReadOnlyCollection<PlanEvidence>.Empty;
        }

        var evidence = new PlanEvidence[condition.Probes.Count];
        for (var i = 0; i < evidence.Length; i++)
        {
            var probe = condition.Probes[i];
            string value;
            try
            {
                value = probe.Read(student, facts) switch
                {
                    null => "none",
                    bool b => b ? "true" : "false",
                    string s => $"\"{s}\"",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? string.Empty,
                };
            }
#pragma warning disable CA1031 // Evidence is an explanation; a value that cannot be read is shown as such.
            catch (Exception)
#pragma warning restore CA1031
            {
                value = "(could not be read)";
            }

            evidence[i] = new PlanEvidence(probe.Text, value);
        }

        return Array.AsReadOnly(evidence);
    }

    private static StepDue Due(Pathway pathway, TimelineLabels labels, int index, string language)
    {
        if (index < pathway.TotalTerms)
        {
            var (stage, year, term) = TimelineLabels.Locate(pathway, index);
            return new StepDue { Label = labels[index, language], TimelineIndex = index, Stage = stage.Stage, Year = year, Term = term };
        }

        return new StepDue { Label = labels[index, language], TimelineIndex = index, AfterGraduationMonths = pathway.MonthsAtSlot(index) };
    }

    private static PlanPosition Position(StudentProfile student, StudentFacts facts, int now, TimelineLabels labels, string language)
    {
        if (!facts.IsGraduated)
        {
            return new PlanPosition
            {
                Stage = student.Stage,
                Year = student.Year,
                Term = student.Term,
                ProgrammeTerm = facts.ProgrammeTerm,
                TotalTerms = facts.TotalTerms,
                Label = labels[now, language],
            };
        }

        var months = facts.MonthsSinceGraduation;
        var chinese = CareerPhases.IsChinese(language);
        var label = (student.Stage, chinese) switch
        {
            (Stages.Graduate, true) => string.Create(CultureInfo.InvariantCulture, $"研究生在读（毕业{months}个月）"),
            (Stages.Graduate, false) => string.Create(CultureInfo.InvariantCulture, $"In master's study, {months} month{(months == 1 ? string.Empty : "s")} after graduation"),
            (_, true) => months == 0 ? "刚毕业" : string.Create(CultureInfo.InvariantCulture, $"已毕业{months}个月"),
            _ => months == 0 ? "Just graduated" : string.Create(CultureInfo.InvariantCulture, $"Graduated {months} month{(months == 1 ? string.Empty : "s")} ago"),
        };
        return new PlanPosition
        {
            Stage = student.Stage,
            Year = 0,
            Term = 0,
            ProgrammeTerm = facts.ProgrammeTerm,
            TotalTerms = facts.TotalTerms,
            MonthsSinceGraduation = months,
            Label = label,
        };
    }

    private string Language(PlanOptions? options)
    {
        var language = options?.Language;
        if (language is null)
        {
            return RuleSet.Languages[0];
        }

        foreach (var known in RuleSet.Languages)
        {
            if (string.Equals(known, language, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new ArgumentException(
            $"The language '{language}' is not one of the rule pack's languages ({string.Join(", ", RuleSet.Languages)}).", nameof(options));
    }

    private static void Validate(StudentProfile student, PackCatalogue catalogue, InputLimits limits)
    {
        List<InputError>? errors = null;
        var source = $"student '{student.Id}'";
        StudentProfileValidator.Validate(student, catalogue, (field, message) =>
            (errors ??= []).Add(new InputError(source, 0, 0, $"{Shown(student, field)}: {message}") { Id = student.Id, Field = field }), limits);
        if (errors is not null)
        {
            throw new StudentProfileException(errors);
        }
    }

    /// <summary>A skill's field path holds its key, which is the record's data: the message names the skill by its place instead.</summary>
    private static string Shown(StudentProfile student, string field)
    {
        if (!field.StartsWith("skills.", StringComparison.Ordinal))
        {
            return field;
        }

        var key = field["skills.".Length..];
        var index = 0;
        foreach (var skill in student.Skills.Keys)
        {
            if (skill == key)
            {
                return $"skills[{index}]";
            }

            index++;
        }

        return "skills";
    }

    /// <summary>
    /// The profile with its collections read once, so a plan sees one state of them: a collection
    /// built in code that throws while being read, or holds a key twice, is a refused record, not an
    /// exception from inside the planner. Immutable collections (as the reader makes) are kept as they are.
    /// </summary>
    private static StudentProfile Snapshot(StudentProfile student)
    {
        try
        {
            return student with
            {
                Skills = student.Skills is null or FrozenDictionary<string, int> or ImmutableDictionary<string, int> or ImmutableSortedDictionary<string, int>
                    ? student.Skills!
                    : new Dictionary<string, int>(student.Skills, StringComparer.Ordinal),
                Certificates = Stable(student.Certificates),
                TargetPositions = Stable(student.TargetPositions),
            };
        }
#pragma warning disable CA1031 // Whatever a host's collection throws, the record is refused the documented way.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new StudentProfileException([new InputError($"student '{student.Id}'", 0, 0,
                $"the profile's skills, certificates or target positions could not be read ({exception.GetType().Name}): give them as plain collections with each id once.") { Id = student.Id }]);
        }

        static IReadOnlyList<string> Stable(IReadOnlyList<string> items) =>
            items is null or string[] or ImmutableArray<string> or ImmutableList<string> ? items! : [.. items];
    }

    /// <summary>
    /// What the student's next move needs: from secondary vocational into the major, the feeder
    /// major's text; from the major's own stage onward, the major's text; the pathway's own text
    /// where neither fits. Nothing once the student is at university or has graduated.
    /// </summary>
    private static LocalizedText? NextTransfer(StudentProfile student, StudentFacts facts, Major major, Pathway pathway, PackCatalogue catalogue)
    {
        if (facts.IsGraduated || student.Stage == Stages.Undergraduate)
        {
            return null;
        }

        if (facts.NextStage == major.Level)
        {
            foreach (var feeder in catalogue.Majors.Values)
            {
                if (feeder.ArticulatesTo == major.Id && feeder.Level == student.Stage && feeder.Transfer is not null)
                {
                    return feeder.Transfer;
                }
            }

            return pathway.Transfer;
        }

        return student.Stage == major.Level && major.ArticulatesTo is not null
            ? pathway.Transfer ?? major.Transfer
            : pathway.Transfer;
    }

    private static string Capitalized(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static ReadOnlyCollection<T> ReadOnly<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());
}
