using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>
/// One operation (create, update, delete, rollback) on one stack: the stack record, its resources in
/// memory, the live values for evaluation, the first failure, and the tokens. Resource steps read and
/// write through it so memory and store never disagree.
/// </summary>
internal sealed class StackRun
{
    private readonly Lock _lock = new();
    private StackRecord _stack;

    public StackRun(EngineServices services, StackRecord stack, IReadOnlyList<ResourceRecord> records, IReadOnlyDictionary<string, string> exports, RunSettings settings)
    {
        Services = services;
        _stack = stack;
        Records = new RecordSet(records);
        Live = new LiveState(records, exports, services.Router.ReferenceOf);
        Settings = settings;
    }

    public EngineServices Services { get; }

    public RunSettings Settings { get; }

    public RecordSet Records { get; }

    public LiveState Live { get; private set; }

    public RootCauseTracker Failures { get; private set; } = new();

    /// <summary>Forgets failures seen so far (a replayed journal call, or the failed update before its rollback walk).</summary>
    public void ResetFailures() => Failures = new RootCauseTracker();

    public StackRecord Stack
    {
        get
        {
            lock (_lock)
            {
                return _stack;
            }
        }
    }

    public StateStore Store => Services.Store;

    /// <summary>Starts evaluation afresh from the records (after a rollback swaps records back).</summary>
    public void ResetLiveState(IReadOnlyDictionary<string, string> exports) => Live = new LiveState(Records.All, exports, Services.Router.ReferenceOf);

    /// <summary>Changes the stack record and writes it, with an event, in one transaction.</summary>
    public async Task UpdateStackAsync(Func<StackRecord, StackRecord> change, StackStatus? eventStatus, string? reason, CancellationToken cancellationToken)
    {
        StackRecord updated;
        lock (_lock)
        {
            updated = change(_stack) with { UpdatedAt = Services.Time.GetUtcNow() };
            _stack = updated;
        }
        var draft = eventStatus is { } status ? Events.Stack(updated, status, reason) : null;
        await Store.UpdateStackAsync(updated, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the stack status (and its reason) and appends the matching stack event.</summary>
    public Task SetStatusAsync(StackStatus status, string? reason, CancellationToken cancellationToken) =>
        UpdateStackAsync(s => s with { Status = status, StatusReason = reason }, status, reason, cancellationToken);
}

/// <summary>Per-operation knobs and tokens.</summary>
internal sealed record RunSettings
{
    /// <summary>Aborts: passed to every provider call (a second Ctrl-C). The journal makes a later run resume.</summary>
    public CancellationToken Abort { get; init; }

    /// <summary>Graceful stop (a first Ctrl-C): start nothing new, let running calls finish, then roll back.</summary>
    public CancellationToken Stop { get; init; }

    public bool DisableRollback { get; init; }

    /// <summary>0 for a top-level stack, 1 for its nested stacks, and so on.</summary>
    public int Depth { get; init; }

    public int? MaxParallel { get; init; }

    public TimeSpan? ResourceTimeout { get; init; }
}
