using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>Planning: the stack's state decides CREATE or UPDATE (or refusal), then the change set is computed and read.</summary>
public sealed partial class CloudFormationDeployer
{
    public const string StackTagKey = "strata:stack";

    /// <summary>
    /// Creates the change set for <paramref name="request"/> and returns its changes as the plan, without executing it.
    /// A stack left in REVIEW_IN_PROGRESS (a change set that never ran) is deleted first; one left by a failed
    /// create only when <see cref="CloudFormationUpRequest.ReplaceFailedStack"/> asks for it.
    /// </summary>
    public async Task<ChangeSetPlan> PlanAsync(CloudFormationUpRequest request, CancellationToken cancellationToken = default)
    {
        StackNames.Validate(request.StackName);
        var messages = new List<string>();
        var existing = await _cfn.FindStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var refusal = await PrepareExistingAsync(request, existing, messages, cancellationToken).ConfigureAwait(false);
            if (refusal is not null) return refusal;
            existing = await _cfn.FindStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        }

        var staged = await _stager.StageAsync(request.StackName, request.TemplateBody, cancellationToken).ConfigureAwait(false);
        if (staged.IsInS3) messages.Add(staged.Describe());
        var isCreate = existing is null;
        var changeSetName = $"strata-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var basis = new ChangeSetPlan
        {
            StackName = request.StackName, StackId = existing?.StackId, Status = ChangeSetPlanStatus.Refused, IsCreate = isCreate,
            ChangeSetName = changeSetName, PreviousStatus = existing?.StackStatus, Template = staged, Messages = messages, Request = request,
        };

