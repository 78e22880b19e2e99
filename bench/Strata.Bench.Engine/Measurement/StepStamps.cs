using System.Diagnostics;
using Strata.Bench.Engine.Graphs;
using Strata.Engine.Execution;

namespace Strata.Bench.Engine.Measurement;

/// <summary>
/// When each resource's step started and finished inside the engine (<see cref="IApplyObserver"/>), by graph index.
/// With the provider's stamps it splits a dispatch: the dependency's answer → its step finished (its outcome
/// journaled), → the dependent's step started (the scheduler), → the dependent's call (evaluation and its journal entry).
/// </summary>
public sealed class StepStamps(BenchGraph graph) : IApplyObserver
{
    public long[] StartedAt { get; } = new long[graph.Count];

    public long[] FinishedAt { get; } = new long[graph.Count];

    public void Ready(string logicalId)
    {
    }

    public void Started(string logicalId) => StartedAt[graph.IndexOf[logicalId]] = Stopwatch.GetTimestamp();

    public void Finished(string logicalId, bool succeeded) => FinishedAt[graph.IndexOf[logicalId]] = Stopwatch.GetTimestamp();
}
