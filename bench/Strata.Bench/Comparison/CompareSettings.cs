namespace Strata.Bench.Comparison;

/// <summary>Everything <c>compare</c> needs, resolved to absolute paths (defaults relative to the repository root).</summary>
internal sealed record CompareSettings
{
    public required string RepositoryRoot { get; init; }

    public required string CorpusRoot { get; init; }

    /// <summary>Scratch folder for generated templates and tool output (under the git-ignored <c>artifacts/</c>).</summary>
    public required string WorkDirectory { get; init; }

    public required string ResultsJson { get; init; }

    public required string ResultsMarkdown { get; init; }

    public required string StrataCli { get; init; }

    public required string CfnLint { get; init; }

    public bool SkipCfnLint { get; init; }

    /// <summary>Timed passes over the corpus (after one warm-up pass).</summary>
    public int Passes { get; init; } = 5;

    /// <summary>Templates in the one-call-per-template sample.</summary>
    public int SampleSize { get; init; } = 20;

    /// <summary>Timed calls per sample template and tool (hyperfine runs it once more as warm-up).</summary>
    public int CallsPerTemplate { get; init; } = 3;

    /// <summary>Timed in-process runs per generated template.</summary>
    public int FileRuns { get; init; } = 15;

    /// <summary>cfn-lint's bound on one call (the 10,000-resource template takes it several minutes).</summary>
    public TimeSpan CfnLintTimeout { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>cfn-lint's bound on one nested-conditions template: it stops finishing at about 20 conditions.</summary>
    public TimeSpan CfnLintConditionsTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Address-space bound for each cfn-lint process (it passes 12 GiB on 50 chained conditions).</summary>
    public long CfnLintMemoryLimitBytes { get; init; } = 8L << 30;

    public TimeSpan StrataTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Largest nested-conditions template given to cfn-lint (larger sizes run for Strata only).</summary>
    public int CfnLintMaxConditions { get; init; } = 200;

    public static CompareSettings From(BenchArgs args)
    {
        var root = Path.GetFullPath(args.String("repo", FindRepositoryRoot()));
        string Resolve(string name, string fallback) => Path.GetFullPath(args.String(name, fallback), root);

        // --quick: a smoke run that still exercises every stage; its numbers are too thin to commit.
        var quick = args.Flag("quick");
        var results = Resolve("out", quick ? "artifacts/bench/quick.json" : "bench/results/latest.json");
        return new CompareSettings
        {
            RepositoryRoot = root,
            CorpusRoot = Resolve("corpus", "../shared/corpus"),
            WorkDirectory = Resolve("work", "artifacts/bench"),
            ResultsJson = results,
            ResultsMarkdown = Path.ChangeExtension(results, ".md"),
            StrataCli = Resolve("strata-cli", "artifacts/cli/strata"),
            CfnLint = args.String("cfn-lint", "cfn-lint"),
            SkipCfnLint = args.Flag("skip-cfn-lint"),
            Passes = Math.Max(1, args.Int("passes", quick ? 2 : 5)),
            SampleSize = Math.Max(1, args.Int("sample", quick ? 6 : 20)),
            CallsPerTemplate = Math.Max(1, args.Int("calls", quick ? 1 : 3)),
            FileRuns = Math.Max(1, args.Int("runs", quick ? 5 : 15)),
            CfnLintTimeout = TimeSpan.FromSeconds(Math.Max(1, args.Int("cfn-lint-timeout", quick ? 60 : 900))),
            CfnLintConditionsTimeout = TimeSpan.FromSeconds(Math.Max(1, args.Int("cfn-lint-conditions-timeout", quick ? 30 : 300))),
            CfnLintMemoryLimitBytes = (long)Math.Max(1, args.Int("cfn-lint-memory-gib", 8)) << 30,
            StrataTimeout = TimeSpan.FromSeconds(Math.Max(1, args.Int("strata-timeout", 600))),
            CfnLintMaxConditions = args.Int("cfn-lint-max-conditions", 200),
        };
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Strata.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchUsageException("Cannot find the repository root (a folder with Strata.sln); pass --repo DIR");
    }
}
