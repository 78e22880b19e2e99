using Microsoft.Data.Sqlite;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>
/// The sandbox cloud's state: one SQLite file (<c>sandbox.db</c>) in the data directory, so that separate
/// processes (<c>strata up</c>, then <c>strata down</c>) see the same cloud. WAL mode lets readers run beside
/// a writer; writers take the database lock up front (BEGIN IMMEDIATE) so that a read-check-write sequence
/// such as "count VPCs, then add one" cannot interleave with another process's. Within a process writers
/// also queue on a semaphore, which is cheaper than letting SQLite's busy handler spin.
/// </summary>
internal sealed class SandboxDatabase : IDisposable
{
    public const string FileName = "sandbox.db";

    private const int SchemaVersion = 1;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;

    // Writes are serialized by the gate anyway, so one connection serves them all and keeps its prepared
    // state; reads use pooled connections of their own and run beside it (WAL).
    private SqliteConnection? _writer;

    public SandboxDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds to retry a locked database before giving up; another process may hold a write.
            DefaultTimeout = 30,
        }.ToString();
        InitializeSchema();
    }

    public string Path { get; }

    /// <summary>Runs a read (no transaction: WAL gives it a consistent snapshot per statement).</summary>
    public T Read<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        return work(connection);
    }

    /// <summary>Runs a read-modify-write as one transaction holding the database's write lock.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = _writer ??= OpenWriter();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        // Pooled connections keep the file open; release them so the directory can be removed.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writeGate.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
        // The busy timeout makes a write wait for another process's write instead of failing.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void InitializeSchema()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar());
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"{Path} was written by a newer Strata (sandbox schema {version}, this build reads up to {SchemaVersion})");
        }
        command.CommandText = SchemaSql + $"PRAGMA user_version = {SchemaVersion};";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    // Times are Unix milliseconds (UTC) from the cloud's TimeProvider.
    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS resources (
            type           TEXT NOT NULL,
            physical_id    TEXT NOT NULL,
            region         TEXT NOT NULL,
            stack          TEXT NOT NULL,
            logical_id     TEXT NOT NULL,
            state          TEXT NOT NULL,
            properties     TEXT NOT NULL,
            model          TEXT NOT NULL,
            scope          TEXT NULL,
            power_state    TEXT NULL,
            power_ready_at INTEGER NULL,
            vcpus          INTEGER NOT NULL DEFAULT 0,
            created_at     INTEGER NOT NULL,
            PRIMARY KEY (type, physical_id)
        );
        CREATE INDEX IF NOT EXISTS resources_by_stack ON resources (stack, logical_id);
        CREATE INDEX IF NOT EXISTS resources_by_region ON resources (type, region, scope);
        CREATE INDEX IF NOT EXISTS resources_by_physical_id ON resources (physical_id);
        CREATE INDEX IF NOT EXISTS resources_by_power_ready ON resources (power_ready_at) WHERE power_ready_at IS NOT NULL;

        CREATE TABLE IF NOT EXISTS operations (
            request_token  TEXT PRIMARY KEY,
            client_token   TEXT NOT NULL,
            kind           TEXT NOT NULL,
            type           TEXT NOT NULL,
            physical_id    TEXT NOT NULL,
            stack          TEXT NOT NULL,
            logical_id     TEXT NOT NULL,
            started_at     INTEGER NOT NULL,
            due_at         INTEGER NULL,
            status         TEXT NOT NULL,
            error_code     TEXT NULL,
            message        TEXT NULL,
            pending        TEXT NULL,
            finished_at    INTEGER NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS operations_by_client_token ON operations (kind, client_token);
        CREATE INDEX IF NOT EXISTS operations_by_due ON operations (status, due_at);
        CREATE INDEX IF NOT EXISTS operations_by_resource ON operations (type, physical_id, status);

        CREATE TABLE IF NOT EXISTS addresses (
            pool        TEXT NOT NULL,
            address     TEXT NOT NULL,
            owner_type  TEXT NOT NULL,
            owner_id    TEXT NOT NULL,
            PRIMARY KEY (pool, address)
        );
        CREATE INDEX IF NOT EXISTS addresses_by_owner ON addresses (owner_type, owner_id);

        CREATE TABLE IF NOT EXISTS meter (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            stack       TEXT NOT NULL,
            logical_id  TEXT NOT NULL,
            type        TEXT NOT NULL,
            physical_id TEXT NOT NULL,
            component   TEXT NOT NULL,
            hourly_usd  REAL NOT NULL,
            started_at  INTEGER NOT NULL,
            ended_at    INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS meter_by_stack ON meter (stack, started_at);
        CREATE INDEX IF NOT EXISTS meter_by_resource ON meter (type, physical_id, ended_at);

        CREATE TABLE IF NOT EXISTS counters (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );

        """;
}
