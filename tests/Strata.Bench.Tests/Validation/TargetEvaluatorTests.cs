using Strata.Bench.Comparison;
using Strata.Bench.Report;
using static Strata.Bench.Tests.Validation.ValidationResultsSamples;

namespace Strata.Bench.Tests.Validation;

public sealed class TargetEvaluatorTests
{
    private static readonly int[] ConditionSizes = [8, 50, 100, 200];

    private static List<GeneratedComparison> Generated(double mix500Yaml = 0.0085, double mix10000Yaml = 0.461) =>
    [
        Mix("mix-500.json", 500, 0.00516, 0.0061),
        Mix("mix-500.yaml", 500, mix500Yaml, mix500Yaml * 1.2),
        Mix("mix-10000.json", 10_000, 0.121, 0.189),
        Mix("mix-10000.yaml", 10_000, 0.431, mix10000Yaml),
        .. ConditionSizes.Select(n => Conditions(n, 1e-5 * n)),
    ];

    private static List<TargetCheck> Evaluate(CorpusComparison corpus, CliComparison cli, List<GeneratedComparison> generated) =>
        TargetEvaluator.Evaluate(corpus, cli, generated, GrowthAnalysis.Series(generated, null));

    [Fact]
    public void Evaluate_EveryTargetMet_FiveMetVerdicts()
    {
        var checks = Evaluate(CorpusCompared(5899, 15.4), CliCompared(0.0643, 1.12), Generated());

        Assert.Equal(["throughput", "cold-cli", "resources-500", "resources-10000", "conditions-linear"], checks.Select(c => c.Id));
        Assert.All(checks, c => Assert.True(c.Met, $"{c.Id}: {c.Measured}"));
        Assert.StartsWith("383× (5,899 vs 15.4 templates/s", checks[0].Measured);
        Assert.Equal("mix-500.json 5.16 ms, mix-500.yaml 8.50 ms", checks[2].Measured);
        Assert.StartsWith("exponent 1.00 over n = 50…200", checks[4].Measured);
    }

    [Fact]
    public void Evaluate_SlowerFormatOverTheLimit_Missed()
    {
        var checks = Evaluate(CorpusCompared(5899, 15.4), CliCompared(0.0643, 1.12), Generated(mix500Yaml: 0.106, mix10000Yaml: 1.2));

        Assert.False(checks.Single(c => c.Id == "resources-500").Met);
        Assert.False(checks.Single(c => c.Id == "resources-10000").Met);
    }

    [Fact]
    public void Evaluate_ThroughputBelowFiftyTimesAndSlowColdCall_Missed()
    {
        var checks = Evaluate(CorpusCompared(700, 15.4), CliCompared(0.30, 1.12), Generated());

        Assert.False(checks.Single(c => c.Id == "throughput").Met);
        Assert.False(checks.Single(c => c.Id == "cold-cli").Met);
    }

    [Fact]
    public void Evaluate_CfnLintSkippedAndNothingGenerated_NotMeasuredRatherThanMet()
    {
        var checks = TargetEvaluator.Evaluate(CorpusCompared(5899, null), CliCompared(0.0643, null), [], []);

        Assert.Equal([null, true, null, null, null], checks.Select(c => c.Met));
        Assert.Equal("not measured", checks[0].Measured);
        Assert.Equal("not measured", checks[2].Measured);
        Assert.Contains("(cfn-lint median –)", checks[1].Measured);
    }

    [Fact]
    public void Evaluate_ConditionsTemplateTimedOut_MissedNamingTheSize()
    {
        var generated = Generated();
        generated[^1] = Conditions(200, null);

        var check = Evaluate(CorpusCompared(5899, 15.4), CliCompared(0.0643, 1.12), generated).Single(c => c.Id == "conditions-linear");

        Assert.False(check.Met);
        Assert.Equal("did not finish at n = 200", check.Measured);
    }

    [Fact]
    public void Evaluate_WorkerDidNotFinish_MissedNotMeasured()
    {
        var generated = Generated();
        generated[1] = generated[1] with { Strata = null };

        var check = Evaluate(CorpusCompared(5899, 15.4), CliCompared(0.0643, 1.12), generated).Single(c => c.Id == "resources-500");

        Assert.False(check.Met);
        Assert.Equal("did not finish within the worker timeout", check.Measured);
    }
}
