using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Engine.Model;

namespace Strata.Engine.State;

/// <summary>
/// The engine's durable state: stacks, resources, events, the operation journal, exports, leases and
/// wait-condition signals, in one SQLite file under the data directory. Thread-safe: one connection per
/// store, used by one caller at a time; other processes (e.g. <c>strata events --follow</c>) open their
/// own store on the same file, which WAL mode lets them read while this one writes.
/// </summary>
public sealed partial class StateStore : IAsyncDisposable, IDisposable
{
    public const string FileName = "state.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private StateStore(SqliteConnection connection, TimeProvider time, string path)
    {
        _connection = connection;
        _time = time;
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    /// <summary>Raised after a transaction that appended events commits, in append order.</summary>
    public event Action<StackEvent>? EventAppended;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static StateStore Open(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Other processes may hold the write lock briefly; wait rather than fail.
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // WAL: readers in other processes never block this writer. synchronous=NORMAL is durable against a
        // killed process (the crash-and-resume guarantee), which is what the journal needs.
        Execute(connection, "PRAGMA journal_mode=WAL");
        Execute(connection, "PRAGMA synchronous=NORMAL");
        Execute(connection, "PRAGMA busy_timeout=60000");
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            foreach (var statement in Schema.Statements)
            {
                Execute(connection, statement, transaction);
            }
            transaction.Commit();
        }
        return new StateStore(connection, time ?? TimeProvider.System, path);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection, optionally inside a write transaction.</summary>
    private async Task<T> RunAsync<T>(Func<Session, T> work, bool write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<StackEvent>? appended;
        T result;
        try
        {
            // IMMEDIATE: take the write lock up front so two processes never deadlock upgrading a read lock.
            using var transaction = write ? _connection.BeginTransaction(deferred: false) : null;
            var session = new Session(_connection, transaction, _time);
            result = work(session);
            transaction?.Commit();
            appended = session.AppendedEvents;
        }
        finally
        {
            _gate.Release();
        }

        if (appended is not null)
        {
            foreach (var stackEvent in appended)
            {
                EventAppended?.Invoke(stackEvent);
            }
        }
        return result;
    }

    private Task RunAsync(Action<Session> work, bool write, CancellationToken cancellationToken) =>
        RunAsync(session => { work(session); return true; }, write, cancellationToken);

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>One unit of work on the connection: commands share the transaction; events are collected for publishing.</summary>
    private sealed class Session(SqliteConnection connection, SqliteTransaction? transaction, TimeProvider time)
    {
        public List<StackEvent>? AppendedEvents { get; private set; }

        public DateTimeOffset Now => time.GetUtcNow();

        public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            return command;
        }

        public int Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteNonQuery();
        }

        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }

        public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }
            return rows;
        }

        public void Appended(StackEvent stackEvent) => (AppendedEvents ??= []).Add(stackEvent);
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
