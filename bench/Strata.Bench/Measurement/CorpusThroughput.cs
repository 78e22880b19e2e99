using System.Diagnostics;
using Strata.Bench.Report;

namespace Strata.Bench.Measurement;

/// <summary>
/// Strata's throughput over the whole corpus in one process: a first pass (reported as the cold pass: it includes
/// JIT compilation and loading the resource specification), more warm-up passes until the JIT has settled
/// (<see cref="WarmUp"/>), then <c>passes</c> timed passes that parse and validate every template from disk.
/// Throughput is taken from the median timed pass: the steady state of a long-running process.
/// </summary>
internal static class CorpusThroughput
{
    // Longer than for one template: a pass walks many distinct code paths, each of which has to settle.
    private static readonly TimeSpan CorpusWarmUp = TimeSpan.FromSeconds(5);

    public static CorpusRun Measure(IReadOnlyList<string> files, int passes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var bytes = files.Sum(f => new FileInfo(f).Length);

        var coldStart = Stopwatch.GetTimestamp();
        var tally = new FindingTally();
        foreach (var file in files)
        {
            tally.Add(TemplatePipeline.Run(file, withGraph: false));
        }

        var coldSeconds = Stopwatch.GetElapsedTime(coldStart).TotalSeconds;
        var warmUpPasses = 1 + WarmUp.Run(
            () =>
            {
                foreach (var file in files)
                {
                    TemplatePipeline.Run(file, withGraph: false);
                }
            },
            minimumRuns: 1,
            CorpusWarmUp);

        var passSeconds = new List<double>();
        var passCpu = new List<double>();
        var parseSeconds = new List<double>();
        var validateSeconds = new List<double>();
        var allocated = new List<long>();
        var gen0 = new List<long>();
        var gen1 = new List<long>();
        var gen2 = new List<long>();
        var pauses = new List<double>();
        var perFile = new double[files.Count];
        for (var pass = 0; pass < passes; pass++)
        {
            // Each pass starts from the same heap, so one pass does not pay for the garbage of the one before.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (c0, c1, c2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pauseBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            double parse = 0, validate = 0;
            var cpuStart = CpuClock.ProcessSeconds();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < files.Count; i++)
            {
                var outcome = TemplatePipeline.Run(files[i], withGraph: false);
                parse += outcome.Times.Parse;
                validate += outcome.Times.Validate;
                perFile[i] = pass == 0 ? outcome.Times.ParseAndValidate : Math.Min(perFile[i], outcome.Times.ParseAndValidate);
            }

            passSeconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            passCpu.Add(CpuClock.ProcessSeconds() - cpuStart);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            parseSeconds.Add(parse);
            validateSeconds.Add(validate);
            gen0.Add(GC.CollectionCount(0) - c0);
            gen1.Add(GC.CollectionCount(1) - c1);
            gen2.Add(GC.CollectionCount(2) - c2);
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
        }

        var median = Stats.Median(passSeconds);
        var slowest = perFile
            .Select((seconds, i) => new SlowTemplate(files[i], seconds))
            .OrderByDescending(s => s.Seconds)
            .Take(8)
            .ToList();
        using var self = Process.GetCurrentProcess();
        return new CorpusRun(
            files.Count,
            bytes,
            passes,
            warmUpPasses,
            coldSeconds,
            passSeconds,
            median,
            Stats.Median(passCpu),
            files.Count / median,
            bytes / median / 1e6,
            files.Count / coldSeconds,
            Stats.Median(parseSeconds),
            Stats.Median(validateSeconds),
            Stats.Median(allocated) / Math.Max(1, files.Count),
            new GcActivity((int)Stats.Median(gen0), (int)Stats.Median(gen1), (int)Stats.Median(gen2), Stats.Median(pauses)),
            self.PeakWorkingSet64,
            tally.ToCounts(),
            slowest);
    }
}
