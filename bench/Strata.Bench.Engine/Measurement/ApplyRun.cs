using System.Diagnostics;
using Strata.Bench.Engine.Graphs;
using Strata.Bench.Engine.Providers;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;

namespace Strata.Bench.Engine.Measurement;

/// <summary>One <c>up</c> of a generated graph, and what its provider stamps say about it.</summary>
public sealed record ApplyRunResult
{
    public required string Graph { get; init; }

    /// <summary>null = no cap (Strata's default); 10 = <c>--max-parallel 10</c>, Terraform's default.</summary>
    public int? MaxParallel { get; init; }

    public required LoadAverage Load { get; init; }

    /// <summary>Wall time of <c>UpAsync</c>, start to result.</summary>
    public required double MakespanMs { get; init; }

    /// <summary>Longest path of the drawn durations.</summary>
    public required double CriticalPathMs { get; init; }

    /// <summary>Longest path of the durations the provider really took (drawn + timer lateness).</summary>
    public required double ObservedCriticalPathMs { get; init; }

    public double Ratio => MakespanMs / CriticalPathMs;

    public double ObservedRatio => MakespanMs / ObservedCriticalPathMs;

    /// <summary>From <c>UpAsync</c> to the first provider call: template parse and evaluation, stack record.</summary>
    public required double SetupMs { get; init; }

    /// <summary>From the last provider answer to <c>UpAsync</c> returning: outputs, final status.</summary>
    public required double FinishMs { get; init; }

    /// <summary>Process CPU time during the run (all threads).</summary>
    public required double CpuMs { get; init; }

    public required int Gen2Collections { get; init; }

    /// <summary>Collections of generation 0 and 1 during the run (each also counts the younger ones it includes).</summary>
    public int Gen0Collections { get; init; }

    public int Gen1Collections { get; init; }

    /// <summary>Managed bytes allocated by all threads during the run.</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Time the runtime was paused for garbage collection during the run.</summary>
    public double GcPauseMs { get; init; }

    /// <summary>How late the timer fired: observed minus drawn duration, per resource.</summary>
    public required Distribution TimerLateness { get; init; }

    /// <summary>From the last dependency being done (its timer firing) to the dependent's provider call (resources with dependencies).</summary>
    public required Distribution DispatchLatency { get; init; }

    /// <summary>The same dispatches split at the engine's step stamps; null in results recorded before the split.</summary>
    public DispatchParts? DispatchParts { get; init; }

    public required int MaxInFlight { get; init; }

    /// <summary>Time the state store's connection spent running and committing writes during the run (one connection, so at most the makespan).</summary>
    public double StoreBusyMs { get; init; }

    /// <summary>Writes (journal entries, records, events) committed during the run, and the transactions they took.</summary>
    public long StoreWrites { get; init; }

    public long StoreTransactions { get; init; }
}

public static class ApplyRun
{
    public static async Task<ApplyRunResult> RunAsync(BenchGraph graph, string template, int? maxParallel, string dataRoot, LoadAverage load, CancellationToken cancellationToken)
    {
        using var timer = new PreciseTimer();
        var provider = new TimedProvider(graph, timer);
        var steps = new StepStamps(graph);
        using var bench = BenchEngine.Open(dataRoot, graph.Name, provider, steps);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var gen2 = GC.CollectionCount(2);
        var (gen0, gen1) = (GC.CollectionCount(0), GC.CollectionCount(1));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Clock.CpuMs();
        var storeBefore = bench.Store.WriteStatistics;
        var started = Stopwatch.GetTimestamp();
        var result = await bench.Engine.UpAsync(new UpRequest
        {
            StackName = "bench-" + graph.Name,
            Template = new TemplateSource(template, null),
            MaxParallel = maxParallel,
        }, cancellationToken).ConfigureAwait(false);
        var ended = Stopwatch.GetTimestamp();
        var store = bench.Store.WriteStatistics;
        cpu = Clock.CpuMs() - cpu;
        gen2 = GC.CollectionCount(2) - gen2;
        (gen0, gen1) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;

        if (result.Stack?.Status != StackStatus.CreateComplete || provider.Creates != graph.Count || provider.Duplicates != 0)
        {
            throw new InvalidOperationException(
                $"{graph.Name}: up ended {result.Outcome} / {result.Stack?.Status} with {provider.Creates} creates ({provider.Duplicates} duplicates): " +
                string.Join("; ", result.Messages.Take(5)));
        }
        return Analyse(graph, provider, maxParallel, load, started, ended, cpu, gen2) with
        {
            DispatchParts = Measurement.DispatchParts.Of(graph, provider.Answered, provider.Arrived, steps),
            GcPauseMs = paused,
            Gen0Collections = gen0,
            Gen1Collections = gen1,
            AllocatedBytes = allocated,
            StoreBusyMs = (store.Busy - storeBefore.Busy).TotalMilliseconds,
            StoreWrites = store.Writes - storeBefore.Writes,
            StoreTransactions = store.Transactions - storeBefore.Transactions,
        };
    }

    private static ApplyRunResult Analyse(BenchGraph graph, TimedProvider provider, int? maxParallel, LoadAverage load, long started, long ended, double cpu, int gen2)
    {
        var observed = new double[graph.Count];
        var lateness = new double[graph.Count];
        var latencies = new List<double>(graph.Count);
        for (var i = 0; i < graph.Count; i++)
        {
            observed[i] = Clock.Ms(provider.Arrived[i], provider.Answered[i]);
            lateness[i] = observed[i] - graph.DurationsMs[i];
            if (graph.Dependencies[i].Length > 0)
            {
                var ready = graph.Dependencies[i].Max(d => provider.Answered[d]);
                latencies.Add(Clock.Ms(ready, provider.Arrived[i]));
            }
        }
        return new ApplyRunResult
        {
            Graph = graph.Name,
            MaxParallel = maxParallel,
            Load = load,
            MakespanMs = Clock.Ms(started, ended),
            CriticalPathMs = graph.NominalCriticalPath(),
            ObservedCriticalPathMs = graph.CriticalPath(observed),
            SetupMs = Clock.Ms(started, provider.Arrived.Min()),
            FinishMs = Clock.Ms(provider.Answered.Max(), ended),
            CpuMs = cpu,
            Gen2Collections = gen2,
            TimerLateness = Distribution.Of(lateness),
            DispatchLatency = Distribution.Of(latencies),
            MaxInFlight = MaxInFlight(provider),
        };
    }

    /// <summary>Most provider calls open at once, from the stamps (a sweep over arrivals and answers).</summary>
    private static int MaxInFlight(TimedProvider provider)
    {
        var events = provider.Arrived.Select(t => (t, +1)).Concat(provider.Answered.Select(t => (t, -1)))
            .OrderBy(e => e.t).ThenBy(e => e.Item2);
        int open = 0, max = 0;
        foreach (var (_, delta) in events)
        {
            open += delta;
            max = Math.Max(max, open);
        }
        return max;
    }
}
