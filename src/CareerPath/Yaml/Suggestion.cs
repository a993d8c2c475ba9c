namespace CareerPath.Yaml;

/// <summary>Finds the known word closest to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestion
{
    /// <summary>Returns " Did you mean 'x'?" for a close match, otherwise a list of what is allowed (when short).</summary>
    public static string Hint(string written, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var best = Closest(written, candidates);
        if (best is not null)
        {
            return $" Did you mean '{best}'?";
        }

        return candidates.Count <= 12 ? $" Allowed: {string.Join(", ", candidates)}." : string.Empty;
    }

    public static string? Closest(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;

        // Allow about one typo in four letters, at least one. The distance is at least the difference
        // in length, so far longer or shorter words are passed over without the quadratic comparison.
        var allowed = Math.Max(1, written.Length / 4);
        foreach (var candidate in known)
        {
            if (Math.Abs(candidate.Length - written.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(written.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
