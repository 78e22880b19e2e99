using Strata.Bench.Comparison;
using Strata.Bench.Report;
using static Strata.Bench.Tests.Validation.ValidationResultsSamples;

namespace Strata.Bench.Tests.Validation;

public sealed class MarkdownReportTests
{
    private static BenchResults Results(List<GeneratedComparison> generated)
    {
        var corpus = CorpusCompared(5899, 15.4);
        var cli = CliCompared(0.0643, 1.12);
        var growth = GrowthAnalysis.Series(generated, corpus.CfnLintStartupSeconds);
        return new BenchResults(
            new DateTimeOffset(2026, 11, 22, 2, 26, 0, TimeSpan.Zero),
            new MachineInfo("Intel(R) Xeon(R) Processor", 2, 25_232_932_864, "Debian GNU/Linux 12 (bookworm)", ".NET 10.0.12"),
            new ToolVersions("cfn-lint 1.51.0", "f911cc8", null, "@aws-cdk/aws-service-spec 0.1.216 (1828 types)"),
            new Dictionary<string, string>(),
            corpus, cli, generated, growth,
            TargetEvaluator.Evaluate(corpus, cli, generated, growth),
            [new LoadSample("corpus", 0.8, 0.7), new LoadSample("end", 1.0, 0.9)]);
    }

    private static List<GeneratedComparison> Generated() =>
    [
        Mix("mix-500.json", 500, 0.00516, 0.00609),
        Mix("mix-10000.yaml", 10_000, 0.431, 0.461),
        Conditions(50, 0.001),
        Conditions(100, 0.002),
        Conditions(200, 0.004),
    ];

    [Fact]
    public void Render_SmallRun_HeaderNamesMachineVersionsAndLoad()
    {
        var markdown = MarkdownReport.Render(Results(Generated()), "/repo");

        var lines = markdown.Split('\n');
        Assert.Equal("Run of 2026-11-22 02:26 +00:00 on 2 cores (Intel(R) Xeon(R) Processor), 23.5 GiB RAM, Debian GNU/Linux 12 (bookworm), .NET 10.0.12.", lines[0]);
        Assert.Equal("Peer: cfn-lint 1.51.0. Strata: f911cc8; spec @aws-cdk/aws-service-spec 0.1.216 (1828 types).", lines[1]);
        Assert.StartsWith("Load average (1 min) at the start of each stage: corpus 0.8, end 1.0 — ", lines[2]);
    }

    [Fact]
    public void Render_SmallRun_OneTargetRowPerVerdict()
    {
        var results = Results(Generated());

        var markdown = MarkdownReport.Render(results, "/repo");

        Assert.Equal(5, results.Targets.Count);
        foreach (var target in results.Targets)
        {
            Assert.Contains($"| {target.Description} | {target.Target} | {target.Measured} | {Format.Met(target.Met)} |", markdown);
        }
    }

    [Fact]
    public void Render_SmallRun_SideBySideGeneratedAndGrowthTables()
    {
        var markdown = MarkdownReport.Render(Results(Generated()), "/repo");

        Assert.Contains("| whole corpus in one process (523 templates, 3.6 MB) | 5,899 templates/s, 40.4 MB/s (median of 5 passes after 37 warm-up passes; first pass incl. JIT: 869/s) |", markdown);
        Assert.Contains("| 383× throughput (372× without start-up) |", markdown);
        Assert.Contains("| one cold CLI call per template (2 templates × 3 calls, hyperfine): median / p90 | 64.3 ms / 70.7 ms | 1.12 s / 1.23 s | 17× / 17× |", markdown);
        Assert.Contains("| mix-500.json | 1 MiB, 500 res., 4 cond. | 2.58 ms | 2.58 ms (1.72 ms) | 5.16 ms (5.68 ms; 5.16 ms) |", markdown);
        Assert.Contains("| series | n = 50 | n = 100 | n = 200 | fitted exponent | time ×4 conditions |", markdown);
        Assert.Contains("| strata, in-process parse + validate | 1.00 ms | 2.00 ms | 4.00 ms | 1.00 (n ≥ 50) | ×4.0 (50 → 200) |", markdown);
        Assert.Contains("- Slowest templates (best of the passes): aws-cloudformation-templates/big.yaml 4.00 ms.", markdown);
    }

    [Fact]
    public void Render_WorkerThatDidNotFinish_RowSaysSo()
    {
        var generated = Generated();
        generated[1] = generated[1] with { Strata = null, StrataProcess = Ran(600, timedOut: true) };

        var markdown = MarkdownReport.Render(Results(generated), "/repo");

        Assert.Contains("| mix-10000.yaml | 1 MiB, 10000 res., 4 cond. | did not finish: > 300 s (timed out) |", markdown);
        Assert.Contains("| Generated 10,000-resource template, parse + validate + model + dependency graph in-process (median; slower of JSON/YAML) | ≤ 1 s | did not finish within the worker timeout | **missed** |", markdown);
    }
}
