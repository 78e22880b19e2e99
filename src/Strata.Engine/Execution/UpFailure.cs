using Strata.Engine.Definition;
using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>
/// What happens after <c>up</c> fails: keep everything (no-rollback), delete what a create made (reverse
/// dependency order), or take an update back to the previous template and state. The stack records the
/// root cause in every case, before anything is rolled back.
/// </summary>
internal sealed class UpFailure(EngineServices services)
{
    public async Task<OperationResult> HandleAsync(StackRun run, RootCause cause, bool creating, bool disableRollback, CancellationToken cancellationToken)
    {
        var failed = run.Failures.FailedResources;
        var reason = cause.ErrorCode == "Cancelled" ? "User cancelled"
            : failed.Count > 0 ? Events.FailedTo(creating ? "create" : "update", failed)
            : cause.Message;

        if (disableRollback)
        {
            var status = creating ? StackStatus.CreateFailed : StackStatus.UpdateFailed;
            await run.UpdateStackAsync(s => s with { Status = status, StatusReason = reason, RootCause = cause }, status, reason, cancellationToken).ConfigureAwait(false);
            return Failed(run, reason);
        }
        return creating
            ? await RollBackCreateAsync(run, cause, reason, cancellationToken).ConfigureAwait(false)
            : await RollBackUpdateAsync(run, cause, reason, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<OperationResult> RollBackCreateAsync(StackRun run, RootCause cause, string reason, CancellationToken cancellationToken)
    {
        var why = reason + " Rollback requested by user.";
        await run.UpdateStackAsync(s => s with { Status = StackStatus.RollbackInProgress, StatusReason = why, RootCause = cause },
            StackStatus.RollbackInProgress, why, cancellationToken).ConfigureAwait(false);
        run.ResetFailures();
        var deleted = await Walks.DeleteAsync(run, run.Records.All.Where(r => r.Status.Exists()).ToList(), DeletePurpose.CreateRollback, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await OutputPublisher.WithdrawAsync(run, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            await run.UpdateStackAsync(s => s with { Status = StackStatus.RollbackComplete, StatusReason = why, Outputs = [] },
                StackStatus.RollbackComplete, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var failedDelete = Events.FailedTo("delete", run.Failures.FailedResources);
            await run.SetStatusAsync(StackStatus.RollbackFailed, failedDelete, cancellationToken).ConfigureAwait(false);
        }
        return Failed(run, reason);
    }

    private async Task<OperationResult> RollBackUpdateAsync(StackRun run, RootCause cause, string reason, CancellationToken cancellationToken)
    {
        await run.UpdateStackAsync(s => s with { Status = StackStatus.UpdateRollbackInProgress, StatusReason = reason, RootCause = cause },
            StackStatus.UpdateRollbackInProgress, reason, cancellationToken).ConfigureAwait(false);
        var stack = run.Stack;
        var previous = services.Definitions.Create(
            new TemplateSource(stack.PreviousTemplateBody ?? stack.TemplateBody, stack.PreviousTemplatePath),
            stack.PreviousParameters ?? stack.Parameters,
            new StackIdentity(stack.Name, stack.StackId, services.Options.Region, services.Options.AccountId));
        if (previous.Definition is not { } definition)
        {
            var why = "The previous template cannot be evaluated any more: " + string.Join("; ", previous.Errors);
            await run.SetStatusAsync(StackStatus.UpdateRollbackFailed, why, cancellationToken).ConfigureAwait(false);
            return Failed(run, reason);
        }

        run.ResetFailures();
        run.ResetLiveState(await OutputPublisher.LoadExportsAsync(services, cancellationToken).ConfigureAwait(false));
        var walk = await Walks.ApplyAsync(run, definition, ApplyMode.Revert, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (!walk.AllSucceeded || run.Failures.HasFailures)
        {
            var why = Events.FailedTo("update", run.Failures.FailedResources);
            await run.SetStatusAsync(StackStatus.UpdateRollbackFailed, why, cancellationToken).ConfigureAwait(false);
            return Failed(run, reason);
        }

        await run.SetStatusAsync(StackStatus.UpdateRollbackCompleteCleanupInProgress, null, cancellationToken).ConfigureAwait(false);
        await Walks.DeleteAsync(run, UpOperation.LeavingRecords(run, definition), DeletePurpose.RollbackCleanup, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await OutputPublisher.PublishAsync(run, definition, cancellationToken).ConfigureAwait(false);
        await run.UpdateStackAsync(s => s with
        {
            Status = StackStatus.UpdateRollbackComplete,
            StatusReason = null,
            TemplateBody = s.PreviousTemplateBody ?? s.TemplateBody,
            TemplatePath = s.PreviousTemplateBody is null ? s.TemplatePath : s.PreviousTemplatePath,
            Parameters = s.PreviousParameters ?? s.Parameters,
            PreviousTemplateBody = null,
            PreviousTemplatePath = null,
            PreviousParameters = null,
        }, StackStatus.UpdateRollbackComplete, null, cancellationToken).ConfigureAwait(false);
        return Failed(run, reason);
    }

    private static OperationResult Failed(StackRun run, string reason) => new(OperationOutcome.Failed, run.Stack, [reason]);
}
