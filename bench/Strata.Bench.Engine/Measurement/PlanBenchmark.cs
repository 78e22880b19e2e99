using System.Diagnostics;
using System.Text;
using Strata.Bench.Engine.Graphs;
using Strata.Bench.Engine.Providers;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Templating;
using Strata.Templates.Syntax;

namespace Strata.Bench.Engine.Measurement;

/// <summary>Where a plan's time goes (warm medians, ms): the parts <c>StackEngine.PlanAsync</c> runs, timed one by one.</summary>
public sealed record PlanBreakdown(double ParseMs, double DefinitionMs, double LoadRecordsMs, double PlannerMs);

/// <summary>Plans of one template against one state: the first call in the process, then warm calls.</summary>
public sealed record PlanTiming(double FirstMs, double MedianMs, double MinMs, double MaxMs, int Runs, PlanBreakdown Breakdown);

/// <summary>The <c>up</c> that records the state, with every provider call answering at once: the engine's own cost.</summary>
public sealed record EngineFloor(int Resources, double MakespanMs, double CpuMs, long AllocatedBytes = 0)
{
    /// <summary>Managed bytes allocated by the whole process during the up, per resource (what the GC has to clean up).</summary>
    public double AllocatedBytesPerResource => (double)AllocatedBytes / Resources;

    public double MicrosecondsPerResource => MakespanMs * 1000 / Resources;

    public double CpuMicrosecondsPerResource => CpuMs * 1000 / Resources;
}

public sealed record PlanResult(string Graph, int Resources, int TemplateBytes, LoadAverage Load, PlanTiming AgainstEmpty, PlanTiming AgainstRecorded, EngineFloor Up);

/// <summary>
/// Plan of a 10,000-resource template (template → plan, i.e. <c>StackEngine.PlanAsync</c> end to end: parse,
/// evaluate, load the recorded resources, diff) against no stack and against a fully recorded one. The
/// recorded state is made by a real <c>up</c> of the same template with an instant provider.
/// </summary>
public static class PlanBenchmark
{
    private const string StackName = "bench-plan";

    public static async Task<(PlanResult Result, BenchEngine Engine)> RunAsync(BenchGraph graph, int warmRuns, string dataRoot, LoadAverage load, CancellationToken cancellationToken)
    {
        var template = new TemplateSource(TemplateWriter.Yaml(graph), null);
        var bench = BenchEngine.Open(dataRoot, "plan", new TimedProvider(graph, timer: null));
        try
        {
            var empty = await TimeAsync(bench, template, graph.Count, ChangeAction.Add, warmRuns, cancellationToken).ConfigureAwait(false);

            GC.Collect();
            var cpu = Clock.CpuMs();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var up = await bench.Engine.UpAsync(new UpRequest { StackName = StackName, Template = template }, cancellationToken).ConfigureAwait(false);
            var floor = new EngineFloor(graph.Count, Clock.Ms(started, Stopwatch.GetTimestamp()), Clock.CpuMs() - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
            if (up.Stack?.Status != StackStatus.CreateComplete)
            {
                throw new InvalidOperationException($"plan: recording the state failed: {up.Outcome}: {string.Join("; ", up.Messages.Take(5))}");
            }

            var recorded = await TimeAsync(bench, template, graph.Count, ChangeAction.None, warmRuns, cancellationToken).ConfigureAwait(false);
            var result = new PlanResult(graph.Name, graph.Count, Encoding.UTF8.GetByteCount(template.Body), load, empty, recorded, floor);
            return (result, bench);
        }
        catch
        {
            bench.Dispose();
            throw;
        }
    }

    private static async Task<PlanTiming> TimeAsync(BenchEngine bench, TemplateSource template, int count, ChangeAction expected, int warmRuns, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var run = 0; run <= warmRuns; run++)
        {
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            var planned = await bench.Engine.PlanAsync(StackName, template, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
            times.Add(Clock.Ms(started, Stopwatch.GetTimestamp()));
            if (planned.Plan is not { } plan || plan.Resources.Count != count || plan.Resources.Any(r => r.Action != expected))
            {
                throw new InvalidOperationException($"plan: expected {count} x {expected}, got {string.Join("; ", planned.Errors.Take(5))}" +
                    (planned.Plan is { } p ? string.Join(", ", p.Resources.GroupBy(r => r.Action).Select(g => $"{g.Count()} {g.Key}")) : ""));
            }
        }
        var warm = times.Skip(1).ToList();
        var breakdown = await BreakdownAsync(bench, template, warmRuns, cancellationToken).ConfigureAwait(false);
        return new PlanTiming(times[0], Clock.Median(warm), warm.Min(), warm.Max(), warm.Count, breakdown);
    }

    /// <summary>The steps of <c>PlanAsync</c> separately, with the same public types it uses.</summary>
    private static async Task<PlanBreakdown> BreakdownAsync(BenchEngine bench, TemplateSource template, int runs, CancellationToken cancellationToken)
    {
        var stack = await bench.Store.GetStackAsync(StackName, cancellationToken).ConfigureAwait(false);
        var options = bench.Engine.Options;
        var identity = new StackIdentity(StackName, stack?.StackId ?? $"arn:aws:cloudformation:{options.Region}:{options.AccountId}:stack/{StackName}/bench", options.Region, options.AccountId);
        var bytes = Encoding.UTF8.GetBytes(template.Body);
        var parse = new List<double>();
        var definition = new List<double>();
        var load = new List<double>();
        var planner = new List<double>();
        for (var run = 0; run < Math.Max(1, runs); run++)
        {
            // A collection before each part (untimed), so no part pays for the garbage of the one before it.
            GC.Collect();
            var t0 = Stopwatch.GetTimestamp();
            TemplateParser.Parse(bytes, "template");
            parse.Add(Clock.Ms(t0, Stopwatch.GetTimestamp()));
            GC.Collect();
            var t1 = Stopwatch.GetTimestamp();
            var created = TemplateDefinitionFactory.Instance.Create(template, new Dictionary<string, string>(), identity);
            definition.Add(Clock.Ms(t1, Stopwatch.GetTimestamp()));
            GC.Collect();
            var t2 = Stopwatch.GetTimestamp();
            IReadOnlyList<ResourceRecord> records = stack is null ? [] : await bench.Store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
            load.Add(Clock.Ms(t2, Stopwatch.GetTimestamp()));
            GC.Collect();
            var t3 = Stopwatch.GetTimestamp();
            new Planner(SpecReplacementRules.Default).CreatePlan(StackName, stack, records, created.Definition!, new LiveState(records, new Dictionary<string, string>()));
            planner.Add(Clock.Ms(t3, Stopwatch.GetTimestamp()));
        }
        return new PlanBreakdown(Clock.Median(parse), Clock.Median(definition), Clock.Median(load), Clock.Median(planner));
    }
}
