using CareerPath.Catalogue;
using CareerPath.Yaml;

namespace CareerPath.Profiles;

/// <summary>
/// Checks a student record's values, on their own and against a pack's catalogue. One place for
/// these checks, whether the record came from a file (errors get lines) or from code.
/// </summary>
internal static class StudentProfileValidator
{
    public static readonly IReadOnlyList<string> Goals = ["employment", "further-study", "undecided"];

    public const int MaxYear = 10;

    /// <summary>
    /// Reports each problem as (field path, message). Messages never quote a value of the record (it is
    /// personal data): they name the field and what is allowed, and the caller says where it is. The
    /// field path of a skill holds its key (<c>skills.&lt;id&gt;</c>) for the caller to find it by.
    /// </summary>
    public static void Validate(StudentProfile student, PackCatalogue? catalogue, Action<string, string> report, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        if (string.IsNullOrWhiteSpace(student.Id))
        {
            report("id", "the student has no id; give the school's student id, for example id: \"2024-cnt-0012\".");
        }
        else if (student.Id.Length > limits.MaxStringLength)
        {
            report("id", $"the id is {student.Id.Length:N0} characters long; an id may have at most {limits.MaxStringLength:N0} {InputLimits.HowToRaise(nameof(InputLimits.MaxStringLength))}.");
        }

        if (HasNulls(student, report) || TooLong(student, limits, report))
        {
            return;
        }

        var afterPathway = Stages.IsAfterPathway(student.Stage);
        if (!Stages.StudentStages.Contains(student.Stage))
        {
            report("stage", $"this is not a stage.{Suggestion.Hint(student.Stage, Stages.StudentStages)}");
        }
        else if (afterPathway)
        {
            if (student.Year != 0)
            {
                report("year", "a student who has graduated has no year; remove 'year'.");
            }
        }
        else if (student.Year < 1 || student.Year > MaxYear)
        {
            report("year", $"year must be a whole number from 1 (the first year of the stage) to {MaxYear}.");
        }

        if (student.Term is not (1 or 2))
        {
            report("term", "term must be 1 or 2.");
        }

        if (!Goals.Contains(student.Goal))
        {
            report("goal", $"this is not a goal.{Suggestion.Hint(student.Goal, Goals)}");
        }

        ValidateInterests(student.Interests, report);

        if (student.Gpa is { } gpa && (double.IsNaN(gpa) || gpa < 0 || gpa > 4))
        {
            report("gpa", "gpa must be a number from 0 to 4.");
        }

        foreach (var (skill, level) in student.Skills)
        {
            if (level is < 0 or > 5)
            {
                report("skills." + skill, "a skill's level must be from 0 (none) to 5 (expert).");
            }
        }

        ValidateGraduation(student, report);

        if (catalogue is not null)
        {
            ValidateAgainst(student, catalogue, report);
        }
    }

    /// <summary>A record built in code can hold nulls where a file cannot; they are reported, not thrown.</summary>
    private static bool HasNulls(StudentProfile student, Action<string, string> report)
    {
        var found = false;
        void Null(object? value, string field, string fix)
        {
            if (value is null)
            {
                report(field, $"{field} is null; {fix}");
                found = true;
            }
        }

        Null(student.Major, "major", "give a major id from the rule pack's catalogue.");
        Null(student.Pathway, "pathway", "give a pathway id such as 2+3+2.");
        Null(student.Stage, "stage", "give a stage such as higher-vocational.");
        Null(student.Goal, "goal", "use employment, further-study or undecided.");
        Null(student.Interests, "interests", "use an empty string when the interests are not known.");
        Null(student.Skills, "skills", "use an empty dictionary when no skills are recorded.");
        Null(student.Certificates, "certificates", "use an empty list when the student holds none.");
        Null(student.TargetPositions, "targetPositions", "use an empty list when the student has none.");
        if (student.Certificates?.Any(c => c is null) == true || student.TargetPositions?.Any(t => t is null) == true)
        {
            report("certificates", "a list of ids holds a null; remove it.");
            found = true;
        }

        return found;
    }

    /// <summary>Lists and texts over the limits are reported once and not checked item by item, which would take time in proportion.</summary>
    private static bool TooLong(StudentProfile student, InputLimits limits, Action<string, string> report)
    {
        var found = false;
        void Count(int count, string field)
        {
            if (count > limits.MaxProfileItems)
            {
                report(field, $"'{field}' has {count:N0} items; a student may have at most {limits.MaxProfileItems:N0} {InputLimits.HowToRaise(nameof(InputLimits.MaxProfileItems))}.");
                found = true;
            }
        }

        void Length(string? text, string field)
        {
            if (text is not null && text.Length > limits.MaxStringLength)
            {
                report(field, $"'{field}' is {text.Length:N0} characters long; a text may have at most {limits.MaxStringLength:N0} {InputLimits.HowToRaise(nameof(InputLimits.MaxStringLength))}.");
                found = true;
            }
        }

        Count(student.Skills.Count, "skills");
        Count(student.Certificates.Count, "certificates");
        Count(student.TargetPositions.Count, "targetPositions");
        foreach (var (text, field) in new[] { (student.Major, "major"), (student.Pathway, "pathway"), (student.Stage, "stage"), (student.Goal, "goal"), (student.Interests, "interests"), (student.Graduation?.Position, "graduation.position") })
        {
            Length(text, field);
        }

        return found;
    }

