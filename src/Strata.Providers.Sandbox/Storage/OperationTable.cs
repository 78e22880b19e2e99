using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>SQL for the <c>operations</c> table.</summary>
internal static class OperationTable
{
    private const string Columns =
        "request_token, client_token, kind, type, physical_id, stack, logical_id, started_at, due_at, status, error_code, message, pending, finished_at";

    public static void Insert(SqliteConnection c, SqliteTransaction t, OperationRecord o) =>
        c.Execute(t, $"INSERT INTO operations ({Columns}) VALUES ($token, $client, $kind, $type, $id, $stack, $logical, $started, $due, $status, $code, $message, $pending, $finished)",
            ("$token", o.RequestToken), ("$client", o.ClientToken), ("$kind", o.Kind.ToString()), ("$type", o.Type), ("$id", o.PhysicalId),
            ("$stack", o.Stack), ("$logical", o.LogicalId), ("$started", o.StartedAt), ("$due", o.DueAt), ("$status", o.Status.ToString()),
            ("$code", o.ErrorCode?.ToString()), ("$message", o.Message), ("$pending", o.Pending?.ToJsonString()), ("$finished", o.FinishedAt));

    /// <summary>Marks an in-progress operation finished; false when another caller finished it first.</summary>
    public static bool Finish(SqliteConnection c, SqliteTransaction t, string requestToken, OperationStatus status, HandlerErrorCode? code, string? message, long finishedAt) =>
        c.Execute(t, "UPDATE operations SET status = $status, error_code = $code, message = $message, finished_at = $finished WHERE request_token = $token AND status = $inProgress",
            ("$status", status.ToString()), ("$code", code?.ToString()), ("$message", message), ("$finished", finishedAt),
            ("$token", requestToken), ("$inProgress", nameof(OperationStatus.InProgress))) == 1;

    public static OperationRecord? Find(SqliteConnection c, SqliteTransaction? t, string requestToken) =>
        c.Query(t, $"SELECT {Columns} FROM operations WHERE request_token = $token", Map, ("$token", requestToken)).FirstOrDefault();

    public static OperationRecord? FindByClientToken(SqliteConnection c, SqliteTransaction? t, OperationKind kind, string clientToken) =>
        c.Query(t, $"SELECT {Columns} FROM operations WHERE kind = $kind AND client_token = $client", Map,
            ("$kind", kind.ToString()), ("$client", clientToken)).FirstOrDefault();

    /// <summary>The operation still running on a resource, if any.</summary>
    public static OperationRecord? InProgressFor(SqliteConnection c, SqliteTransaction? t, string type, string physicalId) =>
        c.Query(t, $"SELECT {Columns} FROM operations WHERE type = $type AND physical_id = $id AND status = $inProgress LIMIT 1", Map,
            ("$type", type), ("$id", physicalId), ("$inProgress", nameof(OperationStatus.InProgress))).FirstOrDefault();

    /// <summary>In-progress operations whose due time has passed, oldest first.</summary>
    public static List<OperationRecord> Due(SqliteConnection c, SqliteTransaction? t, long now) =>
        c.Query(t, $"SELECT {Columns} FROM operations WHERE status = $inProgress AND due_at IS NOT NULL AND due_at <= $now ORDER BY due_at", Map,
            ("$inProgress", nameof(OperationStatus.InProgress)), ("$now", now));

    private static OperationRecord Map(SqliteDataReader r) => new()
    {
        RequestToken = r.GetString(0),
        ClientToken = r.GetString(1),
        Kind = Enum.Parse<OperationKind>(r.GetString(2)),
        Type = r.GetString(3),
        PhysicalId = r.GetString(4),
        Stack = r.GetString(5),
        LogicalId = r.GetString(6),
        StartedAt = r.GetInt64(7),
        DueAt = r.NullableLong(8),
        Status = Enum.Parse<OperationStatus>(r.GetString(9)),
        ErrorCode = r.NullableString(10) is { } code ? Enum.Parse<HandlerErrorCode>(code) : null,
        Message = r.NullableString(11),
        Pending = r.NullableString(12) is { } pending ? (JsonObject)JsonNode.Parse(pending)! : null,
        FinishedAt = r.NullableLong(13),
    };
}
