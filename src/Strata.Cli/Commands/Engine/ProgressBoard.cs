using Strata.Engine.Model;

namespace Strata.Cli.Commands.Engine;

/// <summary>One row of the live view: a resource (or a stack) and where its operation stands.</summary>
public sealed record ProgressRow(string Stack, string LogicalId, string Type, string Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Reason);

/// <summary>
/// What the live view shows, built from the event stream: the latest status of every resource of every
/// stack in the operation (nested ones too), with when its current operation started and ended.
/// </summary>
public sealed class ProgressBoard
{
    private readonly Lock _lock = new();
    private readonly List<string> _stacks = [];
    private readonly Dictionary<(string Stack, string LogicalId), ProgressRow> _rows = [];
    private readonly EtaEstimator _eta;

    public ProgressBoard(string stackName, EtaEstimator eta)
    {
        _stacks.Add(stackName);
        _eta = eta;
    }

    /// <summary>Shows a resource before it starts (from the plan, or the records being deleted).</summary>
    public void AddPending(string stack, string logicalId, string type)
    {
        lock (_lock)
        {
            _rows.TryAdd((stack, logicalId), new ProgressRow(stack, logicalId, type, "PENDING", null, null, null));
        }
    }

    /// <summary>
    /// Forgets the rows no event ever reached, once the operation is over: a provider that reports only stack-level
    /// events (moto's CloudFormation) would otherwise leave them PENDING under a finished stack.
    /// </summary>
    public void DropPending()
    {
        lock (_lock)
        {
            foreach (var key in _rows.Where(r => r.Value.Status == "PENDING").Select(r => r.Key).ToList())
            {
                _rows.Remove(key);
            }
        }
    }

    public void Apply(StackEvent e)
    {
        lock (_lock)
        {
            if (!_stacks.Contains(e.StackName))
            {
                _stacks.Add(e.StackName);
            }
            var key = (e.StackName, e.LogicalId);
            _rows.TryGetValue(key, out var row);
            var inProgress = e.Status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);
            var started = inProgress ? (row?.StartedAt is { } s && row.FinishedAt is null ? s : e.Timestamp) : row?.StartedAt ?? e.Timestamp;
            var finished = inProgress ? (DateTimeOffset?)null : e.Timestamp;
            if (!inProgress && row?.StartedAt is { } begun && e.Status.EndsWith("_COMPLETE", StringComparison.Ordinal) && e.ResourceType != "AWS::CloudFormation::Stack")
            {
                _eta.Observe(e.ResourceType, e.Timestamp - begun);
            }
            _rows[key] = new ProgressRow(e.StackName, e.LogicalId, e.ResourceType, e.Status, started, finished, e.Reason);
        }
    }

    public IReadOnlyList<string> Stacks
    {
        get
        {
            lock (_lock)
            {
                return _stacks.ToList();
            }
        }
    }

    /// <summary>The stack's own row (its status) and its resources' rows, in first-seen order.</summary>
    public (ProgressRow? Stack, IReadOnlyList<ProgressRow> Resources) Snapshot(string stack)
    {
        lock (_lock)
        {
            _rows.TryGetValue((stack, stack), out var own);
            var resources = _rows.Values.Where(r => r.Stack == stack && !(r.LogicalId == stack && r.Type == "AWS::CloudFormation::Stack")).ToList();
            return (own, resources);
        }
    }

    public TimeSpan? Eta(ProgressRow row, DateTimeOffset now) =>
        row is { StartedAt: { } start, FinishedAt: null } && row.Status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal)
            ? _eta.Remaining(row.Type, now - start)
            : null;
}
