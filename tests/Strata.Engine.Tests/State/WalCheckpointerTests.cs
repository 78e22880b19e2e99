using Microsoft.Data.Sqlite;
using Strata.Engine.State;

namespace Strata.Engine.Tests.State;

/// <summary>The write-ahead log is checkpointed off the writer's thread, and still kept short.</summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private const int PageBytes = 4096;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "strata-checkpointer-tests", Guid.NewGuid().ToString("N"));
    private readonly string _path;
    private readonly SqliteConnection _writer;

    public WalCheckpointerTests()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "wal.db");
        _writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _writer.Open();
        Execute("PRAGMA journal_mode=WAL");
        Execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }

    [Fact]
    public async Task Attach_CommitsLeaveTheLogPastItsThreshold_CheckpointsAndTheLogStartsOver()
    {
        using var checkpointer = WalCheckpointer.Attach(_writer, _path, thresholdPages: 8);

        // 600 commits of over a page each: a log never checkpointed would only grow.
        const int Commits = 600;
        for (var i = 0; i < Commits; i++)
        {
            Execute($"INSERT INTO pages (body) VALUES ('{new string('x', PageBytes + 100)}')");
            if (i % 60 == 59)
            {
                // Give the checkpointer its turn now and then, as the store's other work does.
                await WaitUntilAsync(() => checkpointer.Checkpoints > i / 60);
            }
        }

        Assert.True(checkpointer.Checkpoints > 0);
        Assert.True(LogRestarts() > 0, "the log never started over");
        Assert.Equal(Commits, Count());
    }

    [Fact]
    public void Attach_LogBelowThreshold_WriterNeverCheckpointsItself()
    {
        using var checkpointer = WalCheckpointer.Attach(_writer, _path, thresholdPages: int.MaxValue);

        // Past SQLite's own threshold of 1,000 pages, where the writer would have checkpointed inside a commit.
        for (var i = 0; i < 600; i++)
        {
            Execute($"INSERT INTO pages (body) VALUES ('{new string('x', PageBytes + 100)}')");
        }

        Assert.Equal(0, checkpointer.Checkpoints);
        Assert.Equal(0u, LogRestarts());
        Assert.Equal(600, Count());
    }

    [Fact]
    public void Dispose_WriterCommitsAfterwards_CommitsSucceedWithoutTheCheckpointer()
    {
        var checkpointer = WalCheckpointer.Attach(_writer, _path, thresholdPages: 1);
        checkpointer.Dispose();

        Execute("INSERT INTO pages (body) VALUES ('after')");

        Assert.Equal(1, Count());
    }

    [Fact]
    public void Attach_ThresholdNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WalCheckpointer.Attach(_writer, _path, thresholdPages: 0));
    }

    /// <summary>The log header's checkpoint sequence number (bytes 12-15, big-endian): SQLite adds one each time the log starts over.</summary>
    private uint LogRestarts()
    {
        using var log = new FileStream(_path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        Assert.True(condition(), "the checkpointer did not run");
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pages";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
