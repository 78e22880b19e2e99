using System.Text.Json;
using Strata.Bench.Corpus;
using Strata.Bench.Generation;
using Strata.Bench.Peers;
using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// The side-by-side run behind <c>bench/run.sh</c>: Strata and cfn-lint on the same inputs in the same run,
/// one after the other (never in parallel: the machine has two cores), then the targets, a Markdown table and
/// <c>bench/results/latest.json</c>.
/// </summary>
internal static class CompareCommand
{
    public static int Run(CompareSettings settings)
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        if (!File.Exists(settings.StrataCli))
        {
            throw new BenchUsageException($"{settings.StrataCli} does not exist: build it with ./strata (bench/run.sh does)");
        }

        var files = CorpusFiles.Find(settings.CorpusRoot);
        var strata = PeerTool.Strata(settings.StrataCli);
        var cfnLint = settings.SkipCfnLint ? null : PeerTool.CfnLint(CfnLintLocator.Resolve(settings.CfnLint), settings.CfnLintMemoryLimitBytes);
        var environment = EnvironmentProbe.Describe(settings, cfnLint);
        Log($"Strata vs {environment.Versions.CfnLint ?? "(cfn-lint skipped)"} on {environment.Machine.Cores} cores; corpus {files.Count} templates");

        var generated = GeneratedTemplates.WriteAll(Path.Combine(settings.WorkDirectory, "generated"));
        Log($"generated {generated.Count} templates under {Path.Combine(settings.WorkDirectory, "generated")}");

        var load = new List<LoadSample>();
        T Stage<T>(string name, Func<T> run)
        {
            load.Add(LoadAverage.Sample(name));
            Log($"load average {load[^1].OneMinute:0.0} (1 min), {load[^1].FiveMinutes:0.0} (5 min) on {Environment.ProcessorCount} cores");
            return run();
        }

        var corpus = Stage("corpus", () => CorpusStage.Run(settings, files, cfnLint));
        var cli = Stage("cli", () => CliStage.Run(settings, files, strata, cfnLint));
        var perTemplate = Stage("generated", () => GeneratedStage.Run(settings, generated, strata, cfnLint));
        load.Add(LoadAverage.Sample("end"));
        var growth = GrowthAnalysis.Series(perTemplate, corpus.CfnLintStartupSeconds);
        var targets = TargetEvaluator.Evaluate(corpus, cli, perTemplate, growth);

        var results = new BenchResults(
            DateTimeOffset.Now,
            environment.Machine,
            environment.Versions,
            environment.Settings,
            corpus,
            cli,
            perTemplate,
            growth,
            targets,
            load);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ResultsJson)!);
        File.WriteAllText(settings.ResultsJson, JsonSerializer.Serialize(results, BenchJson.Options) + "\n");
        var markdown = MarkdownReport.Render(results, settings.RepositoryRoot);
        File.WriteAllText(settings.ResultsMarkdown, markdown);
        Console.WriteLine(markdown);
        Log($"results: {settings.ResultsJson} and {settings.ResultsMarkdown}");
        return 0;
    }

    public static void Log(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
