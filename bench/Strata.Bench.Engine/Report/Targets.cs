using System.Globalization;

namespace Strata.Bench.Engine.Report;

/// <summary>Issue 3's targets, judged on this run's numbers (the medians the tables show).</summary>
public static class Targets
{
    public const double MaxRatio = 1.05;
    public const double MaxDispatchP99Ms = 10;
    public const int DispatchTargetResources = 5000;
    public const double MaxPlanMs = 1000;
    public const double MaxStateBytesPerResource = 2048;

    public static IReadOnlyList<TargetVerdict> Evaluate(EngineResults results)
    {
        var verdicts = new List<TargetVerdict>();
        foreach (var group in results.Apply)
        {
            var run = group.MedianUncapped;
            verdicts.Add(new TargetVerdict(
                $"makespan ÷ critical path, {group.Graph}", $"≤ {F(MaxRatio, "0.00")}", F(run.Ratio, "0.000"), run.Ratio <= MaxRatio,
                $"observed-duration bound {F(run.ObservedRatio, "0.000")}; --max-parallel {results.Options.PeerMaxParallel}: {F(group.MedianCapped.Ratio, "0.000")}"));
        }
        foreach (var group in results.Apply.Where(g => g.Resources == DispatchTargetResources))
        {
            var p99 = group.MedianP99;
            var walk = results.Walk.FirstOrDefault(w => w.Graph == group.Graph);
            verdicts.Add(new TargetVerdict(
                $"dispatch latency p99, {group.Graph}", $"≤ {F(MaxDispatchP99Ms, "0")} ms", $"{F(p99, "0.0")} ms", p99 <= MaxDispatchP99Ms,
                $"median of the {group.Uncapped.Count} runs' p99s ({string.Join(", ", group.UncappedP99s.Select(v => F(v, "0.0")))} ms); engine: dependency done → dependent's provider call; " +
                $"bare walk (IWalkObserver): {(walk is null ? "not run" : F(walk.DispatchLatency.P99, "0.00") + " ms")}"));
        }
        if (results.Plan is { } plan)
        {
            foreach (var (name, timing) in new[] { ("empty", plan.AgainstEmpty), ("fully recorded", plan.AgainstRecorded) })
            {
                verdicts.Add(new TargetVerdict(
                    $"plan of {plan.Resources:N0} against {name} state", $"≤ {F(MaxPlanMs, "0")} ms", $"{F(timing.MedianMs, "0")} ms",
                    timing.MedianMs <= MaxPlanMs, $"warm median of {timing.Runs}; first call in the process {F(timing.FirstMs, "0")} ms"));
            }
        }
        if (results.State is { } state)
        {
            verdicts.Add(new TargetVerdict(
                "state memory per resource (managed heap)", "≤ 2 KB", $"{F(state.HeapBytesPerResource, "0")} B",
                state.HeapBytesPerResource <= MaxStateBytesPerResource, $"as loaded: {F(state.HeapBytesPerResourceLoaded, "0")} B; with the live-state index: {F(state.HeapBytesPerResourceWithLiveState, "0")} B"));
            verdicts.Add(new TargetVerdict(
                "state on disk per resource (SQLite resources table)", "≤ 2 KB", $"{F(state.ResourceTableBytesPerResource, "0")} B",
                state.ResourceTableBytesPerResource <= MaxStateBytesPerResource, $"whole state file incl. journal and events: {F(state.FileBytesPerResource, "0")} B"));
        }
        return verdicts;
    }

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
