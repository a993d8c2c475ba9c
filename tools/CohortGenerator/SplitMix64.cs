namespace CareerPath.CohortGenerator;

/// <summary>
/// A small seeded random number generator (SplitMix64). Written out here rather than
/// <see cref="Random"/>, whose seeded sequence .NET does not promise to keep between versions:
/// the same seed must make the same samples/cohort.csv on every machine.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>A whole number from 0 to <paramref name="count"/> - 1.</summary>
    public int Next(int count) => (int)(NextBits() % (ulong)count);

    /// <summary>A number from 0 (included) to 1 (excluded).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private ulong NextBits()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
