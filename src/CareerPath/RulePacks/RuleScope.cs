namespace CareerPath.RulePacks;

/// <summary>Who a rule is for; an empty list means any. Used to index rules so a student meets only those that can apply.</summary>
internal sealed record RuleScope(
    IReadOnlyList<string> Majors,
    IReadOnlyList<string> Pathways,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Goals)
{
    public static readonly RuleScope Any = new([], [], [], []);

    public bool Matches(StudentProfile student) =>
        Allows(Majors, student.Major) && Allows(Pathways, student.Pathway) && Allows(Stages, student.Stage) && Allows(Goals, student.Goal);

    private static bool Allows(IReadOnlyList<string> allowed, string value)
    {
        if (allowed.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
