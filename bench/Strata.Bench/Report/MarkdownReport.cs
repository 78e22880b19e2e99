using System.Text;

namespace Strata.Bench.Report;

/// <summary>Renders a run as the Markdown tables that bench/README.md quotes (also written next to latest.json).</summary>
internal static class MarkdownReport
{
    public static string Render(BenchResults results, string repositoryRoot)
    {
        var text = new StringBuilder();
        text.AppendLine($"Run of {results.Date:yyyy-MM-dd HH:mm zzz} on {results.Machine.Cores} cores ({results.Machine.Cpu}), {Format.Bytes(results.Machine.MemoryBytes)} RAM, {results.Machine.Os}, {results.Machine.Runtime}.");
        text.AppendLine($"Peer: {results.Versions.CfnLint ?? "cfn-lint not run"}. Strata: {results.Versions.StrataCommit ?? "unknown revision"}; spec {results.Versions.SpecVersion}.");
        text.AppendLine($"Load average (1 min) at the start of each stage: {string.Join(", ", results.Load.Select(l => $"{l.Stage} {Format.Number(l.OneMinute, "0.0")}"))} — the machine is shared; wall times stretch when it is busy, CPU times much less.");
        text.AppendLine();
        Targets(text, results.Targets);
        SideBySide(text, results);
        Generated(text, results.Generated);
        Growth(text, results);
        CorpusDetails(text, results.Corpus, results.Cli);
        return text.ToString();
    }

    private static void Targets(StringBuilder text, IReadOnlyList<TargetCheck> targets)
    {
        text.AppendLine("#### Targets (issue 2)");
        text.AppendLine();
        text.AppendLine("| target | goal | measured | result |");
        text.AppendLine("|---|---|---|---|");
        foreach (var t in targets)
        {
            text.AppendLine($"| {t.Description} | {t.Target} | {t.Measured} | {Format.Met(t.Met)} |");
        }

        text.AppendLine();
    }

