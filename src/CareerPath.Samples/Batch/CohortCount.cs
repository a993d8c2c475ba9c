namespace CareerPath.Samples.Batch;

/// <summary>How many students share something (a skill gap, a missing certificate), with its name in the plans' language.</summary>
internal sealed record CohortCount(string Id, string Name, int Students);
