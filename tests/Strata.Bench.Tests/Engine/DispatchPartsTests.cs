using System.Diagnostics;
using Strata.Bench.Engine.Graphs;
using Strata.Bench.Engine.Measurement;
using Strata.Bench.Engine.Report;

namespace Strata.Bench.Tests.Engine;

public sealed class DispatchPartsTests
{
    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000);

    [Fact]
    public void Of_StampsOfAJoin_SplitsFromTheDependencyThatFinishedLast()
    {
        // R2 waits for R0 and R1; R1's step finishes last, so its answer and finish are where R2's dispatch starts.
        var graph = new BenchGraph(GraphShape.Mixed, 1, ["R0", "R1", "R2"], [[], [], [0, 1]], [5, 5, 5]);
        var steps = new StepStamps(graph);
        steps.Started("R0"); steps.Started("R1"); steps.Started("R2"); steps.Finished("R0", true); steps.Finished("R1", true);
        steps.FinishedAt[0] = Ms(12);
        steps.FinishedAt[1] = Ms(20);
        steps.StartedAt[2] = Ms(23);
        long[] answered = [Ms(10), Ms(16), Ms(40)];
        long[] arrived = [Ms(1), Ms(1), Ms(30)];

        var parts = DispatchParts.Of(graph, answered, arrived, steps);

        Assert.Equal(1, parts.Outcome.Count);
        Assert.Equal(4, parts.Outcome.P50, 3);
        Assert.Equal(3, parts.Scheduler.P50, 3);
        Assert.Equal(7, parts.BeforeCall.P50, 3);
    }

    [Fact]
    public void Render_RunsWithSplitDispatches_ShowsTheSplitTable()
    {
        var run = EngineResultsSamples.Run("wide-500", 1040, 1000, 4) with
        {
            DispatchParts = new DispatchParts(
                new Distribution(1, 0.5, 1, 3, 3, 1), new Distribution(1, 0.01, 0.1, 0.2, 0.2, 0.1), new Distribution(1, 0.25, 1, 2.5, 2.5, 1)),
        };
        var results = EngineResultsSamples.Results([EngineResultsSamples.Group("wide-500", 500, [run])]);

        var markdown = MarkdownReport.Render(results);

        Assert.Contains("| wide-500 | 0.50 / 3.00 | 0.01 / 0.20 | 0.25 / 2.50 |", markdown);
    }

    [Fact]
    public void Render_RunsRecordedBeforeTheSplit_LeavesTheTableOut()
    {
        var results = EngineResultsSamples.Results([EngineResultsSamples.Group("wide-500", 500, [EngineResultsSamples.Run("wide-500", 1040, 1000, 4)])]);

        var markdown = MarkdownReport.Render(results);

        Assert.DoesNotContain("split at the engine's own step stamps", markdown);
    }
}
