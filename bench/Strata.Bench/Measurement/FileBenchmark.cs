using System.Diagnostics;
using Strata.Bench.Report;

namespace Strata.Bench.Measurement;

/// <summary>
/// Strata on one (generated) template: the first run is reported as cold (JIT, specification load), then warm-up
/// runs until the JIT has settled (<see cref="WarmUp"/>), then <c>runs</c> timed runs of parse → validate → model →
/// dependency graph, reported as medians; then validation alone on an already promoted tree, which separates
/// validation's own work from the garbage collections the fresh tree causes (see
/// <see cref="TemplatePipeline.ValidateSettledTree"/>). Run in its own process so that the peak working set belongs to this template alone.
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
        var collections = new List<(int Gen0, int Gen1, int Gen2, double Pause)>();
        PipelineOutcome last = cold;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var (c0, c1, c2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            last = TemplatePipeline.Run(path, withGraph: true);
            collections.Add((GC.CollectionCount(0) - c0, GC.CollectionCount(1) - c1, GC.CollectionCount(2) - c2, (GC.GetTotalPauseDuration() - pause).TotalSeconds));
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            times.Add(last.Times);
        }

        var settled = Enumerable.Range(0, runs).Select(_ => TemplatePipeline.ValidateSettledTree(path)).ToList();

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
            Stats.Median(settled),
            Stats.Median(times.Select(t => t.Model)),
            Stats.Median(times.Select(t => t.Graph)),
            Stats.Median(times.Select(t => t.ParseAndValidate)),
            Stats.Percentile(times.Select(t => t.ParseAndValidate), 90),
            Stats.Median(times.Select(t => t.CpuParseAndValidate)),
            Stats.Median(times.Select(t => t.Total)),
            Stats.Median(times.Select(t => t.CpuTotal)),
            Stats.Median(allocated),
            new GcActivity(
                (int)Stats.Median(collections.Select(c => (long)c.Gen0)),
                (int)Stats.Median(collections.Select(c => (long)c.Gen1)),
                (int)Stats.Median(collections.Select(c => (long)c.Gen2)),
                Stats.Median(collections.Select(c => c.Pause))),
            baseline,
            self.PeakWorkingSet64,
            last.Graph?.Nodes ?? 0,
            last.Graph?.Edges ?? 0,
            last.Graph?.Ordered ?? 0,
            tally.ToCounts());
    }
}
