using CareerPath.Planning;

namespace CareerPath.Catalogue;

/// <summary>A sequence of stages with its timeline, where each phase starts, and follow-up points.</summary>
internal sealed class Pathway
{
    public Pathway(string id, LocalizedText name, IReadOnlyList<PathwayStage> stages, IReadOnlyList<int> followUpMonths, LocalizedText? transfer = null)
    {
        Transfer = transfer;
        Id = id;
        Name = name;
        Stages = stages;
        FollowUpMonths = followUpMonths;
        TotalTerms = stages.Sum(stage => stage.Terms);
        PhaseStarts = new int[CareerPhases.Count];
    }

    public string Id { get; }

    /// <summary>
    /// The pathway's own word on moving on, used where a major's transfer text does not fit: a
    /// stage change the majors do not describe (3+4: secondary vocational straight to university),
    /// or the route after the final stage (open education's bachelor's programmes).
    /// </summary>
    public LocalizedText? Transfer { get; }

    public LocalizedText Name { get; }

    public IReadOnlyList<PathwayStage> Stages { get; }

    /// <summary>Months after graduation at which graduates are followed up, ascending.</summary>
    public IReadOnlyList<int> FollowUpMonths { get; }

    public int TotalTerms { get; }

    /// <summary>Timeline index where each phase starts, in phase order; set once while the pack loads.</summary>
    public int[] PhaseStarts { get; }

    public PathwayStage? FindStage(string stage)
    {
        foreach (var candidate in Stages)
        {
            if (candidate.Stage == stage)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The timeline slot for a point <paramref name="months"/> after graduation.</summary>
    public int FollowUpSlot(int months)
    {
        var slot = TotalTerms;
        foreach (var followUp in FollowUpMonths)
        {
            if (followUp <= months)
            {
                slot++;
            }
        }

        return slot;
    }

    /// <summary>The months after graduation a timeline slot stands for.</summary>
    public int MonthsAtSlot(int index) => index <= TotalTerms ? 0 : FollowUpMonths[Math.Min(index - TotalTerms, FollowUpMonths.Count) - 1];

    /// <summary>The phase whose window holds the timeline index.</summary>
    public CareerPhase PhaseAt(int index)
    {
        var phase = CareerPhase.ProfessionalCognition;
        for (var i = 0; i < PhaseStarts.Length; i++)
        {
            if (PhaseStarts[i] <= index)
            {
                phase = (CareerPhase)i;
            }
        }

        return phase;
    }
}
