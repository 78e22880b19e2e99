using Strata.Bench.Measurement;

namespace Strata.Bench.Tests.Validation;

public sealed class StatsTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(90, 9)]
    [InlineData(91, 10)]
    [InlineData(100, 10)]
    [InlineData(0, 1)]
    public void Percentile_TenValues_NearestRank(double percent, double expected)
    {
        double[] values = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];

        Assert.Equal(expected, Stats.Percentile(values, percent));
    }

    [Fact]
    public void Percentile_Empty_NaN()
    {
        Assert.True(double.IsNaN(Stats.Percentile([], 50)));
    }

    [Theory]
    [InlineData(new[] { 0.3, 0.1, 0.2 }, 0.2)]
    [InlineData(new[] { 0.4, 0.1, 0.3, 0.2 }, 0.2)]
    public void Median_Doubles_AnObservedValueTheLowerOfTwoMiddle(double[] values, double expected)
    {
        Assert.Equal(expected, Stats.Median(values));
    }

    [Theory]
    [InlineData(new long[] { 300, 100, 200 }, 200)]
    [InlineData(new long[] { 400, 100, 300, 200 }, 200)]
    [InlineData(new long[0], 0)]
    public void Median_Longs_LowerMiddleOrZero(long[] values, long expected)
    {
        Assert.Equal(expected, Stats.Median(values));
    }
}
