namespace CareerPath.Samples.Batch;

/// <summary>
/// What a batch learns about a cohort, counted as each plan goes by; no plan is kept. Memory is
/// bounded by the rule pack's catalogue and <see cref="CounselorListSize"/>, not by the cohort.
/// </summary>
internal sealed class CohortSummary
{
    public const int TopCount = 10;
    public const int CounselorListSize = 50;
    private const int MaxDiagnostics = 20;

    private static readonly CounselorReasons[] ByUrgency =
        [CounselorReasons.GraduatedNotEmployed, CounselorReasons.FinalYearWithoutTarget, CounselorReasons.StepsOverdue];

    private readonly int[] phases = new int[Enum.GetValues<CareerPhase>().Length];
    private readonly string?[] phaseTitles = new string?[Enum.GetValues<CareerPhase>().Length];
    private readonly long[] steps = new long[Enum.GetValues<StepStatus>().Length];
    private readonly int[] studentsWithStep = new int[Enum.GetValues<StepStatus>().Length];
    private readonly Dictionary<string, (string Name, int Students)> skillGaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, int Students)> certificateGaps = new(StringComparer.Ordinal);
    private readonly Dictionary<CounselorReasons, int> reasonCounts = ByUrgency.ToDictionary(r => r, _ => 0);

    // One short list per most urgent reason, so that a flood of overdue steps cannot push a
    // graduate without a job off the list.
    private readonly Dictionary<CounselorReasons, List<CounselorCase>> cases = ByUrgency.ToDictionary(r => r, _ => new List<CounselorCase>());
    private readonly Dictionary<string, int> diagnostics = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenSkills = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenCertificates = new(StringComparer.Ordinal);

    public int Planned { get; private set; }

    public int Skipped { get; private set; }

    public int NeedCounselor { get; private set; }

    public int PlansWithDiagnostics { get; private set; }

    public void Skip() => Skipped++;

    public void Add(StudentProfile student, CareerPlan plan)
    {
        Planned++;
        phases[(int)plan.CurrentPhase]++;
        Span<bool> seenStatus = stackalloc bool[steps.Length];
        var overdue = 0;
        foreach (var phase in plan.Phases)
        {
            phaseTitles[(int)phase.Phase] ??= phase.Title;
            foreach (var step in phase.Steps)
            {
                steps[(int)step.Status]++;
                seenStatus[(int)step.Status] = true;
                // Behind in the phase the student is in now: steps overdue from earlier phases are
                // history for the counselor's report, not a reason to see them today.
                overdue += step.Status == StepStatus.Overdue && phase.Phase == plan.CurrentPhase ? 1 : 0;
            }
        }

        for (var i = 0; i < seenStatus.Length; i++)
        {
            studentsWithStep[i] += seenStatus[i] ? 1 : 0;
        }

        CountGaps(plan);
        CountDiagnostics(plan);

        var reasons = Reasons(student, plan, overdue);
        if (reasons != CounselorReasons.None)
        {
            NeedCounselor++;
            foreach (var reason in ByUrgency.Where(r => reasons.HasFlag(r)))
            {
                reasonCounts[reason]++;
            }

            var list = cases[ByUrgency.First(r => reasons.HasFlag(r))];
            if (list.Count < CounselorListSize)
            {
                list.Add(new CounselorCase(plan.StudentId, reasons, overdue, plan.Position.MonthsSinceGraduation));
            }
        }
    }

    /// <summary>Students per current phase, in phase order, with the phase's title in the plans' language (English before any plan).</summary>
    public IReadOnlyList<(CareerPhase Phase, string Title, int Students)> Phases =>
        [.. Enum.GetValues<CareerPhase>().Select(p => (p, phaseTitles[(int)p] ?? EnglishTitle(p), phases[(int)p]))];

    /// <summary>Steps per status over all plans, and how many students have at least one step with it.</summary>
    public IReadOnlyList<(StepStatus Status, long Steps, int Students)> Steps =>
        [.. Enum.GetValues<StepStatus>().Select(s => (s, steps[(int)s], studentsWithStep[(int)s]))];

    public IReadOnlyList<CohortCount> TopSkillGaps => Top(skillGaps);

    public IReadOnlyList<CohortCount> TopMissingCertificates => Top(certificateGaps);

    public IReadOnlyList<(CounselorReasons Reason, int Students)> CounselorReasonCounts =>
        [.. ByUrgency.Select(r => (r, reasonCounts[r]))];

    /// <summary>Up to <see cref="CounselorListSize"/> students, the most urgent first, each group in input order.</summary>
    public IReadOnlyList<CounselorCase> CounselorCases => [.. ByUrgency.SelectMany(r => cases[r]).Take(CounselorListSize)];

    /// <summary>Each distinct plan diagnostic and how many plans had it (the first 20 distinct).</summary>
    public IReadOnlyList<(string Message, int Plans)> Diagnostics => [.. diagnostics.Select(d => (d.Key, d.Value))];

    public static string EnglishTitle(CareerPhase phase) => phase switch
    {
        CareerPhase.ProfessionalCognition => "Professional cognition",
        CareerPhase.PositionSegmentation => "Position segmentation",
        CareerPhase.DedicatedStudy => "Dedicated study",
        CareerPhase.PreciseEmployment => "Precise employment",
        _ => "Career rooting",
    };

    private static CounselorReasons Reasons(StudentProfile student, CareerPlan plan, int overdue)
    {
        var reasons = CounselorReasons.None;
        if (student.Stage == "graduated" && student.Graduation is { Employed: false })
        {
            reasons |= CounselorReasons.GraduatedNotEmployed;
        }

        var last = plan.Stages.Count > 0 ? plan.Stages[^1] : null;
        if (last is not null && plan.Position.Stage == last.Stage && plan.Position.Year == last.Years && student.TargetPositions.Count == 0)
        {
            reasons |= CounselorReasons.FinalYearWithoutTarget;
        }

        if (overdue > 0)
        {
            reasons |= CounselorReasons.StepsOverdue;
        }

        return reasons;
    }

    private void CountGaps(CareerPlan plan)
    {
        // A student counts once per gap, however many of their target positions share it.
        seenSkills.Clear();
        seenCertificates.Clear();
        foreach (var target in plan.TargetPositions)
        {
            foreach (var gap in target.Gaps)
            {
                var certificate = gap.Kind == "certificate";
                var counts = certificate ? certificateGaps : skillGaps;
                if ((certificate ? seenCertificates : seenSkills).Add(gap.Id))
                {
                    counts[gap.Id] = counts.TryGetValue(gap.Id, out var count) ? (count.Name, count.Students + 1) : (gap.Name, 1);
                }
            }
        }
    }

    private void CountDiagnostics(CareerPlan plan)
    {
        if (plan.Diagnostics.Count == 0)
        {
            return;
        }

        PlansWithDiagnostics++;
        foreach (var diagnostic in plan.Diagnostics)
        {
            if (diagnostics.TryGetValue(diagnostic.Message, out var count))
            {
                diagnostics[diagnostic.Message] = count + 1;
            }
            else if (diagnostics.Count < MaxDiagnostics)
            {
                diagnostics[diagnostic.Message] = 1;
            }
        }
    }

    private static CohortCount[] Top(Dictionary<string, (string Name, int Students)> counts) =>
        [.. counts
            .OrderByDescending(c => c.Value.Students)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(c => new CohortCount(c.Key, c.Value.Name, c.Value.Students))];
}
