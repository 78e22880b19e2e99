using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Throttling;

/// <summary>
/// Token buckets for the settings file's request-rate limits, one global and one per listed type. A
/// bucket holds a second's worth of requests (at least one) and refills continuously; time runs at the
/// cloud's speed, so a rate of 2/s at speed 1000 admits 2000 requests per real second. Limits are kept
/// per process: each CLI run is its own API client, as two clients of AWS would be.
/// </summary>
internal sealed class RequestThrottle
{
    private readonly object _gate = new();
    private readonly Bucket? _global;
    private readonly Dictionary<string, Bucket> _perType;
    private readonly TimeProvider _time;
    private readonly double _speed;

    public RequestThrottle(ThrottleSettings settings, double speed, TimeProvider time)
    {
        _time = time;
        _speed = speed;
        var now = time.GetTimestamp();
        _global = settings.RequestsPerSecond is { } rate ? new Bucket(rate, now) : null;
        _perType = settings.Types.ToDictionary(kv => kv.Key, kv => new Bucket(kv.Value, now), StringComparer.Ordinal);
    }

    /// <summary>Takes a token for one request; returns null when admitted, else how long to wait (real time).</summary>
    public (TimeSpan RetryAfter, string Limit)? TryAcquire(string typeName)
    {
        if (_global is null && _perType.Count == 0)
        {
            return null;
        }
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var typeBucket = _perType.GetValueOrDefault(typeName);
            _global?.Refill(now, _speed, _time.TimestampFrequency);
            typeBucket?.Refill(now, _speed, _time.TimestampFrequency);
            if (typeBucket is { Tokens: < 1 })
            {
                return (typeBucket.WaitForToken(_speed), $"{typeBucket.Rate:0.###} requests per second for {typeName}");
            }
            if (_global is { Tokens: < 1 })
            {
                return (_global.WaitForToken(_speed), $"{_global.Rate:0.###} requests per second for the account");
            }
            if (typeBucket is not null)
            {
                typeBucket.Tokens--;
            }
            if (_global is not null)
            {
                _global.Tokens--;
            }
            return null;
        }
    }

    private sealed class Bucket(double rate, long timestamp)
    {
        public double Rate { get; } = rate;
        public double Tokens { get; set; } = Math.Max(1, rate);
        private long _last = timestamp;

        public void Refill(long now, double speed, long frequency)
        {
            var elapsedSeconds = (now - _last) / (double)frequency;
            _last = now;
            Tokens = Math.Min(Math.Max(1, Rate), Tokens + elapsedSeconds * Rate * speed);
        }

        public TimeSpan WaitForToken(double speed)
        {
            var seconds = (1 - Tokens) / (Rate * speed);
            return TimeSpan.FromSeconds(Math.Max(seconds, 0.001));
        }
    }
}
