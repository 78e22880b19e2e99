using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Strata.Engine.Model;

namespace Strata.Engine.State;

/// <summary>
/// Group commit. A wide stack starts hundreds of resources at once and each start and finish is a write
/// (journal entry, record, event); committed one by one they queue behind each other and every commit pays
/// its own page writes and WAL checkpoints. Instead, a writer that gets the connection also runs every write
/// queued behind it, each inside its own savepoint, and commits them in one transaction. Each write stays
/// atomic (a failing one is rolled back alone), and no caller continues before its write is committed, so the
/// journal-before-call rule holds.
/// </summary>
public sealed partial class StateStore
{
    private readonly ConcurrentQueue<PendingWrite> _pendingWrites = new();

    /// <summary>Held from a batch's commit until its events are published, so subscribers see events in commit order.</summary>
    private readonly SemaphoreSlim _publishGate = new(1, 1);

    private async Task<T> WriteAsync<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        var write = new PendingWrite<T>(work);
        _pendingWrites.Enqueue(write);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (write.TryAbandon())
            {
                throw;
            }
            // Another writer already took it into a batch: its outcome stands, whatever the caller wanted.
            return await write.Completion.ConfigureAwait(false);
        }

        List<PendingWrite>? batch = null;
        try
        {
            // Our write is either still queued (and this batch takes it) or already in another writer's batch.
            if (!write.IsTaken)
            {
                batch = CommitPending();
                await _publishGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        if (batch is not null)
        {
            try
            {
                Publish(batch);
            }
            finally
            {
                _publishGate.Release();
                foreach (var done in batch)
                {
                    done.Finish();
                }
            }
        }
        return await write.Completion.ConfigureAwait(false);
    }

    /// <summary>Runs every queued write in one transaction; a write's exception fails that write alone.</summary>
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
        if (batch.Count == 0)
        {
            return batch;
        }

        try
        {
            // IMMEDIATE: take the write lock up front so two processes never deadlock upgrading a read lock.
            using var transaction = _connection.BeginTransaction(deferred: false);
            if (batch.Count == 1)
            {
                // Alone: the transaction is the write's atomic unit; an exception rolls it back (dispose).
                RunOne(batch[0], transaction);
            }
            else
            {
                foreach (var write in batch)
                {
                    RunInSavepoint(write, transaction);
                }
            }
            if (batch.Any(w => w.Succeeded))
            {
                transaction.Commit();
            }
        }
        catch (Exception exception)
        {
            // Opening or committing the transaction failed: none of the batch was written.
            foreach (var write in batch)
            {
                write.FailUnlessFailed(exception);
            }
        }
        return batch;
    }

    private void RunOne(PendingWrite write, SqliteTransaction transaction)
    {
        try
        {
            write.Run(new Session(_commands, transaction, _time));
        }
        catch (Exception exception)
        {
            write.Fail(exception);
        }
    }

    private void RunInSavepoint(PendingWrite write, SqliteTransaction transaction)
    {
        const string savepoint = "write";
        transaction.Save(savepoint);
        try
        {
            write.Run(new Session(_commands, transaction, _time));
        }
        catch (Exception exception)
        {
            transaction.Rollback(savepoint);
            write.Fail(exception);
        }
        transaction.Release(savepoint);
    }

    private void Publish(List<PendingWrite> batch)
    {
        if (EventAppended is not { } handlers)
        {
            return;
        }
        foreach (var write in batch)
        {
            if (write.Succeeded && write.AppendedEvents is { } events)
            {
                foreach (var stackEvent in events)
                {
                    handlers(stackEvent);
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

        public bool IsTaken => Volatile.Read(ref _state) == Taken;

        public bool Succeeded { get; private set; }

        public List<StackEvent>? AppendedEvents { get; private set; }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

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

        public void FailUnlessFailed(Exception exception)
        {
            if (_failure is null)
            {
                Fail(exception);
            }
        }

        /// <summary>Hands the outcome to the caller, after the commit and after the batch's events were published.</summary>
        public void Finish()
        {
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
    }
}
