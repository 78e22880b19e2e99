using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>Deleting a stack, and continuing a rollback that failed.</summary>
public sealed partial class CloudFormationDeployer
{
    /// <summary>Deletes the stack and follows the deletion. The record stays (DELETE_COMPLETE, with the last root cause).</summary>
    public async Task<DeploymentResult> DownAsync(CloudFormationDownRequest request, IDeploymentObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= NullDeploymentObserver.Instance;
        StackNames.Validate(request.StackName);
        var previous = await _records.GetAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        var stack = await _cfn.FindStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            if (previous is not null && !previous.IsDeleted)
                await SaveAsync(previous with { Status = StackStates.DeleteComplete, UpdatedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return new DeploymentResult
            {
                StackName = request.StackName, StackId = previous?.StackId, Outcome = DeploymentOutcome.NotFound,
                Status = previous is null ? null : StackStates.DeleteComplete,
                Messages = [$"Stack {request.StackName} does not exist in CloudFormation ({_context.Region})."],
            };
        }
        if (StackStates.IsInProgress(stack.StackStatus) && stack.StackStatus != StackStates.ReviewInProgress)
            return Refused(stack, $"Stack {request.StackName} is busy ({stack.StackStatus}); delete it once that operation ends.");

        var cursor = await CatchUpAsync(stack.StackId, CursorOf(previous, stack.StackId), cancellationToken).ConfigureAwait(false);
        var record = NewOrUpdatedRecord(previous, stack.StackId, stack.StackName, "DELETE_IN_PROGRESS") with
        {
            LastEventId = cursor.LastEventId,
            EventCount = cursor.Count,
        };
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        // RetainResources is only accepted for a stack in DELETE_FAILED.
        var retain = stack.StackStatus == StackStates.DeleteFailed ? request.RetainResources : [];
        try
        {
            await _cfn.DeleteStackAsync(new DeleteStackRequest(stack.StackId) { RetainResources = retain, RoleArn = request.RoleArn },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection)
        {
            // e.g. termination protection: nothing started, the stack is as it was.
            await SaveAsync(record with { Status = stack.StackStatus }, cancellationToken).ConfigureAwait(false);
            return Refused(stack, $"CloudFormation did not delete stack {stack.StackName}: {e.Code}: {e.ErrorMessage}");
        }
        var outcome = await _tracker.TrackAsync(new TrackRequest(stack.StackId, stack.StackName, cursor) { Timeout = request.Timeout, AwaitStart = true },
            observer, PersistCursor(record), cancellationToken).ConfigureAwait(false);

        var messages = new List<string>();
        DeploymentOutcome result;
        Engine.Model.RootCause? timeoutCause = null;
        if (outcome.TimedOut)
        {
            result = DeploymentOutcome.TimedOut;
            timeoutCause = TimeoutCause(stack.StackName, outcome, request.Timeout!.Value);
            messages.Add($"Timed out after {Durations.Format(request.Timeout.Value)}: stack {stack.StackName} is still {outcome.Status} " +
                         $"and CloudFormation keeps deleting it. Follow it with 'strata events {stack.StackName} --follow'.");
            observer.OnWarning(messages[^1]);
        }
        else if (outcome.Status == StackStates.DeleteComplete)
        {
            result = DeploymentOutcome.Succeeded;
        }
        else
        {
            result = DeploymentOutcome.Failed;
            messages.Add($"Stack {stack.StackName} could not be deleted ({outcome.Status}). Remove what blocks it and run down again, " +
                         "or retain the resources that cannot be deleted.");
        }
        return await ConcludeAsync(stack.StackName, outcome, cursor, record, messages, null, result, timeoutCause, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Continues a stack out of UPDATE_ROLLBACK_FAILED (ContinueUpdateRollback), skipping the resources CloudFormation
    /// cannot roll back, and follows the rollback to UPDATE_ROLLBACK_COMPLETE. The result keeps the failed update's root cause.
    /// </summary>
    public async Task<DeploymentResult> ContinueUpdateRollbackAsync(CloudFormationContinueRollbackRequest request,
        IDeploymentObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= NullDeploymentObserver.Instance;
        StackNames.Validate(request.StackName);
        var stack = await _cfn.FindStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            return new DeploymentResult
            {
                StackName = request.StackName, Outcome = DeploymentOutcome.NotFound,
                Messages = [$"Stack {request.StackName} does not exist in CloudFormation ({_context.Region})."],
            };
        }
        if (stack.StackStatus != StackStates.UpdateRollbackFailed)
            return Refused(stack, $"Stack {request.StackName} is {stack.StackStatus}; only a stack in UPDATE_ROLLBACK_FAILED can continue its rollback.");

        var previous = await _records.GetAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        var originalCause = await PreviousFailureAsync(stack, cancellationToken).ConfigureAwait(false);
        var cursor = await CatchUpAsync(stack.StackId, CursorOf(previous, stack.StackId), cancellationToken).ConfigureAwait(false);
        var record = NewOrUpdatedRecord(previous, stack.StackId, stack.StackName, "UPDATE_ROLLBACK_IN_PROGRESS") with
        {
            RootCause = originalCause,
            LastEventId = cursor.LastEventId,
            EventCount = cursor.Count,
        };
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        try
        {
            await _cfn.ContinueUpdateRollbackAsync(new ContinueUpdateRollbackRequest(stack.StackId)
            {
                ResourcesToSkip = request.ResourcesToSkip,
                RoleArn = request.RoleArn,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection)
        {
            return Refused(stack, $"CloudFormation did not continue the rollback: {e.Code}: {e.ErrorMessage}") with { RootCause = originalCause };
        }
        var outcome = await _tracker.TrackAsync(new TrackRequest(stack.StackId, stack.StackName, cursor) { Timeout = request.Timeout, AwaitStart = true },
            observer, PersistCursor(record), cancellationToken).ConfigureAwait(false);

        var messages = new List<string>();
        var result = outcome.TimedOut ? DeploymentOutcome.TimedOut
            : outcome.Status == "UPDATE_ROLLBACK_COMPLETE" ? DeploymentOutcome.Succeeded : DeploymentOutcome.Failed;
        if (result == DeploymentOutcome.Succeeded)
        {
            messages.Add(request.ResourcesToSkip.Count == 0
                ? $"The rollback completed: stack {stack.StackName} is usable again."
                : $"The rollback completed, skipping {string.Join(", ", request.ResourcesToSkip)} (CloudFormation no longer manages their " +
                  "previous state; check them by hand): the stack is usable again.");
        }
        else if (result == DeploymentOutcome.TimedOut)
        {
            messages.Add($"Timed out after {Durations.Format(request.Timeout!.Value)} with the stack still {outcome.Status}.");
        }
        var concluded = await ConcludeAsync(stack.StackName, outcome, cursor, record, messages, null, result, null, cancellationToken)
            .ConfigureAwait(false);
        // UPDATE_ROLLBACK_COMPLETE still reports a failed update: its cause is the one that started the rollback.
        return result == DeploymentOutcome.Succeeded ? concluded with { RootCause = originalCause } : concluded;
    }

    private static DeploymentResult Refused(Stack stack, string message) => new()
    {
        StackName = stack.StackName,
        StackId = stack.StackId,
        Outcome = DeploymentOutcome.Refused,
        Status = stack.StackStatus,
        StatusReason = stack.StackStatusReason,
        Messages = [message],
    };
}
