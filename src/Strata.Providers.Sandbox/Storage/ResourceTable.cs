using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Providers.Sandbox.Power;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>SQL for the <c>resources</c> table.</summary>
internal static class ResourceTable
{
    private const string Columns =
        "type, physical_id, region, stack, logical_id, state, properties, model, scope, power_state, power_ready_at, vcpus, created_at";

    public static void Insert(SqliteConnection c, SqliteTransaction t, ResourceRecord r) =>
        c.Execute(t, $"INSERT INTO resources ({Columns}) VALUES ($type, $id, $region, $stack, $logical, $state, $props, $model, $scope, $power, $ready, $vcpus, $created)",
            Parameters(r));

    /// <summary>Writes a changed resource back (an UPDATE, so that SQLite touches only the indexes whose columns changed).</summary>
    public static void Replace(SqliteConnection c, SqliteTransaction t, ResourceRecord r) =>
        c.Execute(t, "UPDATE resources SET region = $region, stack = $stack, logical_id = $logical, state = $state, properties = $props, model = $model, " +
            "scope = $scope, power_state = $power, power_ready_at = $ready, vcpus = $vcpus, created_at = $created WHERE type = $type AND physical_id = $id",
            Parameters(r));

    public static void Delete(SqliteConnection c, SqliteTransaction t, string type, string physicalId) =>
        c.Execute(t, "DELETE FROM resources WHERE type = $type AND physical_id = $id", ("$type", type), ("$id", physicalId));

    public static ResourceRecord? Find(SqliteConnection c, SqliteTransaction? t, string type, string physicalId) =>
        c.Query(t, $"SELECT {Columns} FROM resources WHERE type = $type AND physical_id = $id", Map, ("$type", type), ("$id", physicalId))
            .FirstOrDefault();

    /// <summary>A resource by id alone, whatever its type (a subnet id met in an instance's properties).</summary>
    public static ResourceRecord? FindById(SqliteConnection c, SqliteTransaction? t, string physicalId) =>
        c.Query(t, $"SELECT {Columns} FROM resources WHERE physical_id = $id LIMIT 1", Map, ("$id", physicalId)).FirstOrDefault();

    public static bool Exists(SqliteConnection c, SqliteTransaction? t, string type, string physicalId) =>
        c.ScalarLong(t, "SELECT COUNT(*) FROM resources WHERE type = $type AND physical_id = $id", ("$type", type), ("$id", physicalId)) > 0;

    public static long Count(SqliteConnection c, SqliteTransaction? t, string type, string region, string? scope) => scope is null
        ? c.ScalarLong(t, "SELECT COUNT(*) FROM resources WHERE type = $type AND region = $region", ("$type", type), ("$region", region))
        : c.ScalarLong(t, "SELECT COUNT(*) FROM resources WHERE type = $type AND region = $region AND scope = $scope",
            ("$type", type), ("$region", region), ("$scope", scope));

    /// <summary>vCPUs of instances that count against the On-Demand quota (not stopped).</summary>
    public static long RunningVcpus(SqliteConnection c, SqliteTransaction? t, string region) =>
        c.ScalarLong(t, "SELECT COALESCE(SUM(vcpus), 0) FROM resources WHERE region = $region AND (power_state IS NULL OR power_state <> $stopped)",
            ("$region", region), ("$stopped", nameof(PowerState.Stopped)));

    public static List<ResourceRecord> ByStack(SqliteConnection c, SqliteTransaction? t, string stack) =>
        c.Query(t, $"SELECT {Columns} FROM resources WHERE stack = $stack ORDER BY created_at, logical_id", Map, ("$stack", stack));

    public static List<ResourceRecord> All(SqliteConnection c, SqliteTransaction? t) =>
        c.Query(t, $"SELECT {Columns} FROM resources ORDER BY created_at, stack, logical_id", Map);

    /// <summary>Resources whose properties mention an id (dependents that block deleting it).</summary>
    public static List<ResourceRecord> Referencing(SqliteConnection c, SqliteTransaction? t, string physicalId) =>
        c.Query(t, $"SELECT {Columns} FROM resources WHERE physical_id <> $id AND instr(properties, $quoted) > 0", Map,
            ("$id", physicalId), ("$quoted", $"\"{physicalId}\""));

    /// <summary>Identifiers of one type in id order, after <paramref name="after"/> (paging).</summary>
    public static List<string> Ids(SqliteConnection c, string type, string? after, int limit) =>
        c.Query(null, "SELECT physical_id FROM resources WHERE type = $type AND physical_id > $after AND state <> $creating ORDER BY physical_id LIMIT $limit",
            r => r.GetString(0), ("$type", type), ("$after", after ?? ""), ("$creating", nameof(ResourceState.Creating)), ("$limit", limit));

    /// <summary>Instances and databases whose start or stop is due to finish.</summary>
    public static List<ResourceRecord> PowerTransitionsDue(SqliteConnection c, SqliteTransaction? t, long now) =>
        c.Query(t, $"SELECT {Columns} FROM resources WHERE power_ready_at IS NOT NULL AND power_ready_at <= $now", Map, ("$now", now));

    private static (string, object?)[] Parameters(ResourceRecord r) =>
    [
        ("$type", r.Type), ("$id", r.PhysicalId), ("$region", r.Region), ("$stack", r.Stack), ("$logical", r.LogicalId),
        ("$state", r.State.ToString()), ("$props", r.Properties.ToJsonString()), ("$model", r.Model.ToJsonString()),
        ("$scope", r.Scope), ("$power", r.Power?.ToString()), ("$ready", r.PowerReadyAt), ("$vcpus", r.Vcpus), ("$created", r.CreatedAt),
    ];

    private static ResourceRecord Map(SqliteDataReader r) => new()
    {
        Type = r.GetString(0),
        PhysicalId = r.GetString(1),
        Region = r.GetString(2),
        Stack = r.GetString(3),
        LogicalId = r.GetString(4),
        State = Enum.Parse<ResourceState>(r.GetString(5)),
        Properties = (JsonObject)JsonNode.Parse(r.GetString(6))!,
        Model = (JsonObject)JsonNode.Parse(r.GetString(7))!,
        Scope = r.NullableString(8),
        Power = r.NullableString(9) is { } power ? Enum.Parse<PowerState>(power) : null,
        PowerReadyAt = r.NullableLong(10),
        Vcpus = r.GetInt32(11),
        CreatedAt = r.GetInt64(12),
    };
}
