namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>A jitter source pinned to one value (0 = no wait drawn, just under 1 = the whole ceiling).</summary>
public sealed class FixedJitter(double value) : Random
{
    public override double NextDouble() => value;
}
