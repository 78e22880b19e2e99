using System.Diagnostics;
using Strata.Bench.Engine.Graphs;
using Strata.Engine.Walk;

namespace Strata.Bench.Engine.Measurement;

/// <summary>
/// The bare <see cref="DependencyWalk{TKey}"/> over a graph, each visit a timer of the resource's duration,
/// measured through <see cref="IWalkObserver"/>: ready (last dependency finished) to started (visit begins
/// on its thread). This isolates the scheduler from the engine's per-resource work (evaluation, journal,
/// SQLite), which <see cref="ApplyRun"/> includes.
/// </summary>
public sealed record WalkRunResult(string Graph, LoadAverage Load, double MakespanMs, double CriticalPathMs, double ObservedCriticalPathMs, Distribution DispatchLatency)
{
    public double Ratio => MakespanMs / CriticalPathMs;

    public double ObservedRatio => MakespanMs / ObservedCriticalPathMs;
}

public static class WalkRunner
{
    public static async Task<WalkRunResult> RunAsync(BenchGraph graph, LoadAverage load, CancellationToken cancellationToken)
    {
        var nodes = Enumerable.Range(0, graph.Count).ToList();
        var walk = new DependencyWalk<int>(nodes, i => graph.Dependencies[i]);
        var observer = new StampingObserver(graph.Count);
        var visitStarted = new long[graph.Count];
        var visitEnded = new long[graph.Count];
        using var timer = new Providers.PreciseTimer();
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        var result = await walk.RunAsync(async (i, token) =>
        {
            var begun = Stopwatch.GetTimestamp();
            visitStarted[i] = begun;
            visitEnded[i] = await timer.WaitUntilAsync(begun + graph.DurationsMs[i] * Stopwatch.Frequency / 1000, token).ConfigureAwait(false);
            return true;
        }, new WalkOptions { Observer = observer }, cancellationToken).ConfigureAwait(false);
        var ended = Stopwatch.GetTimestamp();
        if (!result.AllSucceeded)
        {
            throw new InvalidOperationException($"{graph.Name}: the bare walk did not visit every node");
        }

        var latencies = new List<double>(graph.Count);
        var observed = new double[graph.Count];
        for (var i = 0; i < graph.Count; i++)
        {
            observed[i] = Clock.Ms(visitStarted[i], visitEnded[i]);
            if (graph.Dependencies[i].Length > 0)
            {
                latencies.Add(Clock.Ms(observer.Ready[i], observer.Started[i]));
            }
        }
        return new WalkRunResult(graph.Name, load, Clock.Ms(started, ended), graph.NominalCriticalPath(), graph.CriticalPath(observed), Distribution.Of(latencies));
    }

    private sealed class StampingObserver(int count) : IWalkObserver
    {
        public long[] Ready { get; } = new long[count];

        public long[] Started { get; } = new long[count];

        public void NodeReady(int index) => Ready[index] = Stopwatch.GetTimestamp();

        public void NodeStarted(int index) => Started[index] = Stopwatch.GetTimestamp();

        public void NodeFinished(int index, NodeOutcome outcome)
        {
        }
    }
}
