using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>
/// Finishes the provider calls a dead process left Pending: each is repeated with its recorded client
/// token — the provider answers with the original outcome if it already acted — and its outcome is
/// recorded as if the first process had seen it. After this the records say what really exists.
/// </summary>
internal static class JournalRecovery
{
    public static async Task<int> RecoverAsync(StackRun run, CancellationToken cancellationToken)
    {
        var pending = await run.Store.GetPendingOperationsAsync(run.Stack.StackId, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return 0;
        }
        await Task.WhenAll(pending.Select(entry => ReplayAsync(run, entry, cancellationToken))).ConfigureAwait(false);
        return pending.Count;
    }

    private static async Task ReplayAsync(StackRun run, JournalEntry entry, CancellationToken cancellationToken)
    {
        var record = run.Records.Get(entry.RecordId);
        if (record is null)
        {
            // The record went with a completed transaction that did not close this entry: nothing to finish.
            await run.Store.CompleteOperationAsync(entry.OperationId, false, new() { ["message"] = "record no longer exists" },
                new ResourceRecord
                {
                    RecordId = entry.RecordId, StackId = entry.StackId, LogicalId = entry.LogicalId, Type = entry.ResourceType,
                    Status = ResourceStatus.DeleteComplete, UpdatedAt = run.Services.Time.GetUtcNow(),
                },
                removeRecord: true, run.Stack.Name, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (entry.PhysicalId is not null && record.PhysicalId is null)
        {
            record = record with { PhysicalId = entry.PhysicalId };
        }
        var call = new ResourceCall(entry, record, ResourceCall.PurposeOf(entry));
        // A create that waits for CreationPolicy signals is left in progress when it succeeds: the apply walk
        // then waits for its signals (stored by whichever endpoint received them) until its deadline.
        await CallRunner.RunAsync(run, call, cancellationToken).ConfigureAwait(false);
    }
}
