using Strata.Engine.Definition;
using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>
/// Evaluates a stack's outputs once its resources exist and publishes its exports: export names unique per
/// account and region, and an export another stack imports may neither disappear nor change value.
/// </summary>
internal static class OutputPublisher
{
    /// <summary>Returns the failure (as a root cause) or null when outputs and exports were recorded.</summary>
    public static async Task<RootCause?> PublishAsync(StackRun run, IStackDefinition definition, CancellationToken cancellationToken)
    {
        var stack = run.Stack;
        var resolved = definition.ResolveOutputs(run.Live);
        if (resolved.FirstOrDefault(o => o.Error is not null || o.Value is null) is { } broken)
        {
            return new RootCause(broken.Key, Events.StackType, "InvalidRequest", $"Output {broken.Key}: {broken.Error ?? "its value is not known"}");
        }
        var outputs = resolved.Select(o => new StackOutput(o.Key, o.Value!, o.Description, o.ExportName)).ToList();
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in outputs.Where(o => o.ExportName is not null))
        {
            if (!exports.TryAdd(output.ExportName!, output.Value))
            {
                return new RootCause(output.Key, Events.StackType, "InvalidRequest", $"Export name {output.ExportName} is used by two outputs of the stack");
            }
        }

        var store = run.Store;
        var scope = run.Services.ExportScope;
        foreach (var previous in await store.GetExportsOfStackAsync(stack.StackId, cancellationToken).ConfigureAwait(false))
        {
            var removed = !exports.TryGetValue(previous.Name, out var value);
            if (!removed && value == previous.Value)
            {
                continue;
            }
            var users = await ImportersAsync(run, previous.Name, cancellationToken).ConfigureAwait(false);
            if (users.Count > 0)
            {
                var verb = removed ? "delete" : "update";
                return new RootCause(stack.Name, Events.StackType, "InvalidRequest",
                    $"Cannot {verb} export {previous.Name} as it is in use by {string.Join(", ", users)}");
            }
        }
        var owner = await store.ReplaceExportsAsync(stack.StackId, scope, exports, cancellationToken).ConfigureAwait(false);
        if (owner is not null)
        {
            var ownerStack = await store.GetStackByIdAsync(owner.StackId, cancellationToken).ConfigureAwait(false);
            return new RootCause(stack.Name, Events.StackType, "AlreadyExists",
                $"Export with name {owner.Name} is already exported by stack {ownerStack?.Name ?? owner.StackId}");
        }
        await store.SetImportsAsync(stack.StackId, scope, run.Live.ImportedExports, cancellationToken).ConfigureAwait(false);
        await run.UpdateStackAsync(s => s with { Outputs = outputs }, null, null, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Names of live stacks (other than this one) that import <paramref name="exportName"/>.</summary>
    public static async Task<IReadOnlyList<string>> ImportersAsync(StackRun run, string exportName, CancellationToken cancellationToken)
    {
        var ids = await run.Store.GetImportersAsync(run.Services.ExportScope, exportName, run.Stack.StackId, cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        foreach (var id in ids)
        {
            if (await run.Store.GetStackByIdAsync(id, cancellationToken).ConfigureAwait(false) is { } importer && importer.Status != StackStatus.DeleteComplete)
            {
                names.Add(importer.Name);
            }
        }
        return names;
    }

    /// <summary>Every export of the account and region, for <c>Fn::ImportValue</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadExportsAsync(EngineServices services, CancellationToken cancellationToken) =>
        await services.Store.GetAllExportsAsync(services.ExportScope, cancellationToken).ConfigureAwait(false);

    /// <summary>Drops the stack's exports and imports (it is gone).</summary>
    public static async Task WithdrawAsync(StackRun run, CancellationToken cancellationToken)
    {
        await run.Store.ReplaceExportsAsync(run.Stack.StackId, run.Services.ExportScope, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        await run.Store.SetImportsAsync(run.Stack.StackId, run.Services.ExportScope, [], cancellationToken).ConfigureAwait(false);
    }
}
