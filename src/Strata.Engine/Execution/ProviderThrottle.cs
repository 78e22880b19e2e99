namespace Strata.Engine.Execution;

/// <summary>
/// One provider's request gate: an optional steady rate, plus a shared pause after the provider says
/// "throttled" — every caller waits until RetryAfter has passed, not just the one that was refused, so a
/// burst backs off together instead of hammering the API.
/// </summary>
internal sealed class ProviderThrottle(TimeProvider time, double? maxCallsPerSecond)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var start = now > _resumeAt ? now : _resumeAt;
            if (maxCallsPerSecond is { } rate && rate > 0)
            {
                if (_nextSlot > start)
                {
                    start = _nextSlot;
                }
                _nextSlot = start + TimeSpan.FromSeconds(1 / rate);
            }
            wait = start - now;
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds every caller back for <paramref name="delay"/> from now (never shortens an existing pause).</summary>
    public void Pause(TimeSpan delay)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + delay;
            if (until > _resumeAt)
            {
                _resumeAt = until;
            }
        }
    }
}
