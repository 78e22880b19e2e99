namespace Strata.Engine.Walk;

/// <summary>
/// An event-driven walk over a dependency graph (Terraform's <c>dag.Walker</c>, without its fixed
/// parallelism): a node is dispatched the moment its last dependency succeeds, by the thread that
/// completed that dependency, onto the thread pool — no polling loop, no batch boundaries. A failed or
/// skipped node skips everything downstream of it. <see cref="Reversed"/> gives the walk for deletion
/// (a node runs after everything that depends on it).
/// </summary>
public sealed class DependencyWalk<TKey> where TKey : notnull
{
    private readonly TKey[] _keys;
    private readonly int[][] _dependents;
    private readonly int[] _dependencyCounts;

    /// <param name="nodes">The nodes in a stable order (ready nodes start in this order).</param>
    /// <param name="dependenciesOf">The nodes a node depends on; dependencies that are not nodes are ignored.</param>
    public DependencyWalk(IReadOnlyList<TKey> nodes, Func<TKey, IEnumerable<TKey>> dependenciesOf)
    {
        _keys = nodes.ToArray();
        var index = new Dictionary<TKey, int>(_keys.Length);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!index.TryAdd(_keys[i], i))
            {
                throw new ArgumentException($"Node '{_keys[i]}' appears twice", nameof(nodes));
            }
        }

        var dependents = new List<int>[_keys.Length];
        _dependencyCounts = new int[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            dependents[i] = [];
        }
        for (var i = 0; i < _keys.Length; i++)
        {
            foreach (var dependency in dependenciesOf(_keys[i]).Distinct())
            {
                if (index.TryGetValue(dependency, out var d) && d != i)
                {
                    dependents[d].Add(i);
                    _dependencyCounts[i]++;
                }
                else if (d == i && index.ContainsKey(dependency))
                {
                    throw new DependencyCycleException([_keys[i].ToString() ?? ""]);
                }
            }
        }
        _dependents = dependents.Select(l => l.ToArray()).ToArray();
        CheckAcyclic();
    }

    private DependencyWalk(TKey[] keys, int[][] dependents, int[] counts)
    {
        _keys = keys;
        _dependents = dependents;
        _dependencyCounts = counts;
    }

    public IReadOnlyList<TKey> Nodes => _keys;

    /// <summary>The same graph with every edge turned around: what deletion needs.</summary>
    public DependencyWalk<TKey> Reversed()
    {
        var reversed = new List<int>[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            reversed[i] = [];
        }
        for (var i = 0; i < _keys.Length; i++)
        {
            foreach (var dependent in _dependents[i])
            {
                reversed[dependent].Add(i);
            }
        }
        var counts = _dependents.Select(d => d.Length).ToArray();
        return new DependencyWalk<TKey>(_keys, reversed.Select(l => l.ToArray()).ToArray(), counts);
    }

    /// <summary>The nodes in an order where each comes after its dependencies (stable: ties keep node order).</summary>
    public IReadOnlyList<TKey> TopologicalOrder()
    {
        var remaining = (int[])_dependencyCounts.Clone();
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < _keys.Length; i++)
        {
            if (remaining[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }
        var order = new List<TKey>(_keys.Length);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(_keys[node]);
            foreach (var dependent in _dependents[node])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }
        return order;
    }

    private void CheckAcyclic()
    {
        var order = TopologicalOrder();
        if (order.Count == _keys.Length)
        {
            return;
        }
        var placed = new HashSet<TKey>(order);
        throw new DependencyCycleException(_keys.Where(k => !placed.Contains(k)).Select(k => k.ToString() ?? "").ToList());
    }

    /// <summary>
    /// Visits every node once its dependencies have succeeded. <paramref name="visit"/> returns whether the
    /// node succeeded; an exception counts as a failure and is reported in the result.
    /// <paramref name="cancellationToken"/> aborts: it is passed to running visits.
    /// </summary>
    public Task<WalkResult<TKey>> RunAsync(Func<TKey, CancellationToken, Task<bool>> visit, WalkOptions? options, CancellationToken cancellationToken)
    {
        var run = new WalkRun<TKey>(_keys, _dependents, _dependencyCounts, visit, options ?? new WalkOptions(), cancellationToken);
        return run.RunAsync();
    }
}
