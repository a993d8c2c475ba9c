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
        : this(ruleSet, limits, firing: null)
    {
    }

    /// <summary>A planner that decides which rules fire some other way (the benchmarks' RulesEngine baseline).</summary>
    internal CareerPlanner(RuleSet ruleSet, RuleFiring? firing)
        : this(ruleSet, InputLimits.Default, firing)
    {
    }

    private CareerPlanner(RuleSet ruleSet, InputLimits limits, RuleFiring? firing)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(limits);
        RuleSet = ruleSet;
        _limits = limits;
        _firing = firing;
    }

    /// <summary>Adds to <c>fired</c> the slots whose scope and condition hold for the student, in pack order.</summary>
    internal delegate void RuleFiring(StudentProfile student, StudentFacts facts, RuleSlot[] slots, List<RuleSlot> fired, List<PlanDiagnostic>? diagnostics);

    private readonly RuleFiring? _firing;

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
        var languageIndex = catalogue.LanguageIndex(language);

        var cell = RuleSet.CellFor(major.Id, pathway.Id);
        var scratch = PlanScratch.Take();
        var fired = scratch.Fired;
        (_firing ?? Fire)(student, facts, cell.Slots, fired, diagnostics);
        ApplySupersedes(fired);
        var currentPhase = pathway.PhaseAt(now);
        var context = new StepContext(student, facts, now, pathway, labels.Dues(language), language, languageIndex, values, major, cell, diagnostics, scratch.Evidence);
        var steps = scratch.Steps;
        foreach (var slot in fired)
        {
            if (slot.Rule.Definition.ForEach is not { } forEach)
            {
                steps.Add((slot, MakeStep(slot, context, values, null), steps.Count));
                continue;
            }

            var items = facts.Items(forEach);
            for (var i = 0; i < items.Count && i < slot.Rule.Definition.MaxItems; i++)
            {
                steps.Add((slot, MakeStep(slot, context, new ItemTemplateValues(values, items[i]), items[i].Id), steps.Count));
            }
        }

        var order = scratch.Ordered(steps);

        var phases = new PlanPhase[CareerPhases.Count];
        var next = 0;
        for (var i = 0; i < phases.Length; i++)
        {
            var first = next;
            while (next < order.Length && (int)steps[order[next]].Slot.Rule.Definition.Phase == i)
            {
                next++;
            }

            phases[i] = new PlanPhase
            {
                Phase = (CareerPhase)i,
                Id = CareerPhases.Ids[i],
                Title = CareerPhases.Names[i][language],
                Starts = labels[pathway.PhaseStarts[i], language],
                Status = i < (int)currentPhase ? PhaseStatus.Done : i == (int)currentPhase ? PhaseStatus.Current : PhaseStatus.Upcoming,
                Steps = Slice(steps, order, first, next),
            };
        }

        scratch.Return();
        if (options?.Strict == true && diagnostics.Count > 0)
        {
            throw new RuleFaultException(student.Id, diagnostics.AsReadOnly());
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
            Stages = labels.Stages(now, language),
            Positions = positions.AsReadOnly(),
            TargetPositions = targets.AsReadOnly(),
            Job = job,
            Phases = Array.AsReadOnly(phases),
            Diagnostics = diagnostics.Count == 0 ? ReadOnlyCollection<PlanDiagnostic>.Empty : diagnostics.AsReadOnly(),
        };
    }

    /// <summary>The rules whose scope and condition hold for the student, in pack order (before any supersedes).</summary>
    internal static List<RuleSlot> Fire(StudentProfile student, StudentFacts facts, RuleSlot[] slots, List<PlanDiagnostic>? diagnostics)
    {
        var fired = new List<RuleSlot>(slots.Length);
        Fire(student, facts, slots, fired, diagnostics);
        return fired;
    }

    /// <summary>Adds to <paramref name="fired"/> the rules whose scope and condition hold; allocates nothing itself.</summary>
    internal static void Fire(StudentProfile student, StudentFacts facts, RuleSlot[] slots, List<RuleSlot> fired, List<PlanDiagnostic>? diagnostics)
    {
        foreach (var slot in slots)
        {
            var rule = slot.Rule;
            if (rule.Definition.Scope.Matches(student) && Holds(rule.When, rule, "when", student, facts, diagnostics, fallback: false))
            {
                fired.Add(slot);
            }
        }
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

    /// <summary>What every step of one plan is made with.</summary>
    /// <param name="Evidence">Room for one step's evidence while it is compared with the last student's.</param>
    private sealed record StepContext(
        StudentProfile Student, StudentFacts Facts, int Now, Pathway Pathway, StepDue[] Dues, string Language, int LanguageIndex,
        PlanTemplateValues Values, Major Major, RuleCell Cell, List<PlanDiagnostic> Diagnostics, PlanEvidence[] Evidence);

    /// <summary>
    /// The lists one plan works in, kept per thread between plans so that a plan allocates only what it
    /// returns. A plan takes them and gives them back empty; a plan that throws just leaves them behind.
    /// </summary>
    private sealed class PlanScratch
    {
        [ThreadStatic]
        private static PlanScratch? t_kept;

        public List<RuleSlot> Fired { get; } = new(256);

        public List<(RuleSlot Slot, PlanStep Step, int Made)> Steps { get; } = new(256);

        public PlanEvidence[] Evidence { get; } = new PlanEvidence[8];

        private ulong[] _keys = new ulong[256];
        private int[] _order = new int[256];

        /// <summary>
        /// The steps' places in plan order: by phase, due point, priority (higher first), the rule's place
        /// in the pack, then the order they were made in. Each step's place is packed into one number so
        /// that the sort compares numbers, not steps; a step whose values do not fit is sorted the slow way.
        /// </summary>
        public ReadOnlySpan<int> Ordered(List<(RuleSlot Slot, PlanStep Step, int Made)> steps)
        {
            var count = steps.Count;
            if (_keys.Length < count)
            {
                _keys = new ulong[count * 2];
                _order = new int[count * 2];
            }

            var keys = _keys.AsSpan(0, count);
            var order = _order.AsSpan(0, count);
            var packed = true;
            for (var i = 0; i < count && packed; i++)
            {
                var (slot, step, made) = steps[i];
                var due = step.Due.TimelineIndex;
                var priority = step.Priority;
                var rule = slot.Rule.Order;
                packed = due is >= 0 and <= byte.MaxValue && priority is >= short.MinValue and <= short.MaxValue && rule is >= 0 and <= ushort.MaxValue && made <= ushort.MaxValue;
                keys[i] = ((ulong)(uint)slot.Rule.Definition.Phase << 56) | ((ulong)(uint)due << 48) | ((ulong)(uint)(short.MaxValue - priority) << 32)
                    | ((ulong)(uint)rule << 16) | (uint)made;
                order[i] = i;
            }

            if (packed)
            {
                keys.Sort(order);
                return order;
            }

            steps.Sort(Compare);
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            return order;
        }

        private static int Compare((RuleSlot Slot, PlanStep Step, int Made) a, (RuleSlot Slot, PlanStep Step, int Made) b)
        {
            var byPhase = ((int)a.Slot.Rule.Definition.Phase).CompareTo((int)b.Slot.Rule.Definition.Phase);
            if (byPhase != 0)
            {
                return byPhase;
            }

            var byDue = a.Step.Due.TimelineIndex.CompareTo(b.Step.Due.TimelineIndex);
            if (byDue != 0)
            {
                return byDue;
            }

            var byPriority = b.Step.Priority.CompareTo(a.Step.Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byOrder = a.Slot.Rule.Order.CompareTo(b.Slot.Rule.Order);
            return byOrder != 0 ? byOrder : a.Made.CompareTo(b.Made);
        }

        public static PlanScratch Take()
        {
            var scratch = t_kept ?? new PlanScratch();
            t_kept = null;
            return scratch;
        }

        public void Return()
        {
            Fired.Clear();
            Steps.Clear();
            if (Fired.Capacity <= 4096 && Steps.Capacity <= 4096)
            {
                t_kept = this;
            }
        }
    }

    private static PlanStep MakeStep(RuleSlot slot, StepContext context, ITemplateValues values, string? item)
    {
        var rule = slot.Rule;
        var definition = rule.Definition;
        var now = context.Now;
        var due = slot.Due == RuleSlot.DueNow ? now : slot.Due;
        var done = rule.DoneWhen is not null && Holds(rule.DoneWhen, rule, "doneWhen", context.Student, context.Facts, context.Diagnostics, fallback: false);
        var status = done ? StepStatus.Done
            : due == now ? StepStatus.Now
            : due > now ? StepStatus.Upcoming
            : rule.DoneWhen is null ? StepStatus.Done
            : StepStatus.Overdue;

        var title = Text(slot, RuleCell.Title, definition.Title, context, values);
        var detail = Text(slot, RuleCell.Detail, definition.Detail, context, values);
        var dueAt = context.Dues[Math.Clamp(due, 0, context.Dues.Length - 1)];
        var why = Why(slot, context, values);
        var evidence = Evidence(slot, context);
        if (item is null && context.Cell.SameStep(slot.Index, title, detail, dueAt, status, why, evidence) is { } same)
        {
            return same;
        }

        var step = new PlanStep
        {
            RuleId = rule.Id,
            Item = item,
            Title = title,
            Detail = detail,
            Category = definition.Category,
            Due = dueAt,
            Status = status,
            Why = why,
            Evidence = evidence,
            Priority = definition.Priority,
        };
        return item is null ? context.Cell.KeepStep(slot.Index, step) : step;
    }

    /// <summary>A step's text: kept in the rule's cell when it is the same for every student there, made anew otherwise.</summary>
    private static string Text(RuleSlot slot, int kind, TextTemplate template, StepContext context, ITemplateValues values)
    {
        if (!template.IsSameForSlot)
        {
            return template.Render(context.Language, values);
        }

        return context.Cell.Text(slot.Index, kind, context.LanguageIndex)
            ?? context.Cell.Keep(slot.Index, kind, context.LanguageIndex, template.Render(context.Language, context.Values));
    }

    private static string Why(RuleSlot slot, StepContext context, ITemplateValues values)
    {
        var rule = slot.Rule;
        if (rule.Definition.Because is { } because)
        {
            return Text(slot, RuleCell.Why, because, context, values);
        }

        return context.Cell.Text(slot.Index, RuleCell.Why, context.LanguageIndex)
            ?? context.Cell.Keep(slot.Index, RuleCell.Why, context.LanguageIndex, Why(rule, context.Language, context.Major, context.Pathway));
    }

    private static string Why(CompiledRule rule, string language, Major major, Pathway pathway)
    {
        var chinese = CareerPhases.IsChinese(language);
        if (rule.When is { } when)
        {
            return chinese ? $"此步骤的条件成立：{when.Text}" : $"This step's condition holds: {when.Text}";
        }

        return chinese
            ? $"{pathway.Name[language]}路径上{major.Name[language]}专业的每位学生都有这一步。"
            : $"Every {major.Name[language]} student on the {pathway.Name[language]} pathway takes this step.";
    }

    /// <summary>The values the rule's condition read, shared with the last student whose values were the same.</summary>
    private static ReadOnlyCollection<PlanEvidence> Evidence(RuleSlot slot, StepContext context)
    {
        var condition = slot.Rule.When;
        if (condition is null || condition.Probes.Count == 0)
        {
            return ReadOnlyCollection<PlanEvidence>.Empty;
        }

        var probes = condition.Probes;
        var entries = probes.Count <= context.Evidence.Length ? context.Evidence.AsSpan(0, probes.Count) : new PlanEvidence[probes.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var probe = probes[i];
            try
            {
                entries[i] = probe.Read(context.Student, context.Facts);
            }
#pragma warning disable CA1031 // Evidence is an explanation; a value that cannot be read is shown as such.
            catch (Exception)
#pragma warning restore CA1031
            {
                entries[i] = new PlanEvidence(probe.Text, "(could not be read)");
            }
        }

        var evidence = context.Cell.Evidence(slot.Index, entries);
        entries.Clear();
        return evidence;
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
        var sink = new ErrorSink(student);
        StudentProfileValidator.Validate(student, catalogue, sink.Report, limits);
        if (sink.Errors is { } errors)
        {
            throw new StudentProfileException(errors);
        }
    }

    /// <summary>Collects a record's problems as errors naming the student by id only; makes nothing until there is one.</summary>
    private sealed class ErrorSink(StudentProfile student)
    {
        public List<InputError>? Errors { get; private set; }

        public void Report(string field, string message) =>
            (Errors ??= []).Add(new InputError($"student '{student.Id}'", 0, 0, $"{Shown(student, field)}: {message}") { Id = student.Id, Field = field });
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
    /// exception from inside the planner. The collections the reader makes and the plain BCL ones
    /// (<see cref="Dictionary{TKey, TValue}"/>, <see cref="List{T}"/>, arrays, immutable and frozen
    /// collections) are read as they are, with no copy: they cannot throw or repeat a key, and a host
    /// must not change a profile while it is being planned (docs/embedding.md).
    /// </summary>
    private static StudentProfile Snapshot(StudentProfile student)
    {
        try
        {
            var skills = student.Skills is null or Dictionary<string, int> or FrozenDictionary<string, int> or ImmutableDictionary<string, int> or ImmutableSortedDictionary<string, int>
                ? student.Skills!
                : new Dictionary<string, int>(student.Skills, StringComparer.Ordinal);
            var certificates = Stable(student.Certificates);
            var targets = Stable(student.TargetPositions);
            return ReferenceEquals(skills, student.Skills) && ReferenceEquals(certificates, student.Certificates) && ReferenceEquals(targets, student.TargetPositions)
                ? student
                : student with { Skills = skills, Certificates = certificates, TargetPositions = targets };
        }
#pragma warning disable CA1031 // Whatever a host's collection throws, the record is refused the documented way.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new StudentProfileException([new InputError($"student '{student.Id}'", 0, 0,
                $"the profile's skills, certificates or target positions could not be read ({exception.GetType().Name}): give them as plain collections with each id once.") { Id = student.Id }]);
        }

        static IReadOnlyList<string> Stable(IReadOnlyList<string> items) =>
            items is null or string[] or List<string> or ImmutableArray<string> or ImmutableList<string> ? items! : [.. items];
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

    private static ReadOnlyCollection<PlanStep> Slice(List<(RuleSlot Slot, PlanStep Step, int Made)> steps, ReadOnlySpan<int> order, int from, int to)
    {
        if (from == to)
        {
            return ReadOnlyCollection<PlanStep>.Empty;
        }

        var slice = new PlanStep[to - from];
        for (var i = from; i < to; i++)
        {
            slice[i - from] = steps[order[i]].Step;
        }

        return Array.AsReadOnly(slice);
    }
}
