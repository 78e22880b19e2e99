using System.Diagnostics;
using Strata.Bench.Report;

namespace Strata.Bench.Measurement;

/// <summary>
/// Strata on one (generated) template: the first run is reported as cold (JIT, specification load), then warm-up
/// runs until the JIT has settled (<see cref="WarmUp"/>), then <c>runs</c> timed runs of parse → validate → model →
/// dependency graph, reported as medians.
/// Run in its own process so that the peak working set belongs to this template alone.
/// </summary>
internal static class FileBenchmark
{
    public static FileRun Measure(string path, int runs, int warmups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;

        var cold = TemplatePipeline.Run(path, withGraph: true);
        var warmUpRuns = 1 + WarmUp.Run(() => TemplatePipeline.Run(path, withGraph: true), warmups, WarmUp.Default);

        var times = new List<PhaseTimes>();
        var allocated = new List<long>();
        PipelineOutcome last = cold;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            last = TemplatePipeline.Run(path, withGraph: true);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            times.Add(last.Times);
        }

        var tally = new FindingTally();
        tally.Add(last);
        self.Refresh();
        return new FileRun(
            path,
            new FileInfo(path).Length,
            runs,
            warmUpRuns,
            cold.Times.ParseAndValidate,
            cold.Times.Total,
            Stats.Median(times.Select(t => t.Parse)),
            Stats.Median(times.Select(t => t.Validate)),
            Stats.Median(times.Select(t => t.Model)),
            Stats.Median(times.Select(t => t.Graph)),
            Stats.Median(times.Select(t => t.ParseAndValidate)),
            Stats.Percentile(times.Select(t => t.ParseAndValidate), 90),
            Stats.Median(times.Select(t => t.CpuParseAndValidate)),
            Stats.Median(times.Select(t => t.Total)),
            Stats.Median(times.Select(t => t.CpuTotal)),
            Stats.Median(allocated),
            baseline,
            self.PeakWorkingSet64,
            last.Graph?.Nodes ?? 0,
            last.Graph?.Edges ?? 0,
            last.Graph?.Ordered ?? 0,
            tally.ToCounts());
    }
}
