using Strata.Engine.Model;
using Strata.Providers.Aws.Services.CloudFormation;
using CfnEvent = Strata.Providers.Aws.Services.CloudFormation.StackEvent;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>
/// <c>--provider cloudformation</c>: AWS CloudFormation builds the stack, Strata runs the lifecycle around it.
/// Creates and updates go through change sets (the change set is the plan, shown before it runs), templates
/// over the inline limit through S3; the operation is followed event by event, hangs are flagged, time-outs
/// cancel or fail, and a failure is reduced to its root cause, which Strata keeps in a small record per stack
/// (with the lease) under the data directory.
/// </summary>
public sealed partial class CloudFormationDeployer
{
    private readonly AwsClientContext _context;
    private readonly CloudFormationClient _cfn;
    private readonly CloudFormationDeployerOptions _options;
    private readonly TimeProvider _time;
    private readonly CloudFormationRecordStore _records;
    private readonly StackTracker _tracker;
    private readonly TemplateStager _stager;

    public CloudFormationDeployer(AwsClientContext context, CloudFormationDeployerOptions options)
    {
        options.Validate();
        _context = context;
        _options = options;
        _time = options.Time ?? context.Time;
        _cfn = new CloudFormationClient(context);
        _records = new CloudFormationRecordStore(options.DataDirectory);
        _tracker = new StackTracker(_cfn, options, _time);
        _stager = new TemplateStager(context, options.TemplateBucket);
    }

    public CloudFormationRecordStore Records => _records;

    /// <summary>Plan (change set), show the plan to <paramref name="observer"/>, execute it, follow it to the end.</summary>
    public async Task<DeploymentResult> UpAsync(CloudFormationUpRequest request, IDeploymentObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= NullDeploymentObserver.Instance;
        var plan = await PlanAsync(request, cancellationToken).ConfigureAwait(false);
        observer.OnPlan(plan);
        return await ExecuteAsync(plan, observer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the stack's events past <paramref name="cursor"/> without showing them, to start the next operation's events after them.</summary>
    private async Task<EventCursor> CatchUpAsync(string stackId, EventCursor cursor, CancellationToken cancellationToken)
    {
        var unseen = await _tracker.ReadNewEventsAsync(stackId, cursor, cancellationToken).ConfigureAwait(false);
        return cursor.Advance(unseen);
    }

    /// <summary>The cursor recorded for this very stack (a recreated stack of the same name starts afresh).</summary>
    private static EventCursor CursorOf(CloudFormationStackRecord? record, string stackId) =>
        record is not null && record.StackId == stackId ? new EventCursor(record.LastEventId, record.EventCount) : EventCursor.Start;

    /// <summary>The root cause of the stack's latest operation, read from its whole event log.</summary>
    private async Task<RootCause?> RootCauseFromLogAsync(string stackId, string stackName, CancellationToken cancellationToken)
    {
        var log = await _cfn.DescribeStackEventsSinceAsync(stackId, null, cancellationToken).ConfigureAwait(false);
        return RootCauseFinder.Find(RootCauseFinder.LatestOperation(log, stackId, stackName), stackId, stackName);
    }

    /// <summary>A failure that belongs to the stack as a whole (a rejected call, a refused state).</summary>
    private static RootCause StackCause(string stackName, string errorCode, string message) =>
        new(stackName, RootCauseFinder.StackType, errorCode, message);

    /// <summary>Deletes a stack and waits for it to be gone; returns its final status.</summary>
    private async Task<TrackOutcome> DeleteAndWaitAsync(Stack stack, IReadOnlyList<string> retain, string? roleArn, TimeSpan? timeout,
        EventCursor cursor, IDeploymentObserver observer, CancellationToken cancellationToken)
    {
        // Past every event so far (shown, not dropped): only a new stack-level event, or DELETE_IN_PROGRESS, starts the deletion.
        var unseen = await _tracker.ReadNewEventsAsync(stack.StackId, cursor, cancellationToken).ConfigureAwait(false);
        foreach (var e in Numbered(unseen, cursor)) observer.OnEvent(e);
        cursor = cursor.Advance(unseen);
        await _cfn.DeleteStackAsync(new DeleteStackRequest(stack.StackId) { RetainResources = retain, RoleArn = roleArn },
            cancellationToken).ConfigureAwait(false);
        var outcome = await _tracker.TrackAsync(new TrackRequest(stack.StackId, stack.StackName, cursor) { Timeout = timeout, AwaitStart = true },
            observer, null, cancellationToken).ConfigureAwait(false);
        return outcome with { Events = [.. unseen, .. outcome.Events] };
    }

    private async Task SaveAsync(CloudFormationStackRecord record, CancellationToken cancellationToken) =>
        await _records.SaveAsync(record, cancellationToken).ConfigureAwait(false);

    /// <summary>A record for <paramref name="stack"/>, carrying over what the previous record of the same stack knew.</summary>
    private CloudFormationStackRecord NewOrUpdatedRecord(CloudFormationStackRecord? previous, string stackId, string stackName, string status)
    {
        var now = _time.GetUtcNow();
        var same = previous is not null && previous.StackId == stackId;
        return new CloudFormationStackRecord
        {
            StackName = stackName,
            StackId = stackId,
            Region = _context.Region,
            Status = status,
            RootCause = same ? previous!.RootCause : null,
            CreatedAt = same ? previous!.CreatedAt : now,
            UpdatedAt = now,
            TimeToLive = same ? previous!.TimeToLive : null,
            ExpiresAt = same ? previous!.ExpiresAt : null,
            LastEventId = same ? previous!.LastEventId : null,
            EventCount = same ? previous!.EventCount : 0,
            TemplateUrl = same ? previous!.TemplateUrl : null,
            LastChangeSetId = same ? previous!.LastChangeSetId : null,
            Tags = same ? previous!.Tags : new Dictionary<string, string>(),
        };
    }

    private static IReadOnlyList<Strata.Engine.Model.StackEvent> Numbered(IReadOnlyList<CfnEvent> events, EventCursor before) =>
        EventMapping.ToStrata(events, before.Count + 1);

    private static bool IsCompleteStatus(string status) =>
        !StackStates.IsInProgress(status) && !StackStates.IsFailure(status) && status != StackStates.DeleteComplete;
}
