using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Engine.Model;
using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

/// <summary>
/// The engine's durable state: stacks, resources, events, the operation journal, exports, leases and
/// wait-condition signals, in one SQLite file under the data directory. Thread-safe: one connection per
/// store, used by one caller at a time (concurrent writes are committed together, see <see cref="WriteAsync"/>; statements run
/// through <see cref="SqlStatement"/>); other processes (e.g. <c>strata events --follow</c>) open their
/// own store on the same file, which WAL mode lets them read while this one writes.
/// </summary>
public sealed partial class StateStore : IAsyncDisposable, IDisposable
{
    public const string FileName = "state.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StatementCache _statements;
    private readonly TimeProvider _time;
    private readonly WalCheckpointer _checkpointer;

    private StateStore(SqliteConnection connection, TimeProvider time, string path)
    {
        _connection = connection;
        _checkpointer = WalCheckpointer.Attach(connection, path);
        _statements = new StatementCache(connection.Handle!);
        _time = time;
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Raised after a transaction that appended events commits, in append order, on the committing thread and
    /// before the writes' callers continue. Handlers should be quick and must not throw: an exception from one
    /// is dropped (the event is committed regardless) so that it cannot stall the store.
    /// </summary>
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
        try
        {
            connection.Open();
            Prepare(connection, path);
            return new StateStore(connection, time ?? TimeProvider.System, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sets the connection up and brings the file's tables to the current schema.</summary>
    private static void Prepare(SqliteConnection connection, string path)
    {
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
            SchemaMigrations.Apply(connection, transaction, path);
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the connection. Reads run alone; writes go through <see cref="WriteAsync"/>,
    /// which commits the writes of concurrent callers together.
    /// </summary>
    private Task<T> RunAsync<T>(Func<Session, T> work, bool write, CancellationToken cancellationToken) =>
        write ? WriteAsync(work, cancellationToken) : ReadAsync(work, cancellationToken);

    private Task RunAsync(Action<Session> work, bool write, CancellationToken cancellationToken) =>
        RunAsync(session => { work(session); return true; }, write, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(new Session(_statements, _time));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // A batch may still be on the connection (its callers have their answers; its drainer is finishing):
        // let it finish rather than close the connection under it.
        var idle = _gate.Wait(TimeSpan.FromSeconds(30));
        _checkpointer.Dispose();
        _statements.Dispose();
        _connection.Dispose();
        if (idle)
        {
            _gate.Release();
        }
        _gate.Dispose();
    }

    private int _disposed;

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// UTC with seven fractional digits and a Z (<c>2026-11-22T05:28:28.1234567Z</c>): fixed width, so the text sorts
    /// as the time does. The round-trip format of a UTC <see cref="DateTime"/> is exactly that, and formats several
    /// times faster than the same pattern spelled out.
    /// </summary>
    internal static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
