using Strata.Bench.Engine.Graphs;

namespace Strata.Bench.Engine.Measurement;

/// <summary>
/// A dispatch split in three (ms, resources with dependencies, from the dependency that finished last): its outcome
/// being journaled (provider answer → its step finished), the scheduler (→ the dependent's step started), and the
/// dependent's evaluation and journal entry (→ its provider call).
/// </summary>
public sealed record DispatchParts(Distribution Outcome, Distribution Scheduler, Distribution BeforeCall)
{
    /// <param name="answered">When each resource's provider call was answered (Stopwatch ticks, by graph index).</param>
    /// <param name="arrived">When each resource's provider call arrived.</param>
    public static DispatchParts Of(BenchGraph graph, IReadOnlyList<long> answered, IReadOnlyList<long> arrived, StepStamps steps)
    {
        var outcome = new List<double>(graph.Count);
        var scheduler = new List<double>(graph.Count);
        var beforeCall = new List<double>(graph.Count);
        for (var i = 0; i < graph.Count; i++)
        {
            if (graph.Dependencies[i].Length == 0)
            {
                continue;
            }
            var last = graph.Dependencies[i].MaxBy(d => steps.FinishedAt[d]);
            outcome.Add(Clock.Ms(answered[last], steps.FinishedAt[last]));
            scheduler.Add(Clock.Ms(steps.FinishedAt[last], steps.StartedAt[i]));
            beforeCall.Add(Clock.Ms(steps.StartedAt[i], arrived[i]));
        }
        return new DispatchParts(Distribution.Of(outcome), Distribution.Of(scheduler), Distribution.Of(beforeCall));
    }
}
