namespace CareerPath;

/// <summary>
/// What CareerPath derives about a student before rules run: where the student stands on the
/// pathway's timeline, graduation and employment, and helpers over skills and certificates.
/// Rule conditions see it as <c>facts</c>.
/// </summary>
/// <remarks>docs/rule-format.md lists every member with an example. Instances are immutable.</remarks>
public sealed class StudentFacts
{
    private readonly StudentProfile _student;

    internal StudentFacts(StudentProfile student)
    {
        _student = student;
        NextStage = string.Empty;
        CurrentPhase = string.Empty;
        ArticulatedMajor = string.Empty;
        MonthsSinceGraduation = -1;
    }

    /// <summary>1 in the first term of the programme; <see cref="TotalTerms"/> + 1 once graduated.</summary>
    public int ProgrammeTerm { get; internal init; }

    /// <summary>Terms from enrolment to graduation on the student's pathway.</summary>
    public int TotalTerms { get; internal init; }

    /// <summary>Terms left before graduation, counting the current one; 0 once graduated.</summary>
    public int TermsLeft { get; internal init; }

    /// <summary>1-based number of the student's stage on the pathway; <see cref="StageCount"/> + 1 once graduated.</summary>
    public int StageNumber { get; internal init; }

    /// <summary>How many stages the pathway has.</summary>
    public int StageCount { get; internal init; }

    /// <summary>Years in the current stage; 0 once graduated.</summary>
    public int StageYears { get; internal init; }

    /// <summary>The student is in the pathway's first stage.</summary>
    public bool IsFirstStage { get; internal init; }

    /// <summary>The student is in the pathway's last stage.</summary>
    public bool IsFinalStage { get; internal init; }

    /// <summary>The student is in the first year of the current stage.</summary>
    public bool IsFirstYearOfStage { get; internal init; }

    /// <summary>The student is in the last year of the current stage.</summary>
    public bool IsFinalYearOfStage { get; internal init; }

    /// <summary>The student is in the first term of the current stage (just entered a new school).</summary>
    public bool IsFirstTermOfStage { get; internal init; }

    /// <summary>The student is in the last term of the current stage.</summary>
    public bool IsFinalTermOfStage { get; internal init; }

    /// <summary>The id of the stage after the current one, or an empty string in the final stage.</summary>
    public string NextStage { get; internal init; }

    /// <summary>The student has finished the pathway (stage <c>graduated</c> or <c>graduate</c>).</summary>
    public bool IsGraduated { get; internal init; }

    /// <summary>Months since graduation, or -1 before graduation.</summary>
    public int MonthsSinceGraduation { get; internal init; }

    /// <summary>The graduate has a job.</summary>
    public bool IsEmployed { get; internal init; }

    /// <summary>The graduate's job is in the major.</summary>
    public bool IsEmployedInMajor { get; internal init; }

    /// <summary>The id of the current phase, for example <c>dedicated-study</c>.</summary>
    public string CurrentPhase { get; internal init; }

    /// <summary>The undergraduate major the student's major articulates to, or an empty string.</summary>
    public string ArticulatedMajor { get; internal init; }

    /// <summary>The best fit (0-1) among the student's target positions; 0 when the major has no positions.</summary>
    public double TargetFit { get; internal init; }

    /// <summary>How many skills are below what some target position needs.</summary>
    public int SkillGapCount => SkillGaps.Count;

    /// <summary>How many certificates some target position recommends that the student does not hold.</summary>
    public int CertificateGapCount => CertificateGaps.Count;

    /// <summary>For an employed graduate whose position is known: how well they fit it today (0-1); otherwise 0.</summary>
    public double JobFit { get; internal init; }

    /// <summary>
    /// For an employed graduate: the job's 1-based place among the positions ranked for the student
    /// (1 = the best fit); 0 when the job is not one of them or not known.
    /// </summary>
    public int JobRank { get; internal init; }

