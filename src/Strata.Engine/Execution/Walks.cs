using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Walk;

namespace Strata.Engine.Execution;

/// <summary>The two walks of an operation: applying a definition in dependency order, deleting records in reverse.</summary>
internal static class Walks
{
    /// <summary>Applies every resource of <paramref name="definition"/>; true when all succeeded.</summary>
    public static async Task<WalkResult<string>> ApplyAsync(StackRun run, IStackDefinition definition, ApplyMode mode, CancellationToken cancellationToken)
    {
        var resources = definition.Resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        var walk = new DependencyWalk<string>(definition.Resources.Select(r => r.LogicalId).ToList(), id => resources[id].Dependencies);
        var options = new WalkOptions
        {
            MaxParallel = run.Settings.MaxParallel ?? run.Services.Options.MaxParallel,
            StopOnFailure = true,
            // A rollback is not stopped by the cancel that caused it.
            Stop = mode == ApplyMode.Forward ? run.Settings.Stop : CancellationToken.None,
            Observer = run.Services.Options.ApplyObserver is { } observer ? new ApplyWalkObserver(walk.Nodes, observer) : null,
        };
        return await walk.RunAsync((id, token) => ApplyStep.RunAsync(run, definition, resources[id], mode, token), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes <paramref name="records"/>, each after everything that depends on it; failures block only what they hold up.</summary>
    public static async Task<bool> DeleteAsync(StackRun run, IReadOnlyList<ResourceRecord> records, DeletePurpose purpose, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return true;
        }
        var byId = records.ToDictionary(r => r.RecordId, StringComparer.Ordinal);
        var byLogical = records.ToLookup(r => r.LogicalId, StringComparer.Ordinal);
        DependencyWalk<string> walk;
        try
        {
            walk = new DependencyWalk<string>(
                records.Select(r => r.RecordId).ToList(),
                id => byId[id].DependsOn.SelectMany(d => byLogical[d]).Select(r => r.RecordId).Where(d => d != id)).Reversed();
        }
        catch (DependencyCycleException)
        {
            var ordered = Planner.RemovalOrder(records);
            walk = new DependencyWalk<string>(ordered.Select(r => r.RecordId).ToList(),
                id => ordered.TakeWhile(r => r.RecordId != id).Select(r => r.RecordId).TakeLast(1));
        }
        var options = new WalkOptions { MaxParallel = run.Settings.MaxParallel ?? run.Services.Options.MaxParallel };
        var result = await walk.RunAsync(
            (id, token) => DeleteStep.RunAsync(run, run.Records.Get(id) ?? byId[id], purpose, token), options, cancellationToken).ConfigureAwait(false);
        return result.AllSucceeded;
    }
}
