using Strata.Engine.Model;
using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>What the read-only commands show: status and outputs, events, resources, the list of stacks.</summary>
public sealed partial class CloudFormationDeployer
{
    /// <summary>
    /// The stack as CloudFormation reports it, with the root cause of its failure when its status is one; a deleted
    /// stack Strata recorded comes back as DELETE_COMPLETE with its last root cause. Null when neither knows it.
    /// </summary>
    public async Task<CloudFormationStackView?> DescribeAsync(string stackName, CancellationToken cancellationToken = default)
    {
        StackNames.Validate(stackName);
        var record = await _records.GetAsync(stackName, cancellationToken).ConfigureAwait(false);
        var stack = await _cfn.FindStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            return record is null ? null : new CloudFormationStackView
            {
                StackName = record.StackName, StackId = record.StackId, Status = StackStates.DeleteComplete, RootCause = record.RootCause,
                Tags = record.Tags, CreatedAt = record.CreatedAt, UpdatedAt = record.UpdatedAt, ExpiresAt = record.ExpiresAt,
            };
        }
        return await ViewAsync(stack, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every stack this data directory deployed through CloudFormation, with CloudFormation's current status.</summary>
    public async Task<IReadOnlyList<CloudFormationStackView>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var views = new List<CloudFormationStackView>();
        foreach (var record in await _records.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // By id: a deleted stack's name is free (or taken by a newer stack), its id still answers.
            var stack = await _cfn.FindStackAsync(record.StackId, cancellationToken).ConfigureAwait(false);
            var view = stack is null
                ? new CloudFormationStackView
                {
                    StackName = record.StackName, StackId = record.StackId, Status = StackStates.DeleteComplete, RootCause = record.RootCause,
                    Tags = record.Tags, CreatedAt = record.CreatedAt, UpdatedAt = record.UpdatedAt, ExpiresAt = record.ExpiresAt,
                }
                : await ViewAsync(stack, record, cancellationToken).ConfigureAwait(false);
            if (includeDeleted || view.Status != StackStates.DeleteComplete) views.Add(view);
        }
        return views;
    }

    /// <summary>The stack's whole event log, oldest first (a deleted stack's too, by its recorded id). Null when unknown.</summary>
    public async Task<IReadOnlyList<Strata.Engine.Model.StackEvent>?> GetEventsAsync(string stackName, CancellationToken cancellationToken = default)
    {
        var stackId = await ResolveStackIdAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stackId is null) return null;
        var log = await _cfn.DescribeStackEventsSinceAsync(stackId, null, cancellationToken).ConfigureAwait(false);
        return EventMapping.ToStrata(log, 1);
    }

    /// <summary>
    /// <c>events --follow</c>: passes the events after <paramref name="after"/> (null: from the first) to the observer
    /// and keeps following until the stack settles, flagging hangs. Strata's record is brought up to date on the way,
    /// so an interrupted up is concluded here (status, root cause, read position). Null when the stack is unknown.
    /// </summary>
    public async Task<DeploymentResult?> FollowAsync(string stackName, IDeploymentObserver observer, EventCursor? after = null,
        CancellationToken cancellationToken = default)
    {
        var stackId = await ResolveStackIdAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stackId is null) return null;
        var cursor = after ?? EventCursor.Start;
        var previous = await _records.GetAsync(stackName, cancellationToken).ConfigureAwait(false);
        var tracked = previous is not null && previous.StackId == stackId;
        var outcome = await _tracker.TrackAsync(new TrackRequest(stackId, stackName, cursor), observer,
            tracked ? PersistCursor(previous!) : null, cancellationToken).ConfigureAwait(false);
        var result = IsCompleteStatus(outcome.Status) || outcome.Status == StackStates.DeleteComplete
            ? DeploymentOutcome.Succeeded
            : DeploymentOutcome.Failed;
        if (tracked)
            return await ConcludeAsync(stackName, outcome, cursor, previous!, [], null, result, null, cancellationToken).ConfigureAwait(false);

        var cause = result == DeploymentOutcome.Failed ? await RootCauseFromLogAsync(stackId, stackName, cancellationToken).ConfigureAwait(false) : null;
        return new DeploymentResult
        {
            StackName = stackName, StackId = stackId, Outcome = result, Status = outcome.Status, StatusReason = outcome.Stack?.StackStatusReason,
            RootCause = cause, Outputs = EventMapping.ToStrata(outcome.Stack?.Outputs ?? []), Events = Numbered(outcome.Events, cursor),
            Warnings = outcome.Warnings,
        };
    }

    /// <summary>The stack's resources as CloudFormation lists them. Null when the stack does not exist.</summary>
    public async Task<IReadOnlyList<CloudFormationResource>?> GetResourcesAsync(string stackName, CancellationToken cancellationToken = default)
    {
        StackNames.Validate(stackName);
        var stack = await _cfn.FindStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is null) return null;
        var resources = new List<CloudFormationResource>();
        await foreach (var r in _cfn.ListAllStackResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false))
        {
            resources.Add(new CloudFormationResource(r.LogicalResourceId, r.ResourceType,
                string.IsNullOrEmpty(r.PhysicalResourceId) ? null : r.PhysicalResourceId, r.ResourceStatus,
                string.IsNullOrEmpty(r.ResourceStatusReason) ? null : r.ResourceStatusReason, r.LastUpdatedTimestamp));
        }
        return resources;
    }

    private async Task<CloudFormationStackView> ViewAsync(Stack stack, CloudFormationStackRecord? record, CancellationToken cancellationToken)
    {
        var own = record is not null && record.StackId == stack.StackId ? record : null;
        RootCause? cause = null;
        if (StackStates.IsFailure(stack.StackStatus))
            cause = own?.RootCause ?? await RootCauseFromLogAsync(stack.StackId, stack.StackName, cancellationToken).ConfigureAwait(false);
        return new CloudFormationStackView
        {
            StackName = stack.StackName,
            StackId = stack.StackId,
            Status = stack.StackStatus,
            StatusReason = stack.StackStatusReason,
            RootCause = cause,
            Outputs = EventMapping.ToStrata(stack.Outputs),
            Tags = stack.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            CreatedAt = stack.CreationTime,
            UpdatedAt = stack.LastUpdatedTime ?? stack.CreationTime,
            ExpiresAt = own?.ExpiresAt,
        };
    }

    /// <summary>The live stack's id, or the recorded one of a deleted stack (CloudFormation answers for deleted stacks by id only).</summary>
    private async Task<string?> ResolveStackIdAsync(string stackName, CancellationToken cancellationToken)
    {
        StackNames.Validate(stackName);
        var stack = await _cfn.FindStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is not null) return stack.StackId;
        return (await _records.GetAsync(stackName, cancellationToken).ConfigureAwait(false))?.StackId;
    }
}
