using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;

namespace Strata.Templates.Graph;

/// <summary>
/// The resources of a template and what each depends on — through Ref, Fn::GetAtt, Fn::Sub variables
/// and DependsOn — with a creation order, a deletion order and every cycle. Resources whose condition is
/// decided false are left out, and so are references in Fn::If branches a decided condition rules out;
/// undecided conditions keep both (see <see cref="IsConditional"/>). Built with iterative algorithms:
/// linear in the size of the template.
/// </summary>
public sealed class DependencyGraph
{
    private readonly string[] _nodes;
    private readonly Dictionary<string, int> _index;
    private readonly List<int>[] _dependencies;
    private readonly List<int>[] _dependents;
    private readonly bool[] _conditional;

    private DependencyGraph(string[] nodes, Dictionary<string, int> index, List<int>[] dependencies, bool[] conditional)
    {
        _nodes = nodes;
        _index = index;
        _dependencies = dependencies;
        _conditional = conditional;
        _dependents = new List<int>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _dependents[i] = [];
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            foreach (var d in dependencies[i])
            {
                _dependents[d].Add(i);
            }
        }
    }

    /// <summary>The resources in the graph, in declaration order.</summary>
    public IReadOnlyList<string> Resources => _nodes;

    public IReadOnlyList<DependencyEdge> Edges { get; private init; } = [];

    /// <summary>Creation order: every resource after all it depends on. Resources on a cycle (or behind one) come last, in declaration order.</summary>
    public IReadOnlyList<string> CreationOrder { get; private init; } = [];

    /// <summary>Deletion order: the creation order reversed.</summary>
    public IReadOnlyList<string> DeletionOrder { get; private init; } = [];

    public IReadOnlyList<DependencyCycle> Cycles { get; private init; } = [];

    public bool HasCycles => Cycles.Count > 0;

    /// <summary>E3004 for each cycle and E3005 for DependsOn targets that are not resources.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private init; } = [];

    /// <summary>The resources each output refers to (outputs whose condition is decided false are left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OutputDependencies { get; private init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public bool Contains(string logicalId) => _index.ContainsKey(logicalId);

    /// <summary>True when the resource's condition could not be decided (it may or may not be created).</summary>
    public bool IsConditional(string logicalId) => _index.TryGetValue(logicalId, out var i) && _conditional[i];

    /// <summary>The resources <paramref name="logicalId"/> depends on directly.</summary>
    public IReadOnlyList<string> DependenciesOf(string logicalId) =>
        _index.TryGetValue(logicalId, out var i) ? _dependencies[i].Select(d => _nodes[d]).ToArray() : [];

    /// <summary>The resources that depend directly on <paramref name="logicalId"/>.</summary>
    public IReadOnlyList<string> DependentsOf(string logicalId) =>
        _index.TryGetValue(logicalId, out var i) ? _dependents[i].Select(d => _nodes[d]).ToArray() : [];

    /// <summary>Everything that depends on <paramref name="logicalId"/>, directly or not (what a failure of it blocks).</summary>
    public IReadOnlyList<string> TransitiveDependentsOf(string logicalId)
    {
        if (!_index.TryGetValue(logicalId, out var start))
        {
            return [];
        }

        var seen = new bool[_nodes.Length];
        var pending = new Stack<int>();
        pending.Push(start);
        var result = new List<string>();
        while (pending.Count > 0)
        {
            foreach (var d in _dependents[pending.Pop()])
            {
                if (!seen[d])
                {
                    seen[d] = true;
                    result.Add(_nodes[d]);
                    pending.Push(d);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Builds the graph of <paramref name="template"/>. Without <paramref name="conditions"/> every
    /// resource is included and both branches of every Fn::If count.
    /// </summary>
    public static DependencyGraph Build(Template template, ConditionResults? conditions = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var included = new List<ResourceDecl>(template.Resources.Count);
        var index = new Dictionary<string, int>(template.Resources.Count, StringComparer.Ordinal);
        foreach (var r in template.Resources)
        {
            if (r.Condition is null || conditions?[r.Condition] != false)
            {
                index[r.LogicalId] = included.Count;
                included.Add(r);
            }
        }

        var nodes = included.Select(r => r.LogicalId).ToArray();
        var dependencies = new List<int>[nodes.Length];
        var conditional = new bool[nodes.Length];
        var edges = new List<DependencyEdge>();
        var collector = new EdgeCollector(index, conditions);
        for (var i = 0; i < included.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var resource = included[i];
            conditional[i] = resource.Condition is not null && conditions?[resource.Condition] is null;
            collector.Begin(resource.LogicalId);
            foreach (var expression in resource.Expressions())
            {
                expression.Accept(collector);
            }

            foreach (var dependsOn in resource.DependsOn)
            {
                if (index.ContainsKey(dependsOn.LogicalId))
                {
                    collector.Add(dependsOn.LogicalId, DependencyKind.DependsOn, dependsOn.Node);
                }
                else
                {
                    var why = template.Resources.Contains(dependsOn.LogicalId)
                        ? $"which its condition leaves out of the stack with these parameter values"
                        : "which is not a resource of the template";
                    diagnostics.Add(Diagnostic.Error(GraphRules.DependsOnTarget, $"Resource '{resource.LogicalId}' DependsOn '{dependsOn.LogicalId}', {why}", dependsOn.Node.Path, dependsOn.Node.Location));
                }
            }

            dependencies[i] = collector.End(edges);
        }

        var order = GraphAlgorithms.TopologicalOrder(dependencies);
        // The order leaves out exactly the nodes on or behind a cycle: when it has them all there is nothing to look for.
        var cycles = order.Count == nodes.Length ? [] : GraphAlgorithms.FindCycles(dependencies);
        var creation = order.Select(i => nodes[i]).ToList();
        if (creation.Count < nodes.Length)
        {
            var placed = new HashSet<int>(order);
            for (var i = 0; i < nodes.Length; i++)
            {
                if (!placed.Contains(i))
                {
                    creation.Add(nodes[i]);
                }
            }
        }

        var cycleList = new List<DependencyCycle>(cycles.Count);
        foreach (var cycle in cycles)
        {
            var path = cycle.Select(i => nodes[i]).ToArray();
            var first = included[cycle[0]];
            cycleList.Add(new DependencyCycle(path));
            diagnostics.Add(Diagnostic.Error(GraphRules.CircularDependency, $"Circular dependency between resources: {string.Join(" -> ", path)}", first.Node.Path, first.KeyLocation.IsKnown ? first.KeyLocation : first.Node.Location));
        }

        var deletion = new List<string>(creation);
        deletion.Reverse();
        return new DependencyGraph(nodes, index, dependencies, conditional)
        {
            Edges = edges,
            CreationOrder = creation,
            DeletionOrder = deletion,
            Cycles = cycleList,
            Diagnostics = diagnostics.Items,
            OutputDependencies = OutputReferences(template, index, conditions),
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> OutputReferences(Template template, Dictionary<string, int> index, ConditionResults? conditions)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var collector = new EdgeCollector(index, conditions);
        var scratch = new List<DependencyEdge>();
        foreach (var output in template.Outputs)
        {
            if (output.Condition is not null && conditions?[output.Condition] == false)
            {
                continue;
            }

            collector.Begin(output.Name);
            foreach (var expression in output.Expressions())
            {
                expression.Accept(collector);
            }

            scratch.Clear();
            collector.End(scratch);
            result[output.Name] = scratch.Select(e => e.To).ToArray();
        }

        return result;
    }

    /// <summary>Collects the distinct resources one declaration refers to.</summary>
    private sealed class EdgeCollector(Dictionary<string, int> index, ConditionResults? conditions) : ReferenceVisitor
    {
        private readonly List<int> _targets = [];
        private readonly List<DependencyEdge> _edges = [];
        private string _from = "";

        public void Begin(string from)
        {
            _from = from;
            _targets.Clear();
            _edges.Clear();
        }

        public List<int> End(List<DependencyEdge> edges)
        {
            edges.AddRange(_edges);
            return [.. _targets];
        }

        public override bool? DecidedCondition(string name) => conditions?[name];

        public override void OnRef(string target, Expression at)
        {
            if (index.ContainsKey(target))
            {
                Add(target, at is SubFunction ? DependencyKind.Sub : DependencyKind.Ref, at.Node);
            }
        }

        public override void OnGetAtt(string resource, string? attribute, Expression at)
        {
            if (index.ContainsKey(resource))
            {
                Add(resource, at is SubFunction ? DependencyKind.Sub : DependencyKind.GetAtt, at.Node);
            }
        }

        public void Add(string target, DependencyKind kind, Syntax.TemplateNode node)
        {
            var i = index[target];
            if (!_targets.Contains(i))
            {
                _targets.Add(i);
                _edges.Add(new DependencyEdge(_from, target, kind, node));
            }
        }
    }
}