    private static void ValidateInterests(string interests, Action<string, string> report)
    {
        foreach (var letter in interests)
        {
            if ("RIASEC".IndexOf(char.ToUpperInvariant(letter), StringComparison.Ordinal) < 0)
            {
                report("interests", $"interests are Holland RIASEC letters (R, I, A, S, E, C), strongest first, like \"RIC\"; this has another character.");
                return;
            }
        }

        if (interests.ToUpperInvariant().Distinct().Count() != interests.Length)
        {
            report("interests", "each RIASEC letter may appear once in interests.");
        }
    }

    private static void ValidateGraduation(StudentProfile student, Action<string, string> report)
    {
        if (student.Stage == Stages.Graduated && student.Graduation is null)
        {
            report("graduation", "a graduated student needs 'graduation: { monthsSince: 3, employed: true }' so that follow-up steps can be placed.");
        }
        else if (student.Graduation is not null && !Stages.IsAfterPathway(student.Stage))
        {
            report("graduation", "'graduation' is only for students whose stage is 'graduated' or 'graduate'; remove it, or correct the stage.");
        }

        if (student.Graduation is { MonthsSince: < 0 or > 600 })
        {
            report("graduation.monthsSince", $"monthsSince must be a whole number of months from 0 to 600.");
        }
    }

    private static void ValidateAgainst(StudentProfile student, PackCatalogue catalogue, Action<string, string> report)
    {
        catalogue.Majors.TryGetValue(student.Major, out var major);
        if (major is null)
        {
            report("major", $"this is not a major of this rule pack.{Suggestion.Hint(student.Major, catalogue.Majors.Keys)}");
        }

        if (!catalogue.Pathways.TryGetValue(student.Pathway, out var pathway))
        {
            report("pathway", $"this is not a pathway of this rule pack.{Suggestion.Hint(student.Pathway, catalogue.Pathways.Keys)}");
        }
        else
        {
            if (major is not null && !major.Pathways.Contains(pathway.Id))
            {
                report("pathway", major.Pathways.Count == 0
                    ? "the student's major is offered on no pathway in this rule pack: it is a feeder or undergraduate major; give the major of the programme the student enrolled in."
                    : $"the student's major is not offered on this pathway in this rule pack (it is offered on: {string.Join(", ", major.Pathways)}).");
            }

            var stage = pathway.FindStage(student.Stage);
            if (stage is null && !Stages.IsAfterPathway(student.Stage) && Stages.StudentStages.Contains(student.Stage))
            {
                report("stage", $"the student's pathway has no such stage; its stages are {string.Join(", ", pathway.Stages.Select(s => s.Stage))}, then 'graduated'.");
            }
            else if (stage is not null && student.Year > stage.Years && student.Year <= MaxYear)
            {
                report("year", $"this stage of the student's pathway lasts {stage.Years} years, so year must be from 1 to {stage.Years}.");
            }
        }

        foreach (var skill in student.Skills.Keys)
        {
            if (!catalogue.Skills.ContainsKey(skill))
            {
                report("skills." + skill, $"this is not a skill of this rule pack.{Suggestion.Hint(skill, catalogue.Skills.Keys)}");
            }
        }

        CheckIds(student.Certificates, "certificates", "certificate", catalogue.Certificates.Keys, report);
        CheckIds(student.TargetPositions, "targetPositions", "position", catalogue.Positions.Keys, report);
        if (major is not null)
        {
            CheckTargetMajors(student.TargetPositions, major, catalogue, report);
        }

        if (student.Graduation?.Position is { } position && !catalogue.Positions.ContainsKey(position))
        {
            report("graduation.position", $"this is not a position of this rule pack.{Suggestion.Hint(position, catalogue.Positions.Keys)}");
        }
    }

    /// <summary>A target must be a position of the student's major or of the undergraduate major it leads to.</summary>
    private static void CheckTargetMajors(IReadOnlyList<string> targets, Major major, PackCatalogue catalogue, Action<string, string> report)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (catalogue.Positions.TryGetValue(targets[i], out var position) && position.Major != major.Id && position.Major != major.ArticulatesTo)
            {
                var open = catalogue.Positions.Values.Where(p => p.Major == major.Id || p.Major == major.ArticulatesTo).Select(p => p.Id).Order(StringComparer.Ordinal);
                report($"targetPositions[{i}]",
                    $"this is a position of another major, not of the student's; choose one of: {string.Join(", ", open)}.");
            }
        }
    }

    private static void CheckIds(IReadOnlyList<string> ids, string field, string kind, IEnumerable<string> known, Action<string, string> report)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                report($"{field}[{i}]", $"this is not a {kind} of this rule pack.{Suggestion.Hint(ids[i], known)}");
            }
        }
    }
}
