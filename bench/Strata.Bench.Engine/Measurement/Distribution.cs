namespace Strata.Bench.Engine.Measurement;

/// <summary>p50 / p90 / p99 / max of a sample, in milliseconds.</summary>
public sealed record Distribution(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static Distribution Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Distribution(0, 0, 0, 0, 0, 0);
        }
        var sorted = values.Order().ToArray();
        return new Distribution(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the sample at or below it.</summary>
    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
