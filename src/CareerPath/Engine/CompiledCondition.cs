namespace CareerPath.Engine;

/// <summary>A condition compiled once at load into a delegate, with the values it reads.</summary>
internal sealed record CompiledCondition(string Text, Func<StudentProfile, StudentFacts, bool> Evaluate, IReadOnlyList<FactProbe> Probes);
