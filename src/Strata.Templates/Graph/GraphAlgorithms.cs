namespace Strata.Templates.Graph;

/// <summary>
/// Iterative graph algorithms over nodes 0..n-1 where <c>dependencies[i]</c> lists the nodes node i
/// depends on. No recursion, so a 10,000-node chain cannot overflow the stack.
/// </summary>
public static class GraphAlgorithms
{
    /// <summary>
    /// Nodes with every dependency before its dependents; among ready nodes the lowest index first (so
    /// declaration order is kept where dependencies allow). Nodes on or behind a cycle are left out.
    /// </summary>
    public static List<int> TopologicalOrder(IReadOnlyList<int>[] dependencies)
    {
        var n = dependencies.Length;
        var remaining = new int[n];
        var dependents = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var d in dependencies[i])
            {
                remaining[i]++;
                dependents[d].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (remaining[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(n);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var dependent in dependents[node])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        return order;
    }

    /// <summary>
    /// One cycle per strongly connected component that has one (Tarjan's algorithm, iterative), each as
    /// the path <c>[a, b, ..., a]</c> where each node depends on the next, starting at the component's lowest index.
    /// </summary>
    public static List<int[]> FindCycles(IReadOnlyList<int>[] dependencies)
    {
        var n = dependencies.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Next)>();
        var cycles = new List<int[]>();
        var counter = 0;

        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next == 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                var deps = dependencies[v];
                var descended = false;
                while (next < deps.Count)
                {
                    var w = deps[next++];
                    if (index[w] < 0)
                    {
                        work.Push((v, next));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);

                    if (component.Count > 1 || deps.Contains(v))
                    {
                        cycles.Add(CycleWithin(component, dependencies));
                    }
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        cycles.Sort((a, b) => a[0].CompareTo(b[0]));
        return cycles;
    }

    /// <summary>The shortest cycle through the component's lowest node, by breadth-first search inside the component.</summary>
    private static int[] CycleWithin(List<int> component, IReadOnlyList<int>[] dependencies)
    {
        var start = component.Min();
        var members = new HashSet<int>(component);
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in dependencies[v])
            {
                if (!members.Contains(w))
                {
                    continue;
                }

                if (w == start)
                {
                    var path = new List<int> { start };
                    for (var x = v; x != start; x = previous[x])
                    {
                        path.Add(x);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return [.. path];
                }

                if (previous.TryAdd(w, v))
                {
                    queue.Enqueue(w);
                }
            }
        }

        return [start, start];
    }
}
