using System.Diagnostics;

namespace Strata.Bench.Engine.Measurement;

/// <summary><see cref="Stopwatch"/> timestamps to milliseconds, medians, and the process's CPU time.</summary>
public static class Clock
{
    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
