using Strata.Bench.Comparison;
using Strata.Bench.Report;
using static Strata.Bench.Tests.Validation.ValidationResultsSamples;

namespace Strata.Bench.Tests.Validation;

public sealed class GrowthAnalysisTests
{
    private static readonly int[] Sizes = [8, 16, 25, 50, 100, 200, 400];

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Series_TimeAPowerOfN_FitsThatExponentFromFifty(double power)
    {
        // Below 50 conditions the time is flat (fixed costs), which the fit must leave out.
        var generated = Sizes.Select(n => Conditions(n, 1e-6 * Math.Pow(Math.Max(n, 50), power))).ToList();

        var strata = GrowthAnalysis.Series(generated, cfnLintStartup: null)[0];

        Assert.Equal("strata, in-process parse + validate", strata.Tool);
        Assert.Equal(Sizes, strata.Sizes);
        Assert.Equal(GrowthAnalysis.StrataFitFrom, strata.FitFrom);
        Assert.Equal(power, strata.Exponent!.Value, precision: 9);
        Assert.Equal(Math.Pow(4, power), strata.Ratio4n!.Value, precision: 9);
    }

    [Fact]
    public void Series_TimedOutSize_LeftOutOfTheFitAndMarked()
    {
        var generated = Sizes.Select(n => Conditions(n, n == 400 ? null : 1e-5 * n)).ToList();

        var strata = GrowthAnalysis.Series(generated, cfnLintStartup: null)[0];

        Assert.Equal([false, false, false, false, false, false, true], strata.TimedOut);
        Assert.Null(strata.Seconds[^1]);
        Assert.Equal(1.0, strata.Exponent!.Value, precision: 9);
    }

    [Fact]
    public void Series_CfnLintRuns_StartupSubtractedAndFittedFromItsFirstSize()
    {
        const double startup = 1.0;
        var generated = Sizes.Select(n => Conditions(n, 1e-5 * n,
            n <= 25 ? Ran(startup + 0.01 * n * n) : null)).ToList();

        var series = GrowthAnalysis.Series(generated, startup);

        var cfnLint = Assert.Single(series, s => s.Tool.StartsWith("cfn-lint", StringComparison.Ordinal));
        Assert.Equal([8, 16, 25], cfnLint.Sizes);
        Assert.Equal(8, cfnLint.FitFrom);
        Assert.Equal(2.0, cfnLint.Exponent!.Value, precision: 9);
        Assert.Null(cfnLint.Ratio4n);
    }

    [Fact]
    public void Series_NoConditionsTemplates_NoExponent()
    {
        var series = GrowthAnalysis.Series([Mix("mix-500.yaml", 500, 0.008, 0.01)], cfnLintStartup: null);

        Assert.All(series, s => Assert.Empty(s.Sizes));
        Assert.All(series, s => Assert.Null(s.Exponent));
        Assert.DoesNotContain(series, s => s.Tool.StartsWith("cfn-lint", StringComparison.Ordinal));
    }
}
