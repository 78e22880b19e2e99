using Microsoft.Data.Sqlite;
using Strata.Engine.Definition;
using Strata.Engine.Model;

namespace Strata.Bench.Engine.Measurement;

/// <summary>Bytes of one table (with its indexes) in the state file, from SQLite's <c>dbstat</c>.</summary>
public sealed record TableBytes(string Table, long Rows, long PageBytes, long PayloadBytes);

public sealed record StateMemoryResult(
    int Resources,
    long HeapBytesLoaded,
    long HeapBytesRecords,
    long HeapBytesWithLiveState,
    long HeapBytesWithoutModel,
    long HeapBytesSkeleton,
    double JsonBytesPerResource,
    long FileBytes,
    IReadOnlyList<TableBytes> Tables)
{
    /// <summary>As <c>GetResourcesAsync</c> returns them: JSON objects still backed by their parsed documents.</summary>
    public double HeapBytesPerResourceLoaded => (double)HeapBytesLoaded / Resources;

    /// <summary>After every JSON object was read once (as evaluation and diffing do): the figure that counts.</summary>
    public double HeapBytesPerResource => (double)HeapBytesRecords / Resources;

    public double HeapBytesPerResourceWithLiveState => (double)HeapBytesWithLiveState / Resources;

    /// <summary>The same records with their provider model dropped: what the model (properties + read-only attributes) costs.</summary>
    public double HeapBytesPerResourceWithoutModel => (double)HeapBytesWithoutModel / Resources;

    /// <summary>Neither model nor properties: ids, type, status, timestamps, dependencies.</summary>
    public double HeapBytesPerResourceSkeleton => (double)HeapBytesSkeleton / Resources;

    public double ResourceTableBytesPerResource => (double)(Tables.FirstOrDefault(t => t.Table == "resources")?.PageBytes ?? 0) / Resources;

    public double FileBytesPerResource => (double)FileBytes / Resources;
}

/// <summary>
/// What the recorded state of N resources costs: managed heap held by the loaded records
/// (<c>GC.GetTotalMemory(true)</c> before and after <c>StateStore.GetResourcesAsync</c>, after one warm-up
/// load so one-time statics are not counted), plus the live-state index the engine builds over them; and the
/// SQLite bytes, per table with indexes, after a checkpoint folds the WAL into the file.
/// </summary>
public static class StateMemory
{
    public static async Task<StateMemoryResult> MeasureAsync(BenchEngine bench, string stackName, CancellationToken cancellationToken)
    {
        var stack = await bench.Store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"state: stack {stackName} is not recorded");
        IReadOnlyList<ResourceRecord> Load() => bench.Store.GetResourcesAsync(stack.StackId, cancellationToken).GetAwaiter().GetResult();
        var count = Load().Count;

        var loaded = Retained(() => Load());
        var touched = Retained(() => Touched(Load()));
        var withLive = Retained(() =>
        {
            var records = Touched(Load());
            return (records, new LiveState(records, new Dictionary<string, string>()));
        });
        // Where the bytes are: the same records without the provider model, then without properties either.
        var withoutModel = Retained(() => Touched(Load()).Select(r => r with { Model = null }).ToList());
        var skeleton = Retained(() => Touched(Load()).Select(r => r with { Model = null, Properties = StoredJson.Empty, Metadata = null }).ToList());

        var (fileBytes, tables, jsonBytes) = Inspect(bench.Store.DatabasePath);
        return new StateMemoryResult(count, loaded, touched, withLive, withoutModel, skeleton, jsonBytes, fileBytes, tables);
    }

    /// <summary>
    /// Managed bytes still reachable from what <paramref name="build"/> returns, after full collections before
    /// and after (<c>GC.GetTotalMemory(true)</c>). Temporaries of the build are garbage by then; a separate
    /// method so no caller's local keeps anything alive.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long Retained(Func<object> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return after - before;
    }

    /// <summary>
    /// Reads every JSON value of every record, as the planner and evaluation do. Records keep their JSON as
    /// compact text (<see cref="StoredJson"/>) and hand out copies, so reading must not make them grow; this
    /// checks that it does not.
    /// </summary>
    private static IReadOnlyList<ResourceRecord> Touched(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records)
        {
            Touch(record.Properties.ToObject());
            Touch(record.Model?.ToObject());
            Touch(record.Metadata?.ToObject());
        }
        return records;
    }

    private static int Touch(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => 1 + o.Sum(p => Touch(p.Value)),
        System.Text.Json.Nodes.JsonArray a => 1 + a.Sum(Touch),
        _ => 1,
    };

    private static (long FileBytes, IReadOnlyList<TableBytes> Tables, double JsonBytesPerResource) Inspect(string path)
    {
        using var connection = Open(path);
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        var fileBytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        var tables = names
            .Select(name => new TableBytes(name, (long)Scalar(connection, $"SELECT COUNT(*) FROM {Quote(name)}"), TableFileBytes(connection, path, name), Payload(connection, name)))
            .OrderByDescending(t => t.PageBytes)
            .ToList();
        var json = Scalar(connection, "SELECT AVG(LENGTH(properties) + COALESCE(LENGTH(model), 0)) FROM resources");
        return (fileBytes, tables, json);
    }

    /// <summary>
    /// The bytes one table and its indexes take in a compacted file: a copy keeping only that table, vacuumed,
    /// minus a copy keeping none (the bundled SQLite has no <c>dbstat</c>, which would say this directly).
    /// </summary>
    private static long TableFileBytes(SqliteConnection source, string path, string table)
    {
        return CompactedBytes(source, path, table) - CompactedBytes(source, path, null);
    }

    private static long CompactedBytes(SqliteConnection source, string path, string? keep)
    {
        var copy = path + ".measure";
        File.Delete(copy);
        try
        {
            using var command = source.CreateCommand();
            command.CommandText = "VACUUM INTO @copy";
            command.Parameters.AddWithValue("@copy", copy);
            command.ExecuteNonQuery();
            using (var connection = Open(copy))
            {
                var drop = new List<string>();
                using (var list = connection.CreateCommand())
                {
                    list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                    using var reader = list.ExecuteReader();
                    while (reader.Read())
                    {
                        if (reader.GetString(0) != keep)
                        {
                            drop.Add(reader.GetString(0));
                        }
                    }
                }
                foreach (var name in drop)
                {
                    Execute(connection, $"DROP TABLE {Quote(name)}");
                }
                Execute(connection, "VACUUM");
            }
            return new FileInfo(copy).Length;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>Bytes of the values themselves (every column's length), without SQLite's record and page overhead.</summary>
    private static long Payload(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''")}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }
        if (columns.Count == 0)
        {
            return 0;
        }
        var sum = string.Join(" + ", columns.Select(c => $"COALESCE(LENGTH({Quote(c)}), 0)"));
        return (long)Scalar(connection, $"SELECT COALESCE(SUM({sum}), 0) FROM {Quote(table)}");
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static double Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar() ?? 0.0, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
