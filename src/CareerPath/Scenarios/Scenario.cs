namespace CareerPath.Scenarios;

/// <summary>One scenario as its file wrote it: a student, a language and what the plan must show.</summary>
internal sealed record Scenario(string File, int Line, string Name, StudentProfile Student, string? Language)
{
    public string? CurrentPhase { get; init; }

    public IReadOnlyList<(string Phase, PhaseStatus Status)> Phases { get; init; } = [];

    public IReadOnlyList<string> Present { get; init; } = [];

    public IReadOnlyList<string> Absent { get; init; } = [];

    public IReadOnlyList<(string RuleId, StepStatus Status)> Statuses { get; init; } = [];

    public IReadOnlyList<string> Contains { get; init; } = [];

    public IReadOnlyList<string> Lacks { get; init; } = [];

    public IReadOnlyList<string>? Targets { get; init; }
}
