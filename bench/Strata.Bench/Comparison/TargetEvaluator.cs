using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// The targets of issue 2's "Benchmark" section, checked against this run. A target that could not be measured
/// (a worker timed out, cfn-lint skipped) is reported as such, never as met.
/// </summary>
internal static class TargetEvaluator
{
    public const double ThroughputRatio = 50;
    public const double ColdCliSeconds = 0.25;
    public const double FiveHundredSeconds = 0.100;
    public const double TenThousandSeconds = 1.0;
    public const double NearLinearExponent = 1.2;

    public static List<TargetCheck> Evaluate(CorpusComparison corpus, CliComparison cli, IReadOnlyList<GeneratedComparison> generated, IReadOnlyList<GrowthSeries> growth)
    {
        var checks = new List<TargetCheck>
        {
            new("throughput", "Whole corpus in one process, templates/s against cfn-lint",
                $"≥ {ThroughputRatio:0}× cfn-lint",
                corpus.ThroughputRatio is { } ratio
                    ? $"{Format.Ratio(ratio)} ({Format.Number(corpus.Strata!.TemplatesPerSecond)} vs {Format.Number(corpus.CfnLintTemplatesPerSecond!.Value, "0.0")} templates/s; {Format.Ratio(corpus.ThroughputRatioExcludingStartup)} without cfn-lint's start-up)"
                    : "not measured",
                corpus.ThroughputRatio is { } r ? r >= ThroughputRatio : null),
            new("cold-cli", "One cold `strata validate` call per template (corpus sample), median",
                $"≤ {ColdCliSeconds} s",
                $"median {Format.Duration(cli.Strata.MedianSeconds)}, p90 {Format.Duration(cli.Strata.P90Seconds)} (cfn-lint median {(cli.CfnLint is null ? "–" : Format.Duration(cli.CfnLint.MedianSeconds))})",
                cli.Strata.MedianSeconds <= ColdCliSeconds),
            Slowest(generated, "resources-500", "Generated 500-resource template, parse + validate in-process (median; slower of JSON/YAML)",
                $"≤ {FiveHundredSeconds * 1000:0} ms", 500, r => r.ParseAndValidateSeconds, FiveHundredSeconds),
            Slowest(generated, "resources-10000", "Generated 10,000-resource template, parse + validate + model + dependency graph in-process (median; slower of JSON/YAML)",
                $"≤ {TenThousandSeconds:0} s", 10_000, r => r.TotalSeconds, TenThousandSeconds),
        };

        var strataGrowth = growth.FirstOrDefault();
        checks.Add(new TargetCheck("conditions-linear", "Nested-conditions series: growth of validation time with the number of conditions",
            $"near-linear (fitted exponent ≤ {NearLinearExponent})",
            strataGrowth?.Exponent is { } k
                ? $"exponent {k:0.00}; ×{strataGrowth.Ratio4n:0.0} time for ×4 conditions" + (growth.Count > 1 && growth[1].Exponent is { } theirs ? $" (cfn-lint exponent {theirs:0.00})" : "")
                : "not measured",
            strataGrowth?.Exponent is { } e && !strataGrowth.TimedOut.Any(t => t) ? e <= NearLinearExponent : null));
        return checks;
    }

    private static TargetCheck Slowest(IReadOnlyList<GeneratedComparison> generated, string id, string description, string target, int resources,
        Func<FileRun, double> measure, double limit)
    {
        var runs = generated.Where(g => g.Template.Kind == "mix" && g.Template.Size == resources).ToList();
        if (runs.Count == 0 || runs.Any(g => g.Strata is null))
        {
            return new TargetCheck(id, description, target, runs.Count == 0 ? "not measured" : "did not finish within the worker timeout", runs.Count == 0 ? null : false);
        }

        var worst = runs.MaxBy(g => measure(g.Strata!))!;
        var all = string.Join(", ", runs.Select(g => $"{g.Template.Name} {Format.Duration(measure(g.Strata!))}"));
        return new TargetCheck(id, description, target, all, measure(worst.Strata!) <= limit);
    }
}
