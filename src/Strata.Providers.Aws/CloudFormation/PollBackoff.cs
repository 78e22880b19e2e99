namespace Strata.Providers.Aws.CloudFormation;

/// <summary>
/// Waits between polls: short while the stack is moving, doubling up to a ceiling while nothing happens, so a
/// long quiet create (a database) costs few calls and a busy one is shown promptly.
/// </summary>
internal sealed class PollBackoff(TimeSpan first, TimeSpan ceiling)
{
    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>The wait before the next poll, given whether the last poll brought anything new.</summary>
    public TimeSpan Next(bool progressed)
    {
        if (progressed || _current == TimeSpan.Zero)
        {
            _current = first;
            if (progressed) return _current;
        }
        var wait = _current;
        _current = TimeSpan.FromTicks(Math.Min(ceiling.Ticks, _current.Ticks * 2));
        return wait;
    }
}

internal static class Durations
{
    /// <summary>"45s", "10m", "1h30m": how the CLI writes durations (<c>--ttl 7d</c>, <c>--timeout 30m</c>).</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))}s";
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Days == 0 && span.Hours == 0 && span.Seconds > 0) parts.Add($"{span.Seconds}s");
        return string.Concat(parts);
    }
}
