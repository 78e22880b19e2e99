using Strata.Engine.Model;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>Executing a plan and following it to its end, including what happens at the time-out.</summary>
public sealed partial class CloudFormationDeployer
{
    /// <summary>The error code of a time-out's root cause: the engine's word for a resource that never settled.</summary>
    public const string TimeoutErrorCode = "NotStabilized";

    /// <summary>Executes a <see cref="ChangeSetPlanStatus.Ready"/> plan and follows the stack until it settles or times out.</summary>
    public async Task<DeploymentResult> ExecuteAsync(ChangeSetPlan plan, IDeploymentObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= NullDeploymentObserver.Instance;
        if (plan.Status == ChangeSetPlanStatus.Refused)
        {
            return new DeploymentResult
            {
                StackName = plan.StackName, StackId = plan.StackId, Outcome = DeploymentOutcome.Refused, Status = plan.PreviousStatus,
                RootCause = plan.RootCause, Messages = plan.Messages, Plan = plan,
            };
        }
        if (plan.Status == ChangeSetPlanStatus.NoChanges) return await NoChangesAsync(plan, cancellationToken).ConfigureAwait(false);

        var request = plan.Request;
        var stackId = plan.StackId!;
        var previous = await _records.GetAsync(plan.StackName, cancellationToken).ConfigureAwait(false);
        var cursor = plan.IsCreate ? EventCursor.Start : await CatchUpAsync(stackId, CursorOf(previous, stackId), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var record = NewOrUpdatedRecord(previous, stackId, plan.StackName, plan.IsCreate ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS");
        record = record with
        {
            TimeToLive = request.TimeToLive ?? record.TimeToLive,
            ExpiresAt = request.TimeToLive is { } ttl ? now + ttl : record.ExpiresAt,
            LastEventId = cursor.LastEventId,
            EventCount = cursor.Count,
            TemplateUrl = plan.Template?.Url?.ToString(),
            LastChangeSetId = plan.ChangeSetId,
            Tags = Tags(request).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        };
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);

        var messages = plan.Messages.ToList();
        try
        {
            await _cfn.ExecuteChangeSetAsync(new ExecuteChangeSetRequest(plan.ChangeSetId!)
            {
                DisableRollback = request.DisableRollback ? true : null,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection)
        {
            // CloudFormation checks the change set here (stale, wrong state); moto builds the resources within this
            // call and reports a resource's failure as the call's error, leaving the stack where it stopped.
            messages.Add($"CloudFormation did not execute the change set: {e.Code}: {e.ErrorMessage}");
            var settled = await ReadStateAsync(stackId, plan.StackName, cursor, observer, cancellationToken).ConfigureAwait(false);
            return await ConcludeAsync(plan.StackName, settled, cursor, record, messages, plan, DeploymentOutcome.Failed,
                StackCause(plan.StackName, e.Code, e.ErrorMessage), cancellationToken).ConfigureAwait(false);
        }

        var outcome = await _tracker.TrackAsync(new TrackRequest(stackId, plan.StackName, cursor) { Timeout = request.Timeout, AwaitStart = true },
            observer, PersistCursor(record), cancellationToken).ConfigureAwait(false);
        if (!outcome.TimedOut)
        {
            var result = IsCompleteStatus(outcome.Status) ? DeploymentOutcome.Succeeded : DeploymentOutcome.Failed;
            return await ConcludeAsync(plan.StackName, outcome, cursor, record, messages, plan, result, null, cancellationToken).ConfigureAwait(false);
        }

        var timeoutCause = TimeoutCause(plan.StackName, outcome, request.Timeout!.Value);
        return plan.IsCreate
            ? await CreateTimedOutAsync(plan, outcome, cursor, record, messages, timeoutCause, observer, cancellationToken).ConfigureAwait(false)
            : await UpdateTimedOutAsync(plan, outcome, cursor, record, messages, timeoutCause, observer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Past the time-out an update is cancelled: CloudFormation rolls it back, and Strata follows the rollback.</summary>
    private async Task<DeploymentResult> UpdateTimedOutAsync(ChangeSetPlan plan, TrackOutcome outcome, EventCursor before,
        CloudFormationStackRecord record, List<string> messages, RootCause timeoutCause, IDeploymentObserver observer, CancellationToken cancellationToken)
    {
        var timeout = Durations.Format(plan.Request.Timeout!.Value);
        try
        {
            await _cfn.CancelUpdateStackAsync(new CancelUpdateStackRequest(outcome.Stack?.StackId ?? plan.StackId!), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection)
        {
            messages.Add($"Timed out after {timeout} with the stack {outcome.Status}; cancelling the update failed: {e.Code}: {e.ErrorMessage}");
            observer.OnWarning(messages[^1]);
            return await ConcludeAsync(plan.StackName, outcome, before, record, messages, plan, DeploymentOutcome.TimedOut, timeoutCause,
                cancellationToken).ConfigureAwait(false);
        }
        messages.Add($"Timed out after {timeout} with the stack {outcome.Status}: Strata cancelled the update (CancelUpdateStack) and followed the rollback.");
        observer.OnWarning(messages[^1]);
        var rollback = await _tracker.TrackAsync(new TrackRequest(plan.StackId!, plan.StackName, outcome.Cursor), observer,
            PersistCursor(record), cancellationToken).ConfigureAwait(false);
        return await ConcludeAsync(plan.StackName, Merge(outcome, rollback), before, record, messages, plan, DeploymentOutcome.Failed,
            timeoutCause, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// CloudFormation cannot cancel a create: past the time-out it is reported as failed and left building, or
    /// deleted when the request asks for it.
    /// </summary>
    private async Task<DeploymentResult> CreateTimedOutAsync(ChangeSetPlan plan, TrackOutcome outcome, EventCursor before,
        CloudFormationStackRecord record, List<string> messages, RootCause timeoutCause, IDeploymentObserver observer, CancellationToken cancellationToken)
    {
        var timeout = Durations.Format(plan.Request.Timeout!.Value);
        if (!plan.Request.DeleteOnCreateTimeout || outcome.Stack is null)
        {
            messages.Add($"Timed out after {timeout}: stack {plan.StackName} is still {outcome.Status} and CloudFormation keeps creating it. " +
                         $"Follow it with 'strata events {plan.StackName} --follow', or delete it with 'strata down {plan.StackName}'.");
            observer.OnWarning(messages[^1]);
            return await ConcludeAsync(plan.StackName, outcome, before, record, messages, plan, DeploymentOutcome.TimedOut, timeoutCause,
                cancellationToken).ConfigureAwait(false);
        }
        messages.Add($"Timed out after {timeout} with stack {plan.StackName} still {outcome.Status}: deleting it, as asked.");
        observer.OnWarning(messages[^1]);
        var deletion = await DeleteAndWaitAsync(outcome.Stack, [], plan.Request.RoleArn, null, outcome.Cursor, observer, cancellationToken)
            .ConfigureAwait(false);
        return await ConcludeAsync(plan.StackName, Merge(outcome, deletion), before, record, messages, plan, DeploymentOutcome.Failed,
            timeoutCause, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeploymentResult> NoChangesAsync(ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        var messages = plan.Messages.ToList();
        messages.Add($"No changes: stack {plan.StackName} already matches the template and parameters.");
        var stack = await _cfn.FindStackAsync(plan.StackId ?? plan.StackName, cancellationToken).ConfigureAwait(false);
        if (stack is not null && plan.Request.TimeToLive is { } ttl)
        {
            // A new --ttl is a change Strata makes even when CloudFormation has none: the lease is extended.
            var previous = await _records.GetAsync(plan.StackName, cancellationToken).ConfigureAwait(false);
            var expires = _time.GetUtcNow() + ttl;
            await SaveAsync(NewOrUpdatedRecord(previous, stack.StackId, stack.StackName, stack.StackStatus) with
            {
                TimeToLive = ttl,
                ExpiresAt = expires,
            }, cancellationToken).ConfigureAwait(false);
            messages.Add($"Lease set to {Durations.Format(ttl)}: expires {expires.UtcDateTime:yyyy-MM-dd HH:mm}Z.");
        }
        return new DeploymentResult
        {
            StackName = plan.StackName, StackId = stack?.StackId, Outcome = DeploymentOutcome.NoChanges, Status = stack?.StackStatus,
            StatusReason = stack?.StackStatusReason, Outputs = EventMapping.ToStrata(stack?.Outputs ?? []), Messages = messages, Plan = plan,
        };
    }

    /// <summary>The stack's status and its new events, once, without waiting (after a call that failed).</summary>
    private async Task<TrackOutcome> ReadStateAsync(string stackId, string stackName, EventCursor cursor, IDeploymentObserver observer,
        CancellationToken cancellationToken)
    {
        var stack = await _cfn.FindStackAsync(stackId, cancellationToken).ConfigureAwait(false);
        var newer = await _tracker.ReadNewEventsAsync(stackId, cursor, cancellationToken).ConfigureAwait(false);
        foreach (var e in Numbered(newer, cursor)) observer.OnEvent(e);
        return new TrackOutcome(stack, stack?.StackStatus ?? StackStates.DeleteComplete, newer, cursor.Advance(newer), false, []);
    }

    /// <summary>
    /// Turns where tracking ended into the result and the stored record. The root cause is the first resource that
    /// failed on its own; failing that, the time-out's or the call's cause; failing that, the stack's reason.
    /// </summary>
    private async Task<DeploymentResult> ConcludeAsync(string stackName, TrackOutcome outcome, EventCursor before,
        CloudFormationStackRecord record, List<string> messages, ChangeSetPlan? plan, DeploymentOutcome result, RootCause? fallbackCause,
        CancellationToken cancellationToken)
    {
        var stackId = outcome.Stack?.StackId ?? record.StackId;
        RootCause? cause = null;
        if (result is not (DeploymentOutcome.Succeeded or DeploymentOutcome.NoChanges))
        {
            cause = RootCauseFinder.FindResourceFailure(outcome.Events, stackId, stackName) ?? fallbackCause ??
                    RootCauseFinder.FindStackFailure(outcome.Events, stackId, stackName) ??
                    await RootCauseFromLogAsync(stackId, stackName, cancellationToken).ConfigureAwait(false);
        }
        await SaveAsync(record with
        {
            Status = outcome.Status,
            StatusReason = outcome.Stack?.StackStatusReason,
            RootCause = cause ?? record.RootCause,
            UpdatedAt = _time.GetUtcNow(),
            LastEventId = outcome.Cursor.LastEventId,
            EventCount = outcome.Cursor.Count,
        }, cancellationToken).ConfigureAwait(false);
        return new DeploymentResult
        {
            StackName = stackName,
            StackId = stackId,
            Outcome = result,
            Status = outcome.Status,
            StatusReason = outcome.Stack?.StackStatusReason,
            RootCause = cause,
            Outputs = EventMapping.ToStrata(outcome.Stack?.Outputs ?? []),
            Events = Numbered(outcome.Events, before),
            Messages = messages,
            Warnings = outcome.Warnings,
            Plan = plan,
        };
    }

    /// <summary>
    /// Saves the read position (and status) as tracking goes, so that another process can resume from it. The write
    /// ignores cancellation: a Ctrl-C right after events were shown must not lose the position they were shown up to.
    /// </summary>
    private Func<EventCursor, string, CancellationToken, Task> PersistCursor(CloudFormationStackRecord record) =>
        (cursor, status, _) => SaveAsync(record with
        {
            Status = status,
            UpdatedAt = _time.GetUtcNow(),
            LastEventId = cursor.LastEventId,
            EventCount = cursor.Count,
        }, CancellationToken.None);

    /// <summary>The resource still in progress at the time-out (the one the operation waited for), or the stack.</summary>
    private static RootCause TimeoutCause(string stackName, TrackOutcome outcome, TimeSpan timeout)
    {
        var stackId = outcome.Stack?.StackId ?? "";
        var waiting = outcome.StillInProgress(stackId, stackName).FirstOrDefault();
        return waiting is null
            ? StackCause(stackName, TimeoutErrorCode, $"Stack still {outcome.Status} after {Durations.Format(timeout)} (the time-out)")
            : new RootCause(waiting.LogicalResourceId!, waiting.ResourceType ?? "", TimeoutErrorCode,
                $"Still {waiting.ResourceStatus} after {Durations.Format(timeout)} (the time-out)");
    }

    private static TrackOutcome Merge(TrackOutcome first, TrackOutcome then) =>
        then with { Events = [.. first.Events, .. then.Events], Warnings = [.. first.Warnings, .. then.Warnings], TimedOut = first.TimedOut || then.TimedOut };
}
