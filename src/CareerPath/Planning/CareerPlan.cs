namespace CareerPath;

/// <summary>
/// A student's full-course career plan: where the student stands, the five phases in order with
/// their steps, and diagnostics. Immutable; made by <see cref="ICareerPlanner.Plan"/>.
/// </summary>
/// <remarks>docs/plan-format.md describes every field and shows the JSON form.</remarks>
public sealed record CareerPlan
{
    /// <summary>The student's id (the only personal field a plan carries).</summary>
    public required string StudentId { get; init; }

    /// <summary>The rule pack that made the plan.</summary>
    public required PlanPack Pack { get; init; }

    /// <summary>The language of every text in the plan, <c>en</c> or <c>zh-CN</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The major's catalogue id.</summary>
    public required string Major { get; init; }

    /// <summary>The major's name in the plan's language.</summary>
    public required string MajorName { get; init; }

    /// <summary>The undergraduate major the student's major articulates to, or null.</summary>
    public string? ArticulatedMajor { get; init; }

    /// <summary>The articulated major's name in the plan's language, or null.</summary>
    public string? ArticulatedMajorName { get; init; }

    /// <summary>What the move into the articulated major needs (exam, credits, grades), in the plan's language, or null.</summary>
    public string? TransferRequirements { get; init; }

    /// <summary>The pathway id, for example <c>2+3+2</c>.</summary>
    public required string Pathway { get; init; }

    /// <summary>The pathway's name in the plan's language.</summary>
    public required string PathwayName { get; init; }

    /// <summary>Where the student stands now.</summary>
    public required PlanPosition Position { get; init; }

    /// <summary>The phase the student is in now.</summary>
    public required CareerPhase CurrentPhase { get; init; }

    /// <summary>The pathway's stages in order, each marked done, current or upcoming.</summary>
    public required IReadOnlyList<PlanStage> Stages { get; init; }

    /// <summary>Every position of the student's major, best fit first (docs/matching.md).</summary>
    public required IReadOnlyList<PositionFit> Positions { get; init; }

    /// <summary>The student's target positions: the ones they chose, ranked by fit, else the three that fit best.</summary>
    public required IReadOnlyList<PositionFit> TargetPositions { get; init; }

    /// <summary>For an employed graduate: the job set against the major's positions; otherwise null.</summary>
    public PlanJob? Job { get; init; }

    /// <summary>All five phases, always present, in order.</summary>
    public required IReadOnlyList<PlanPhase> Phases { get; init; }

    /// <summary>Problems met while planning (for example a rule that failed); they never hide the plan.</summary>
    public required IReadOnlyList<PlanDiagnostic> Diagnostics { get; init; }
}

/// <summary>An employed graduate's job, set against the positions of the major.</summary>
public sealed record PlanJob
{
    /// <summary>The job's position id, or null when the record does not say.</summary>
    public string? PositionId { get; init; }

    /// <summary>The position's name in the plan's language, or null when not known.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the job is in the major (the record's <c>inMajor</c>, else whether the position belongs to the major or the undergraduate major it leads to).</summary>
    public required bool InMajor { get; init; }

    /// <summary>How well the graduate fits the job today, with the gaps to grow into it; null when the position is not known.</summary>
    public PositionFit? Fit { get; init; }

    /// <summary>The job's 1-based place in <see cref="CareerPlan.Positions"/>, or null when it is not one of them.</summary>
    public int? Rank { get; init; }
}

/// <summary>The rule pack a plan came from.</summary>
/// <param name="Name">The pack's name.</param>
/// <param name="Version">The pack's version.</param>
public sealed record PlanPack(string Name, string Version);

/// <summary>Where the student stands on the pathway's timeline.</summary>
public sealed record PlanPosition
{
    /// <summary>The stage id, for example <c>higher-vocational</c> or <c>graduated</c>.</summary>
    public required string Stage { get; init; }

    /// <summary>The 1-based year within the stage; 0 after graduation.</summary>
    public required int Year { get; init; }

    /// <summary>The term within the year, 1 or 2; 0 after graduation.</summary>
    public required int Term { get; init; }

    /// <summary>The term counted from enrolment (1 is the first term of the programme); <see cref="TotalTerms"/> + 1 after graduation.</summary>
    public required int ProgrammeTerm { get; init; }

