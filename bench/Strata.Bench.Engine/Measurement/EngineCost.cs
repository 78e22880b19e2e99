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
            var scratchStackId = stack.StackId + "-cost";
            foreach (var (record, index) in records.Select((r, i) => (r, i)))
            {
                var operationId = Guid.NewGuid().ToString("N");
                var entry = new JournalEntry
                {
                    OperationId = operationId,
                    StackId = scratchStackId,
                    RecordId = Guid.NewGuid().ToString("N"),
                    LogicalId = record.LogicalId,
                    ResourceType = record.Type,
                    Action = ProviderAction.Create,
                    ClientToken = operationId,
                    Request = new JsonObject { ["purpose"] = "Create", ["desired"] = record.Properties.ToObject() },
                    StartedAt = DateTimeOffset.UtcNow,
                };
                var going = record with { RecordId = entry.RecordId, StackId = scratchStackId, PhysicalId = null, Model = null, Status = ResourceStatus.CreateInProgress };
                var done = going with { PhysicalId = record.PhysicalId, Model = record.Model, Status = ResourceStatus.CreateComplete };
                var t0 = Stopwatch.GetTimestamp();
                await scratch.BeginOperationAsync(entry, going, stackName, new EventDraft(record.LogicalId, null, record.Type, "CREATE_IN_PROGRESS", null), cancellationToken).ConfigureAwait(false);
                var t1 = Stopwatch.GetTimestamp();
                var result = new JsonObject { ["status"] = "Success", ["physicalId"] = record.PhysicalId, ["errorCode"] = null, ["message"] = null };
                await scratch.CompleteOperationAsync(operationId, true, result, done, false, stackName, new EventDraft(record.LogicalId, record.PhysicalId, record.Type, "CREATE_COMPLETE", null), cancellationToken).ConfigureAwait(false);
                var t2 = Stopwatch.GetTimestamp();
                // The first few carry statement and page-cache warm-up; skip them.
                if (index >= 100)
                {
                    begin += Clock.Ms(t0, t1);
                    complete += Clock.Ms(t1, t2);
                }
            }
            var measured = Math.Max(1, records.Count - 100);
            return new EngineCostResult(graph.Count, resolve, begin * 1000 / measured, complete * 1000 / measured);
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
}
