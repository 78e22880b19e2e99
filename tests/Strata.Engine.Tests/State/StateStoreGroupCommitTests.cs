using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.State;

/// <summary>Concurrent writes are committed together; each must still succeed or fail on its own.</summary>
public sealed class StateStoreGroupCommitTests : TemporaryStoreTests
{
    private static EventDraft Draft(string logicalId) => new(logicalId, null, "AWS::SQS::Queue", "CREATE_IN_PROGRESS", null);

    [Fact]
    public async Task WriteAsync_OneWriteOfABatchFails_OnlyThatWriteIsLost()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);

        List<Task<StackEvent>> appends;
        Task failing, halfWritten;
        await using (var batch = await QueuedBatch.StartAsync(Store, StoreDirectory))
        {
            appends = Enumerable.Range(0, 40).Select(i => Store.AppendEventAsync("id-1", "s", Draft($"R{i}"), CancellationToken.None)).ToList();
            // Updating a stack that is not stored throws inside its write, in the middle of the batch.
            failing = Store.UpdateStackAsync(Stack("ghost", "missing") with { Status = StackStatus.CreateComplete }, Draft("ghost"), CancellationToken.None);
            // This one writes its record, then fails on its event (logical id is NOT NULL): the record must go too.
            halfWritten = Store.SaveResourceAsync(Resource("half", "id-1"), "s", Draft(null!), CancellationToken.None);
            appends.AddRange(Enumerable.Range(40, 40).Select(i => Store.AppendEventAsync("id-1", "s", Draft($"R{i}"), CancellationToken.None)));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => halfWritten);
        await Task.WhenAll(appends);
        Assert.Empty(await Store.GetResourcesAsync("id-1", CancellationToken.None));
        var events = await Store.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(81, events.Count); // the batch's 80 and the write that held the connection
        Assert.Equal(Enumerable.Range(1, 81).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWriters_PublishesEventsInCommitOrderBeforeReturning()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        var published = new List<long>();
        Store.EventAppended += e => { lock (published) { published.Add(e.Sequence); } };

        var writes = Enumerable.Range(0, 100).Select(async i =>
        {
            var stackEvent = await Store.AppendEventAsync("id-1", "s", Draft($"R{i}"), CancellationToken.None);
            lock (published)
            {
                Assert.Contains(stackEvent.Sequence, published);
            }
        });
        await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), published);
    }

    [Fact]
    public async Task WriteAsync_EventSubscriberThrows_WritesSucceedAndLaterWritesAreNotStalled()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        var seen = new List<string>();
        Store.EventAppended += _ => throw new IOException("the display's pipe is closed");
        Store.EventAppended += e => { lock (seen) { seen.Add(e.LogicalId); } };

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Store.AppendEventAsync("id-1", "s", Draft($"R{i}"), CancellationToken.None)));
        await Store.AppendEventAsync("id-1", "s", Draft("Later"), CancellationToken.None);

        Assert.Equal(51, (await Store.GetEventsAsync("id-1", 0, CancellationToken.None)).Count);
        Assert.Equal(51, seen.Count); // the subscriber after the failing one still hears every event
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeItRuns_ThrowsAndIsNeverWritten()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendEventAsync("id-1", "s", Draft("Cancelled"), cancelled.Token));
        // The abandoned write stays in the queue until the next batch, which must skip it.
        await Store.AppendEventAsync("id-1", "s", Draft("Kept"), CancellationToken.None);

        var events = await Store.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(["Kept"], events.Select(e => e.LogicalId));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueuedBehindABatch_ThrowsAndIsNeverWritten()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        Task withdrawn, kept;
        await using (var batch = await QueuedBatch.StartAsync(Store, StoreDirectory))
        {
            withdrawn = Store.AppendEventAsync("id-1", "s", Draft("Withdrawn"), cancellation.Token);
            kept = Store.AppendEventAsync("id-1", "s", Draft("Kept"), CancellationToken.None);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        }
        await kept;

        var events = await Store.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(["First", "Kept"], events.Select(e => e.LogicalId));
    }

    [Fact]
    public async Task Dispose_WhileABatchIsOnTheConnection_WaitsForItToCommit()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        Task disposing;
        await using (var batch = await QueuedBatch.StartAsync(Store, StoreDirectory))
        {
            disposing = Task.Run(Store.Dispose);
            await Task.Delay(200);
            Assert.False(disposing.IsCompleted);
        }
        await disposing;

        using var reopened = StateStore.Open(StoreDirectory);
        var events = await reopened.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(["First"], events.Select(e => e.LogicalId));
    }

    [Fact]
    public async Task WriteAsync_StoreReopened_EveryConcurrentWriteIsDurable()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Store.AppendEventAsync("id-1", "s", Draft($"R{i}"), CancellationToken.None)));

        using var reopened = StateStore.Open(StoreDirectory);
        var events = await reopened.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(200, events.Count);
        Assert.Equal(200, events.Select(e => e.LogicalId).Distinct().Count());
    }

    /// <summary>
    /// Makes the writes issued while it is open queue up: another connection holds the file's write lock, and one
    /// write (on a pool thread) holds the store's connection waiting for it. Disposing releases the lock, so the
    /// queued writes run as one batch after the first.
    /// </summary>
    private sealed class QueuedBatch : IAsyncDisposable
    {
        private readonly Microsoft.Data.Sqlite.SqliteConnection _blocker;
        private readonly Microsoft.Data.Sqlite.SqliteTransaction _lock;
        private readonly Task _first;

        private QueuedBatch(Microsoft.Data.Sqlite.SqliteConnection blocker, Microsoft.Data.Sqlite.SqliteTransaction writeLock, Task first)
        {
            _blocker = blocker;
            _lock = writeLock;
            _first = first;
        }

        public static async Task<QueuedBatch> StartAsync(StateStore store, string directory)
        {
            var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, StateStore.FileName)};Pooling=False");
            blocker.Open();
            var writeLock = blocker.BeginTransaction(deferred: false);
            var first = Task.Run(() => store.AppendEventAsync("id-1", "s", Draft("First"), CancellationToken.None));
            // Until the first write holds the connection, later writes could still run alone.
            while (await IsConnectionFreeAsync(store))
            {
                await Task.Delay(10);
            }
            return new QueuedBatch(blocker, writeLock, first);
        }

        private static async Task<bool> IsConnectionFreeAsync(StateStore store)
        {
            var read = store.GetEventsAsync("id-1", 0, CancellationToken.None);
            var finished = await Task.WhenAny(read, Task.Delay(50)) == read;
            return finished;
        }

        public async ValueTask DisposeAsync()
        {
            _lock.Rollback();
            _lock.Dispose();
            await _first;
            _blocker.Dispose();
        }
    }
}
