namespace CareerPath;

/// <summary>The five phases of a full-course career plan, in the order a student meets them.</summary>
/// <remarks>Their stable ids in YAML and JSON are the kebab-case names, for example <c>professional-cognition</c>.</remarks>
public enum CareerPhase
{
    /// <summary>专业认知: what the major teaches and what graduates do; freshman orientation.</summary>
    ProfessionalCognition,

    /// <summary>职业细分: subdivide the major's positions, choose targets, set goals (person-position fit).</summary>
    PositionSegmentation,

    /// <summary>专注学业: courses, practice, certificates and projects toward the target position.</summary>
    DedicatedStudy,

    /// <summary>精准就业: graduation season; work in the major, or the transfer exam for students going on.</summary>
    PreciseEmployment,

    /// <summary>扎根职业: follow-up after graduation so the graduate builds a career.</summary>
    CareerRooting,
}
