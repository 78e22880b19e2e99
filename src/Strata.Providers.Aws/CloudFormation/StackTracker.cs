using Strata.Providers.Aws.Services.CloudFormation;
using CfnEvent = Strata.Providers.Aws.Services.CloudFormation.StackEvent;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>How far a stack's event log has been read: the newest event seen, and how many there were.</summary>
public sealed record EventCursor(string? LastEventId, long Count)
{
    public static readonly EventCursor Start = new(null, 0);

    public EventCursor Advance(IReadOnlyList<CfnEvent> newerOldestFirst) =>
        newerOldestFirst.Count == 0 ? this : new EventCursor(newerOldestFirst[^1].EventId, Count + newerOldestFirst.Count);
}

/// <summary>What to follow and for how long.</summary>
internal sealed record TrackRequest(string StackId, string StackName, EventCursor Cursor)
{
    /// <summary>Give up waiting (the operation keeps running in CloudFormation) after this long.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The operation was just triggered: a settled status counts only once the stack was seen moving (in progress,
    /// or a new stack-level event), so the previous operation's final status is not mistaken for this one's.
    /// </summary>
    public bool AwaitStart { get; init; }
}

/// <summary>Where following a stack ended.</summary>
internal sealed record TrackOutcome(Stack? Stack, string Status, IReadOnlyList<CfnEvent> Events, EventCursor Cursor, bool TimedOut,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Resources whose latest event in this operation is *_IN_PROGRESS: what a hang or time-out is waiting for.</summary>
    public IReadOnlyList<CfnEvent> StillInProgress(string stackId, string stackName) => StackTracker.StillInProgress(Events, stackId, stackName);
}

/// <summary>
/// Follows a CloudFormation operation: polls the stack's status and its event log incrementally (each event
/// once, oldest first), with back-off on the injected clock; flags a stack that stays *_IN_PROGRESS without a
/// new event for <see cref="CloudFormationDeployerOptions.NoProgressWarning"/>; stops at a settled status, at
/// the time-out, or when cancelled.
/// </summary>
internal sealed class StackTracker(CloudFormationClient cfn, CloudFormationDeployerOptions options, TimeProvider time)
{
    /// <summary>Polls without seeing the operation start after which a settled status is believed anyway.</summary>
    private const int StartGracePolls = 3;

    /// <param name="onPoll">Called after every poll that read new events (to persist the cursor).</param>
    public async Task<TrackOutcome> TrackAsync(TrackRequest request, IDeploymentObserver observer,
        Func<EventCursor, string, CancellationToken, Task>? onPoll, CancellationToken cancellationToken)
    {
        var backoff = new PollBackoff(options.PollInterval, options.MaxPollInterval);
        var startedAt = time.GetUtcNow();
        var lastProgressAt = startedAt;
        var cursor = request.Cursor;
        var events = new List<CfnEvent>();
        var warnings = new List<string>();
        var started = !request.AwaitStart;
        var nextHangWarningAt = startedAt + options.NoProgressWarning;
        for (var poll = 1; ; poll++)
        {
            // Status first, events second: when the status is final, the events read after it include its last ones.
            var stack = await cfn.FindStackAsync(request.StackId, cancellationToken).ConfigureAwait(false);
            var status = stack?.StackStatus ?? StackStates.DeleteComplete;
            var newer = await ReadNewEventsAsync(request.StackId, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var (e, i) in newer.Select((e, i) => (e, i)))
                observer.OnEvent(EventMapping.ToStrata(e, cursor.Count + 1 + i));
            cursor = cursor.Advance(newer);
            events.AddRange(newer);

            var now = time.GetUtcNow();
            if (newer.Count > 0)
            {
                lastProgressAt = now;
                nextHangWarningAt = now + options.NoProgressWarning;
                if (onPoll is not null) await onPoll(cursor, status, cancellationToken).ConfigureAwait(false);
            }
            started |= StackStates.IsInProgress(status) ||
                       newer.Any(e => StackNames.IsStackLevel(e, request.StackId, request.StackName));
            if (!StackStates.IsInProgress(status) && (started || poll >= StartGracePolls))
                return new TrackOutcome(stack, status, events, cursor, false, warnings);

            if (request.Timeout is { } timeout && now - startedAt >= timeout)
                return new TrackOutcome(stack, status, events, cursor, true, warnings);

            if (StackStates.IsInProgress(status) && now >= nextHangWarningAt)
            {
                // Once per quiet period, then again each further period: "no progress for 10m", "... for 20m".
                nextHangWarningAt = now + options.NoProgressWarning;
                var warning = HangWarning(request, status, now - lastProgressAt, StillInProgress(events, request.StackId, request.StackName));
                warnings.Add(warning);
                observer.OnWarning(warning);
            }

            await Task.Delay(backoff.Next(newer.Count > 0), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The events after the cursor, oldest first (the whole log when the cursor's event is unknown).</summary>
    public Task<IReadOnlyList<CfnEvent>> ReadNewEventsAsync(string stackId, EventCursor cursor, CancellationToken cancellationToken)
        => cfn.DescribeStackEventsSinceAsync(stackId, cursor.LastEventId, cancellationToken);

    internal static IReadOnlyList<CfnEvent> StillInProgress(IReadOnlyList<CfnEvent> events, string stackId, string stackName) =>
        events.Where(e => !StackNames.IsStackLevel(e, stackId, stackName) && e.LogicalResourceId is not null)
            .GroupBy(e => e.LogicalResourceId!, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(e => e.ResourceStatus is { } s && StackStates.IsInProgress(s))
            .ToList();

    private static string HangWarning(TrackRequest request, string status, TimeSpan silent, IReadOnlyList<CfnEvent> waiting)
    {
        var text = $"No progress for {Durations.Format(silent)}: stack {request.StackName} is {status} with no new event";
        if (waiting.Count > 0)
        {
            text += "; still in progress: " + string.Join(", ", waiting.Select(e =>
                $"{e.LogicalResourceId} ({e.ResourceType}) since {e.Timestamp?.UtcDateTime:HH:mm:ss}Z"));
        }
        return text;
    }
}
