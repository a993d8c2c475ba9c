using CareerPath.Catalogue;
using CareerPath.Planning;

namespace CareerPath.Facts;

/// <summary>Derives <see cref="StudentFacts"/>: where a student stands on the pathway's timeline, and graduation.</summary>
internal static class FactsBuilder
{
    /// <summary>Shared by every student without gaps; only ever read.</summary>
    private static readonly List<PositionGap> NoGaps = [];

    /// <summary>Builds the facts; <paramref name="now"/> is the student's timeline index.</summary>
    /// <param name="positions">Every position of the major ranked by fit, from <c>PositionMatcher.Rank</c>.</param>
    /// <param name="targets">The student's targets among them, from <see cref="Matching.PositionMatcher.Targets"/>.</param>
    /// <param name="job">An employed graduate's job, from <see cref="Matching.PositionMatcher.Job"/>.</param>
    /// <param name="held">The certificates the student is taken to hold (<see cref="PackCatalogue.Holding"/>); worked out when null.</param>
    public static StudentFacts Build(
        StudentProfile student, Pathway pathway, PackCatalogue catalogue, IReadOnlyList<PositionFit> positions, IReadOnlyList<PositionFit> targets, PlanJob? job, out int now,
        IReadOnlyCollection<string>? held = null)
    {
        held ??= catalogue.Holding(student.Certificates);
        var targetFit = 0.0;
        for (var i = 0; i < targets.Count; i++)
        {
            targetFit = i == 0 ? targets[i].Score : Math.Max(targetFit, targets[i].Score);
        }

        var jobGaps = job?.Fit?.Gaps;
        var fitFacts = new FitFacts(
            targetFit,
            positions,
            Gaps(targets, "skill"),
            Gaps(targets, "certificate"),
            job,
            jobGaps is null ? [] : [.. jobGaps.Where(g => g.Kind == "skill")],
            jobGaps is null ? [] : [.. jobGaps.Where(g => g.Kind == "certificate")]);
        return Build(student, pathway, catalogue, fitFacts, ReferenceEquals(held, student.Certificates) ? null : held, out now);
    }

    /// <summary>One gap per skill or certificate over all targets: the largest need, then the largest gain first.</summary>
    private static List<PositionGap> Gaps(IReadOnlyList<PositionFit> targets, string kind)
    {
        List<PositionGap>? best = null;
        foreach (var target in targets)
        {
            var gaps = target.Gaps;
            for (var g = 0; g < gaps.Count; g++)
            {
                var gap = gaps[g];
                if (!ReferenceEquals(gap.Kind, kind) && gap.Kind != kind)
                {
                    continue;
                }

                best ??= new List<PositionGap>(gaps.Count);
                var seen = IndexOf(best, gap.Id);
                if (seen < 0)
                {
                    best.Add(gap);
                }
                else if ((gap.Needed ?? 0) > (best[seen].Needed ?? 0) || gap.Gain > best[seen].Gain)
                {
                    best[seen] = gap;
                }
            }
        }

        if (best is null)
        {
            return NoGaps;
        }

        best.Sort(static (a, b) =>
        {
            var byGain = b.Gain.CompareTo(a.Gain);
            return byGain != 0 ? byGain : string.CompareOrdinal(a.Id, b.Id);
        });
        return best;
    }

    private static int IndexOf(List<PositionGap> gaps, string id)
    {
        for (var i = 0; i < gaps.Count; i++)
        {
            if (string.Equals(gaps[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static StudentFacts Build(StudentProfile student, Pathway pathway, PackCatalogue catalogue, FitFacts fit, IReadOnlyCollection<string>? held, out int now)
    {
        catalogue.Majors.TryGetValue(student.Major, out var major);
        var articulated = major?.ArticulatesTo ?? string.Empty;
        var stageIndex = -1;
        for (var i = 0; i < pathway.Stages.Count; i++)
        {
            if (pathway.Stages[i].Stage == student.Stage)
            {
                stageIndex = i;
            }
        }

        if (stageIndex < 0)
        {
            var graduation = student.Graduation;
            var months = graduation?.MonthsSince ?? 0;
            now = pathway.FollowUpSlot(months);
            return new StudentFacts(student)
            {
                HeldCertificates = held,
                ProgrammeTerm = pathway.TotalTerms + 1,
                TotalTerms = pathway.TotalTerms,
                TermsLeft = 0,
                StageNumber = pathway.Stages.Count + 1,
                StageCount = pathway.Stages.Count,
                StageYears = 0,
                NextStage = string.Empty,
                IsGraduated = true,
                MonthsSinceGraduation = months,
                IsEmployed = graduation?.Employed ?? false,
                IsEmployedInMajor = fit.Job?.InMajor ?? false,
                CurrentPhase = pathway.PhaseAt(now).Id(),
                ArticulatedMajor = articulated,
                TargetFit = fit.TargetFit,
                JobFit = fit.Job?.Fit?.Score ?? 0,
                JobRank = fit.Job?.Rank ?? 0,
                Fits = fit.Fits,
                SkillGaps = fit.SkillGaps,
                CertificateGaps = fit.CertificateGaps,
                JobSkillGaps = fit.JobSkillGaps,
                JobCertificateGaps = fit.JobCertificateGaps,
            };
        }

        var stage = pathway.Stages[stageIndex];
        var term = Math.Clamp(student.Term, 1, 2);
        now = stage.FirstTerm + ((student.Year - 1) * 2) + (term - 1);
        return new StudentFacts(student)
        {
            HeldCertificates = held,
            ProgrammeTerm = now + 1,
            TotalTerms = pathway.TotalTerms,
            TermsLeft = pathway.TotalTerms - now,
            StageNumber = stageIndex + 1,
            StageCount = pathway.Stages.Count,
            StageYears = stage.Years,
            IsFirstStage = stageIndex == 0,
            IsFinalStage = stageIndex == pathway.Stages.Count - 1,
            IsFirstYearOfStage = student.Year == 1,
            IsFinalYearOfStage = student.Year == stage.Years,
            IsFirstTermOfStage = student.Year == 1 && term == 1,
            IsFinalTermOfStage = student.Year == stage.Years && term == 2,
            NextStage = stageIndex + 1 < pathway.Stages.Count ? pathway.Stages[stageIndex + 1].Stage : string.Empty,
            IsGraduated = false,
            MonthsSinceGraduation = -1,
            CurrentPhase = pathway.PhaseAt(now).Id(),
            ArticulatedMajor = articulated,
            TargetFit = fit.TargetFit,
            Fits = fit.Fits,
            SkillGaps = fit.SkillGaps,
            CertificateGaps = fit.CertificateGaps,
        };
    }

    /// <summary>What the position ranking tells the rules.</summary>
    private sealed record FitFacts(
        double TargetFit,
        IReadOnlyList<PositionFit> Fits,
        IReadOnlyList<PositionGap> SkillGaps,
        IReadOnlyList<PositionGap> CertificateGaps,
        PlanJob? Job,
        IReadOnlyList<PositionGap> JobSkillGaps,
        IReadOnlyList<PositionGap> JobCertificateGaps);
}
