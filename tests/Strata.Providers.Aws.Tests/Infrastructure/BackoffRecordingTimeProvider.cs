using System.Collections.Concurrent;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// The system clock, except that short one-shot timers (the client's back-off waits, at most
/// <see cref="BackoffThreshold"/>) are recorded and either fire at once or never, so retry tests neither
/// sleep nor depend on timing. Longer timers (per-attempt time-outs) run on the real clock.
/// </summary>
public sealed class BackoffRecordingTimeProvider(bool fireBackoffs = true) : TimeProvider
{
    public static readonly TimeSpan BackoffThreshold = TimeSpan.FromSeconds(30);

    public ConcurrentQueue<TimeSpan> Backoffs { get; } = new();

    /// <summary>Signalled whenever a back-off wait starts.</summary>
    public SemaphoreSlim BackoffStarted { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan && dueTime <= BackoffThreshold)
        {
            Backoffs.Enqueue(dueTime);
            BackoffStarted.Release();
            return System.CreateTimer(callback, state, fireBackoffs ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, period);
        }
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
