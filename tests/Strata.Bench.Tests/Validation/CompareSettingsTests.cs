using Strata.Bench.Comparison;

namespace Strata.Bench.Tests.Validation;

public sealed class CompareSettingsTests
{
    private static readonly string Repo = Path.Combine(Path.GetTempPath(), "strata-repo");

    [Fact]
    public void From_Defaults_PathsUnderTheRepositoryAndTheFullRunsCounts()
    {
        var settings = CompareSettings.From(BenchArgs.Parse(["compare", "--repo", Repo]));

        Assert.Equal(Repo, settings.RepositoryRoot);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "shared", "corpus"), settings.CorpusRoot);
        Assert.Equal(Path.Combine(Repo, "artifacts", "bench"), settings.WorkDirectory);
        Assert.Equal(Path.Combine(Repo, "bench", "results", "latest.json"), settings.ResultsJson);
        Assert.Equal(Path.Combine(Repo, "bench", "results", "latest.md"), settings.ResultsMarkdown);
        Assert.Equal(Path.Combine(Repo, "artifacts", "cli", "strata"), settings.StrataCli);
        Assert.Equal("cfn-lint", settings.CfnLint);
        Assert.False(settings.SkipCfnLint);
        Assert.Equal((5, 20, 3, 15), (settings.Passes, settings.SampleSize, settings.CallsPerTemplate, settings.FileRuns));
        Assert.Equal(TimeSpan.FromSeconds(900), settings.CfnLintTimeout);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.CfnLintConditionsTimeout);
        Assert.Equal(8L << 30, settings.CfnLintMemoryLimitBytes);
        Assert.Equal(200, settings.CfnLintMaxConditions);
    }

    [Fact]
    public void From_Quick_SmokeRunWrittenUnderArtifacts()
    {
        var settings = CompareSettings.From(BenchArgs.Parse(["compare", "--repo", Repo, "--quick", "--skip-cfn-lint"]));

        Assert.Equal(Path.Combine(Repo, "artifacts", "bench", "quick.json"), settings.ResultsJson);
        Assert.Equal(Path.Combine(Repo, "artifacts", "bench", "quick.md"), settings.ResultsMarkdown);
        Assert.True(settings.SkipCfnLint);
        Assert.Equal((2, 6, 1, 5), (settings.Passes, settings.SampleSize, settings.CallsPerTemplate, settings.FileRuns));
        Assert.Equal(TimeSpan.FromSeconds(60), settings.CfnLintTimeout);
    }

    [Fact]
    public void From_ExplicitOptions_ZeroCountsRaisedToOne()
    {
        var args = BenchArgs.Parse(["compare", "--repo", Repo, "--passes", "0", "--runs", "0", "--out", "/tmp/run.json",
            "--cfn-lint-memory-gib", "2", "--cfn-lint-timeout", "0", "--cfn-lint-max-conditions", "16"]);

        var settings = CompareSettings.From(args);
        args.RejectUnknown();

        Assert.Equal(1, settings.Passes);
        Assert.Equal(1, settings.FileRuns);
        Assert.Equal("/tmp/run.json", settings.ResultsJson);
        Assert.Equal("/tmp/run.md", settings.ResultsMarkdown);
        Assert.Equal(2L << 30, settings.CfnLintMemoryLimitBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.CfnLintTimeout);
        Assert.Equal(16, settings.CfnLintMaxConditions);
    }
}
