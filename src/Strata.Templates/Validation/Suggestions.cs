namespace Strata.Templates.Validation;

/// <summary>"Did you mean …?" for names that are almost right: a different case, or a typo or two.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="name"/>, when close enough to be a likely typo; else null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = Math.Max(1, name.Length / 4);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (Math.Abs(candidate.Length - name.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(name, candidate, allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" (did you mean 'X'?)", or empty when nothing is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    // Case-insensitive Levenshtein distance, giving up once every path exceeds the limit.
    private static int Distance(string a, string b, int limit)
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
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return rowMinimum;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
