namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>The system clock shifted by an amount a test can advance (to reach an expiry without waiting).</summary>
public sealed class ManualClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