    /// <summary>Terms from enrolment to graduation on the pathway.</summary>
    public required int TotalTerms { get; init; }

    /// <summary>Months since graduation, or null before graduation.</summary>
    public int? MonthsSinceGraduation { get; init; }

    /// <summary>The position in words, in the plan's language.</summary>
    public required string Label { get; init; }
}

/// <summary>One stage of the student's pathway.</summary>
/// <param name="Stage">The stage id.</param>
/// <param name="Name">The stage's name in the plan's language.</param>
/// <param name="Years">How many years the stage lasts.</param>
/// <param name="Status">Done, current or upcoming, relative to where the student stands.</param>
public sealed record PlanStage(string Stage, string Name, int Years, PhaseStatus Status);

/// <summary>One of the five phases of the plan, with its steps.</summary>
public sealed record PlanPhase
{
    /// <summary>The phase.</summary>
    public required CareerPhase Phase { get; init; }

    /// <summary>The phase's stable id, for example <c>professional-cognition</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The phase's name in the plan's language.</summary>
    public required string Title { get; init; }

    /// <summary>Where the phase starts on the student's pathway, in words.</summary>
    public required string Starts { get; init; }

    /// <summary>Done, current or upcoming; exactly one phase of a plan is current.</summary>
    public required PhaseStatus Status { get; init; }

    /// <summary>The phase's steps in timeline order (then priority, then pack order). May be empty.</summary>
    public required IReadOnlyList<PlanStep> Steps { get; init; }
}

/// <summary>One step of the plan, made by one rule.</summary>
public sealed record PlanStep
{
    /// <summary>The id of the rule that made the step.</summary>
    public required string RuleId { get; init; }

    /// <summary>For a step of a <c>forEach</c> rule: the id of the skill or certificate it is about; otherwise null.</summary>
    public string? Item { get; init; }

    /// <summary>The step's title in the plan's language.</summary>
    public required string Title { get; init; }

    /// <summary>What to do, in the plan's language.</summary>
    public required string Detail { get; init; }

    /// <summary>The kind of step, for example <c>certificate</c> or <c>practice</c> (docs/rule-format.md lists them).</summary>
    public required string Category { get; init; }

    /// <summary>When the step is due on the pathway's timeline.</summary>
    public required StepDue Due { get; init; }

    /// <summary>Done, now, upcoming or overdue, relative to where the student stands.</summary>
    public required StepStatus Status { get; init; }

    /// <summary>Why the step is in this student's plan, in one line.</summary>
    public required string Why { get; init; }

    /// <summary>The facts the rule's condition read, with this student's values; empty for a rule without a condition.</summary>
    public required IReadOnlyList<PlanEvidence> Evidence { get; init; }

    /// <summary>The rule's priority; higher comes first among steps due at the same time.</summary>
    public int Priority { get; init; }
}

/// <summary>When a step is due.</summary>
public sealed record StepDue
{
    /// <summary>The due point in words, in the plan's language, for example "Higher vocational, year 2, term 1".</summary>
    public required string Label { get; init; }

    /// <summary>The point's place on the pathway's timeline: 0 is the first term; graduation and follow-ups come after the last term.</summary>
    public required int TimelineIndex { get; init; }

    /// <summary>The stage the step is due in, or null after graduation.</summary>
    public string? Stage { get; init; }

    /// <summary>The year within the stage, or null after graduation.</summary>
    public int? Year { get; init; }

    /// <summary>The term within the year, or null after graduation.</summary>
    public int? Term { get; init; }

    /// <summary>Months after graduation, or null before graduation.</summary>
    public int? AfterGraduationMonths { get; init; }
}

/// <summary>A value a rule's condition read, shown as the evidence behind a step.</summary>
/// <param name="Fact">What was read, as the rule wrote it, for example <c>facts.SkillLevel("linux-administration")</c>.</param>
/// <param name="Value">This student's value.</param>
public sealed record PlanEvidence(string Fact, string Value);

/// <summary>Something that went wrong while planning without stopping the plan.</summary>
/// <param name="Code">A stable code, for example <c>rule-fault</c>.</param>
/// <param name="RuleId">The rule concerned, when there is one.</param>
/// <param name="Message">What happened and its effect on the plan; never any of the student's data.</param>
public sealed record PlanDiagnostic(string Code, string? RuleId, string Message);
