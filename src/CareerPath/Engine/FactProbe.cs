namespace CareerPath.Engine;

/// <summary>
/// One value a condition reads (for example <c>facts.SkillLevel("linux-administration")</c>), compiled
/// so that a fired rule can show the facts that made it fire.
/// </summary>
internal sealed record FactProbe(string Text, Func<StudentProfile, StudentFacts, object?> Read);
