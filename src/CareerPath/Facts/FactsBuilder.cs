using CareerPath.Catalogue;
using CareerPath.Planning;

namespace CareerPath.Facts;

/// <summary>Derives <see cref="StudentFacts"/>: where a student stands on the pathway's timeline, and graduation.</summary>
internal static class FactsBuilder
{
    /// <summary>Builds the facts; <paramref name="now"/> is the student's timeline index.</summary>
    public static StudentFacts Build(StudentProfile student, Pathway pathway, PackCatalogue catalogue, out int now)
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
            var inMajor = graduation is { Employed: true } &&
                (graduation.InMajor ?? (graduation.Position is { } position && catalogue.Positions.TryGetValue(position, out var job) && job.Major == student.Major));
            return new StudentFacts(student)
            {
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
                IsEmployedInMajor = inMajor,
                CurrentPhase = pathway.PhaseAt(now).Id(),
                ArticulatedMajor = articulated,
            };
        }

        var stage = pathway.Stages[stageIndex];
        var term = Math.Clamp(student.Term, 1, 2);
        now = stage.FirstTerm + ((student.Year - 1) * 2) + (term - 1);
        return new StudentFacts(student)
        {
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
        };
    }
}
