namespace Strata.Engine.Walk;

/// <summary>How a <see cref="DependencyWalk{TKey}"/> runs.</summary>
public sealed record WalkOptions
{
    /// <summary>At most this many visits at once; null (the default) starts every node as soon as it is ready.</summary>
    public int? MaxParallel { get; init; }

    /// <summary>After the first failure, start nothing new (visits already running finish). CloudFormation's behaviour.</summary>
    public bool StopOnFailure { get; init; }

    /// <summary>Cancelled means: start nothing new, let running visits finish. A graceful stop, not an abort.</summary>
    public CancellationToken Stop { get; init; }

    public IWalkObserver? Observer { get; init; }
}

/// <summary>Hooks for measuring a walk (dispatch latency, concurrency) without changing it.</summary>
public interface IWalkObserver
{
    /// <summary>The node's last dependency completed (or it had none); called before it is dispatched.</summary>
    void NodeReady(int index);

    /// <summary>The node's visit is starting, on the thread that runs it.</summary>
    void NodeStarted(int index);

    void NodeFinished(int index, NodeOutcome outcome);
}
