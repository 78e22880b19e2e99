using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    /// <summary>Stores a signal; a repeated UniqueId replaces the earlier one (cfn-signal's retry semantics).</summary>
    public Task AddSignalAsync(string handleKey, WaitSignal signal, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            s.Execute("DELETE FROM wait_signals WHERE handle_key = @key AND unique_id = @uid", ("@key", handleKey), ("@uid", signal.UniqueId));
            s.Execute(
                "INSERT INTO wait_signals (handle_key, unique_id, status, reason, data, received_at) VALUES (@key, @uid, @status, @reason, @data, @at)",
                ("@key", handleKey), ("@uid", signal.UniqueId), ("@status", signal.Status), ("@reason", signal.Reason),
                ("@data", signal.Data), ("@at", FormatTime(signal.ReceivedAt)));
        }, write: true, cancellationToken);

    public Task<IReadOnlyList<WaitSignal>> GetSignalsAsync(string handleKey, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<WaitSignal>>(s => s.Query(
            "SELECT unique_id, status, reason, data, received_at FROM wait_signals WHERE handle_key = @key ORDER BY received_at, unique_id",
            r => new WaitSignal(r.GetString(0), r.GetString(1), r.GetNullableString(2), r.GetNullableString(3), ParseTime(r.GetString(4))),
            ("@key", handleKey)), write: false, cancellationToken);

    public Task ClearSignalsAsync(string handleKey, CancellationToken cancellationToken) =>
        RunAsync(s => s.Execute("DELETE FROM wait_signals WHERE handle_key = @key", ("@key", handleKey)), write: true, cancellationToken);
}
