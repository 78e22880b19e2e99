namespace Strata.Engine.Walk;

/// <summary>The mutable state of one <see cref="DependencyWalk{TKey}.RunAsync"/>; all transitions under one short lock.</summary>
internal sealed class WalkRun<TKey> where TKey : notnull
{
    private const int Pending = -1;

    private readonly TKey[] _keys;
    private readonly int[][] _dependents;
    private readonly int[] _remaining;
    private readonly Func<TKey, CancellationToken, Task<bool>> _visit;
    private readonly WalkOptions _options;
    private readonly CancellationToken _abort;
    private readonly int[] _outcomes;
    private readonly Queue<int> _ready = new();
    private readonly Dictionary<TKey, Exception> _errors = new();
    private readonly TaskCompletionSource<WalkResult<TKey>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private int _running;
    private int _finished;
    private bool _stopping;
    private CancellationTokenRegistration _stopRegistration;

    public WalkRun(TKey[] keys, int[][] dependents, int[] dependencyCounts, Func<TKey, CancellationToken, Task<bool>> visit, WalkOptions options, CancellationToken abort)
    {
        _keys = keys;
        _dependents = dependents;
        _remaining = (int[])dependencyCounts.Clone();
        _visit = visit;
        _options = options;
        _abort = abort;
        _outcomes = new int[keys.Length];
        Array.Fill(_outcomes, Pending);
    }

    public Task<WalkResult<TKey>> RunAsync()
    {
        lock (_lock)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (_remaining[i] == 0)
                {
                    _options.Observer?.NodeReady(i);
                    _ready.Enqueue(i);
                }
            }
            _stopping = _options.Stop.IsCancellationRequested || _abort.IsCancellationRequested;
            Pump();
            CompleteIfDone();
        }
        _stopRegistration = _options.Stop.Register(RequestStop);
        return _done.Task;
    }

    private void RequestStop()
    {
        lock (_lock)
        {
            _stopping = true;
            _ready.Clear();
            CompleteIfDone();
        }
    }

    /// <summary>Dispatches ready nodes while the parallelism limit allows. Caller holds the lock.</summary>
    private void Pump()
    {
        if (_stopping)
        {
            _ready.Clear();
            return;
        }
        var limit = _options.MaxParallel ?? int.MaxValue;
        while (_running < limit && _ready.TryDequeue(out var node))
        {
            _running++;
            // The pool thread runs the visit, so a long synchronous part of one visit never delays another's dispatch.
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Run.VisitAsync(state.Node), (Run: this, Node: node), preferLocal: false);
        }
    }

    private async Task VisitAsync(int node)
    {
        _options.Observer?.NodeStarted(node);
        bool succeeded;
        try
        {
            succeeded = await _visit(_keys[node], _abort).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            succeeded = false;
            lock (_lock)
            {
                _errors[_keys[node]] = ex;
            }
        }
        Finish(node, succeeded ? NodeOutcome.Succeeded : NodeOutcome.Failed);
    }

    private void Finish(int node, NodeOutcome outcome)
    {
        lock (_lock)
        {
            _running--;
            SetOutcome(node, outcome);
            if (outcome == NodeOutcome.Succeeded)
            {
                foreach (var dependent in _dependents[node])
                {
                    if (--_remaining[dependent] == 0 && _outcomes[dependent] == Pending)
                    {
                        _options.Observer?.NodeReady(dependent);
                        _ready.Enqueue(dependent);
                    }
                }
            }
            else
            {
                SkipDownstream(node);
                if (_options.StopOnFailure)
                {
                    _stopping = true;
                }
            }
            Pump();
            CompleteIfDone();
        }
    }

    private void SkipDownstream(int node)
    {
        var pending = new Stack<int>(_dependents[node]);
        while (pending.TryPop(out var next))
        {
            if (_outcomes[next] != Pending)
            {
                continue;
            }
            SetOutcome(next, NodeOutcome.Skipped);
            foreach (var dependent in _dependents[next])
            {
                pending.Push(dependent);
            }
        }
    }

    private void SetOutcome(int node, NodeOutcome outcome)
    {
        _outcomes[node] = (int)outcome;
        _finished++;
        _options.Observer?.NodeFinished(node, outcome);
    }

    private void CompleteIfDone()
    {
        if (_running > 0 || (_finished < _keys.Length && !_stopping))
        {
            return;
        }
        var outcomes = new Dictionary<TKey, NodeOutcome>(_keys.Length);
        for (var i = 0; i < _keys.Length; i++)
        {
            outcomes[_keys[i]] = _outcomes[i] == Pending ? NodeOutcome.NotStarted : (NodeOutcome)_outcomes[i];
        }
        _stopRegistration.Dispose();
        _done.TrySetResult(new WalkResult<TKey>(outcomes, new Dictionary<TKey, Exception>(_errors)));
    }
}
