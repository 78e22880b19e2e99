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
        _current = progressed || _current == TimeSpan.Zero
            ? first
            : TimeSpan.FromTicks(Math.Min(ceiling.Ticks, _current.Ticks * 2));
        return _current;
    }
}
