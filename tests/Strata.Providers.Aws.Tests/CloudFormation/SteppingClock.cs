using System.Collections.Concurrent;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// A fake clock that jumps instead of waiting: every timer created on it moves the clock forward by the timer's
/// due time and fires at once. Polling loops therefore run through hours of simulated time in milliseconds,
/// in the same order they would in real time. Only the code under test uses it (the AWS client keeps the real
/// clock for its per-attempt time-outs).
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    /// <summary>Every wait asked for, in order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return System.CreateTimer(callback, state, dueTime, period);
        Waits.Enqueue(dueTime);
        Advance(dueTime);
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
