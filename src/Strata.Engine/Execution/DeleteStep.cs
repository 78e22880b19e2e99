using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Why resources are being deleted: decides which policy applies.</summary>
internal enum DeletePurpose
{
    /// <summary><c>strata down</c>.</summary>
    StackDelete,
    /// <summary>A failed create is rolled back.</summary>
    CreateRollback,
    /// <summary>After a successful update: removed resources and the old halves of replacements.</summary>
    UpdateCleanup,
    /// <summary>After an update rollback: resources the failed update created.</summary>
    RollbackCleanup,
}

/// <summary>Deletes one physical resource, or keeps it when its policy says so (Retain), or snapshots it first (Snapshot).</summary>
internal static class DeleteStep
{
    public static async Task<bool> RunAsync(StackRun run, ResourceRecord record, DeletePurpose purpose, CancellationToken cancellationToken)
    {
        var policy = PolicyFor(record, purpose);
        if (record.PhysicalId is null)
        {
            // Nothing was ever created (a create that failed at once): only the record goes.
            await run.Store.RemoveResourceAsync(record.StackId, record.RecordId, run.Stack.Name,
                Events.Resource(record, ResourceStatus.DeleteComplete), cancellationToken).ConfigureAwait(false);
            run.Records.Remove(record.RecordId);
            return true;
        }
        if (policy is "Retain" || (policy is "RetainExceptOnCreate" && purpose != DeletePurpose.CreateRollback))
        {
            await run.Store.RemoveResourceAsync(record.StackId, record.RecordId, run.Stack.Name,
                Events.Resource(record, ResourceStatus.DeleteSkipped), cancellationToken).ConfigureAwait(false);
            run.Records.Remove(record.RecordId);
            if (record.IsCurrent)
            {
                run.Live.Remove(record.LogicalId);
            }
            return true;
        }

        var deleting = record with { Status = ResourceStatus.DeleteInProgress, StatusReason = null, UpdatedAt = run.Services.Time.GetUtcNow() };
        var call = CallRunner.Prepare(run, deleting, ProviderAction.Delete, CallPurpose.Delete,
            ResourceCall.RecordStateRequest(CallPurpose.Delete, snapshot: policy == "Snapshot"));
        await CallRunner.BeginAsync(run, call, Events.Resource(deleting, ResourceStatus.DeleteInProgress), cancellationToken).ConfigureAwait(false);
        var result = await CallRunner.RunAsync(run, call, cancellationToken).ConfigureAwait(false);
        var succeeded = result.Event.Status == OperationStatus.Success;
        if (succeeded && record.IsCurrent)
        {
            run.Live.Remove(record.LogicalId);
        }
        return succeeded;
    }

    /// <summary>
    /// The old half of a replacement follows UpdateReplacePolicy, everything else DeletionPolicy; an update
    /// rollback deletes what the failed update created whatever its UpdateReplacePolicy (as CloudFormation does).
    /// </summary>
    private static string? PolicyFor(ResourceRecord record, DeletePurpose purpose) => purpose switch
    {
        DeletePurpose.RollbackCleanup => record.IsCurrent ? record.DeletionPolicy : null,
        _ when !record.IsCurrent => record.UpdateReplacePolicy,
        _ => record.DeletionPolicy,
    };
}
