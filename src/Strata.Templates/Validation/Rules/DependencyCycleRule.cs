using Strata.Templates.Graph;
using LocalGraph = Strata.Templates.Validation.DependencyGraph;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E3004: resources that depend on each other — through Ref, Fn::GetAtt, Fn::Sub or DependsOn — in a loop can
/// never be created. The loops come from the model's <see cref="Graph.DependencyGraph"/>; if the model could not
/// be built, from the references found here. Each finding gives the whole loop (<c>A -> B -> C -> A</c>).
/// </summary>
internal sealed class DependencyCycleRule : ITemplateRule
{
    public string Name => "dependency cycles (E3004)";

    public void Check(RuleContext context)
    {
        var index = context.Index;
        if (context.Transform.IsForeign)
        {
            return; // the transform adds resources and dependencies
        }

        var cycles = context.Model is { } model
            ? Graph.DependencyGraph.Build(model, cancellationToken: context.CancellationToken).Cycles.Select(c => c.Path.ToList())
            : FromReferences(index);

        foreach (var cycle in cycles)
        {
            if (cycle.Count == 0 || !index.ResourceDecls.TryGetValue(cycle[0], out var first))
            {
                continue;
            }

            var message = cycle.Count <= 2
                ? $"Resource '{cycle[0]}' depends on itself"
                : $"Circular dependency between resources: {string.Join(" -> ", cycle)}";
            context.Error(ValidationRules.DependencyCycle, message, first.Path, first.Entry.KeyLocation);
        }
    }

    private static List<List<string>> FromReferences(TemplateIndex index)
    {
        var graph = new LocalGraph();
        foreach (var resource in index.ResourceList)
        {
            graph.AddNode(resource.Name);
        }

        var references = index.References;
        foreach (var use in references.Refs)
        {
            AddEdge(graph, use.Scope, use.Target);
        }

        foreach (var use in references.GetAtts)
        {
            AddEdge(graph, use.Scope, use.ResourceName);
        }

        foreach (var use in references.SubVariables)
        {
            AddEdge(graph, use.Scope, use.Name);
        }

        foreach (var resource in index.ResourceList)
        {
            foreach (var (target, _) in DependsOnRule.Targets(resource))
            {
                graph.AddEdge(resource.Name, target);
            }
        }

        return graph.FindCycles();
    }

    private static void AddEdge(LocalGraph graph, ReferenceScope scope, string target)
    {
        if (scope is { Section: ReferenceSection.Resources, Owner: { } owner, InForEach: false })
        {
            graph.AddEdge(owner, target);
        }
    }
}
