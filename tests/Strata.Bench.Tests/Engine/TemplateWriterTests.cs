using Strata.Bench.Engine.Graphs;
using Strata.Bench.Measurement;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Bench.Tests.Engine;

public sealed class TemplateWriterTests
{
    [Theory]
    [InlineData(GraphShape.Wide)]
    [InlineData(GraphShape.Deep)]
    [InlineData(GraphShape.Mixed)]
    public void Yaml_GeneratedGraph_ParsesWithOneRefPerEdge(GraphShape shape)
    {
        var graph = GraphGenerator.Generate(shape, 120, seed: 42);

        var document = TemplateParser.ParseText(TemplateWriter.Yaml(graph), "graph.yaml");
        var template = TemplateModel.Build(document);

        Assert.False(document.HasErrors, string.Join("\n", document.Diagnostics));
        Assert.Equal(graph.Ids, template.Resources.Select(r => r.LogicalId));
        Assert.All(template.Resources, r => Assert.Equal(TemplateWriter.ResourceType, r.Type));
        // The validation bench's graph builder reads edges from the template's Refs: the same edges the graph has.
        var edges = ResourceGraph.Build(template);
        Assert.Equal(graph.EdgeCount, edges.Edges);
        Assert.Equal(graph.Count, edges.Ordered);
    }

    [Fact]
    public void Yaml_SmallGraph_JoinsTheDependenciesRefs()
    {
        var graph = new BenchGraph(GraphShape.Mixed, 3, ["R0000", "R0001", "R0002"], [[], [0], [0, 1]], [5, 5, 5]);

        var yaml = TemplateWriter.Yaml(graph);

        Assert.Contains("Description: Strata engine benchmark graph mixed-3 (seed 3)\n", yaml);
        Assert.Contains("  R0000:\n    Type: AWS::SSM::Parameter\n", yaml);
        Assert.Contains("      Value: root\n", yaml);
        Assert.Contains("      Value: !Join [\",\", [!Ref R0000, !Ref R0001]]\n", yaml);
        Assert.EndsWith("Outputs:\n  Last:\n    Value: !Ref R0002\n", yaml);
    }
}
