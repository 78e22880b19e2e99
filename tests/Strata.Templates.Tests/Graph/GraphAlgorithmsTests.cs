using Strata.Templates.Graph;

namespace Strata.Templates.Tests.Graph;

public sealed class GraphAlgorithmsTests
{
    private static IReadOnlyList<int>[] Deps(params int[][] edges) => edges.Select(e => (IReadOnlyList<int>)e).ToArray();

    [Fact]
    public void TopologicalOrder_Diamond_KeepsIndexOrderAmongReady() =>
        Assert.Equal([3, 1, 2, 0], GraphAlgorithms.TopologicalOrder(Deps([1, 2], [3], [3], [])));

    [Fact]
    public void TopologicalOrder_Cycle_LeavesCycleOut() =>
        Assert.Equal([2], GraphAlgorithms.TopologicalOrder(Deps([1], [0], [])));

    [Fact]
    public void FindCycles_ShortestCycleThroughLowestNode()
    {
        // 0 -> 1 -> 2 -> 0 and 0 -> 3 -> 4 -> 1: the shortest way back to 0 goes through 1 and 2.
        var cycles = GraphAlgorithms.FindCycles(Deps([3, 1], [2], [0], [4], [1]));
        Assert.Equal([0, 1, 2, 0], Assert.Single(cycles));
    }

    [Fact]
    public void FindCycles_Acyclic_FindsNone() =>
        Assert.Empty(GraphAlgorithms.FindCycles(Deps([1, 2], [2], [])));
}
