using System.Globalization;
using Strata.Bench.Measurement;
using Strata.Bench.Peers;
using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// The whole corpus in one process: Strata's in-process throughput (worker <c>corpus</c>) against one cfn-lint
/// process given every file. cfn-lint's start-up (measured on a one-resource template) is reported so its
/// throughput can also be read without it.
/// </summary>
internal static class CorpusStage
{
    private static readonly TimeSpan CorpusTimeout = TimeSpan.FromHours(1);

    public static CorpusComparison Run(CompareSettings settings, IReadOnlyList<string> files, PeerTool? cfnLint)
    {
        var bytes = files.Sum(f => new FileInfo(f).Length);
        CompareCommand.Log($"corpus: Strata in one process, warm-up passes then {settings.Passes} timed passes over {files.Count} templates");
        var (strata, strataProcess) = Workers.Run<CorpusRun>(
            ["corpus", "--corpus", settings.CorpusRoot, "--passes", settings.Passes.ToString(CultureInfo.InvariantCulture)],
            settings.StrataTimeout);
        if (strata is not null)
        {
            CompareCommand.Log($"  strata: {strata.TemplatesPerSecond:0} templates/s (median pass {strata.MedianPassSeconds:0.000} s)");
        }

        if (cfnLint is null)
        {
            return new CorpusComparison(files.Count, bytes, strata, strataProcess, null, null, null, null, null, null, null);
        }

        var startup = Startup(settings, cfnLint);
        CompareCommand.Log($"corpus: cfn-lint in one process over {files.Count} templates (start-up {startup:0.00} s)");
        var run = cfnLint.Run(files, CorpusTimeout > settings.CfnLintTimeout ? CorpusTimeout : settings.CfnLintTimeout);
        double? cfnRate = run.TimedOut ? null : files.Count / run.Seconds;
        double? netRate = run.TimedOut || run.Seconds <= startup ? null : files.Count / (run.Seconds - startup);
        CompareCommand.Log($"  cfn-lint: {run.Seconds:0.0} s{(run.TimedOut ? " (timed out)" : "")}");
        return new CorpusComparison(
            files.Count,
            bytes,
            strata,
            strataProcess,
            run,
            cfnRate,
            startup,
            strata is null || cfnRate is null ? null : strata.TemplatesPerSecond / cfnRate,
            strata is null || netRate is null ? null : strata.TemplatesPerSecond / netRate,
            strata is null || run.CpuSeconds is not { } lintCpu || run.TimedOut ? null : lintCpu / strata.MedianPassCpuSeconds,
            strataProcess.MaxRssBytes is { } mine && run.MaxRssBytes is { } theirs ? (double)theirs / mine : null);
    }

    /// <summary>Median wall time of cfn-lint on a one-resource template: interpreter start, imports, rule loading.</summary>
    private static double Startup(CompareSettings settings, PeerTool cfnLint)
    {
        var minimal = Path.Combine(settings.WorkDirectory, "minimal.yaml");
        File.WriteAllText(minimal, "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
        return Stats.Median(Enumerable.Range(0, 3).Select(_ => cfnLint.Run([minimal], settings.CfnLintTimeout).Seconds));
    }
}
