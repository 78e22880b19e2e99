using Strata.Bench.Report;

namespace Strata.Bench.Tests.Validation;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0.000206, "206 µs")]
    [InlineData(0.00516, "5.16 ms")]
    [InlineData(0.0189, "18.9 ms")]
    [InlineData(0.461, "461 ms")]
    [InlineData(1.12, "1.12 s")]
    [InlineData(311.4, "311 s")]
    public void Duration_Seconds_UnitByMagnitude(double seconds, string expected)
    {
        Assert.Equal(expected, Format.Duration(seconds));
    }

    [Fact]
    public void Duration_ProcessRuns_TimeTimeoutFailureOrDash()
    {
        var run = new ProcessRun("cfn-lint x.yaml", 5.73, 0, false, 300, null, 2);

        Assert.Equal("5.73 s", Format.Duration(run));
        Assert.Equal("> 300 s (timed out)", Format.Duration(run with { TimedOut = true }));
        Assert.Equal("failed: exit 3", Format.Duration(run with { Failure = "exit 3" }));
        Assert.Equal("–", Format.Duration((ProcessRun?)null));
    }

    [Theory]
    [InlineData(512L, "512 B")]
    [InlineData(346_112L, "338 KiB")]
    [InlineData(154_140_672L, "147 MiB")]
    [InlineData(25_232_932_864L, "23.5 GiB")]
    [InlineData(null, "–")]
    public void Bytes_Sizes_BinaryUnits(long? bytes, string expected)
    {
        Assert.Equal(expected, Format.Bytes(bytes));
    }

    [Theory]
    [InlineData(383.2, false, "383×")]
    [InlineData(4434.4, true, "> 4,434×")]
    [InlineData(17.4, false, "17×")]
    [InlineData(1.4, false, "1.4×")]
    [InlineData(null, false, "–")]
    public void Ratio_Values_PrecisionByMagnitude(double? ratio, bool lowerBound, string expected)
    {
        Assert.Equal(expected, Format.Ratio(ratio, lowerBound));
    }

    [Theory]
    [InlineData(true, "**met**")]
    [InlineData(false, "**missed**")]
    [InlineData(null, "not measured")]
    public void Met_Verdicts_Words(bool? met, string expected)
    {
        Assert.Equal(expected, Format.Met(met));
    }
}
