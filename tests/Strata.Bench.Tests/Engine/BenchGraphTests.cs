using Strata.Bench.Engine.Graphs;

namespace Strata.Bench.Tests.Engine;

public sealed class BenchGraphTests
{
    /// <summary>A diamond: R0 → R1 and R2 → R3, with R2 the slow side.</summary>
    private static BenchGraph Diamond() =>
        new(GraphShape.Mixed, 1, ["R0", "R1", "R2", "R3"], [[], [0], [0], [1, 2]], [10, 5, 20, 1]);

    [Fact]
    public void Constructor_DependencyOnALaterNode_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new BenchGraph(GraphShape.Mixed, 1, ["A", "B"], [[1], []], [5, 5]));

        Assert.Contains("A depends on a later node", error.Message);
    }

    [Fact]
    public void NominalCriticalPath_Diamond_FollowsTheSlowerBranch()
    {
        Assert.Equal(10 + 20 + 1, Diamond().NominalCriticalPath());
    }

    [Fact]
    public void CriticalPath_OtherDurations_UsesThoseInstead()
    {
        // What the provider really took: now the R1 branch is the slower one.
        Assert.Equal(10.5 + 30 + 2, Diamond().CriticalPath([10.5, 30, 4, 2]));
    }

    [Fact]
    public void Measures_Diamond_DepthEdgesWorkAndName()
    {
        var graph = Diamond();

        Assert.Equal(3, graph.Depth());
        Assert.Equal(4, graph.EdgeCount);
        Assert.Equal(36, graph.TotalWork());
        Assert.Equal("mixed-4", graph.Name);
        Assert.Equal(2, graph.IndexOf["R2"]);
    }

    [Fact]
    public void NominalCriticalPath_DeepGraph_LongestChainSum()
    {
        var graph = GraphGenerator.Generate(GraphShape.Deep, 500, seed: 42);

        // Chain c holds the nodes c, c + 20, c + 40, ...: the bound is the slowest chain's total.
        var slowestChain = Enumerable.Range(0, GraphGenerator.DeepChains)
            .Max(c => Enumerable.Range(0, graph.Count).Where(i => i % GraphGenerator.DeepChains == c).Sum(i => graph.DurationsMs[i]));
        Assert.Equal(slowestChain, graph.NominalCriticalPath());
    }

    [Fact]
    public void NominalCriticalPath_WideGraph_RootPlusSlowestChain()
    {
        var graph = GraphGenerator.Generate(GraphShape.Wide, 500, seed: 42);

        var slowestChain = Enumerable.Range(1, graph.Count - 1)
            .GroupBy(i => (i - 1) / GraphGenerator.WideChainLength)
            .Max(chain => chain.Sum(i => graph.DurationsMs[i]));
        Assert.Equal(graph.DurationsMs[0] + slowestChain, graph.NominalCriticalPath());
    }
}
