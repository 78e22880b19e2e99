using System.Text.Json.Nodes;
using Strata.Engine.Model;

using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    private const string JournalColumns =
        "operation_id, stack_id, record_id, logical_id, resource_type, action, state, client_token, request, physical_id, result, started_at, finished_at";

    /// <summary>
    /// Records a provider call about to be made, together with the resource's new status and its event,
    /// atomically: after a crash either all three are there (and the call is replayed) or none is.
    /// </summary>
    public Task<StackEvent?> BeginOperationAsync(JournalEntry entry, ResourceRecord resource, string stackName, EventDraft? resourceEvent, CancellationToken cancellationToken)
    {
        (string, object?)[] journal =
        [
            ("@op", entry.OperationId), ("@sid", entry.StackId), ("@rid", entry.RecordId), ("@lid", entry.LogicalId),
            ("@type", entry.ResourceType), ("@action", entry.Action.ToString()), ("@state", JournalState.Pending.ToString()),
            ("@token", entry.ClientToken), ("@request", StoredJson.From(entry.Request)), ("@pid", entry.PhysicalId),
            ("@started", FormatTime(entry.StartedAt)),
        ];
        var record = ResourceValues(resource);
        return RunAsync(s =>
        {
            s.Execute(
                $"INSERT INTO journal ({JournalColumns}) VALUES (@op, @sid, @rid, @lid, @type, @action, @state, @token, @request, @pid, NULL, @started, NULL)",
                journal);
            s.Execute(UpsertResourceSql, record);
            return resourceEvent is null ? null : AppendEvent(s, resource.StackId, stackName, resourceEvent);
        }, write: true, cancellationToken);
    }

    /// <summary>Notes what is known mid-call: a new client token for a retry, or the physical id of a resource still stabilizing.</summary>
    public Task RecordProgressAsync(string operationId, string clientToken, string? physicalId, CancellationToken cancellationToken) =>
        RunAsync(s => s.Execute(
            "UPDATE journal SET client_token = @token, physical_id = COALESCE(@pid, physical_id) WHERE operation_id = @op",
            ("@op", operationId), ("@token", clientToken), ("@pid", physicalId)), write: true, cancellationToken);

    /// <summary>
    /// Closes a journal entry and applies its outcome to the resource record in one transaction:
    /// <paramref name="resource"/> is written, or the record is removed when <paramref name="removeRecord"/> is set.
    /// </summary>
    public Task<StackEvent?> CompleteOperationAsync(
        string operationId, bool succeeded, JsonObject? result, ResourceRecord resource, bool removeRecord,
        string stackName, EventDraft? resourceEvent, CancellationToken cancellationToken)
    {
        var resultText = StoredJson.FromNullable(result);
        var record = removeRecord ? null : ResourceValues(resource);
        return RunAsync(s =>
        {
            s.Execute(
                "UPDATE journal SET state = @state, result = @result, physical_id = COALESCE(@pid, physical_id), finished_at = @at WHERE operation_id = @op",
                ("@op", operationId), ("@state", (succeeded ? JournalState.Succeeded : JournalState.Failed).ToString()),
                ("@result", resultText), ("@pid", resource.PhysicalId), ("@at", FormatTime(s.Now)));
            if (record is null)
            {
                s.Execute("DELETE FROM resources WHERE record_id = @id", ("@id", resource.RecordId));
            }
            else
            {
                s.Execute(UpsertResourceSql, record);
            }
            return resourceEvent is null ? null : AppendEvent(s, resource.StackId, stackName, resourceEvent);
        }, write: true, cancellationToken);
    }

    /// <summary>Calls of the stack whose outcome was never recorded, oldest first.</summary>
    public Task<IReadOnlyList<JournalEntry>> GetPendingOperationsAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<JournalEntry>>(s => s.Query(
            // The state is written out, not bound, so that SQLite may use the partial index ix_journal_pending.
            $"SELECT {JournalColumns} FROM journal WHERE stack_id = @id AND state = '{nameof(JournalState.Pending)}' ORDER BY started_at, operation_id",
            ReadJournal, ("@id", stackId)), write: false, cancellationToken);

    /// <summary>The whole journal of a stack, oldest first (diagnostics and tests).</summary>
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<JournalEntry>>(s => s.Query(
            $"SELECT {JournalColumns} FROM journal WHERE stack_id = @id ORDER BY started_at, operation_id",
            ReadJournal, ("@id", stackId)), write: false, cancellationToken);

    private static JournalEntry ReadJournal(SqlRow r) => new()
    {
        OperationId = r.GetString(0),
        StackId = r.GetString(1),
        RecordId = r.GetString(2),
        LogicalId = r.GetString(3),
        ResourceType = r.GetString(4),
        Action = Enum.Parse<ProviderAction>(r.GetString(5)),
        State = Enum.Parse<JournalState>(r.GetString(6)),
        ClientToken = r.GetString(7),
        Request = JsonText.ReadObject(r.GetString(8)) ?? [],
        PhysicalId = r.GetNullableString(9),
        Result = JsonText.ReadObject(r.GetNullableString(10)),
        StartedAt = ParseTime(r.GetString(11)),
        FinishedAt = r.GetNullableString(12) is { } f ? ParseTime(f) : null,
    };
}
