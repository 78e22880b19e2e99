using Strata.Templates.Functions;
using Strata.Templates.Model;

namespace Strata.Bench.Measurement;

/// <summary>
/// The resource dependency graph as the engine needs it — edges from DependsOn and from every Ref, Fn::GetAtt and
/// Fn::Sub variable that names a resource (reported by the expressions themselves through
/// <see cref="ReferenceVisitor"/>) — and a creation order (Kahn's algorithm). The benchmark builds it to time
/// "graphed and validated" on the public model API; the validator builds its own graph for cycle detection.
/// </summary>
internal sealed class ResourceGraph
{
    private ResourceGraph(int nodes, int edges, int ordered)
    {
        Nodes = nodes;
        Edges = edges;
        Ordered = ordered;
    }

    public int Nodes { get; }

    public int Edges { get; }

    /// <summary>Resources placed in creation order; fewer than <see cref="Nodes"/> means a cycle.</summary>
    public int Ordered { get; }

    public static ResourceGraph Build(Template template)
    {
        var resources = template.Resources;
        var index = new Dictionary<string, int>(resources.Count, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            index.TryAdd(resource.LogicalId, index.Count);
        }

        var dependents = new List<int>[index.Count];
        var pending = new int[index.Count];
        var edges = 0;
        var collector = new Collector(index);
        foreach (var resource in resources)
        {
            if (!index.TryGetValue(resource.LogicalId, out var self))
            {
                continue;
            }

            collector.Reset();
            foreach (var dependsOn in resource.DependsOn)
            {
                collector.Add(dependsOn.LogicalId);
            }

            foreach (var expression in resource.Expressions())
            {
                expression.Accept(collector);
            }

            foreach (var target in collector.Targets)
            {
                if (target == self)
                {
                    continue;
                }

                (dependents[target] ??= []).Add(self);
                pending[self]++;
                edges++;
            }
        }

        return new ResourceGraph(index.Count, edges, TopologicalCount(dependents, pending));
    }

    private static int TopologicalCount(List<int>[] dependents, int[] pending)
    {
        var ready = new Queue<int>();
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] == 0)
            {
                ready.Enqueue(i);
            }
        }

        var ordered = 0;
        while (ready.TryDequeue(out var node))
        {
            ordered++;
            foreach (var dependent in dependents[node] ?? [])
            {
                if (--pending[dependent] == 0)
                {
                    ready.Enqueue(dependent);
                }
            }
        }

        return ordered;
    }

    /// <summary>Collects the distinct resources one resource refers to.</summary>
    private sealed class Collector(Dictionary<string, int> index) : ReferenceVisitor
    {
        private readonly HashSet<int> _targets = [];

        public IReadOnlyCollection<int> Targets => _targets;

        public void Reset() => _targets.Clear();

        public void Add(string name)
        {
            if (index.TryGetValue(name, out var id))
            {
                _targets.Add(id);
            }
        }

        public override void OnRef(string target, Expression at) => Add(target);

        public override void OnGetAtt(string resource, string? attribute, Expression at) => Add(resource);
    }
}
