namespace Strata.Bench.Engine.Graphs;

/// <summary>
/// Seeded graph generators. Durations are drawn uniformly from [<see cref="MinDurationMs"/>,
/// <see cref="MaxDurationMs"/>] by default: real AWS times (seconds to minutes) scaled down about a thousandfold,
/// long enough for the OS timer (about 1 ms granularity) to be a small error, short enough for 5,000 resources.
/// <c>--durations MIN-MAX</c> draws from another range.
/// </summary>
public static class GraphGenerator
{
    public const int MinDurationMs = 5;
    public const int MaxDurationMs = 50;

    /// <summary>Resources per chain below the root of a wide graph.</summary>
    public const int WideChainLength = 4;

    /// <summary>Chains of a deep graph: more than 10, so a cap of 10 in flight shows.</summary>
    public const int DeepChains = 20;

    /// <summary>A mixed graph's resource depends on 1-3 of the previous this-many resources.</summary>
    public const int MixedWindow = 100;

    /// <summary>Share of mixed-graph resources with no dependency at all (new roots).</summary>
    public const double MixedRootShare = 0.05;

    public static BenchGraph Generate(GraphShape shape, int count, int seed, int minDurationMs = MinDurationMs, int maxDurationMs = MaxDurationMs)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "a graph needs at least 2 resources");
        }
        // Plain arithmetic, not HashCode.Combine: that is randomised per process, and the same seed must give
        // the same graph in every run.
        var random = new Random(unchecked(seed * 1_000_003 + (int)shape * 7_919 + count));
        var dependencies = shape switch
        {
            GraphShape.Wide => Wide(count),
            GraphShape.Deep => Deep(count),
            _ => Mixed(count, random),
        };
        var durations = new int[count];
        for (var i = 0; i < count; i++)
        {
            durations[i] = random.Next(minDurationMs, maxDurationMs + 1);
        }
        var width = Math.Max(4, (count - 1).ToString().Length);
        var ids = Enumerable.Range(0, count).Select(i => "R" + i.ToString().PadLeft(width, '0')).ToArray();
        return new BenchGraph(shape, seed, ids, dependencies, durations);
    }

    /// <summary>Node 0 is the root (a VPC, say); the rest hang off it in chains of <see cref="WideChainLength"/>.</summary>
    private static int[][] Wide(int count)
    {
        var dependencies = new int[count][];
        dependencies[0] = [];
        for (var i = 1; i < count; i++)
        {
            var position = (i - 1) % WideChainLength;
            dependencies[i] = position == 0 ? [0] : [i - 1];
        }
        return dependencies;
    }

    /// <summary><see cref="DeepChains"/> chains of equal length, interleaved so ready nodes alternate chains.</summary>
    private static int[][] Deep(int count)
    {
        var dependencies = new int[count][];
        for (var i = 0; i < count; i++)
        {
            dependencies[i] = i < DeepChains ? [] : [i - DeepChains];
        }
        return dependencies;
    }

    private static int[][] Mixed(int count, Random random)
    {
        var dependencies = new int[count][];
        dependencies[0] = [];
        for (var i = 1; i < count; i++)
        {
            if (random.NextDouble() < MixedRootShare)
            {
                dependencies[i] = [];
                continue;
            }
            var low = Math.Max(0, i - MixedWindow);
            var wanted = Math.Min(i - low, random.Next(1, 4));
            var chosen = new SortedSet<int>();
            while (chosen.Count < wanted)
            {
                chosen.Add(random.Next(low, i));
            }
            dependencies[i] = chosen.ToArray();
        }
        return dependencies;
    }
}