    private static void SideBySide(StringBuilder text, BenchResults results)
    {
        var corpus = results.Corpus;
        var cli = results.Cli;
        text.AppendLine("#### Side by side (same inputs, same run)");
        text.AppendLine();
        text.AppendLine("| input | Strata | cfn-lint | cfn-lint ÷ Strata |");
        text.AppendLine("|---|---|---|---|");
        var strataRate = corpus.Strata is { } s
            ? $"{Format.Number(s.TemplatesPerSecond)} templates/s, {s.MegabytesPerSecond:0.0} MB/s (median of {s.Passes} passes after {s.WarmUpPasses} warm-up passes; first pass incl. JIT: {Format.Number(s.ColdTemplatesPerSecond)}/s)"
            : $"did not finish ({Format.Duration(corpus.StrataProcess)})";
        var lintRate = corpus.CfnLint is { } c
            ? c.TimedOut ? Format.Duration(c) : $"{corpus.CfnLintTemplatesPerSecond:0.0} templates/s ({Format.Duration(c.Seconds)} wall, of which start-up {Format.Duration(corpus.CfnLintStartupSeconds ?? 0)})"
            : "not run";
        text.AppendLine($"| whole corpus in one process ({corpus.Templates} templates, {Format.Number(corpus.Bytes / 1e6, "0.0")} MB) | {strataRate} | {lintRate} | {Format.Ratio(corpus.ThroughputRatio)} throughput ({Format.Ratio(corpus.ThroughputRatioExcludingStartup)} without start-up) |");
        text.AppendLine($"| … CPU time (Strata: median pass; cfn-lint: user + system) | {(corpus.Strata is { } sc ? Format.Duration(sc.MedianPassCpuSeconds) : "–")} | {(corpus.CfnLint?.CpuSeconds is { } lc ? Format.Duration(lc) : "–")} | {Format.Ratio(corpus.CpuTimeRatio)} |");
        text.AppendLine($"| … peak memory of that process | {Format.Bytes(corpus.StrataProcess.MaxRssBytes)} | {Format.Bytes(corpus.CfnLint?.MaxRssBytes)} | {Format.Ratio(corpus.PeakMemoryRatio)} |");
        text.AppendLine($"| one cold CLI call per template ({cli.Files.Count} templates × {cli.Strata.Calls / Math.Max(1, cli.Files.Count)} calls, {cli.Strata.Method}): median / p90 | {Format.Duration(cli.Strata.MedianSeconds)} / {Format.Duration(cli.Strata.P90Seconds)} | {(cli.CfnLint is null ? "not run" : $"{Format.Duration(cli.CfnLint.MedianSeconds)} / {Format.Duration(cli.CfnLint.P90Seconds)}")} | {Format.Ratio(cli.MedianRatio)} / {Format.Ratio(cli.P90Ratio)} |");
        text.AppendLine($"| … CPU time per call (median) | {Cpu(cli.Strata.MedianCpuSeconds)} | {Cpu(cli.CfnLint?.MedianCpuSeconds)} | {Format.Ratio(cli.CfnLint?.MedianCpuSeconds is { } theirCpu && cli.Strata.MedianCpuSeconds is { } myCpu && myCpu > 0 ? theirCpu / myCpu : null)} |");
        text.AppendLine($"| … peak memory per call (median) | {Format.Bytes(cli.Strata.MedianMaxRssBytes)} | {Format.Bytes(cli.CfnLint?.MedianMaxRssBytes)} | {Format.Ratio(cli.CfnLint?.MedianMaxRssBytes is { } m && cli.Strata.MedianMaxRssBytes is { } n ? (double)m / n : null)} |");
        foreach (var g in results.Generated)
        {
            var lint = g.CfnLint is null ? $"not run ({g.CfnLintSkipped})" : Format.Duration(g.CfnLint);
            var inProcess = g.Strata is null ? "" : $" (in-process {Format.Duration(g.Strata.ParseAndValidateSeconds)})";
            var lintUsage = g.CfnLint is { TimedOut: false, Failure: null } ? $", CPU {Cpu(g.CfnLint.CpuSeconds)}, {Format.Bytes(g.CfnLint.MaxRssBytes)}" : "";
            text.AppendLine($"| {g.Template.Name}: one CLI call{inProcess} | {Format.Duration(g.StrataCli)}, CPU {Cpu(g.StrataCli.CpuSeconds)}, {Format.Bytes(g.StrataCli.MaxRssBytes)} | {lint}{lintUsage} | {Format.Ratio(g.CliRatio, g.CfnLint?.TimedOut == true)} time{(g.MemoryRatio is { } mr ? $", {Format.Ratio(mr)} memory" : "")} |");
        }

        text.AppendLine();
    }

