namespace CareerPath;

/// <summary>
/// How well a student fits one employment position of the major: a score in [0, 1], its parts, and
/// what the student still lacks. docs/matching.md gives the formula.
/// </summary>
public sealed record PositionFit
{
    /// <summary>The position's catalogue id.</summary>
    public required string PositionId { get; init; }

    /// <summary>The position's name in the plan's language.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The catalogue id of the major the position belongs to: the student's own major, or the
    /// undergraduate major it articulates to (positions a bachelor's degree opens).
    /// </summary>
    public required string Major { get; init; }

    /// <summary>
    /// The fit: <c>Goal · (0.6·Skills + 0.2·Certificates + 0.2·Interests)</c>, or
    /// <c>Goal · (0.75·Skills + 0.25·Certificates)</c> when the student's interests are not known.
    /// </summary>
    public required double Score { get; init; }

    /// <summary>Skill coverage in [0, 1]: the sum of min(level, needed) over the sum of needed levels.</summary>
    public required double Skills { get; init; }

    /// <summary>The share of the position's recommended certificates the student holds (1 when it recommends none).</summary>
    public required double Certificates { get; init; }

    /// <summary>Holland congruence in [0, 1] (Brown and Gore's C index over 18), or null when the student's interests are not known.</summary>
    public double? Interests { get; init; }

    /// <summary>
    /// How the position suits the student's goal: 1 when the goal is undecided or the position is on
    /// the goal's route (the student's own major for <c>employment</c>, the undergraduate major for
    /// <c>further-study</c>), 0.8 when it is on the other route.
    /// </summary>
    public required double Goal { get; init; }

    /// <summary>The student named this position as a target.</summary>
    public required bool ChosenByStudent { get; init; }

    /// <summary>What the student lacks for this position, the gap whose closing raises the score most first.</summary>
    public required IReadOnlyList<PositionGap> Gaps { get; init; }
}

/// <summary>One thing a student lacks for a position: a skill below the needed level, or a certificate not held.</summary>
public sealed record PositionGap
{
    /// <summary><c>skill</c> or <c>certificate</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The skill's or certificate's catalogue id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name in the plan's language.</summary>
    public required string Name { get; init; }

    /// <summary>For a skill: the student's level (0-5); null for a certificate.</summary>
    public int? Level { get; init; }

    /// <summary>For a skill: the level the position needs; null for a certificate.</summary>
    public int? Needed { get; init; }

    /// <summary>How much closing this gap alone would raise the score.</summary>
    public required double Gain { get; init; }

    /// <summary>
    /// The modules and practice bases of the catalogue that close the gap, those that reach the
    /// needed level first; empty when the catalogue names none.
    /// </summary>
    public required IReadOnlyList<GapCloser> ClosedBy { get; init; }

    /// <summary>The name of the position the gap is for, in the plan's language (fills <c>{position}</c>).</summary>
    internal string PositionName { get; init; } = string.Empty;

    /// <summary>What <c>{closedBy}</c> says for this gap in its language; made with the gap.</summary>
    internal string ClosedByText { get; init; } = string.Empty;
}

/// <summary>A module or practice base of the catalogue that builds a missing skill or prepares a missing certificate.</summary>
public sealed record GapCloser
{
    /// <summary><c>module</c> (a course) or <c>practice-base</c> (a training base, a 1+X assessment centre, an internship base).</summary>
    public required string Kind { get; init; }

    /// <summary>The learning entry's catalogue id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name in the plan's language.</summary>
    public required string Name { get; init; }

    /// <summary>For a skill gap: the level a student who completes it reaches; null for a certificate gap.</summary>
    public int? Level { get; init; }

    /// <summary>Whether completing it closes the gap on its own (reaches the needed level, or prepares the certificate).</summary>
    public required bool Closes { get; init; }
}
