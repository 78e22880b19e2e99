using Strata.Bench.Engine.Graphs;

namespace Strata.Bench.Tests.Engine;

public sealed class GraphGeneratorTests
{
    [Theory]
    [InlineData(GraphShape.Wide)]
    [InlineData(GraphShape.Deep)]
    [InlineData(GraphShape.Mixed)]
    public void Generate_SameSeed_SameGraph(GraphShape shape)
    {
        var first = GraphGenerator.Generate(shape, 500, seed: 42);
        var second = GraphGenerator.Generate(shape, 500, seed: 42);

        Assert.Equal(first.Ids, second.Ids);
        Assert.Equal(first.Dependencies, second.Dependencies);
        Assert.Equal(first.DurationsMs, second.DurationsMs);
    }

    [Fact]
    public void Generate_OtherSeed_OtherDurationsAndMixedEdges()
    {
        var first = GraphGenerator.Generate(GraphShape.Mixed, 500, seed: 42);
        var second = GraphGenerator.Generate(GraphShape.Mixed, 500, seed: 43);

        Assert.NotEqual(first.DurationsMs, second.DurationsMs);
        Assert.NotEqual(first.Dependencies, second.Dependencies);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(5000)]
    public void Generate_Wide_OneRootAndChainsOfFour(int count)
    {
        var graph = GraphGenerator.Generate(GraphShape.Wide, count, seed: 42);

        Assert.Empty(graph.Dependencies[0]);
        var chainHeads = Enumerable.Range(1, count - 1).Where(i => graph.Dependencies[i].SequenceEqual([0])).ToList();
        Assert.Equal((count - 1 + GraphGenerator.WideChainLength - 1) / GraphGenerator.WideChainLength, chainHeads.Count);
        foreach (var head in chainHeads)
        {
            // Each chain: the head, then each next node depending on the one before, WideChainLength in all.
            var length = 1;
            for (var next = head + 1; next < count && graph.Dependencies[next].SequenceEqual([next - 1]); next++)
            {
                length++;
            }
            Assert.Equal(Math.Min(GraphGenerator.WideChainLength, count - head), length);
        }
        Assert.Equal(count - 1, graph.EdgeCount);
        Assert.Equal(1 + GraphGenerator.WideChainLength, graph.Depth());
    }

    [Theory]
    [InlineData(500, 25)]
    [InlineData(5000, 250)]
    public void Generate_Deep_TwentyIndependentChains(int count, int chainLength)
    {
        var graph = GraphGenerator.Generate(GraphShape.Deep, count, seed: 42);

        var roots = Enumerable.Range(0, count).Where(i => graph.Dependencies[i].Length == 0).ToList();
        Assert.Equal(GraphGenerator.DeepChains, roots.Count);
        for (var i = GraphGenerator.DeepChains; i < count; i++)
        {
            Assert.Equal([i - GraphGenerator.DeepChains], graph.Dependencies[i]);
        }
        Assert.Equal(chainLength, graph.Depth());
        Assert.Equal(count - GraphGenerator.DeepChains, graph.EdgeCount);
    }

    [Fact]
    public void Generate_Mixed_DependsOnlyOnUpToThreeRecentEarlierNodes()
    {
        var graph = GraphGenerator.Generate(GraphShape.Mixed, 5000, seed: 42);

        for (var i = 0; i < graph.Count; i++)
        {
            var dependencies = graph.Dependencies[i];
            Assert.InRange(dependencies.Length, 0, 3);
            Assert.Equal(dependencies.Length, dependencies.Distinct().Count());
            Assert.All(dependencies, d => Assert.InRange(d, Math.Max(0, i - GraphGenerator.MixedWindow), i - 1));
        }
        // About MixedRootShare of the nodes start anew; a seeded draw, so a loose band, not an exact count.
        var roots = graph.Dependencies.Count(d => d.Length == 0);
        Assert.InRange(roots, graph.Count * GraphGenerator.MixedRootShare / 2, graph.Count * GraphGenerator.MixedRootShare * 2);
    }

    [Theory]
    [InlineData(GraphShape.Wide)]
    [InlineData(GraphShape.Deep)]
    [InlineData(GraphShape.Mixed)]
    public void Generate_Durations_DrawnFromTheRange(GraphShape shape)
    {
        var defaults = GraphGenerator.Generate(shape, 500, seed: 1);
        var narrow = GraphGenerator.Generate(shape, 500, seed: 1, minDurationMs: 7, maxDurationMs: 9);

        Assert.All(defaults.DurationsMs, d => Assert.InRange(d, GraphGenerator.MinDurationMs, GraphGenerator.MaxDurationMs));
        Assert.All(narrow.DurationsMs, d => Assert.InRange(d, 7, 9));
        Assert.Equal([7, 8, 9], narrow.DurationsMs.Distinct().Order());
    }

    [Theory]
    [InlineData(500, "R0000", "R0499")]
    [InlineData(20_000, "R00000", "R19999")]
    public void Generate_Ids_PaddedSoTheySortInOrder(int count, string first, string last)
    {
        var graph = GraphGenerator.Generate(GraphShape.Deep, count, seed: 42);

        Assert.Equal(first, graph.Ids[0]);
        Assert.Equal(last, graph.Ids[^1]);
        Assert.Equal(graph.Ids, graph.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(count - 1, graph.IndexOf[last]);
    }

    [Fact]
    public void Generate_FewerThanTwoResources_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphGenerator.Generate(GraphShape.Wide, 1, seed: 42));
    }
}
