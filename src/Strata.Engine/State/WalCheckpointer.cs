using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Strata.Engine.State;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on a thread of its own, so that the
/// store's writer never does. By default SQLite checkpoints inside the commit that takes the log past 1,000
/// pages: that commit copies every page back and waits for two fsyncs, milliseconds, and every write queued behind
/// it waits too. Measured on a 2-core machine: about two fifths of a lone commit's average cost, and the stalls
/// behind a deep stack's dispatch p99 (6-12 ms with inline checkpoints, 1-4.5 ms without). Here the writer's
/// connection has automatic checkpoints turned off and tells this checkpointer (through SQLite's WAL hook, which runs after each commit) how long the log is;
/// past the threshold, a second connection runs a PASSIVE checkpoint, which never blocks the writer or readers.
/// The log starts over only when a commit finds it fully copied, which a writer that never pauses may not
/// allow; so past ten times the threshold the checkpointer runs a RESTART checkpoint instead, which holds
/// new writes back until it has copied everything and the log can start over (what every commit risked before).
/// Durability is unchanged: a commit is in the log before its caller continues, and a checkpoint syncs the log
/// before copying from it, as before.
/// </summary>
internal sealed unsafe partial class WalCheckpointer : IDisposable
{
    /// <summary>SQLite's own automatic-checkpoint threshold, in pages.</summary>
    public const int DefaultThresholdPages = 1000;

    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _connection;
    private readonly int _thresholdPages;
    private readonly long _restartPages;
    private readonly SemaphoreSlim _due = new(0);
    private readonly Thread _thread;
    private GCHandle _self;
    private int _signalled, _stopping, _pagesInLog;
    private long _checkpoints;

    private WalCheckpointer(SqliteConnection writer, SqliteConnection connection, int thresholdPages)
    {
        _writer = writer;
        _connection = connection;
        _thresholdPages = thresholdPages;
        _restartPages = thresholdPages * 10L;
        _thread = new Thread(Run) { IsBackground = true, Name = "Strata state checkpointer" };
    }

    /// <summary>Checkpoints run so far (diagnostics and tests).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>
    /// Takes over checkpointing of <paramref name="writer"/>'s database (a WAL-mode file at <paramref name="path"/>):
    /// turns its automatic checkpoints off and checkpoints from a second connection whenever a commit leaves
    /// at least <paramref name="thresholdPages"/> pages in the log.
    /// </summary>
    public static WalCheckpointer Attach(SqliteConnection writer, string path, int thresholdPages = DefaultThresholdPages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thresholdPages);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        var checkpointer = new WalCheckpointer(writer, connection, thresholdPages);
        checkpointer._self = GCHandle.Alloc(checkpointer);
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                // The checkpointing connection's setting decides whether the log is synced before pages are copied.
                command.CommandText = "PRAGMA synchronous=NORMAL";
                command.ExecuteNonQuery();
            }
            // Registering a WAL hook replaces SQLite's automatic checkpoints on this connection (they are a WAL hook too).
            sqlite3_wal_hook(writer.Handle!.DangerousGetHandle(), &OnCommitted, GCHandle.ToIntPtr(checkpointer._self));
        }
        catch
        {
            connection.Dispose();
            checkpointer._self.Free();
            throw;
        }
        checkpointer._thread.Start();
        return checkpointer;
    }

    /// <summary>Runs after each commit on the writer's thread, inside SQLite: it may only signal, never use the connection.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommitted(nint context, nint db, nint schema, int pagesInLog)
    {
        var checkpointer = (WalCheckpointer)GCHandle.FromIntPtr(context).Target!;
        Volatile.Write(ref checkpointer._pagesInLog, pagesInLog);
        if (pagesInLog >= checkpointer._thresholdPages && Interlocked.Exchange(ref checkpointer._signalled, 1) == 0)
        {
            checkpointer._due.Release();
        }
        return 0;
    }

    private void Run()
    {
        while (true)
        {
            _due.Wait();
            if (Volatile.Read(ref _stopping) != 0)
            {
                return;
            }
            // Cleared before checkpointing: a commit during the checkpoint signals again, so nothing it adds is left waiting.
            Volatile.Write(ref _signalled, 0);
            // PASSIVE copies what it can without waiting for anyone (pages a reader still needs stay for the next time);
            // past ten times the threshold, RESTART waits for the writer's transaction so that the log can start over.
            var mode = Volatile.Read(ref _pagesInLog) >= _restartPages ? raw.SQLITE_CHECKPOINT_RESTART : raw.SQLITE_CHECKPOINT_PASSIVE;
            raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, mode, out _, out _);
            Interlocked.Increment(ref _checkpoints);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }
        // The writer may still commit (and call the hook) until it is closed: detach first, then stop the thread.
        sqlite3_wal_hook(_writer.Handle!.DangerousGetHandle(), null, 0);
        _due.Release();
        _thread.Join();
        _connection.Dispose();
        _self.Free();
        _due.Dispose();
    }

    // SQLitePCLRaw does not wrap sqlite3_wal_hook; the bundled library is the one its provider loads.
    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint sqlite3_wal_hook(nint db, delegate* unmanaged[Cdecl]<nint, nint, nint, int, int> callback, nint context);
}
