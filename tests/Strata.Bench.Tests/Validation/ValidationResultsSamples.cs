using Strata.Bench.Generation;
using Strata.Bench.Report;

namespace Strata.Bench.Tests.Validation;

/// <summary>Small hand-made comparison results, so verdicts, fits and tables can be checked against numbers worked out by hand.</summary>
internal static class ValidationResultsSamples
{
    public static readonly FindingCounts NoFindings = new(0, 0, 0, 0, 0, 0, new Dictionary<string, int>());

    public static ProcessRun Ran(double seconds, bool timedOut = false) =>
        new("tool", seconds, 0, timedOut, 300, 50L << 20, 0, CpuSeconds: seconds * 0.9);

    public static FileRun FileRunOf(string name, double parseAndValidate, double total, double? parse = null, double? validate = null) => new(
        Path: "/gen/" + name, Bytes: 1 << 20, Runs: 5, WarmUpRuns: 3,
        ColdParseAndValidateSeconds: parseAndValidate * 20, ColdTotalSeconds: total * 20,
        ParseSeconds: parse ?? parseAndValidate / 2, ValidateSeconds: validate ?? parseAndValidate / 2, ValidateSettledTreeSeconds: parseAndValidate / 3,
        ModelSeconds: (total - parseAndValidate) / 2, GraphSeconds: (total - parseAndValidate) / 2,
        ParseAndValidateSeconds: parseAndValidate, ParseAndValidateP90Seconds: parseAndValidate * 1.1, ParseAndValidateCpuSeconds: parseAndValidate,
        TotalSeconds: total, TotalCpuSeconds: total, AllocatedBytesPerRun: 6 << 20, GcPerRun: new GcActivity(1, 0, 0, 0.001),
        BaselineWorkingSetBytes: 90L << 20, PeakWorkingSetBytes: 110L << 20, GraphNodes: 500, GraphEdges: 848, GraphOrdered: 500,
        Findings: NoFindings with { Infos = 2, ByRule = new Dictionary<string, int> { ["I3010"] = 1, ["I9001"] = 1 } });

    public static GeneratedComparison Mix(string name, int size, double parseAndValidate, double total) => new(
        new GeneratedTemplate(name, "mix", size, "/gen/" + name, 1 << 20, size, 4),
        FileRunOf(name, parseAndValidate, total), Ran(1), Ran(0.09), Ran(5.7), null, 63, 3.8);

    public static GeneratedComparison Conditions(int size, double? seconds, ProcessRun? cfnLint = null) => new(
        new GeneratedTemplate($"conditions-{size}.yaml", "conditions", size, $"/gen/conditions-{size}.yaml", size * 300, size / 2, size),
        seconds is { } s ? FileRunOf($"conditions-{size}.yaml", s, s * 1.1, parse: s * 0.6, validate: s * 0.4) : null,
        Ran(seconds ?? 600, timedOut: seconds is null), Ran(0.07 + (seconds ?? 0)), cfnLint, cfnLint is null ? "not run" : null, null, null);

    public static CorpusRun CorpusRun(double templatesPerSecond, double coldTemplatesPerSecond) => new(
        Templates: 523, Bytes: 3_600_000, Passes: 5, WarmUpPasses: 37, ColdPassSeconds: 523 / coldTemplatesPerSecond,
        PassSeconds: [0.09, 0.088, 0.089], MedianPassSeconds: 523 / templatesPerSecond, MedianPassCpuSeconds: 0.0891,
        TemplatesPerSecond: templatesPerSecond, MegabytesPerSecond: 40.4, ColdTemplatesPerSecond: coldTemplatesPerSecond,
        ParseSeconds: 0.05, ValidateSeconds: 0.04, AllocatedBytesPerTemplate: 100_000, GcPerPass: new GcActivity(2, 0, 0, 0.002),
        PeakWorkingSetBytes: 147L << 20,
        Findings: new FindingCounts(120, 30, 10, 60, 0, 0, new Dictionary<string, int> { ["E3012"] = 50, ["W2001"] = 30 }),
        Slowest: [new SlowTemplate("/work/shared/corpus/aws-cloudformation-templates/big.yaml", 0.004)]);

    public static CorpusComparison CorpusCompared(double? strataRate, double? cfnLintRate) => new(
        523, 3_600_000, strataRate is { } s ? CorpusRun(s, 869) : null, Ran(2),
        cfnLintRate is { } c ? Ran(523 / c) : null, cfnLintRate, cfnLintRate is null ? null : 0.991,
        strataRate / cfnLintRate, strataRate / cfnLintRate * 0.97, 380, 1.4);

    public static CliComparison CliCompared(double strataMedian, double? cfnLintMedian) => new(
        ["a.yaml", "b.json"],
        new CallSample("strata", "hyperfine", 6, strataMedian, strataMedian * 1.1, strataMedian * 0.9, strataMedian * 1.3, 42L << 20, 0.05),
        cfnLintMedian is { } c ? new CallSample("cfn-lint", "hyperfine", 6, c, c * 1.1, c * 0.9, c * 1.2, 160L << 20, 1.06) : null,
        cfnLintMedian / strataMedian, cfnLintMedian / strataMedian);
}
