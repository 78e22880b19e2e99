using System.Text.Json.Serialization;
using Strata.Bench.Engine.Graphs;
using Strata.Bench.Engine.Measurement;

namespace Strata.Bench.Engine.Report;

/// <summary>One graph's apply runs: every repetition without a cap and with <c>--max-parallel 10</c>.</summary>
public sealed record ApplyGroup
{
    public required string Graph { get; init; }

    public required string Shape { get; init; }

    public required int Resources { get; init; }

    public required int Edges { get; init; }

    /// <summary>Resources on the longest chain.</summary>
    public required int Depth { get; init; }

    public required double CriticalPathMs { get; init; }

    /// <summary>Sum of durations: a cap of 10 cannot finish before this ÷ 10.</summary>
    public required double TotalWorkMs { get; init; }

    public required IReadOnlyList<ApplyRunResult> Uncapped { get; init; }

    public required IReadOnlyList<ApplyRunResult> Capped { get; init; }

    /// <summary>The repetition with the median ratio (what the tables show).</summary>
    [JsonIgnore]
    public ApplyRunResult MedianUncapped => MedianOf(Uncapped);

    [JsonIgnore]
    public ApplyRunResult MedianCapped => MedianOf(Capped);

    /// <summary>Dispatch-latency p99 of each uncapped repetition, in run order.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> UncappedP99s => Uncapped.Select(r => r.DispatchLatency.P99).ToList();

    /// <summary>The median of the repetitions' p99s: one calm or one unlucky repetition does not decide the verdict.</summary>
    public double MedianP99 => Measurement.Clock.Median(UncappedP99s);

    private static ApplyRunResult MedianOf(IReadOnlyList<ApplyRunResult> runs) => runs.OrderBy(r => r.Ratio).ElementAt((runs.Count - 1) / 2);

    public static ApplyGroup For(BenchGraph graph, IReadOnlyList<ApplyRunResult> uncapped, IReadOnlyList<ApplyRunResult> capped) => new()
    {
        Graph = graph.Name,
        Shape = graph.Shape.ToString().ToLowerInvariant(),
        Resources = graph.Count,
        Edges = graph.EdgeCount,
        Depth = graph.Depth(),
        CriticalPathMs = graph.NominalCriticalPath(),
        TotalWorkMs = graph.TotalWork(),
        Uncapped = uncapped,
        Capped = capped,
    };
}

/// <summary>A target of issue 3 and whether this run met it.</summary>
public sealed record TargetVerdict(string Target, string Limit, string Measured, bool Met, string Note);

/// <summary>Everything one run of the engine benchmark measured: what bench/results/engine-latest.json holds.</summary>
public sealed record EngineResults
{
    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required MachineInfo Machine { get; init; }

    public required string Commit { get; init; }

    /// <summary>Uncommitted changes under src/Strata.Engine when the run started (numbers then describe the working tree).</summary>
    public required bool EngineTreeDirty { get; init; }

    public required BenchOptions Options { get; init; }

    /// <summary>Seconds spent waiting for the machine's load to drop (see <c>--load-threshold</c>).</summary>
    public double LoadWaitSeconds { get; init; }

    public required IReadOnlyList<ApplyGroup> Apply { get; init; }

    public required IReadOnlyList<WalkRunResult> Walk { get; init; }

    public PlanResult? Plan { get; init; }

    public StateMemoryResult? State { get; init; }

    public EngineCostResult? Cost { get; init; }

    public required IReadOnlyList<TargetVerdict> Targets { get; init; }
}
