using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>Remembers the first resource failure of an operation: the root cause the stack keeps.</summary>
internal sealed class RootCauseTracker
{
    private readonly Lock _lock = new();
    private readonly List<string> _failed = [];

    public RootCause? First { get; private set; }

    /// <summary>Logical ids that failed, in the order they failed (for the stack's status reason).</summary>
    public IReadOnlyList<string> FailedResources
    {
        get
        {
            lock (_lock)
            {
                return _failed.ToList();
            }
        }
    }

    public bool HasFailures
    {
        get
        {
            lock (_lock)
            {
                return _failed.Count > 0 || First is not null;
            }
        }
    }

    public void Record(string logicalId, RootCause cause)
    {
        lock (_lock)
        {
            First ??= cause;
            if (!_failed.Contains(logicalId))
            {
                _failed.Add(logicalId);
            }
        }
    }
}
