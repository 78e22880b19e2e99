using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Strata.Engine.Execution;
using Strata.Engine.Providers;

namespace Strata.Engine.Native;

/// <summary>
/// When a native wait started (a wait condition's signals, a custom resource's response), so that its timeout counts
/// from there even across processes. The durable answer is the journal: the wait is a journaled call, written (with its
/// start time) before it began, and a <c>strata up</c> killed during the wait leaves it Pending for the next run to
/// replay with the same start.
/// <para>
/// Within one run the first start of a resource's record is remembered: when the replayed wait fails (its time ran out
/// while no process was watching), the walk creates the resource again in the same record, and that second call must not
/// earn a fresh timeout. A later run — a new operation the user asked for — starts afresh.
/// </para>
/// </summary>
internal sealed class WaitStarts
{
    private readonly ConditionalWeakTable<StackRun, ConcurrentDictionary<string, DateTimeOffset>> _byRun = new();

    public async Task<DateTimeOffset> StartOfAsync(StackRun run, ResourceRequest request, CancellationToken cancellationToken)
    {
        var pending = await run.Store.GetPendingOperationsAsync(run.Stack.StackId, cancellationToken).ConfigureAwait(false);
        var call = pending.FirstOrDefault(e => e.ClientToken == request.ClientToken);
        if (call is null)
        {
            // Not journaled (a direct call): the wait starts now.
            return run.Services.Time.GetUtcNow();
        }
        return _byRun.GetOrCreateValue(run).GetOrAdd(call.RecordId, call.StartedAt);
    }
}
