namespace CareerPath.Catalogue;

/// <param name="FirstTerm">0-based index on the pathway timeline of the stage's first term.</param>
internal sealed record PathwayStage(string Stage, int Years, int FirstTerm)
{
    public int Terms => Years * 2;
}
