using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary><c>strata down</c>: every resource deleted in reverse dependency order, Retain honoured; refused while another stack imports an export.</summary>
internal sealed class DeleteOperation(EngineServices services)
{
    public async Task<OperationResult> RunAsync(string stackName, RunSettings settings, CancellationToken cancellationToken)
    {
        await using var lease = await StackLeaseHolder.AcquireAsync(services, stackName, "down", cancellationToken).ConfigureAwait(false);
        var stack = await services.Store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is null || stack.Status == StackStatus.DeleteComplete)
        {
            return new OperationResult(OperationOutcome.NotFound, stack, [$"Stack {stackName} does not exist"]);
        }
        return await DeleteHeldAsync(stack, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a stack whose lease the caller holds.</summary>
    public async Task<OperationResult> DeleteHeldAsync(StackRecord stack, RunSettings settings, CancellationToken cancellationToken)
    {
        var records = await services.Store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        var exports = await OutputPublisher.LoadExportsAsync(services, cancellationToken).ConfigureAwait(false);
        var run = new StackRun(services, stack, records, exports, settings);

        var inUse = new List<string>();
        foreach (var export in await services.Store.GetExportsOfStackAsync(stack.StackId, cancellationToken).ConfigureAwait(false))
        {
            var users = await OutputPublisher.ImportersAsync(run, export.Name, cancellationToken).ConfigureAwait(false);
            if (users.Count > 0)
            {
                inUse.Add($"Export {export.Name} cannot be deleted as it is in use by {string.Join(", ", users)}");
            }
        }
        if (inUse.Count > 0)
        {
            return new OperationResult(OperationOutcome.Refused, stack, inUse);
        }

        await run.SetStatusAsync(StackStatus.DeleteInProgress, Events.UserInitiated, cancellationToken).ConfigureAwait(false);
        await JournalRecovery.RecoverAsync(run, cancellationToken).ConfigureAwait(false);
        run.ResetFailures();
        var deleted = await Walks.DeleteAsync(run, run.Records.All.Where(r => r.Status.Exists()).ToList(), DeletePurpose.StackDelete, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (deleted)
        {
            await OutputPublisher.WithdrawAsync(run, cancellationToken).ConfigureAwait(false);
            await run.UpdateStackAsync(s => s with { Status = StackStatus.DeleteComplete, StatusReason = null, Outputs = [] },
                StackStatus.DeleteComplete, null, cancellationToken).ConfigureAwait(false);
            return new OperationResult(OperationOutcome.Succeeded, run.Stack, []);
        }
        var reason = Events.FailedTo("delete", run.Failures.FailedResources);
        await run.UpdateStackAsync(s => s with { Status = StackStatus.DeleteFailed, StatusReason = reason, RootCause = run.Failures.First ?? s.RootCause },
            StackStatus.DeleteFailed, reason, cancellationToken).ConfigureAwait(false);
        return new OperationResult(OperationOutcome.Failed, run.Stack, [reason]);
    }
}
