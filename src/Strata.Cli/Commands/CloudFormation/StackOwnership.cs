using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>A provider that holds a stack of a given name in the data directory, as its records last saw it.</summary>
public sealed record StackOwner(string Provider, string Status, bool Live, DateTimeOffset UpdatedAt);

/// <summary>
/// Which provider answers for a stack name. Engine stacks (sandbox, aws) live in the state store, CloudFormation
/// stacks in Strata's records under <c>cloudformation/</c>; both are read locally, without calling AWS, so that
/// dispatch costs nothing and works offline.
/// </summary>
public static class StackOwnership
{
    /// <summary>
    /// For <c>events</c>, <c>outputs</c>, <c>resources</c>: the requested provider, else the one holding the stack (a
    /// live stack over a deleted one, then the most recently updated), else the sandbox.
    /// </summary>
    public static async Task<string> ResolveAsync(string data, string stackName, string? requested, CancellationToken cancellationToken)
    {
        if (requested is not null)
        {
            return requested;
        }
        return Holder(await FindAsync(data, stackName, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// For <c>down</c>: as <see cref="ResolveAsync"/>, but a provider that does not hold a live stack of that name may
    /// not be asked to delete it (the sandbox's records sent to Cloud Control would name resources it never made).
    /// </summary>
    public static async Task<string> ForDownAsync(string data, string stackName, string? requested, CancellationToken cancellationToken)
    {
        var owners = await FindAsync(data, stackName, cancellationToken).ConfigureAwait(false);
        if (requested is null)
        {
            return Holder(owners);
        }
        RefuseOtherOwner(stackName, owners, requested, "leave out --provider to delete it");
        return requested;
    }

    /// <summary>
    /// For <c>up</c> and <c>plan</c>: the requested provider, else the live stack's own, else the sandbox. A stack is
    /// built by one provider at a time: asking another one for a live stack is refused as bad usage.
    /// </summary>
    public static async Task<string> ForUpAsync(string data, string stackName, string? requested, CancellationToken cancellationToken)
    {
        var owners = await FindAsync(data, stackName, cancellationToken).ConfigureAwait(false);
        if (requested is null)
        {
            return owners.Where(o => o.Live).OrderByDescending(o => o.UpdatedAt).FirstOrDefault()?.Provider ?? ProviderNames.Sandbox;
        }
        RefuseOtherOwner(stackName, owners, requested,
            $"leave out --provider to update it there, or delete it first (strata down {stackName}) to rebuild it with --provider {requested}");
        return requested;
    }

    private static string Holder(IReadOnlyList<StackOwner> owners) =>
        owners.OrderByDescending(o => o.Live).ThenByDescending(o => o.UpdatedAt).FirstOrDefault()?.Provider ?? ProviderNames.Sandbox;

    private static void RefuseOtherOwner(string stackName, IReadOnlyList<StackOwner> owners, string requested, string advice)
    {
        var live = owners.Where(o => o.Live).ToList();
        if (live.Count > 0 && live.All(o => o.Provider != requested))
        {
            throw new UsageException($"Stack {stackName} exists as a {live[0].Provider} stack in this data directory ({live[0].Status}); {advice}");
        }
    }

    /// <summary>Every provider holding a stack named <paramref name="stackName"/>: at most one engine stack and one CloudFormation record.</summary>
    public static async Task<IReadOnlyList<StackOwner>> FindAsync(string data, string stackName, CancellationToken cancellationToken)
    {
        var owners = new List<StackOwner>();
        // Only an existing store is read: opening one creates it, and a CloudFormation-only directory needs none.
        if (File.Exists(Path.Combine(data, StateStore.FileName)))
        {
            using var store = EngineHost.OpenStore(data);
            if (await store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false) is { } stack)
            {
                owners.Add(new StackOwner(stack.Provider, stack.Status.ToCfn(), stack.Status != StackStatus.DeleteComplete, stack.UpdatedAt));
            }
        }
        if (CloudFormationRecordStore.Tracks(data, stackName)
            && await new CloudFormationRecordStore(data).GetAsync(stackName, cancellationToken).ConfigureAwait(false) is { } record)
        {
            owners.Add(new StackOwner(ProviderNames.CloudFormation, record.Status, !record.IsDeleted, record.UpdatedAt));
        }
        return owners;
    }
}
