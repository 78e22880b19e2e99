using Strata.Bench.Engine;
using Strata.Bench.Engine.Measurement;
using Strata.Bench.Engine.Report;

namespace Strata.Bench.Tests.Engine;

/// <summary>Small hand-made results, so verdicts and tables can be checked against numbers worked out by hand.</summary>
internal static class EngineResultsSamples
{
    private static readonly LoadAverage Quiet = new(1, 1, 1);

    public static ApplyRunResult Run(string graph, double makespanMs, double criticalPathMs, double dispatchP99Ms, int? maxParallel = null) => new()
    {
        Graph = graph,
        MaxParallel = maxParallel,
        Load = Quiet,
        MakespanMs = makespanMs,
        CriticalPathMs = criticalPathMs,
        ObservedCriticalPathMs = criticalPathMs,
        SetupMs = 10,
        FinishMs = 1,
        CpuMs = 100,
        Gen2Collections = 0,
        TimerLateness = new Distribution(1, 0.05, 0.05, 0.05, 0.05, 0.05),
        DispatchLatency = new Distribution(1, 1, 2, dispatchP99Ms, dispatchP99Ms, 1),
        MaxInFlight = 1,
    };

    public static ApplyGroup Group(string graph, int resources, IReadOnlyList<ApplyRunResult> uncapped, IReadOnlyList<ApplyRunResult>? capped = null) => new()
    {
        Graph = graph,
        Shape = graph.Split('-')[0],
        Resources = resources,
        Edges = resources - 1,
        Depth = 5,
        CriticalPathMs = uncapped[0].CriticalPathMs,
        TotalWorkMs = resources * 25,
        Uncapped = uncapped,
        Capped = capped ?? [Run(graph, uncapped[0].CriticalPathMs * 2, uncapped[0].CriticalPathMs, 20, maxParallel: 10)],
    };

    public static EngineResults Results(IReadOnlyList<ApplyGroup> apply) => new()
    {
        StartedAt = new DateTimeOffset(2026, 11, 22, 1, 41, 0, TimeSpan.Zero),
        DurationSeconds = 60,
        Machine = new MachineInfo(2, "Linux", ".NET 10", "workstation, concurrent", "/tmp", Quiet),
        Commit = "abc1234",
        EngineTreeDirty = false,
        Options = new BenchOptions(),
        Apply = apply,
        Walk = [],
        Targets = [],
    };
}
