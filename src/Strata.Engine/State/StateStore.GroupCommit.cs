using System.Collections.Concurrent;
using System.Diagnostics;
using SQLitePCL;
using Strata.Engine.Model;

namespace Strata.Engine.State;

/// <summary>
/// Group commit. A wide stack starts hundreds of resources at once and each start and finish is a write
/// (journal entry, record, event); committed one by one they queue behind each other and every commit pays
/// its own page writes and WAL checkpoints. Instead, writes go into a queue with one drainer at a time: it runs
/// every queued write and commits them in one transaction. Each write stays atomic (a failing one is left out
/// and the others committed without it), and no caller continues before its write is committed, so the
/// journal-before-call rule holds. Callers wait on their own write only, never on each other: the first writer
/// to find no drainer drains one batch itself (a lone write needs no hand-off), and later batches are drained
/// on the pool.
/// </summary>
public sealed partial class StateStore
{
    private readonly ConcurrentQueue<PendingWrite> _pendingWrites = new();

    /// <summary>1 while a drainer owns the queue: one at a time, so batches commit and publish in order.</summary>
    private int _draining;

    // Updated by the drainer only (one at a time); read by anyone.
    private long _transactions, _writes, _busyTicks;

    /// <summary>Totals of the writes committed so far by this store (see <see cref="StoreWriteStatistics"/>).</summary>
    public StoreWriteStatistics WriteStatistics =>
        new(Volatile.Read(ref _transactions), Volatile.Read(ref _writes), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _busyTicks)));

    private Task<T> WriteAsync<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        var write = new PendingWrite<T>(work);
        _pendingWrites.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // Nobody is committing: this caller does, so a lone write pays no hand-off to another thread.
            return DrainThenAwaitAsync(write);
        }
        if (cancellationToken.CanBeCanceled)
        {
            // Queued behind a running batch: a cancelled caller withdraws its write if no batch took it yet.
            write.WithdrawOn(cancellationToken);
        }
        return write.Completion;
    }

    private async Task<T> DrainThenAwaitAsync<T>(PendingWrite<T> write)
    {
        await CommitBatchAsync().ConfigureAwait(false);
        if (KeepDraining())
        {
            // Whatever queued meanwhile is committed on the pool, not by this caller, which has its own work to get on with.
            ThreadPool.UnsafeQueueUserWorkItem(static store => _ = store.DrainOnPoolAsync(), this, preferLocal: false);
        }
        return await write.Completion.ConfigureAwait(false);
    }

    private async Task DrainOnPoolAsync()
    {
        do
        {
            await CommitBatchAsync().ConfigureAwait(false);
        }
        while (KeepDraining());
    }

    /// <summary>Commits every queued write (one batch), then publishes its events and hands out the outcomes.</summary>
    private async Task CommitBatchAsync()
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        List<PendingWrite> batch;
        try
        {
            var started = Stopwatch.GetTimestamp();
            batch = CommitPending();
            Volatile.Write(ref _busyTicks, _busyTicks + (Stopwatch.GetTimestamp() - started));
            Volatile.Write(ref _transactions, _transactions + 1);
            Volatile.Write(ref _writes, _writes + batch.Count);
        }
        finally
        {
            _gate.Release();
        }
        Publish(batch);
        foreach (var done in batch)
        {
            done.Finish();
        }
    }

    /// <summary>
    /// After a batch: true when writes are still queued (the drainer keeps the queue and commits the next batch);
    /// otherwise the drainer lets go, then looks once more so a write queued in between is not stranded.
    /// </summary>
    private bool KeepDraining()
    {
        while (true)
        {
            if (!_pendingWrites.IsEmpty)
            {
                return true;
            }
            Volatile.Write(ref _draining, 0);
            if (_pendingWrites.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Runs every queued write in one transaction. A write that throws fails alone: the transaction is rolled
    /// back and the rest of the batch run again without it. Writes are functions of the database (they
    /// touch nothing else), so running one again is safe; failures are rare (a broken invariant, a full
    /// disk), so this costs less than a savepoint around every write.
    /// </summary>
    private List<PendingWrite> CommitPending()
    {
        var batch = new List<PendingWrite>();
        while (_pendingWrites.TryDequeue(out var queued))
        {
            if (queued.TryTake())
            {
                batch.Add(queued);
            }
        }

        var remaining = batch;
        while (remaining.Count > 0)
        {
            var failed = TryCommit(remaining);
            if (failed is null)
            {
                break;
            }
            remaining = remaining.Where(w => w != failed).ToList();
        }
        return batch;
    }

    /// <summary>Commits <paramref name="writes"/> together; returns the write that threw (the others are then not written), or null.</summary>
    private PendingWrite? TryCommit(List<PendingWrite> writes)
    {
        try
        {
            // IMMEDIATE: take the write lock up front so two processes never deadlock upgrading a read lock.
            Run("BEGIN IMMEDIATE");
        }
        catch (Exception exception)
        {
            FailAll(writes, exception);
            return null;
        }

        var batch = new BatchContext();
        foreach (var write in writes)
        {
            try
            {
                write.Run(new Session(_statements, _time, batch));
            }
            catch (Exception exception)
            {
                RollBack();
                write.Fail(exception);
                return write;
            }
        }

        try
        {
            Run("COMMIT");
        }
        catch (Exception exception)
        {
            RollBack();
            FailAll(writes, exception);
        }
        return null;
    }

    private static void FailAll(List<PendingWrite> writes, Exception exception)
    {
        // The transaction did not open or did not commit: none of these writes is in the database.
        foreach (var write in writes)
        {
            write.Fail(exception);
        }
    }

    private void RollBack()
    {
        // A failed COMMIT may have ended the transaction already; roll back only what is still open.
        if (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
        {
            Run("ROLLBACK");
        }
    }

    private void Run(string sql) => _statements[sql].Execute([]);

    private void Publish(List<PendingWrite> batch)
    {
        if (EventAppended is not { } subscribers)
        {
            return;
        }
        // Once per batch: each call to GetInvocationList copies the subscribers into a new array.
        var handlers = subscribers.GetInvocationList();
        foreach (var write in batch)
        {
            if (write.Succeeded && write.AppendedEvents is { } events)
            {
                foreach (var stackEvent in events)
                {
                    foreach (var handler in handlers)
                    {
                        try
                        {
                            ((Action<StackEvent>)handler)(stackEvent);
                        }
                        catch (Exception)
                        {
                            // The event is committed whatever a subscriber (a display) makes of it: its failure must
                            // neither fail the writes nor stop the drainer, which every later write waits on.
                        }
                    }
                }
            }
        }
    }

    /// <summary>A write waiting for the connection: queued, then taken into a batch, or abandoned by a cancelled caller.</summary>
    private abstract class PendingWrite
    {
        private const int Queued = 0, Taken = 1, Abandoned = 2;
        private int _state;
        private Exception? _failure;
        private CancellationTokenRegistration _registration;

        public bool IsTaken => Volatile.Read(ref _state) == Taken;

        public bool Succeeded { get; private set; }

        public List<StackEvent>? AppendedEvents { get; private set; }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

        /// <summary>When <paramref name="cancellationToken"/> fires before a batch takes this write, the write is dropped and its caller cancelled.</summary>
        public void WithdrawOn(CancellationToken cancellationToken)
        {
            var registration = cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var write = (PendingWrite)state!;
                if (write.TryAbandon())
                {
                    write.SetCanceled(token);
                }
            }, this);
            // Disposed when the outcome is handed out; should that come first, the callback finds the write taken and does nothing.
            _registration = registration;
        }

        public void Run(Session session)
        {
            Execute(session);
            AppendedEvents = session.AppendedEvents;
            Succeeded = true;
        }

        public void Fail(Exception exception)
        {
            Succeeded = false;
            AppendedEvents = null;
            _failure = exception;
        }

        /// <summary>Hands the outcome to the caller, after the commit and after the batch's events were published.</summary>
        public void Finish()
        {
            _registration.Dispose();
            if (_failure is not null)
            {
                SetFailure(_failure);
            }
            else
            {
                SetResult();
            }
        }

        protected abstract void Execute(Session session);

        protected abstract void SetResult();

        protected abstract void SetFailure(Exception exception);

        protected abstract void SetCanceled(CancellationToken cancellationToken);
    }

    private sealed class PendingWrite<T>(Func<Session, T> work) : PendingWrite
    {
        // Continuations run on the pool, not inline on the committing writer, which still has a batch to finish.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;

        protected override void Execute(Session session) => _result = work(session);

        protected override void SetResult() => _completion.TrySetResult(_result!);

        protected override void SetFailure(Exception exception) => _completion.TrySetException(exception);

        protected override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
    }
}
