using System.Text;

namespace Strata.Bench.Engine.Graphs;

/// <summary>
/// Writes a graph as a YAML template. Every resource is an <c>AWS::SSM::Parameter</c> of typical size (five
/// properties, two tags) whose value joins the <c>Ref</c>s of its dependencies, so edges are real template
/// references that the engine resolves from the dependencies' created models, as it would in production.
/// </summary>
public static class TemplateWriter
{
    public const string ResourceType = "AWS::SSM::Parameter";

    public static string Yaml(BenchGraph graph)
    {
        var text = new StringBuilder(graph.Count * 320);
        text.Append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
        text.Append($"Description: Strata engine benchmark graph {graph.Name} (seed {graph.Seed})\n");
        text.Append("Resources:\n");
        for (var i = 0; i < graph.Count; i++)
        {
            var id = graph.Ids[i];
            text.Append($"  {id}:\n");
            text.Append($"    Type: {ResourceType}\n");
            text.Append("    Properties:\n");
            text.Append($"      Name: /strata-bench/{graph.Name}/{id}\n");
            text.Append("      Type: String\n");
            text.Append($"      Description: Generated resource {i + 1} of {graph.Count}\n");
            var dependencies = graph.Dependencies[i];
            if (dependencies.Length == 0)
            {
                text.Append("      Value: root\n");
            }
            else
            {
                text.Append("      Value: !Join [\",\", [");
                text.AppendJoin(", ", dependencies.Select(d => "!Ref " + graph.Ids[d]));
                text.Append("]]\n");
            }
            text.Append("      Tags:\n");
            text.Append($"        strata-bench: {graph.Name}\n");
            text.Append($"        index: \"{i}\"\n");
        }
        text.Append("Outputs:\n");
        text.Append("  Last:\n");
        text.Append($"    Value: !Ref {graph.Ids[^1]}\n");
        return text.ToString();
    }
}
