using System.Collections.ObjectModel;
using CareerPath.Catalogue;

namespace CareerPath.Matching;

/// <summary>
/// Person-position fit in the trait-and-factor tradition: skill coverage, certificates and Holland
/// (RIASEC) congruence, deterministic and documented in docs/matching.md.
/// </summary>
internal static class PositionMatcher
{
    public const double SkillWeight = 0.6;
    public const double CertificateWeight = 0.2;
    public const double InterestWeight = 0.2;

    /// <summary>The goal factor of a position on the other route than the student's goal.</summary>
    public const double OffRouteGoal = 0.8;

    /// <summary>Student levels whose skill gaps are kept and shared (0 to 5).</summary>
    public const int GapLevels = 6;

    /// <summary>Weight variants a gap's gain can have: interests known or not, times on or off the goal's route.</summary>
    public const int GapVariants = 4;

    private const string Hexagon = "RIASEC";

    /// <summary>
    /// Every position of the student's major and, for a student going on (the pathway has an
    /// undergraduate stage, or the goal is further study), of the undergraduate major it articulates
    /// to; best fit first (ties by id).
    /// </summary>
    /// <param name="held">The certificates the student is taken to hold (<see cref="PackCatalogue.Holding"/>); worked out when null.</param>
    public static List<PositionFit> Rank(StudentProfile student, PackCatalogue catalogue, Major major, Pathway pathway, string language, IReadOnlyCollection<string>? held = null)
    {
        var further = FurtherStudyMajor(student, catalogue, major, pathway);
        held ??= catalogue.Holding(student.Certificates);
        var fits = new List<PositionFit>(16);
        foreach (var position in catalogue.PositionsOf(major.Id))
        {
            fits.Add(Fit(student, position, catalogue, language, GoalFactor(student.Goal, ownMajor: true, further is not null), held));
        }

        foreach (var position in catalogue.PositionsOf(further))
        {
            fits.Add(Fit(student, position, catalogue, language, GoalFactor(student.Goal, ownMajor: false, hasFurtherStudy: true), held));
        }

        fits.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.PositionId, b.PositionId);
        });
        return fits;
    }

    /// <summary>The same ranking, looking the student's major and pathway up in the catalogue.</summary>
    public static List<PositionFit> Rank(StudentProfile student, PackCatalogue catalogue, string language) =>
        Rank(student, catalogue, catalogue.Majors[student.Major], catalogue.Pathways[student.Pathway], language);

    /// <summary>The undergraduate major whose positions a student going on is matched to, or null.</summary>
    public static string? FurtherStudyMajor(StudentProfile student, PackCatalogue catalogue, Major major, Pathway pathway)
    {
        if (major.ArticulatesTo is not { } target || catalogue.Majors[target].Level != "undergraduate")
        {
            return null;
        }

        if (student.Goal == "further-study")
        {
            return target;
        }

        for (var i = 0; i < pathway.Stages.Count; i++)
        {
            if (pathway.Stages[i].Stage == "undergraduate")
            {
                return target;
            }
        }

        var targets = student.TargetPositions;
        for (var i = 0; i < targets.Count; i++)
        {
            if (catalogue.Positions.TryGetValue(targets[i], out var position) && position.Major == target)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>1 for an undecided student or a position on the goal's route, <see cref="OffRouteGoal"/> otherwise.</summary>
    public static double GoalFactor(string goal, bool ownMajor, bool hasFurtherStudy) => goal switch
    {
        "employment" when !ownMajor => OffRouteGoal,
        "further-study" when ownMajor && hasFurtherStudy => OffRouteGoal,
        _ => 1,
    };

    /// <summary>The student's targets: the positions they chose, else the three that fit best.</summary>
    public static List<PositionFit> Targets(IReadOnlyList<PositionFit> ranked)
    {
        List<PositionFit>? chosen = null;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].ChosenByStudent)
            {
                (chosen ??= new List<PositionFit>(4)).Add(ranked[i]);
            }
        }

        if (chosen is not null)
        {
            return chosen;
        }

        var best = new List<PositionFit>(3);
        for (var i = 0; i < ranked.Count && i < 3; i++)
        {
            best.Add(ranked[i]);
        }

        return best;
    }

    /// <summary>An employed graduate's job set against the ranked positions; null for everyone else.</summary>
    public static PlanJob? Job(StudentProfile student, PackCatalogue catalogue, Major major, IReadOnlyList<PositionFit> ranked, string language, IReadOnlyCollection<string>? held = null)
    {
        if (student.Graduation is not { Employed: true } graduation)
        {
            return null;
        }

        if (graduation.Position is not { } id || !catalogue.Positions.TryGetValue(id, out var position))
        {
            return new PlanJob { InMajor = graduation.InMajor ?? false };
        }

        var rank = 0;
        while (rank < ranked.Count && ranked[rank].PositionId != id)
        {
            rank++;
        }

        return new PlanJob
        {
            PositionId = id,
            Name = position.Name[language],
            InMajor = graduation.InMajor ?? (position.Major == major.Id || position.Major == major.ArticulatesTo),
            Fit = rank < ranked.Count ? ranked[rank] : Fit(student, position, catalogue, language, 1, held),
            Rank = rank < ranked.Count ? rank + 1 : null,
        };
    }

    /// <param name="held">The certificates the student is taken to hold (<see cref="PackCatalogue.Holding"/>); worked out when null.</param>
    public static PositionFit Fit(StudentProfile student, Position position, PackCatalogue catalogue, string language, double goal, IReadOnlyCollection<string>? held = null)
    {
        held ??= catalogue.Holding(student.Certificates);
        var interests = Congruence(student.Interests, position.Riasec);
        var (skillWeight, certificateWeight) = interests is null
            ? (SkillWeight / (SkillWeight + CertificateWeight), CertificateWeight / (SkillWeight + CertificateWeight))
            : (SkillWeight, CertificateWeight);
        skillWeight *= goal;
        certificateWeight *= goal;

        var needed = position.NeededLevels;
        var covered = 0;
        var closers = catalogue.ClosersOf(position);
        var languageIndex = catalogue.LanguageIndex(language);
        var skillIds = position.SkillIds;
        var skillLevels = position.SkillLevels;
        var skillCount = skillIds.Length;
        var certificateCount = position.Certificates.Count;
        var variant = (interests is null ? 2 : 0) + (goal == 1 ? 0 : 1);
        var keep = goal is 1 or OffRouteGoal;
        var kept = closers.Gaps;
        var perLanguage = (skillCount * GapLevels) + certificateCount;
        var keptBase = ((languageIndex * GapVariants) + variant) * perLanguage;

        Span<int> levels = skillCount <= 64 ? stackalloc int[skillCount] : new int[skillCount];
        var gapCount = 0;
        for (var item = 0; item < skillCount; item++)
        {
            var level = skillLevels[item];
            var has = student.Skills.TryGetValue(skillIds[item], out var l) ? l : 0;
            levels[item] = has;
            covered += Math.Min(has, level);
            if (has < level)
            {
                gapCount++;
            }
        }

        var holds = 0;
        for (var c = 0; c < certificateCount; c++)
        {
            if (held.Contains(position.Certificates[c]))
            {
                holds++;
            }
        }

        gapCount += certificateCount - holds;
        var gaps = gapCount == 0 ? [] : new PositionGap[gapCount];
        var next = 0;
        for (var item = 0; item < skillCount; item++)
        {
            var skill = skillIds[item];
            var level = skillLevels[item];
            var has = levels[item];
            if (has >= level)
            {
                continue;
            }

            var at = keep && has >= 0 && has < GapLevels ? keptBase + (item * GapLevels) + has : -1;
            var gap = at >= 0 ? Volatile.Read(ref kept[at]) : null;
            if (gap is null)
            {
                gap = new PositionGap
                {
                    Kind = "skill",
                    Id = skill,
                    Name = catalogue.Skills[skill].Name[language],
                    Level = has,
                    Needed = level,
                    Gain = skillWeight * (level - has) / needed,
                    ClosedBy = closers.Skills[languageIndex][item],
                    PositionName = position.Name[language],
                    ClosedByText = ClosedByText(closers.Skills[languageIndex][item], language),
                };
                if (at >= 0)
                {
                    Volatile.Write(ref kept[at], gap);
                }
            }

            gaps[next++] = gap;
        }

        for (var c = 0; c < certificateCount; c++)
        {
            var certificate = position.Certificates[c];
            if (held.Contains(certificate))
            {
                continue;
            }

            var at = keep ? keptBase + (skillCount * GapLevels) + c : -1;
            var gap = at >= 0 ? Volatile.Read(ref kept[at]) : null;
            if (gap is null)
            {
                gap = new PositionGap
                {
                    Kind = "certificate",
                    Id = certificate,
                    Name = catalogue.Certificates[certificate].Name[language],
                    Gain = certificateWeight / certificateCount,
                    ClosedBy = closers.Certificates[languageIndex][c],
                    PositionName = position.Name[language],
                    ClosedByText = ClosedByText(closers.Certificates[languageIndex][c], language),
                };
                if (at >= 0)
                {
                    Volatile.Write(ref kept[at], gap);
                }
            }

            gaps[next++] = gap;
        }

        var skills = needed == 0 ? 1 : (double)covered / needed;
        var certificates = position.Certificates.Count == 0 ? 1 : (double)holds / position.Certificates.Count;
        var score = (skillWeight * skills) + (certificateWeight * certificates) + (goal * InterestWeight * (interests ?? 0));
        SortByGain(gaps);

        return new PositionFit
        {
            PositionId = position.Id,
            Name = position.Name[language],
            Major = position.Major,
            Score = Math.Round(score, 4),
            Skills = Math.Round(skills, 4),
            Certificates = Math.Round(certificates, 4),
            Interests = interests is { } i ? Math.Round(i, 4) : null,
            Goal = goal,
            ChosenByStudent = student.TargetPositions.Contains(position.Id),
            Gaps = gaps.Length == 0 ? ReadOnlyCollection<PositionGap>.Empty : Array.AsReadOnly(gaps),
        };
    }

    /// <summary>
    /// What the <c>{closedBy}</c> placeholder says for a gap: up to two learning entries that close it
    /// (else the one that comes closest), quoted, or a plain fallback. Made with the gap, which is kept.
    /// </summary>
    private static string ClosedByText(ReadOnlyCollection<GapCloser> closers, string language)
    {
        var chinese = Planning.CareerPhases.IsChinese(language);
        var closing = closers.Where(c => c.Closes).Take(2).Select(c => c.Name).ToList();
        if (closing.Count == 0 && closers.Count > 0)
        {
            closing.Add(closers[0].Name);
        }

        return closing.Count == 0
            ? (chinese ? "自学与项目实践" : "self-study and project practice")
            : string.Join(chinese ? "、" : " or ", closing.Select(n => chinese ? $"“{n}”" : $"\"{n}\""));
    }

    /// <summary>The largest gain first, ties by id: an insertion sort, as a position has a handful of gaps.</summary>
    private static void SortByGain(PositionGap[] gaps)
    {
        for (var i = 1; i < gaps.Length; i++)
        {
            var gap = gaps[i];
            var j = i - 1;
            while (j >= 0 && Before(gap, gaps[j]))
            {
                gaps[j + 1] = gaps[j];
                j--;
            }

            gaps[j + 1] = gap;
        }

        static bool Before(PositionGap a, PositionGap b) => a.Gain > b.Gain || (a.Gain == b.Gain && string.CompareOrdinal(a.Id, b.Id) < 0);
    }

    /// <summary>
    /// Brown and Gore's (1994) C index: the i-th letters of the two codes are compared on Holland's
    /// hexagon (same letter 3, adjacent 2, alternate 1, opposite 0) and weighted 3, 2, 1; divided by
    /// the most the compared letters can score. Null when the student has no interests recorded.
    /// </summary>
    public static double? Congruence(string student, string position)
    {
        var compared = Math.Min(3, Math.Min(student.Length, position.Length));
        if (compared == 0)
        {
            return null;
        }

        var total = 0;
        var most = 0;
        for (var i = 0; i < compared; i++)
        {
            var weight = 3 - i;
            var a = Hexagon.IndexOf(char.ToUpperInvariant(student[i]), StringComparison.Ordinal);
            var b = Hexagon.IndexOf(char.ToUpperInvariant(position[i]), StringComparison.Ordinal);
            var distance = Math.Abs(a - b);
            distance = Math.Min(distance, 6 - distance);
            total += weight * (3 - distance);
            most += weight * 3;
        }

        return (double)total / most;
    }
}
