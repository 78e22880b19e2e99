using Strata.Engine.Model;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    /// <summary>
    /// Takes the stack's lease for <paramref name="lease"/>'s owner, or returns the live holder's lease. A
    /// holder is dead when its heartbeat is older than <paramref name="staleAfter"/>, or when it ran on this
    /// host and <paramref name="isProcessAlive"/> says its process is gone (a killed <c>strata up</c> is
    /// taken over at once, not after the timeout).
    /// </summary>
    public Task<StackLease?> TryAcquireLeaseAsync(StackLease lease, TimeSpan staleAfter, Func<int, bool> isProcessAlive, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            var holder = s.Query(
                "SELECT stack_name, owner_id, pid, host, operation, acquired_at, heartbeat_at FROM stack_leases WHERE stack_name = @name",
                r => new StackLease(r.GetString(0), r.GetString(1), (int)r.GetInt64(2), r.GetString(3), r.GetString(4), ParseTime(r.GetString(5)), ParseTime(r.GetString(6))),
                ("@name", lease.StackName)).FirstOrDefault();
            if (holder is not null && holder.OwnerId != lease.OwnerId)
            {
                var stale = s.Now - holder.HeartbeatAt > staleAfter;
                var dead = string.Equals(holder.Host, lease.Host, StringComparison.Ordinal) && !isProcessAlive(holder.ProcessId);
                if (!stale && !dead)
                {
                    return holder;
                }
            }
            s.Execute("DELETE FROM stack_leases WHERE stack_name = @name", ("@name", lease.StackName));
            s.Execute(
                "INSERT INTO stack_leases (stack_name, owner_id, pid, host, operation, acquired_at, heartbeat_at) VALUES (@name, @owner, @pid, @host, @op, @at, @at)",
                ("@name", lease.StackName), ("@owner", lease.OwnerId), ("@pid", lease.ProcessId), ("@host", lease.Host),
                ("@op", lease.Operation), ("@at", FormatTime(s.Now)));
            return null;
        }, write: true, cancellationToken);

    /// <summary>Renews the lease; false when another owner has taken it (this process was presumed dead).</summary>
    public Task<bool> HeartbeatLeaseAsync(string stackName, string ownerId, CancellationToken cancellationToken) =>
        RunAsync(s => s.Execute(
            "UPDATE stack_leases SET heartbeat_at = @at WHERE stack_name = @name AND owner_id = @owner",
            ("@at", FormatTime(s.Now)), ("@name", stackName), ("@owner", ownerId)) > 0, write: true, cancellationToken);

    public Task ReleaseLeaseAsync(string stackName, string ownerId, CancellationToken cancellationToken) =>
        RunAsync(s => s.Execute("DELETE FROM stack_leases WHERE stack_name = @name AND owner_id = @owner",
            ("@name", stackName), ("@owner", ownerId)), write: true, cancellationToken);
}
