namespace Strata.Bench.Engine.Graphs;

/// <summary>The shapes the apply benchmark walks (see <see cref="GraphGenerator"/>).</summary>
public enum GraphShape
{
    /// <summary>One root fanning out to many short independent chains: throughput-bound.</summary>
    Wide,

    /// <summary>A few long chains: bound by the per-hop dispatch latency.</summary>
    Deep,

    /// <summary>A seeded random DAG, each resource depending on 1-3 recent ones: in between.</summary>
    Mixed,
}

/// <summary>
/// A generated dependency graph with a duration per resource. Nodes are in topological order (every
/// dependency has a lower index), which keeps the critical path a single forward pass.
/// </summary>
public sealed class BenchGraph
{
    public BenchGraph(GraphShape shape, int seed, string[] ids, int[][] dependencies, int[] durationsMs)
    {
        Shape = shape;
        Seed = seed;
        Ids = ids;
        Dependencies = dependencies;
        DurationsMs = durationsMs;
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        IndexOf = index;
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
            if (dependencies[i].Any(d => d >= i))
            {
                throw new ArgumentException($"{ids[i]} depends on a later node: the generator must emit topological order");
            }
        }
    }

    public GraphShape Shape { get; }

    public int Seed { get; }

    public int Count => Ids.Length;

    public string[] Ids { get; }

    public int[][] Dependencies { get; }

    /// <summary>Whole milliseconds: <c>Task.Delay</c> truncates fractions, which would bias the bound.</summary>
    public int[] DurationsMs { get; }

    public IReadOnlyDictionary<string, int> IndexOf { get; }

    public string Name => $"{Shape.ToString().ToLowerInvariant()}-{Count}";

    public int EdgeCount => Dependencies.Sum(d => d.Length);

    /// <summary>The longest path weighted by <paramref name="durations"/> (ms): no schedule can finish sooner.</summary>
    public double CriticalPath(IReadOnlyList<double> durations)
    {
        var finish = new double[Count];
        var longest = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var start = 0.0;
            foreach (var d in Dependencies[i])
            {
                start = Math.Max(start, finish[d]);
            }
            finish[i] = start + durations[i];
            longest = Math.Max(longest, finish[i]);
        }
        return longest;
    }

    public double NominalCriticalPath() => CriticalPath(DurationsMs.Select(d => (double)d).ToArray());

    /// <summary>Resources on the longest path (hops), ignoring durations.</summary>
    public int Depth()
    {
        var depth = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            depth[i] = 1 + (Dependencies[i].Length == 0 ? 0 : Dependencies[i].Max(d => depth[d]));
        }
        return depth.Length == 0 ? 0 : depth.Max();
    }

    /// <summary>Sum of all durations (ms): with a cap of P in flight, makespan is at least this ÷ P.</summary>
    public double TotalWork() => DurationsMs.Sum(d => (double)d);
}
