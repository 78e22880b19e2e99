using System.Diagnostics;
using Strata.Bench.Engine.Graphs;
using Strata.Bench.Engine.Measurement;
using Strata.Bench.Engine.Report;

namespace Strata.Bench.Engine;

/// <summary>Runs the stages one after the other in this process (plan first, so its first call is the process's first).</summary>
public sealed class EngineBench(BenchOptions options)
{
    private readonly LoadGate _gate = new(options.LoadThreshold, TimeSpan.FromSeconds(options.MaxWaitSeconds), TimeSpan.FromSeconds(options.WaitBudgetSeconds));

    public async Task<EngineResults> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataRoot);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = MachineInfo.Probe(options.DataRoot);
        Progress($"engine bench: {machine.Cores} cores, load {machine.LoadAtStart}, data under {options.DataRoot}");

        PlanResult? plan = null;
        StateMemoryResult? state = null;
        EngineCostResult? cost = null;
        if (options.Runs("plan"))
        {
            (plan, state, cost) = await PlanAndStateAsync(cancellationToken).ConfigureAwait(false);
        }
        var walks = options.Runs("walk") ? await WalksAsync(cancellationToken).ConfigureAwait(false) : [];
        var apply = options.Runs("apply") ? await ApplyAsync(cancellationToken).ConfigureAwait(false) : [];

        var results = new EngineResults
        {
            StartedAt = startedAt,
            DurationSeconds = clock.Elapsed.TotalSeconds,
            Machine = machine,
            Commit = Git("rev-parse --short HEAD"),
            EngineTreeDirty = Git("status --porcelain -- src/Strata.Engine").Length > 0,
            Options = options,
            Apply = apply,
            Walk = walks,
            Plan = plan,
            State = state,
            Cost = cost,
            Targets = [],
            LoadWaitSeconds = _gate.WaitedSeconds,
        };
        return results with { Targets = Targets.Evaluate(results) };
    }

    private async Task<(PlanResult, StateMemoryResult, EngineCostResult)> PlanAndStateAsync(CancellationToken cancellationToken)
    {
        var graph = GraphGenerator.Generate(GraphShape.Mixed, options.PlanResources, options.Seed);
        var load = _gate.WaitForQuiet("the plan benchmark");
        Progress($"plan: {graph.Name} (load {load})");
        var (plan, bench) = await PlanBenchmark.RunAsync(graph, options.PlanRuns, options.DataRoot, load, cancellationToken).ConfigureAwait(false);
        using (bench)
        {
            Progress($"  against empty: first {plan.AgainstEmpty.FirstMs:0} ms, warm median {plan.AgainstEmpty.MedianMs:0} ms; " +
                     $"against recorded: first {plan.AgainstRecorded.FirstMs:0} ms, warm median {plan.AgainstRecorded.MedianMs:0} ms");
            var state = await StateMemory.MeasureAsync(bench, "bench-plan", cancellationToken).ConfigureAwait(false);
            Progress($"state: {state.HeapBytesPerResource:0} heap bytes/resource, {state.ResourceTableBytesPerResource:0} SQLite bytes/resource (resources table)");
            var cost = await EngineCost.MeasureAsync(graph, bench, "bench-plan", options.DataRoot, cancellationToken).ConfigureAwait(false);
            Progress($"cost: evaluate {cost.ResolveMicroseconds:0} µs, store begin {cost.BeginMicroseconds:0} µs + complete {cost.CompleteMicroseconds:0} µs per resource; burst (all at once) {cost.BurstWallMicroseconds:0} µs wall, {cost.BurstCpuMicroseconds:0} µs CPU per resource");
            return (plan, state, cost);
        }
    }

    private async Task<IReadOnlyList<WalkRunResult>> WalksAsync(CancellationToken cancellationToken)
    {
        var results = new List<WalkRunResult>();
        // JIT warm-up, unreported: otherwise the first graph walked carries it.
        await WalkRunner.RunAsync(GraphGenerator.Generate(GraphShape.Wide, 300, options.Seed + 1), LoadAverage.Now(), cancellationToken).ConfigureAwait(false);
        foreach (var graph in Graphs())
        {
            var load = _gate.WaitForQuiet($"the bare walk of {graph.Name}");
            var result = await WalkRunner.RunAsync(graph, load, cancellationToken).ConfigureAwait(false);
            Progress($"walk {graph.Name}: ratio {result.Ratio:0.000} (observed {result.ObservedRatio:0.000}), dispatch p99 {result.DispatchLatency.P99:0.00} ms (load {load})");
            results.Add(result);
        }
        return results;
    }

    private async Task<IReadOnlyList<ApplyGroup>> ApplyAsync(CancellationToken cancellationToken)
    {
        // JIT and SQLite warm-up, unreported: the first up in a process would otherwise carry it. Twice, with a pause:
        // tiered compilation recompiles hot methods only after the first run's calls were counted, and the CLI
        // (ReadyToRun) never runs the unoptimised first-pass code this bench would otherwise measure.
        var warmup = GraphGenerator.Generate(GraphShape.Mixed, 300, options.Seed + 1);
        for (var round = 0; round < 2; round++)
        {
            await ApplyRun.RunAsync(warmup, TemplateWriter.Yaml(warmup), null, options.DataRoot, LoadAverage.Now(), cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        var groups = new List<ApplyGroup>();
        foreach (var graph in Graphs())
        {
            var template = TemplateWriter.Yaml(graph);
            var uncapped = new List<ApplyRunResult>();
            var capped = new List<ApplyRunResult>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                // Alternate the two so that a change in machine load hits both alike.
                foreach (var cap in new int?[] { null, options.PeerMaxParallel })
                {
                    var load = _gate.WaitForQuiet($"{graph.Name}");
                    var run = await ApplyRun.RunAsync(graph, template, cap, options.DataRoot, load, cancellationToken).ConfigureAwait(false);
                    (cap is null ? uncapped : capped).Add(run);
                    Progress($"up {graph.Name} {(cap is null ? "no cap" : $"--max-parallel {cap}"),-16} makespan {run.MakespanMs,7:0} ms  ratio {run.Ratio:0.000} " +
                             $"(observed {run.ObservedRatio:0.000})  CPU {run.CpuMs * 1000 / graph.Count:0} µs/resource  dispatch p50/p99/max {run.DispatchLatency.P50:0.0}/{run.DispatchLatency.P99:0.0}/{run.DispatchLatency.Max:0.0} ms  store busy {run.StoreBusyMs:0} ms ({run.StoreWrites} writes in {run.StoreTransactions} transactions)  load {load.One:0.00}");
                }
            }
            groups.Add(ApplyGroup.For(graph, uncapped, capped));
        }
        return groups;
    }

    private IEnumerable<BenchGraph> Graphs() =>
        from size in options.Sizes
        from shape in options.Shapes
        select GraphGenerator.Generate(shape, size, options.Seed, options.MinDurationMs, options.MaxDurationMs);

    private static void Progress(string line) => Console.Error.WriteLine(line);

    private static string Git(string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
