using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Strata.Bench.Engine.Providers;

/// <summary>
/// Completes waits at their deadline to about 0.1 ms, from one dedicated thread. <c>Task.Delay</c> is the
/// obvious tool but answers about 1 ms late (the timer queue counts whole milliseconds, then a pool thread
/// runs the callback): on 5-50 ms resources that alone is 2-4% of a chain, most of the 5% budget, and when
/// the engine keeps the pool busy the lateness grows and gets charged to the "cloud". Here the thread waits
/// until about 1 ms before the next deadline, sleeps the rest with <c>usleep</c> (microseconds; Linux timer
/// slack is 50 µs), then stamps the fire time and completes the wait — no spinning, so the process's CPU time
/// stays the engine's; the awaiting code resumes on the pool (asynchronously), so the time
/// the engine takes to pick an answer up is the engine's.
/// </summary>
public sealed class PreciseTimer : IDisposable
{
    private static readonly long TicksPerMs = Stopwatch.Frequency / 1000;

    private readonly PriorityQueue<TaskCompletionSource<long>, long> _due = new();
    private readonly object _lock = new();
    private readonly Thread _thread;
    private bool _stopping;

    public PreciseTimer()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "bench-precise-timer" };
        _thread.Start();
    }

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp it fired at, at or just after <paramref name="deadline"/>.</summary>
    public Task<long> WaitUntilAsync(long deadline, CancellationToken cancellationToken)
    {
        var wait = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => wait.TrySetCanceled(cancellationToken));
            _ = wait.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        lock (_lock)
        {
            _due.Enqueue(wait, deadline);
            Monitor.PulseAll(_lock);
        }
        return wait.Task;
    }

    public Task<long> DelayAsync(int milliseconds, CancellationToken cancellationToken) =>
        WaitUntilAsync(Stopwatch.GetTimestamp() + milliseconds * TicksPerMs, cancellationToken);

    private void Run()
    {
        var fired = new List<TaskCompletionSource<long>>();
        while (true)
        {
            lock (_lock)
            {
                if (_stopping)
                {
                    return;
                }
                if (!_due.TryPeek(out _, out var deadline))
                {
                    Monitor.Wait(_lock);
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                var remainingMs = (deadline - now) / (double)TicksPerMs;
                if (remainingMs > 2)
                {
                    // Whole milliseconds, woken early on purpose: the last stretch is yielded away below.
                    Monitor.Wait(_lock, (int)remainingMs - 1);
                    continue;
                }
                while (_due.TryPeek(out var wait, out var due) && due <= now)
                {
                    _due.Dequeue();
                    fired.Add(wait);
                }
            }
            if (fired.Count == 0)
            {
                // Under 2 ms to go. No new wait can fall before this one: every duration is at least 5 ms.
                SleepUntil(NextDeadline());
                continue;
            }
            var at = Stopwatch.GetTimestamp();
            foreach (var wait in fired)
            {
                wait.TrySetResult(at);
            }
            fired.Clear();
        }
    }

    private long NextDeadline()
    {
        lock (_lock)
        {
            return _due.TryPeek(out _, out var deadline) ? deadline : Stopwatch.GetTimestamp();
        }
    }

    private static void SleepUntil(long deadline)
    {
        var micros = (deadline - Stopwatch.GetTimestamp()) * 1_000_000 / Stopwatch.Frequency;
        if (micros <= 0)
        {
            return;
        }
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = usleep((uint)micros);
        }
        else
        {
            Thread.Sleep(TimeSpan.FromMicroseconds(micros));
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int usleep(uint microseconds);

    public void Dispose()
    {
        lock (_lock)
        {
            _stopping = true;
            Monitor.PulseAll(_lock);
        }
        _thread.Join();
    }
}
