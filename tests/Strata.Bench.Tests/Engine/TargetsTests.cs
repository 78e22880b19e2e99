using Strata.Bench.Engine.Report;
using static Strata.Bench.Tests.Engine.EngineResultsSamples;

namespace Strata.Bench.Tests.Engine;

public sealed class TargetsTests
{
    [Fact]
    public void MedianUncapped_ThreeRuns_TheRunWithTheMiddleRatio()
    {
        var middle = Run("deep-500", 1040, 1000, 3);
        var group = Group("deep-500", 500, [Run("deep-500", 1100, 1000, 1), middle, Run("deep-500", 1020, 1000, 2)]);

        Assert.Same(middle, group.MedianUncapped);
        Assert.Equal([1.0, 3.0, 2.0], group.UncappedP99s);
        Assert.Equal(2.0, group.MedianP99);
    }

    [Theory]
    [InlineData(1050, true)]
    [InlineData(1051, false)]
    public void Evaluate_Makespan_MetUpToTheLimitInclusive(double makespanMs, bool met)
    {
        var results = Results([Group("wide-500", 500, [Run("wide-500", makespanMs, 1000, 1)])]);

        var verdict = Assert.Single(Targets.Evaluate(results));

        Assert.Contains("wide-500", verdict.Target);
        Assert.Equal((makespanMs / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), verdict.Measured);
        Assert.Equal(met, verdict.Met);
    }

    [Theory]
    [InlineData(9.0, 10.0, 30.0, true)]
    [InlineData(9.0, 10.5, 30.0, false)]
    public void Evaluate_DispatchLatency_JudgedOnTheMedianOfTheRepetitionsP99(double first, double second, double third, bool met)
    {
        var graph = $"mixed-{Targets.DispatchTargetResources}";
        var results = Results([Group(graph, Targets.DispatchTargetResources,
            [Run(graph, 1000, 1000, first), Run(graph, 1010, 1000, second), Run(graph, 1020, 1000, third)])]);

        var verdicts = Targets.Evaluate(results);

        Assert.Equal(2, verdicts.Count);
        var dispatch = verdicts[1];
        Assert.Contains($"p99, {graph}", dispatch.Target);
        Assert.Equal(met, dispatch.Met);
        Assert.Contains("bare walk (IWalkObserver): not run", dispatch.Note);
    }

    [Fact]
    public void Evaluate_NoPlanNoStateSmallGraphs_OnlyTheMakespanVerdicts()
    {
        var results = Results([
            Group("wide-500", 500, [Run("wide-500", 1000, 1000, 50)]),
            Group("deep-500", 500, [Run("deep-500", 2000, 1000, 50)]),
        ]);

        var verdicts = Targets.Evaluate(results);

        Assert.Equal([true, false], verdicts.Select(v => v.Met));
        Assert.All(verdicts, v => Assert.StartsWith("makespan", v.Target));
    }
}
