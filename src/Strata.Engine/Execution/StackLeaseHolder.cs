using System.Diagnostics;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Another process (or operation) is changing the stack.</summary>
public sealed class StackBusyException(string message) : Exception(message);

/// <summary>
/// Holds a stack's lease for the length of an operation and renews it with a heartbeat, so a second
/// <c>strata up</c> is refused while this one lives and takes over at once when it has died.
/// </summary>
internal sealed class StackLeaseHolder : IAsyncDisposable
{
    private readonly StateStore _store;
    private readonly string _stackName;
    private readonly string _ownerId;
    private readonly ITimer _timer;

    private StackLeaseHolder(StateStore store, string stackName, string ownerId, TimeProvider time, TimeSpan heartbeat)
    {
        _store = store;
        _stackName = stackName;
        _ownerId = ownerId;
        _timer = time.CreateTimer(_ => _ = BeatAsync(), null, heartbeat, heartbeat);
    }

    public static async Task<StackLeaseHolder> AcquireAsync(EngineServices services, string stackName, string operation, CancellationToken cancellationToken)
    {
        var lease = new StackLease(stackName, Guid.NewGuid().ToString("N"), Environment.ProcessId, Environment.MachineName, operation,
            services.Time.GetUtcNow(), services.Time.GetUtcNow());
        var holder = await services.Store.TryAcquireLeaseAsync(lease, services.Options.LeaseStaleAfter, IsProcessAlive, cancellationToken).ConfigureAwait(false);
        if (holder is not null)
        {
            throw new StackBusyException(
                $"Stack {stackName} is being changed by another strata process (pid {holder.ProcessId} on {holder.Host}, " +
                $"'{holder.Operation}' since {holder.AcquiredAt:yyyy-MM-dd HH:mm:ss}Z). Wait for it to finish; if that process has died, " +
                $"run the command again (a dead process is detected at once on this host, or after {services.Options.LeaseStaleAfter.TotalSeconds:0}s without heartbeat).");
        }
        return new StackLeaseHolder(services.Store, stackName, lease.OwnerId, services.Time, services.Options.LeaseHeartbeat);
    }

    private async Task BeatAsync()
    {
        try
        {
            await _store.HeartbeatLeaseAsync(_stackName, _ownerId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missed heartbeat only matters after LeaseStaleAfter; the next one may well succeed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _store.ReleaseLeaseAsync(_stackName, _ownerId, CancellationToken.None).ConfigureAwait(false);
    }

    internal static bool IsProcessAlive(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
