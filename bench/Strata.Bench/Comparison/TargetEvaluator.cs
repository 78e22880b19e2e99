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
                    ? $"{Format.Ratio(ratio)} ({Format.Number(corpus.Strata!.TemplatesPerSecond)} vs {Format.Number(corpus.CfnLintTemplatesPerSecond!.Value, "0.0")} templates/s, after warm-up); first pass incl. JIT: {Format.Ratio(corpus.Strata.ColdTemplatesPerSecond / corpus.CfnLintTemplatesPerSecond.Value)}; CPU time: {Format.Ratio(corpus.CpuTimeRatio)}"
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

        checks.Add(Growth(growth));
        return checks;
    }

    private static TargetCheck Growth(IReadOnlyList<GrowthSeries> growth)
    {
        const string description = "Nested-conditions series: growth of in-process validation time with the number of conditions";
        var target = $"near-linear (fitted exponent ≤ {NearLinearExponent})";
        var strata = growth.FirstOrDefault();
        if (strata is null)
        {
            return new TargetCheck("conditions-linear", description, target, "not measured", null);
        }

        var stuck = strata.Sizes.Where((_, i) => strata.TimedOut[i]).ToList();
        if (stuck.Count > 0)
        {
            return new TargetCheck("conditions-linear", description, target, $"did not finish at {string.Join(", ", stuck.Select(n => $"n = {n}"))}", false);
        }

        var largest = strata.Sizes.Max();
        var measured = $"exponent {strata.Exponent:0.00} over n = {strata.FitFrom}…{largest}; ×4 conditions ({strata.FitFrom} → {strata.FitFrom * 4}) took ×{strata.Ratio4n:0.0} the time";
        var parts = growth.Where(g => g.Tool.Contains(" only", StringComparison.Ordinal) && g.Exponent is not null).ToList();
        // Labels stay short in the one-line summary; the growth table has the full series names.
        if (parts.Count > 0)
        {
            measured += " (" + string.Join(", ", parts.Select(p => $"{p.Tool.Replace("strata, in-process ", "", StringComparison.Ordinal).Replace(", tree already promoted by a full GC", " on a promoted tree", StringComparison.Ordinal)} {p.Exponent:0.00}")) + ")";
        }

        var cfnLint = growth.FirstOrDefault(g => g.Tool.StartsWith("cfn-lint", StringComparison.Ordinal));
        if (cfnLint is not null)
        {
            var finished = cfnLint.Sizes.Where((_, i) => cfnLint.Seconds[i] is not null).DefaultIfEmpty().Max();
            measured += $" (cfn-lint finished up to n = {finished}{(cfnLint.Exponent is { } k ? $", exponent {k:0.0}" : "")})";
        }

        return new TargetCheck("conditions-linear", description, target, measured, strata.Exponent is { } e ? e <= NearLinearExponent : null);
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
