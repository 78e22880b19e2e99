namespace Strata.Templates.Validation;

/// <summary>
/// A small directed graph of names, used to find loops among conditions and, until the template model's own
/// dependency graph is wired in, among resources. Iterative, so a 10,000-long chain does not exhaust the stack.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<List<int>> _edges = [];

    public int AddNode(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids[name] = id;
            _names.Add(name);
            _edges.Add([]);
        }

        return id;
    }

    /// <summary>Adds <paramref name="from"/> → <paramref name="to"/> when both are nodes; edges to unknown names are ignored.</summary>
    public void AddEdge(string from, string to)
    {
        if (_ids.TryGetValue(from, out var a) && _ids.TryGetValue(to, out var b) && !_edges[a].Contains(b))
        {
            _edges[a].Add(b);
        }
    }

    /// <summary>
    /// One loop per strongly connected component that has one, as a path that starts and ends at the component's
    /// first node in insertion order: <c>[A, B, C, A]</c>, or <c>[A, A]</c> for a node that depends on itself.
    /// </summary>
    public List<List<string>> FindCycles()
    {
        var cycles = new List<List<string>>();
        foreach (var component in StronglyConnectedComponents())
        {
            var start = component.Min();
            if (component.Count == 1 && !_edges[start].Contains(start))
            {
                continue;
            }

            cycles.Add(ShortestLoop(start, new HashSet<int>(component)));
        }

        cycles.Sort((x, y) => _ids[x[0]].CompareTo(_ids[y[0]]));
        return cycles;
    }

    private List<string> ShortestLoop(int start, HashSet<int> component)
    {
        // Breadth-first from the start's successors back to the start, staying inside the component.
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        foreach (var next in _edges[start])
        {
            if (next == start)
            {
                return [_names[start], _names[start]];
            }

            if (component.Contains(next) && previous.TryAdd(next, start))
            {
                queue.Enqueue(next);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in _edges[node])
            {
                if (next == start)
                {
                    var path = new List<string> { _names[start] };
                    for (var n = node; n != start; n = previous[n])
                    {
                        path.Add(_names[n]);
                    }

                    path.Add(_names[start]);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (component.Contains(next) && previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [_names[start], _names[start]];
    }

    // Tarjan's algorithm with an explicit stack of (node, next edge index).
    private List<List<int>> StronglyConnectedComponents()
    {
        var count = _names.Count;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Edge)>();
        var components = new List<List<int>>();
        var counter = 0;

        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                var edges = _edges[node];
                var descended = false;
                for (var i = edge; i < edges.Count; i++)
                {
                    var next = edges[i];
                    if (index[next] < 0)
                    {
                        work.Push((node, i + 1));
                        work.Push((next, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], index[next]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return components;
    }
}
