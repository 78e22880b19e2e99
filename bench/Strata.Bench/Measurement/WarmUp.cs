using System.Diagnostics;

namespace Strata.Bench.Measurement;

/// <summary>
/// Runs a body until the JIT has settled before anything is timed. .NET compiles a method quickly first and
/// recompiles it optimized (with profile data) only after it has been called often and a short delay has passed,
/// so a fixed, small number of warm-up runs leaves short templates measured on unoptimized code and long ones on
/// optimized code — which would bend every growth curve. Warming for a minimum time avoids that.
/// </summary>
internal static class WarmUp
{
    /// <summary>Long enough for tier-1 recompilation of the hot paths (call counting starts after 100 ms of quiet).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(3);

    /// <returns>How many warm-up runs were made.</returns>
    public static int Run(Action body, int minimumRuns, TimeSpan minimumTime, int maximumRuns = 10_000)
    {
        var start = Stopwatch.GetTimestamp();
        var runs = 0;
        while (runs < maximumRuns && (runs < minimumRuns || Stopwatch.GetElapsedTime(start) < minimumTime))
        {
            body();
            runs++;
        }

        return runs;
    }
}
