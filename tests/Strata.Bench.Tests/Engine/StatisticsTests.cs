using Strata.Bench.Engine.Measurement;

namespace Strata.Bench.Tests.Engine;

public sealed class StatisticsTests
{
    [Fact]
    public void DistributionOf_OneToHundred_NearestRankPercentiles()
    {
        var distribution = Distribution.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList());

        Assert.Equal(new Distribution(100, 50, 90, 99, 100, 50.5), distribution);
    }

    [Fact]
    public void DistributionOf_SmallSample_EveryPercentileIsAnObservedValue()
    {
        var distribution = Distribution.Of([5.0, 1.0, 3.0]);

        // Nearest rank: p50 is the 2nd of 3, p90 and p99 the 3rd.
        Assert.Equal((3.0, 5.0, 5.0, 5.0), (distribution.P50, distribution.P90, distribution.P99, distribution.Max));
        Assert.Equal(3.0, distribution.Mean);
    }

    [Fact]
    public void DistributionOf_Empty_AllZero()
    {
        Assert.Equal(new Distribution(0, 0, 0, 0, 0, 0), Distribution.Of([]));
    }

    [Theory]
    [InlineData(new[] { 9.0, 12.0, 15.0 }, 12.0)]
    [InlineData(new[] { 15.0, 9.0, 12.0 }, 12.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    [InlineData(new double[0], 0.0)]
    public void ClockMedian_Values_MiddleOrMeanOfTheTwoMiddle(double[] values, double expected)
    {
        Assert.Equal(expected, Clock.Median(values));
    }
}
