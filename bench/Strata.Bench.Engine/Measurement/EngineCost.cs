using System.Diagnostics;
using System.Text.Json.Nodes;
using Strata.Bench.Engine.Graphs;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Templating;

namespace Strata.Bench.Engine.Measurement;

/// <summary>
/// The engine's work per created resource, split into the parts that can be called on their own, each
/// timed sequentially on one thread (µs per resource): evaluating the resource's properties, and the two
/// state-store transactions a journaled create makes (begin: journal entry + record + event; complete: the
/// same three updated). Whatever the whole <c>up</c> costs beyond these is the walk, the thread pool, the
/// provider request and bookkeeping.
/// </summary>
public sealed record EngineCostResult(int Resources, double ResolveMicroseconds, double BeginMicroseconds, double CompleteMicroseconds)
{
    public double StoreMicroseconds => BeginMicroseconds + CompleteMicroseconds;

    /// <summary>Begin and complete of every resource issued at once (a wide graph's burst): wall time per resource.</summary>
    public double? BurstWallMicroseconds { get; init; }

    /// <summary>Process CPU time per resource during that burst.</summary>
    public double? BurstCpuMicroseconds { get; init; }
}

public static class EngineCost
{
    public static async Task<EngineCostResult> MeasureAsync(BenchGraph graph, BenchEngine recorded, string stackName, string dataRoot, CancellationToken cancellationToken)
    {
        var stack = await recorded.Store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"cost: stack {stackName} is not recorded");
        var records = await recorded.Store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        var options = recorded.Engine.Options;
        var identity = new StackIdentity(stackName, stack.StackId, options.Region, options.AccountId);
        var definition = TemplateDefinitionFactory.Instance.Create(new TemplateSource(TemplateWriter.Yaml(graph), null), new Dictionary<string, string>(), identity).Definition!;
        var live = new LiveState(records, new Dictionary<string, string>());

        // Evaluation, in dependency order, every dependency known (as during an up).
        foreach (var id in graph.Ids.Take(200))
        {
            definition.ResolveResource(id, live);
        }
        var started = Stopwatch.GetTimestamp();
        foreach (var id in graph.Ids)
        {
            definition.ResolveResource(id, live);
        }
        var resolve = Clock.Ms(started, Stopwatch.GetTimestamp()) * 1000 / graph.Count;

        // The store's two transactions per create, on a fresh store so the measured state stays as it was.
        var scratchDirectory = Path.Combine(dataRoot, $"cost-{Guid.NewGuid():N}");
        var scratch = StateStore.Open(scratchDirectory);
        try
        {
            var begin = 0.0;
            var complete = 0.0;
            var calls = records.Select(r => ScratchCall(r, stack.StackId + "-cost", stackName)).ToList();
            foreach (var (call, index) in calls.Select((c, i) => (c, i)))
            {
                var t0 = Stopwatch.GetTimestamp();
                await call.BeginAsync(scratch, cancellationToken).ConfigureAwait(false);
                var t1 = Stopwatch.GetTimestamp();
                await call.CompleteAsync(scratch, cancellationToken).ConfigureAwait(false);
                var t2 = Stopwatch.GetTimestamp();
                // The first few carry statement and page-cache warm-up; skip them.
                if (index >= 100)
                {
                    begin += Clock.Ms(t0, t1);
                    complete += Clock.Ms(t1, t2);
                }
            }
            var measured = Math.Max(1, records.Count - 100);

            // The same writes as a wide graph makes them: every begin at once, then every complete at once, so
            // the store commits them in batches. Wall time per resource is the store's throughput.
            var burst = records.Select(r => ScratchCall(r, stack.StackId + "-burst", stackName)).ToList();
            var burstStarted = Stopwatch.GetTimestamp();
            var cpuBefore = Clock.CpuMs();
            await Task.WhenAll(burst.Select(c => Task.Run(() => c.BeginAsync(scratch, cancellationToken), cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(burst.Select(c => Task.Run(() => c.CompleteAsync(scratch, cancellationToken), cancellationToken))).ConfigureAwait(false);
            var burstWall = Clock.Ms(burstStarted, Stopwatch.GetTimestamp()) * 1000 / burst.Count;
            var burstCpu = (Clock.CpuMs() - cpuBefore) * 1000 / burst.Count;
            return new EngineCostResult(graph.Count, resolve, begin * 1000 / measured, complete * 1000 / measured)
            {
                BurstWallMicroseconds = burstWall,
                BurstCpuMicroseconds = burstCpu,
            };
        }
        finally
        {
            scratch.Dispose();
            try
            {
                Directory.Delete(scratchDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static ScratchCall ScratchCall(ResourceRecord record, string stackId, string stackName)
    {
        var operationId = Guid.CreateVersion7().ToString("N");
        var entry = new JournalEntry
        {
            OperationId = operationId,
            StackId = stackId,
            RecordId = Guid.CreateVersion7().ToString("N"),
            LogicalId = record.LogicalId,
            ResourceType = record.Type,
            Action = ProviderAction.Create,
            ClientToken = operationId,
            // As the engine journals a create: its desired state is the record's properties, written beside it.
            Request = new JsonObject { ["purpose"] = "Create" },
            StartedAt = DateTimeOffset.UtcNow,
        };
        var going = record with { RecordId = entry.RecordId, StackId = stackId, PhysicalId = null, Model = null, Status = ResourceStatus.CreateInProgress };
        return new ScratchCall(entry, going, going with { PhysicalId = record.PhysicalId, Model = record.Model, Status = ResourceStatus.CreateComplete }, stackName);
    }
}

/// <summary>One create's two journaled writes, as the engine's call runner makes them.</summary>
internal sealed record ScratchCall(JournalEntry Entry, ResourceRecord Going, ResourceRecord Done, string StackName)
{
    public Task BeginAsync(StateStore store, CancellationToken cancellationToken) =>
        store.BeginOperationAsync(Entry, Going, StackName, new EventDraft(Going.LogicalId, null, Going.Type, "CREATE_IN_PROGRESS", null), cancellationToken);

    public Task CompleteAsync(StateStore store, CancellationToken cancellationToken)
    {
        var result = new JsonObject { ["status"] = "Success", ["physicalId"] = Done.PhysicalId, ["errorCode"] = null, ["message"] = null };
        return store.CompleteOperationAsync(Entry.OperationId, true, result, Done, false, StackName,
            new EventDraft(Done.LogicalId, Done.PhysicalId, Done.Type, "CREATE_COMPLETE", null), cancellationToken);
    }
}
