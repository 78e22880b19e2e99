using Strata.Bench.Corpus;
using Strata.Bench.Peers;
using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>One cold CLI call per template over an evenly spread sample of the corpus, for both tools.</summary>
internal static class CliStage
{
    public static CliComparison Run(CompareSettings settings, IReadOnlyList<string> files, PeerTool strata, PeerTool? cfnLint)
    {
        var sample = CorpusFiles.Sample(files, settings.SampleSize);
        CompareCommand.Log($"cli: {sample.Count} templates x {settings.CallsPerTemplate} cold calls, strata");
        var mine = CallSampler.Measure(strata, sample, settings.CallsPerTemplate, settings.StrataTimeout, settings.WorkDirectory);
        CompareCommand.Log($"  strata ({mine.Method}): median {mine.MedianSeconds:0.000} s, p90 {mine.P90Seconds:0.000} s");
        CallSample? theirs = null;
        if (cfnLint is not null)
        {
            CompareCommand.Log($"cli: {sample.Count} templates x {settings.CallsPerTemplate} cold calls, cfn-lint");
            theirs = CallSampler.Measure(cfnLint, sample, settings.CallsPerTemplate, settings.CfnLintTimeout, settings.WorkDirectory);
            CompareCommand.Log($"  cfn-lint ({theirs.Method}): median {theirs.MedianSeconds:0.000} s, p90 {theirs.P90Seconds:0.000} s");
        }

        var relative = sample.Select(f => Path.GetRelativePath(settings.CorpusRoot, f)).ToList();
        return new CliComparison(relative, mine, theirs,
            theirs is null ? null : theirs.MedianSeconds / mine.MedianSeconds,
            theirs is null ? null : theirs.P90Seconds / mine.P90Seconds);
    }
}