    private static void Generated(StringBuilder text, IReadOnlyList<GeneratedComparison> generated)
    {
        text.AppendLine("#### Generated templates, Strata in-process (medians of the timed runs)");
        text.AppendLine();
        text.AppendLine("| template | size | parse | validate (on a promoted tree) | parse + validate (p90; CPU) | model | graph (nodes/edges) | total (CPU) | first run (JIT) | allocated/run (gen0/1/2 GCs) | peak working set | findings (E/W/I) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var g in generated)
        {
            var r = g.Strata;
            var size = $"{Format.Bytes(g.Template.Bytes)}, {g.Template.Resources} res., {g.Template.Conditions} cond.";
            if (r is null)
            {
                text.AppendLine($"| {g.Template.Name} | {size} | did not finish: {Format.Duration(g.StrataProcess)} |||||||||| ");
                continue;
            }

            text.AppendLine($"| {g.Template.Name} | {size} | {Format.Duration(r.ParseSeconds)} | {Format.Duration(r.ValidateSeconds)} ({Format.Duration(r.ValidateSettledTreeSeconds)}) | {Format.Duration(r.ParseAndValidateSeconds)} ({Format.Duration(r.ParseAndValidateP90Seconds)}; {Format.Duration(r.ParseAndValidateCpuSeconds)}) | {Format.Duration(r.ModelSeconds)} | {Format.Duration(r.GraphSeconds)} ({r.GraphNodes}/{r.GraphEdges}) | {Format.Duration(r.TotalSeconds)} ({Format.Duration(r.TotalCpuSeconds)}) | {Format.Duration(r.ColdTotalSeconds)} | {Format.Bytes(r.AllocatedBytesPerRun)} ({r.GcPerRun.Gen0}/{r.GcPerRun.Gen1}/{r.GcPerRun.Gen2}) | {Format.Bytes(r.PeakWorkingSetBytes)} | {r.Findings.Errors}/{r.Findings.Warnings}/{r.Findings.Infos} {Rules(r.Findings)} |");
        }

        text.AppendLine();
    }

    private static void Growth(StringBuilder text, BenchResults results)
    {
        var series = results.ConditionGrowth;
        if (series.Count == 0)
        {
            return;
        }

        text.AppendLine("#### Nested conditions: time against the number of conditions");
        text.AppendLine();
        var sizes = series[0].Sizes;
        text.AppendLine("| series | " + string.Join(" | ", sizes.Select(n => $"n = {n}")) + " | fitted exponent | time ×4 conditions |");
        text.AppendLine("|---|" + string.Concat(sizes.Select(_ => "---|")) + "---|---|");
        foreach (var s in series)
        {
            var cells = sizes.Select(n =>
            {
                var i = s.Sizes.ToList().IndexOf(n);
                return i < 0 ? "not run" : s.TimedOut[i] ? "timed out" : s.Seconds[i] is { } t ? Format.Duration(t) : "failed";
            });
            var exponent = s.Exponent is { } k ? $"{Format.Number(k, "0.00")} (n ≥ {s.FitFrom})" : "–";
            var ratio = s.Ratio4n is { } r ? $"×{Format.Number(r, "0.0")} ({s.FitFrom} → {s.FitFrom * 4})" : "–";
            text.AppendLine($"| {s.Tool} | {string.Join(" | ", cells)} | {exponent} | {ratio} |");
        }

        text.AppendLine();
    }

    private static void CorpusDetails(StringBuilder text, CorpusComparison corpus, CliComparison cli)
    {
        if (corpus.Strata is not { } s)
        {
            return;
        }

        text.AppendLine("#### Corpus pass, Strata in-process: where the time goes");
        text.AppendLine();
        text.AppendLine($"- Median pass {Format.Duration(s.MedianPassSeconds)}, CPU {Format.Duration(s.MedianPassCpuSeconds)} (passes: {string.Join(", ", s.PassSeconds.Select(Format.Duration))}); first pass incl. JIT and specification load {Format.Duration(s.ColdPassSeconds)}; {s.WarmUpPasses} warm-up passes in all.");
        text.AppendLine($"- Parse {Format.Duration(s.ParseSeconds)}, validate {Format.Duration(s.ValidateSeconds)} per pass; {Format.Bytes(s.AllocatedBytesPerTemplate)} allocated per template; per pass {s.GcPerPass.Gen0}/{s.GcPerPass.Gen1}/{s.GcPerPass.Gen2} gen0/1/2 collections, {Format.Duration(s.GcPerPass.PauseSeconds)} GC pause.");
        text.AppendLine($"- Findings per pass: {s.Findings.Errors} errors, {s.Findings.Warnings} warnings, {s.Findings.Infos} infos; {s.Findings.TemplatesWithErrors} templates with errors; {s.Findings.Crashes} crashes, {s.Findings.InternalErrors} internal rule failures. cfn-lint reported {corpus.CfnLint?.Findings?.ToString() ?? "–"} findings on the same files.");
        text.AppendLine($"- Most frequent rules: {Rules(s.Findings)}.");
        text.AppendLine($"- Slowest templates (best of the passes): {string.Join("; ", s.Slowest.Take(5).Select(t => $"{Shorten(t.Path)} {Format.Duration(t.Seconds)}"))}.");
        text.AppendLine();
    }

    private static string Cpu(double? seconds) => seconds is { } s ? Format.Duration(s) : "–";

    private static string Rules(FindingCounts findings) =>
        findings.ByRule.Count == 0 ? "" : string.Join(", ", findings.ByRule.Take(6).Select(r => $"{r.Key}×{r.Value}"));

    private static string Shorten(string path)
    {
        var marker = path.IndexOf("/corpus/", StringComparison.Ordinal);
        return marker < 0 ? path : path[(marker + "/corpus/".Length)..];
    }
}