    /// <summary>How many skills are below what the graduate's job needs.</summary>
    public int JobSkillGapCount => JobSkillGaps.Count;

    /// <summary>Fit (0-1) of every position of the major, by position id.</summary>
    internal IReadOnlyList<PositionFit> Fits { get; init; } = [];

    /// <summary>The target positions' skill gaps, the largest gain first, one per skill.</summary>
    internal IReadOnlyList<PositionGap> SkillGaps { get; init; } = [];

    /// <summary>The target positions' certificate gaps, the largest gain first, one per certificate.</summary>
    internal IReadOnlyList<PositionGap> CertificateGaps { get; init; } = [];

    /// <summary>The skill gaps of the graduate's job, the largest gain first.</summary>
    internal IReadOnlyList<PositionGap> JobSkillGaps { get; init; } = [];

    /// <summary>The certificate gaps of the graduate's job, the largest gain first.</summary>
    internal IReadOnlyList<PositionGap> JobCertificateGaps { get; init; } = [];

    /// <summary>The items a <c>forEach</c> rule makes one step each for.</summary>
    internal IReadOnlyList<PositionGap> Items(string forEach) => forEach switch
    {
        "skill-gaps" => SkillGaps,
        "certificate-gaps" => CertificateGaps,
        "job-skill-gaps" => JobSkillGaps,
        _ => JobCertificateGaps,
    };

    /// <summary>How well the student fits a position of the major (0-1, docs/matching.md); 0 for a position of another major.</summary>
    /// <param name="positionId">A position id from the pack's catalogue.</param>
    /// <returns>The fit score.</returns>
    public double Fit(string positionId)
    {
        for (var i = 0; i < Fits.Count; i++)
        {
            if (string.Equals(Fits[i].PositionId, positionId, StringComparison.Ordinal))
            {
                return Fits[i].Score;
            }
        }

        return 0;
    }

    /// <summary>Whether the skill is below what one of the student's target positions needs.</summary>
    /// <param name="skillId">A skill id from the pack's catalogue.</param>
    /// <returns>True when it is a gap.</returns>
    public bool HasSkillGap(string skillId)
    {
        for (var i = 0; i < SkillGaps.Count; i++)
        {
            if (SkillGaps[i].Id == skillId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The student has named at least one target position.</summary>
    public bool HasTargetPositions => _student.TargetPositions.Count > 0;

    /// <summary>How many certificates the student holds.</summary>
    public int CertificateCount => _student.Certificates.Count;

    /// <summary>The student's level (0-5) in a skill; 0 when not recorded.</summary>
    /// <param name="skillId">A skill id from the pack's catalogue.</param>
    /// <returns>The level.</returns>
    public int SkillLevel(string skillId) => _student.Skills.TryGetValue(skillId, out var level) ? level : 0;

    /// <summary>Whether the student holds a certificate, or a higher level of it that <c>includes</c> it.</summary>
    /// <param name="certificateId">A certificate id from the pack's catalogue.</param>
    /// <returns>True when the student holds it.</returns>
    public bool HasCertificate(string certificateId) => HeldCertificates?.Contains(certificateId) ?? Contains(_student.Certificates, certificateId);

    /// <summary>The certificates the student holds with the lower levels they include, when any includes one; otherwise null.</summary>
    internal IReadOnlyCollection<string>? HeldCertificates { get; init; }

    /// <summary>Whether the student's RIASEC letters include <paramref name="letter"/>.</summary>
    /// <param name="letter">One of R, I, A, S, E, C.</param>
    /// <returns>True when it does.</returns>
    public bool HasInterest(string letter) =>
        letter.Length == 1 && _student.Interests.Contains(letter[0], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the student named this position as a target.</summary>
    /// <param name="positionId">A position id from the pack's catalogue.</param>
    /// <returns>True when it is one of the student's target positions.</returns>
    public bool IsTarget(string positionId) => Contains(_student.TargetPositions, positionId);

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