        CreateChangeSetResponse created;
        try
        {
            created = await _cfn.CreateChangeSetAsync(new CreateChangeSetRequest(request.StackName, changeSetName)
            {
                ChangeSetType = isCreate ? ChangeSetTypes.Create : ChangeSetTypes.Update,
                TemplateBody = staged.Body,
                TemplateUrl = staged.Url?.ToString(),
                Parameters = Parameters(request, existing),
                Capabilities = request.Capabilities,
                Tags = Tags(request),
                RoleArn = request.RoleArn,
                Description = $"strata up {request.TemplatePath ?? request.StackName}",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (IsNoChanges(e.ErrorMessage))
        {
            // moto answers an unchanged update this way at once; CloudFormation fails the change set instead (below).
            return basis with { Status = ChangeSetPlanStatus.NoChanges };
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection && !e.Code.StartsWith("Throttl", StringComparison.Ordinal))
        {
            messages.Add($"CloudFormation rejected the change set: {e.Code}: {e.ErrorMessage}");
            return basis with { RootCause = StackCause(request.StackName, e.Code, e.ErrorMessage) };
        }

        var changeSet = await WaitForChangeSetAsync(created.ChangeSetId, cancellationToken).ConfigureAwait(false);
        basis = basis with { StackId = created.StackId, ChangeSetId = created.ChangeSetId };
        if (changeSet.Status != "CREATE_COMPLETE")
        {
            await DropFailedChangeSetAsync(created, isCreate, cancellationToken).ConfigureAwait(false);
            if (changeSet.Status == "FAILED" && IsNoChanges(changeSet.StatusReason))
                return basis with { Status = ChangeSetPlanStatus.NoChanges, ChangeSetId = null, StackId = isCreate ? null : created.StackId };
            var reason = changeSet.Status == "FAILED"
                ? changeSet.StatusReason ?? "The change set failed without a reason"
                : $"The change set was not ready after {Durations.Format(_options.ChangeSetTimeout)} (status {changeSet.Status})";
            messages.Add($"The change set failed: {reason}");
            return basis with
            {
                ChangeSetId = null,
                StackId = isCreate ? null : created.StackId,
                RootCause = StackCause(request.StackName, RootCauseFinder.ErrorCode(reason) is var code && code != RootCauseFinder.UnknownErrorCode
                    ? code : "ChangeSetFailed", reason),
            };
        }

        var full = await _cfn.DescribeChangeSetAllChangesAsync(created.ChangeSetId, null, cancellationToken).ConfigureAwait(false);
        return basis with
        {
            Status = ChangeSetPlanStatus.Ready,
            Changes = full.Changes.Select(ChangeSetMapping.ToPlannedChange).ToList(),
        };
    }

    /// <summary>Drops a plan that will not run (the user declined it); a stack made only to hold it goes too.</summary>
    public async Task DiscardAsync(ChangeSetPlan plan, CancellationToken cancellationToken = default)
    {
        if (plan.Status != ChangeSetPlanStatus.Ready || plan.ChangeSetId is null || plan.StackId is null) return;
        await DropFailedChangeSetAsync(new CreateChangeSetResponse(plan.ChangeSetId, plan.StackId), plan.IsCreate, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Makes way for the change set, or says why it cannot run on this stack (null: go ahead).</summary>
    private async Task<ChangeSetPlan?> PrepareExistingAsync(CloudFormationUpRequest request, Stack existing, List<string> messages,
        CancellationToken cancellationToken)
    {
        var status = existing.StackStatus;
        ChangeSetPlan Refuse(string message, Engine.Model.RootCause? cause = null) => new()
        {
            StackName = request.StackName, StackId = existing.StackId, Status = ChangeSetPlanStatus.Refused, PreviousStatus = status,
            Request = request, Messages = [.. messages, message],
            RootCause = cause ?? StackCause(request.StackName, "InvalidStackState", message),
        };

        if (status == StackStates.ReviewInProgress)
        {
            // A change set that never ran: CloudFormation holds no resources for such a stack.
            var deleted = await TryDeleteAsync(existing, request.RoleArn, _options.ChangeSetTimeout, cancellationToken).ConfigureAwait(false);
            if (deleted != StackStates.DeleteComplete)
                return Refuse($"Stack {request.StackName} was left in REVIEW_IN_PROGRESS and could not be deleted ({deleted}).");
            messages.Add($"Stack {request.StackName} was left in REVIEW_IN_PROGRESS by a change set that never completed; deleted it before creating it again.");
            return null;
        }
        if (StackStates.IsFailedCreate(status))
        {
            var cause = await PreviousFailureAsync(existing, cancellationToken).ConfigureAwait(false);
            var because = cause is null ? "" : $" (root cause: {cause.LogicalId}: {cause.Message})";
            if (!request.ReplaceFailedStack)
            {
                return Refuse($"Stack {request.StackName} is {status} after a failed create{because}; CloudFormation cannot update it. " +
                              $"Delete it first (strata down {request.StackName}) or ask up to replace it.", cause);
            }
            var deleted = await TryDeleteAsync(existing, request.RoleArn, request.Timeout, cancellationToken).ConfigureAwait(false);
            if (deleted != StackStates.DeleteComplete)
                return Refuse($"Stack {request.StackName} ({status}) could not be deleted before recreating it: {deleted}.", cause);
            messages.Add($"Deleted stack {request.StackName}, left in {status} by a failed create{because}, before creating it again.");
            return null;
        }
        if (StackStates.IsInProgress(status))
            return Refuse($"Stack {request.StackName} is busy ({status}); wait for it to finish (strata events {request.StackName} --follow).");
        if (status == StackStates.UpdateRollbackFailed)
            return Refuse($"Stack {request.StackName} is UPDATE_ROLLBACK_FAILED: continue the rollback first (ContinueUpdateRollback, " +
                          "skipping resources that cannot be rolled back), then update it.", await PreviousFailureAsync(existing, cancellationToken).ConfigureAwait(false));
        if (status == StackStates.DeleteFailed)
            return Refuse($"Stack {request.StackName} is DELETE_FAILED: delete it again (strata down {request.StackName}), retaining what cannot be deleted.");
        if (!StackStates.IsUpdatable(status))
            return Refuse($"Stack {request.StackName} is {status}; CloudFormation cannot update a stack in that state.");
        return null;
    }

    /// <summary>Deletes a stack that stands in the way of a create; returns its final status, or what CloudFormation said instead.</summary>
    private async Task<string> TryDeleteAsync(Stack stack, string? roleArn, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        try
        {
            var record = await _records.GetAsync(stack.StackName, cancellationToken).ConfigureAwait(false);
            var deleted = await DeleteAndWaitAsync(stack, [], roleArn, timeout, CursorOf(record, stack.StackId),
                NullDeploymentObserver.Instance, cancellationToken).ConfigureAwait(false);
            return deleted.TimedOut ? $"still {deleted.Status} after {Durations.Format(timeout!.Value)}" : deleted.Status;
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection)
        {
            return $"{e.Code}: {e.ErrorMessage}";
        }
    }

    private async Task<Engine.Model.RootCause?> PreviousFailureAsync(Stack stack, CancellationToken cancellationToken)
    {
        var record = await _records.GetAsync(stack.StackName, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.StackId == stack.StackId && record.RootCause is not null) return record.RootCause;
        return await RootCauseFromLogAsync(stack.StackId, stack.StackName, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChangeSetDescription> WaitForChangeSetAsync(string changeSetId, CancellationToken cancellationToken)
    {
        var backoff = new PollBackoff(TimeSpan.FromTicks(Math.Min(_options.PollInterval.Ticks, TimeSpan.TicksPerSecond)), _options.MaxPollInterval);
        var deadline = _time.GetUtcNow() + _options.ChangeSetTimeout;
        while (true)
        {
            var changeSet = await _cfn.DescribeChangeSetAsync(new DescribeChangeSetRequest(changeSetId), cancellationToken).ConfigureAwait(false);
            if (changeSet.Status is not ("CREATE_PENDING" or "CREATE_IN_PROGRESS") || _time.GetUtcNow() >= deadline) return changeSet;
            await Task.Delay(backoff.Next(false), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a change set that will not run; for a create, also the empty REVIEW_IN_PROGRESS stack holding it.</summary>
    private async Task DropFailedChangeSetAsync(CreateChangeSetResponse created, bool isCreate, CancellationToken cancellationToken)
    {
        try
        {
            if (isCreate)
                await _cfn.DeleteStackAsync(new DeleteStackRequest(created.StackId), cancellationToken).ConfigureAwait(false);
            else
                await _cfn.DeleteChangeSetAsync(new DeleteChangeSetRequest(created.ChangeSetId), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException)
        {
            // Clean-up only: the plan's own answer matters more than a leftover change set.
        }
    }

    private static bool IsNoChanges(string? reason) => reason is not null &&
        (reason.Contains("didn't contain changes", StringComparison.Ordinal) || reason.Contains("No updates are to be performed", StringComparison.Ordinal));

    /// <summary>
    /// The values given now; on an update, every parameter the stack has, that the new template still declares
    /// and that was not given, keeps its previous value (as the engine's up does and as <c>aws cloudformation deploy</c> does).
    /// </summary>
    private static List<StackParameter> Parameters(CloudFormationUpRequest request, Stack? existing)
    {
        var parameters = request.Parameters.Select(p => new StackParameter(p.Key, p.Value)).ToList();
        if (existing is null || existing.Parameters.Count == 0) return parameters;
        var declared = TemplateModel.Build(TemplateParser.ParseText(request.TemplateBody, request.TemplatePath ?? "template")).Parameters;
        foreach (var previous in existing.Parameters)
        {
            if (!request.Parameters.ContainsKey(previous.Key) && declared.Contains(previous.Key))
                parameters.Add(new StackParameter(previous.Key) { UsePreviousValue = true });
        }
        return parameters;
    }

    /// <summary><c>strata:stack</c> on the stack (CloudFormation propagates stack tags to the resources it creates), then the extra tags.</summary>
    private static List<AwsTag> Tags(CloudFormationUpRequest request)
    {
        var tags = new List<AwsTag> { new(StackTagKey, request.StackName) };
        tags.AddRange(request.Tags.Where(t => t.Key != StackTagKey).Select(t => new AwsTag(t.Key, t.Value)));
        return tags;
    }
}
