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

    /// <summary>The fit: <c>0.6·Skills + 0.2·Certificates + 0.2·Interests</c>, or <c>0.75·Skills + 0.25·Certificates</c> when the student's interests are not known.</summary>
    public required double Score { get; init; }

    /// <summary>Skill coverage in [0, 1]: the sum of min(level, needed) over the sum of needed levels.</summary>
    public required double Skills { get; init; }

    /// <summary>The share of the position's recommended certificates the student holds (1 when it recommends none).</summary>
    public required double Certificates { get; init; }

    /// <summary>Holland congruence in [0, 1] (Brown and Gore's C index over 18), or null when the student's interests are not known.</summary>
    public double? Interests { get; init; }

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

    /// <summary>The name of the position the gap is for, in the plan's language (fills <c>{position}</c>).</summary>
    internal string PositionName { get; init; } = string.Empty;
}
