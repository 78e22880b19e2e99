using Strata.Engine.Model;

using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    private const string ResourceColumns =
        "record_id, stack_id, logical_id, resource_type, is_current, physical_id, status, status_reason, properties, model, " +
        "metadata, deletion_policy, update_replace_policy, depends_on, updated_at";

    /// <summary>Every resource record of the stack, current and replaced, in logical-id order.</summary>
    public Task<IReadOnlyList<ResourceRecord>> GetResourcesAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ResourceRecord>>(s => s.Query(
            $"SELECT {ResourceColumns} FROM resources WHERE stack_id = @id ORDER BY logical_id, is_current DESC, record_id",
            ReadResource, ("@id", stackId)), write: false, cancellationToken);

    /// <summary>Writes a resource record and, in the same transaction, its event.</summary>
    public Task<StackEvent?> SaveResourceAsync(ResourceRecord resource, string stackName, EventDraft? resourceEvent, CancellationToken cancellationToken)
    {
        var values = ResourceValues(resource);
        return RunAsync(s =>
        {
            s.Execute(UpsertResourceSql, values);
            return resourceEvent is null ? null : AppendEvent(s, resource.StackId, stackName, resourceEvent);
        }, write: true, cancellationToken);
    }

    /// <summary>Forgets a resource record (deleted, or retained and no longer managed) and appends its event.</summary>
    public Task<StackEvent?> RemoveResourceAsync(string stackId, string recordId, string stackName, EventDraft? resourceEvent, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            s.Execute("DELETE FROM resources WHERE record_id = @id", ("@id", recordId));
            return resourceEvent is null ? null : AppendEvent(s, stackId, stackName, resourceEvent);
        }, write: true, cancellationToken);

    /// <summary>
    /// The record as parameters of <see cref="UpsertResourceSql"/>. Built by the caller before its write is queued:
    /// writes run one at a time on the connection, so whatever can be done outside them is.
    /// </summary>
    private static (string, object?)[] ResourceValues(ResourceRecord r) =>
        [
            ("@rid", r.RecordId), ("@sid", r.StackId), ("@lid", r.LogicalId), ("@type", r.Type), ("@cur", r.IsCurrent ? 1 : 0),
            ("@pid", r.PhysicalId), ("@status", r.Status.ToCfn()), ("@reason", r.StatusReason), ("@props", r.Properties),
            ("@model", r.Model), ("@meta", r.Metadata),
            ("@dp", r.DeletionPolicy), ("@urp", r.UpdateReplacePolicy), ("@deps", JsonText.WriteList(r.DependsOn)),
            ("@at", FormatTime(r.UpdatedAt)),
        ];

    // A record never moves to another stack or logical id, so an update leaves those columns (and the index on
    // them) alone.
    private const string UpsertResourceSql =
        $"INSERT INTO resources ({ResourceColumns}) VALUES (@rid, @sid, @lid, @type, @cur, @pid, @status, @reason, @props, @model, " +
        "@meta, @dp, @urp, @deps, @at) ON CONFLICT (record_id) DO UPDATE SET resource_type = excluded.resource_type, is_current = excluded.is_current, physical_id = excluded.physical_id, " +
        "status = excluded.status, status_reason = excluded.status_reason, properties = excluded.properties, model = excluded.model, " +
        "metadata = excluded.metadata, deletion_policy = excluded.deletion_policy, update_replace_policy = excluded.update_replace_policy, " +
        "depends_on = excluded.depends_on, updated_at = excluded.updated_at";

    private static ResourceRecord ReadResource(SqlRow r) => new()
    {
        RecordId = r.GetString(0),
        StackId = r.GetString(1),
        LogicalId = r.GetString(2),
        Type = r.GetString(3),
        IsCurrent = r.GetInt64(4) != 0,
        PhysicalId = r.GetNullableString(5),
        Status = ResourceStatuses.Parse(r.GetString(6)),
        StatusReason = r.GetNullableString(7),
        Properties = ReadJson(r, 8, "properties")!,
        Model = ReadJson(r, 9, "model"),
        Metadata = ReadJson(r, 10, "metadata"),
        DeletionPolicy = r.GetNullableString(11),
        UpdateReplacePolicy = r.GetNullableString(12),
        DependsOn = JsonText.ReadList(r.GetString(13)),
        UpdatedAt = ParseTime(r.GetString(14)),
    };

    private static StoredJson? ReadJson(SqlRow r, int ordinal, string column)
    {
        if (r.IsNull(ordinal))
        {
            return null;
        }
        try
        {
            return StoredJson.Parse(r.Utf8(ordinal));
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"State store: resources.{column} of record {r.GetString(0)} is not a JSON object ({exception.Message})", exception);
        }
    }
}
