namespace CareerPath.Catalogue;

/// <summary>
/// A point on a pathway's timeline as a pack writes it: a term of a stage, a follow-up point after
/// graduation, or "now". Resolved against a pathway to a timeline index.
/// </summary>
/// <remarks>
/// The timeline index counts terms from 0 at enrolment to <c>TotalTerms - 1</c>; graduation is
/// <c>TotalTerms</c> and each follow-up month the pathway lists adds one more slot after it.
/// </remarks>
internal sealed record TimelinePoint(TimelinePointKind Kind, string Stage, int Year, int Term, int Months)
{
    public const string FirstStage = "first";
    public const string FinalStage = "final";
    public const int LastYear = -1;

    /// <summary>Marks a point that does not exist on a pathway.</summary>
    public const int NotOnPathway = -1;

    public static readonly TimelinePoint Now = new(TimelinePointKind.Now, string.Empty, 0, 0, 0);

    /// <summary>The timeline index on <paramref name="pathway"/>, <paramref name="now"/> for "now", or <see cref="NotOnPathway"/>.</summary>
    public int Resolve(Pathway pathway, int now)
    {
        switch (Kind)
        {
            case TimelinePointKind.Now:
                return now;
            case TimelinePointKind.AfterGraduation:
                return pathway.FollowUpSlot(Months);
        }

        var stage = Stage switch
        {
            FirstStage => pathway.Stages[0],
            FinalStage => pathway.Stages[^1],
            _ => pathway.FindStage(Stage),
        };
        if (stage is null)
        {
            return NotOnPathway;
        }

        var year = Year == LastYear ? stage.Years : Year;
        return year > stage.Years ? NotOnPathway : stage.FirstTerm + ((year - 1) * 2) + (Term - 1);
    }
}
