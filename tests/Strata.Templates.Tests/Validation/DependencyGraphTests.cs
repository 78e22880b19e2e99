using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class DependencyGraphTests
{
    [Fact]
    public void FindCycles_LoopAndSelfLoop_ReturnsEachFromItsFirstNode()
    {
        var graph = Graph(("A", "B"), ("B", "C"), ("C", "A"), ("D", "D"), ("E", "A"));

        var cycles = graph.FindCycles();

        Assert.Equal(2, cycles.Count);
        Assert.Equal(["A", "B", "C", "A"], cycles[0]);
        Assert.Equal(["D", "D"], cycles[1]);
    }

    [Fact]
    public void FindCycles_AcyclicGraph_ReturnsNone()
    {
        Assert.Empty(Graph(("A", "B"), ("B", "C"), ("A", "C")).FindCycles());
    }

    [Fact]
    public void FindCycles_LongChain_DoesNotExhaustTheStack()
    {
        var graph = new DependencyGraph();
        const int length = 200_000;
        for (var i = 0; i < length; i++)
        {
            graph.AddNode("N" + i);
        }

        for (var i = 0; i < length - 1; i++)
        {
            graph.AddEdge("N" + i, "N" + (i + 1));
        }

        Assert.Empty(graph.FindCycles());
        graph.AddEdge("N" + (length - 1), "N0");
        Assert.Equal(length + 1, Assert.Single(graph.FindCycles()).Count);
    }

    [Fact]
    public void AddEdge_UnknownNode_IsIgnored()
    {
        var graph = Graph(("A", "B"));
        graph.AddEdge("A", "Nowhere");

        Assert.Empty(graph.FindCycles());
    }

    private static DependencyGraph Graph(params (string From, string To)[] edges)
    {
        var graph = new DependencyGraph();
        foreach (var (from, to) in edges)
        {
            graph.AddNode(from);
            graph.AddNode(to);
        }

        foreach (var (from, to) in edges)
        {
            graph.AddEdge(from, to);
        }

        return graph;
    }
}
